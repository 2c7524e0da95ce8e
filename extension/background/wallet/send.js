// Send from the popup: what the user typed (asset, recipient, amount or Max, fee level) becomes
// a transaction to review, checked before anything is signed: the recipient (recipient.js), the
// amount against the balance, and the fee against what is left. Signing and broadcasting go
// through the one transaction path (transactions.js), like a dApp's.
import * as networks from './networks.js';
import * as accounts from './accounts.js';
import * as tokens from './tokens.js';
import * as fees from './fees.js';
import * as recipients from './recipient.js';
import * as transactions from './transactions.js';
import { describe } from './transaction-view.js';
import { parseAmount, exactAmount } from '../../shared/amounts.js';
import { ProviderError, CHAIN_DISCONNECTED } from '../../shared/rpc-errors.js';
import { isAddress } from './hex.js';
import { userError } from '../../shared/wallet-errors.js';

const hex = (n) => `0x${n.toString(16)}`;

/**
 * A problem as the popup words it: catalog message `key` with `params`; an amount is a param
 * `{ amount, symbol }` (the exact decimal in code notation), written in the popup's language.
 */
const said = (key, params = {}) => ({ key, params });

/** The asset sent: 'ETH' (the network's own currency) or a token of the list on the network. */
async function assetOf(value, network) {
  if (value === 'ETH') return { value: 'ETH', symbol: network.symbol, decimals: 18, token: null };
  const token = await tokens.find(network.chainId, value);
  if (!token) throw userError('error_send_token_not_listed', { network: network.name });
  return { value: token.address, symbol: token.symbol, decimals: token.decimals, token };
}

/** The gas `request` needs, or the problem that says why it would fail. */
async function estimate(request, network, asset) {
  try {
    return { gas: BigInt(await networks.rpc('eth_estimateGas', [request], network)) };
  } catch (e) {
    if (!(e instanceof ProviderError) || e.code === CHAIN_DISCONNECTED) throw e;
    const reason = String(e.message).slice(0, 160);
    return { problem: asset.token ? said('send_problem_would_fail_token', { reason, symbol: asset.symbol }) : said('send_problem_would_fail', { reason }) };
  }
}

/**
 * The send the user is typing, checked: `{ asset, from, recipient: { address, warnings },
 * amount, fees, problem, review }`. `amount` is the exact amount (for Max, the whole token
 * balance, or the ETH balance minus the maximum fee of the chosen level, so it never fails for
 * lack of funds); `fees` the three levels for this transaction's gas, each with `maxFee` (gas ×
 * max fee per gas, wei); `problem` what stops it besides a blocking warning (null when none);
 * `review`, when nothing stops it, `{ tx, view }`: the filled transaction to sign and what the
 * review shows of it.
 */
export async function draft({ asset: assetValue, to, amount, max = false, fee = 'market' }) {
  if (!fees.LEVELS.includes(fee)) throw userError('error_send_fee_level', { levels: fees.LEVELS.join(', ') });
  const network = await networks.selected();
  const from = await accounts.selectedAddress();
  if (!from) throw Object.assign(new Error('the wallet is locked'), { code: 'LOCKED' });
  const asset = await assetOf(assetValue, network);
  const [recipient, balance, ethBalance, feeOptions] = await Promise.all([
    recipients.check({ network, from, token: asset.token, input: to }),
    asset.token ? tokens.balanceOf(network, asset.token, from) : null,
    networks.rpc('eth_getBalance', [from, 'latest'], network).then(BigInt),
    fees.options(network),
  ]);
  const held = balance ?? ethBalance;
  const shown = (v) => ({ amount: exactAmount(v, asset.decimals), symbol: asset.symbol });
  const eth = (v) => ({ amount: exactAmount(v, 18), symbol: network.symbol });
  const out = { asset: { ...asset, token: undefined, balance: hex(held) }, from, recipient, amount: null, fees: null, problem: null, review: null };
  if (!recipient.address || recipients.blocked(recipient.warnings)) return out;

  let value = held;
  if (!max) {
    try {
      value = parseAmount(amount, asset.decimals, asset.symbol);
    } catch (e) {
      out.problem = said(e.key, e.params); // parseAmount's refusals all name their message
    }
  }
  if (!out.problem && value > held) {
    out.problem = said(asset.token ? 'send_problem_over_balance_token' : 'send_problem_over_balance', { balance: shown(held) });
  }
  if (max && held === 0n) out.problem = said('send_problem_nothing', { symbol: asset.symbol });
  const moved = out.problem ? 0n : value;
  const request = asset.token
    ? { from, to: asset.token.address, value: '0x0', data: tokens.transferData(recipient.address, moved) }
    : { from, to: recipient.address, value: hex(moved), data: '0x' };
  const { gas, problem } = await estimate(request, network, asset);
  if (problem) return { ...out, problem: out.problem ?? problem };
  out.fees = Object.fromEntries(fees.LEVELS.map((level) => [level, { ...feeOptions[level], maxFee: hex(gas * fees.perGas(feeOptions[level])) }]));
  if (out.problem) return out;

  const cost = gas * fees.perGas(feeOptions[fee]);
  if (!asset.token && max) {
    value = held - cost;
    if (value <= 0n) return { ...out, problem: said('send_problem_fee_over_balance', { balance: eth(held), fee: eth(cost), symbol: network.symbol }) };
    request.value = hex(value);
  } else if (!asset.token && value + cost > held) {
    return { ...out, problem: said('send_problem_amount_and_fee', { amount: shown(value), fee: eth(cost), balance: eth(held), most: eth(held - cost > 0n ? held - cost : 0n) }) };
  } else if (asset.token && cost > ethBalance) {
    return { ...out, problem: said('send_problem_fee_over_eth', { fee: eth(cost), balance: eth(ethBalance), symbol: network.symbol }) };
  }
  out.amount = exactAmount(value, asset.decimals);
  const tx = await transactions.fill({ ...request, gas: hex(gas) }, network, { fee, feeOptions });
  out.review = { tx, view: await describe(tx, network, from) };
  return out;
}

/** The fields of a filled transaction (transactions.fill); anything else the popup sends is dropped. */
const FIELDS = ['type', 'chainId', 'nonce', 'to', 'value', 'data', 'gas', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'accessList'];

/**
 * Signs and broadcasts the reviewed transaction `tx` (a draft's `review.tx`) for `from`, with
 * the account's next nonce; resolves with its hash. Refused when the network changed since the
 * review.
 */
export async function confirm(from, tx) {
  const network = await networks.selected();
  if (typeof tx !== 'object' || tx === null || tx.chainId !== network.chainId) {
    throw userError('error_send_network_changed', { network: network.name });
  }
  if (!isAddress(from)) throw userError('error_send_no_account');
  const { account } = await accounts.find(from);
  const filled = Object.fromEntries(FIELDS.filter((k) => tx[k] !== undefined).map((k) => [k, tx[k]]));
  return transactions.send(filled, network, { account: account.address, origin: 'keystead' });
}
