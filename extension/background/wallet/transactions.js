// The one path of every transaction Keystead signs, from a dApp (eth_sendTransaction) or from
// the popup's Send: fill what the request leaves out (nonce, gas, fees) from the node, describe
// it for the review, then take the account's next nonce, sign in the core, broadcast, and record
// it in Activity, one transaction at a time per account and chain (nonces.js).
import * as core from './core.js';
import * as networks from './networks.js';
import * as fees from './fees.js';
import * as nonces from './nonces.js';
import * as tokens from './tokens.js';
import * as activity from './activity.js';
import { broadcastError } from './node-errors.js';
import { invalidParams } from '../../shared/rpc-errors.js';

const hex = (n) => `0x${n.toString(16)}`;

/**
 * The request `tx` ({ from, to?, value, data, gas?, nonce?, gasPrice?, maxFeePerGas?,
 * maxPriorityFeePerGas? }, quantities as `0x` hex) completed from `network`'s node: the exact
 * fields the core signs. Fees the request leaves out are the `fee` level (fees.js; `feeOptions`
 * when the caller already read them). A legacy network, or a request with gasPrice, gets a type
 * 0 transaction; otherwise type 2. The nonce is the one the account's next transaction would
 * take now; `send` takes it again when its turn comes.
 */
export async function fill(tx, network, { fee = 'market', feeOptions } = {}) {
  const [nonce, gas, options] = await Promise.all([
    tx.nonce ?? nonces.next(network, tx.from).then(hex),
    tx.gas ?? networks.rpc('eth_estimateGas', [{ from: tx.from, to: tx.to, value: tx.value, data: tx.data }], network),
    tx.gasPrice ? null : (feeOptions ?? fees.options(network)),
  ]);
  const base = { chainId: network.chainId, nonce, to: tx.to, value: tx.value, data: tx.data, gas };
  if (tx.gasPrice) return { ...base, type: '0x0', gasPrice: tx.gasPrice };
  const choice = options[fee];
  if (options.legacy) return { ...base, type: '0x0', gasPrice: choice.gasPrice };
  const maxFeePerGas = tx.maxFeePerGas ?? choice.maxFeePerGas;
  let maxPriorityFeePerGas = tx.maxPriorityFeePerGas ?? choice.maxPriorityFeePerGas;
  if (BigInt(maxPriorityFeePerGas) > BigInt(maxFeePerGas)) {
    if (tx.maxPriorityFeePerGas) throw invalidParams('maxPriorityFeePerGas is higher than maxFeePerGas.');
    maxPriorityFeePerGas = maxFeePerGas; // the request's own max fee is below the chosen tip
  }
  return { ...base, type: '0x2', maxFeePerGas, maxPriorityFeePerGas, accessList: [] };
}

/** The most the filled transaction `f` can cost in fees (gas × max fee per gas), as a bigint. */
export const maxFee = (f) => BigInt(f.gas) * fees.perGas(f);

/**
 * The listed token and its recipient and amount when `f` is an ERC-20 transfer call to a token
 * of the list: `{ token, to (EIP-55), amount (bigint) }`; else null.
 */
async function tokenTransfer(f, chainId) {
  const call = f.to ? tokens.decodeTransfer(f.data) : null;
  const token = call ? await tokens.find(chainId, f.to) : null;
  return token ? { token, to: await core.toChecksumAddress(call.to), amount: call.amount } : null;
}

/**
 * What the review shows for the filled transaction `f` from `account`: the same for a dApp's
 * approval window and the popup's Send (popup/components/transaction-view.js).
 */
export async function describe(f, network, account) {
  const transfer = await tokenTransfer(f, network.chainId);
  return {
    account,
    network: { name: network.name, chainId: network.chainId, symbol: network.symbol },
    to: f.to ?? null,
    value: f.value,
    data: f.data,
    gas: f.gas,
    maxFeePerGas: f.maxFeePerGas ?? f.gasPrice,
    maxPriorityFeePerGas: f.maxPriorityFeePerGas ?? null,
    maxCost: hex(maxFee(f) + BigInt(f.value)),
    nonce: f.nonce,
    transfer: transfer && {
      symbol: transfer.token.symbol,
      decimals: transfer.token.decimals,
      token: transfer.token.address,
      to: transfer.to,
      amount: hex(transfer.amount),
    },
  };
}

/**
 * Signs the filled transaction `f` for `account` in the core with the account's next nonce (or
 * `f.nonce` itself when `fixedNonce`: a dApp's own nonce, a replacement), broadcasts it to
 * `network` and records it in Activity for `origin` (a dApp's origin, or 'keystead' for the
 * popup). Resolves with the hash. A refused broadcast throws the node's reason in words
 * (node-errors.js), and nothing is recorded: neither the nonce nor the transaction.
 */
export async function send(f, network, { account, origin, fixedNonce = false }) {
  const transfer = await tokenTransfer(f, network.chainId);
  return nonces.withNext(network, account, fixedNonce ? BigInt(f.nonce) : null, async (nonce) => {
    const signed = { ...f, nonce: hex(nonce) };
    const raw = (await core.unlocked()).signTransaction(account, JSON.stringify(signed));
    let hash;
    try {
      hash = await networks.rpc('eth_sendRawTransaction', [raw], network);
    } catch (e) {
      throw broadcastError(e, network.symbol);
    }
    const entry = {
      ...signed,
      from: account,
      hash,
      origin,
      submittedAt: Date.now(),
      ...(transfer ? {
        asset: {
          symbol: transfer.token.symbol, decimals: transfer.token.decimals, address: transfer.token.address, to: transfer.to, amount: hex(transfer.amount),
        },
      } : {}),
    };
    delete entry.accessList;
    // The node has the transaction: a failure to record it does not make the send a failure.
    await activity.record(entry).catch(() => {});
    return hash;
  });
}
