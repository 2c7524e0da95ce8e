// Speed up and Cancel: a pending transaction is replaced by one with the same nonce and higher
// fees; a node keeps only one transaction per account and nonce, and demands at least 10% more
// of both EIP-1559 fees (or of the gas price) to swap them. Speed up signs the same transaction
// again; Cancel signs a 0-value transfer to the account itself. Both raise the fees by 12.5%, or
// to the market's (fees.js) when that is higher. They are signed, broadcast and recorded by the
// one transaction path (transactions.js), in the account's turn, keeping the replaced nonce.
// Once one of them is mined, the others end `replaced` (activity-status.js).
import * as log from './activity-log.js';
import * as networks from './networks.js';
import * as fees from './fees.js';
import * as transactions from './transactions.js';
import { describe } from './transaction-view.js';
import { userError } from '../../shared/wallet-errors.js';

export const KINDS = Object.freeze(['speed-up', 'cancel']);
const TRANSFER_GAS = '0x5208'; // 21,000: a plain transfer
const hex = (n) => `0x${n.toString(16)}`;
const max = (...xs) => xs.reduce((a, b) => (b > a ? b : a));

/** `fee` raised by 12.5%, rounded up: above the 10% a node demands of a replacement. */
export const bumped = (fee) => (BigInt(fee) * 9n + 7n) / 8n;

const isEip1559 = (entry) => entry.type === '0x2';

/** The pending entry `hash` of `address` on the selected network, with that network. */
async function pendingOne(address, hash) {
  const network = await networks.selected();
  const entry = await log.find(network.chainId, address, hash);
  if (!entry) throw userError('error_replace_not_found');
  if (entry.status !== 'pending') {
    throw userError('error_replace_not_pending', { status: entry.status });
  }
  return { network, entry };
}

/** The lowest fees a replacement of `entry` may carry: +12.5%, or the market's when higher. */
async function freshFees(entry, network) {
  const { legacy, market } = await fees.options(network);
  if (isEip1559(entry)) {
    const marketTip = BigInt(legacy ? market.gasPrice : market.maxPriorityFeePerGas);
    const priority = max(bumped(entry.maxPriorityFeePerGas), marketTip);
    // The market's max fee with this tip in place of its own: room for the base fee to rise.
    const marketMax = BigInt(legacy ? market.gasPrice : market.maxFeePerGas) - marketTip + priority;
    return { maxFeePerGas: hex(max(bumped(entry.maxFeePerGas), marketMax)), maxPriorityFeePerGas: hex(priority) };
  }
  return { gasPrice: hex(max(bumped(entry.gasPrice), fees.perGas(market))) };
}

/** The fees the review showed, checked: each at least 12.5% above the original's. */
function checkedFees(entry, reviewed) {
  const read = (name) => {
    const value = reviewed?.[name];
    if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) throw userError('error_replace_fee_missing', { name });
    if (BigInt(value) < bumped(entry[name])) throw userError('error_replace_fee_too_low');
    return hex(BigInt(value));
  };
  if (!isEip1559(entry)) return { gasPrice: read('gasPrice') };
  const out = { maxFeePerGas: read('maxFeePerGas'), maxPriorityFeePerGas: read('maxPriorityFeePerGas') };
  if (BigInt(out.maxPriorityFeePerGas) > BigInt(out.maxFeePerGas)) throw userError('error_replace_priority_above_max');
  return out;
}

/** The transaction that replaces `entry` (same nonce), as the core signs it. */
function replacement(entry, kind, from, chainId, newFees) {
  const what = kind === 'cancel'
    ? { to: from, value: '0x0', data: '0x', gas: TRANSFER_GAS }
    : { to: entry.to ?? undefined, value: entry.value, data: entry.data ?? '0x', gas: entry.gas };
  return isEip1559(entry)
    ? { type: '0x2', chainId, nonce: entry.nonce, ...what, ...newFees, accessList: [] }
    : { type: '0x0', chainId, nonce: entry.nonce, ...what, ...newFees };
}

function kindOf(kind) {
  if (!KINDS.includes(kind)) throw userError('error_replace_choose');
  return kind;
}

/** The review of replacing `hash` of `address` (`kind`): the transaction as the dApp reviews show it, with fresh fees. */
export async function prepare(address, hash, kind) {
  const { network, entry } = await pendingOne(address, hash);
  const fresh = await freshFees(entry, network);
  const tx = replacement(entry, kindOf(kind), address, network.chainId, fresh);
  return {
    kind,
    replaces: entry.hash,
    ...(await describe(tx, network, address)),
    fees: fresh,
    previous: isEip1559(entry)
      ? { maxFeePerGas: entry.maxFeePerGas, maxPriorityFeePerGas: entry.maxPriorityFeePerGas }
      : { gasPrice: entry.gasPrice },
  };
}

/**
 * Signs and broadcasts the replacement the user reviewed (`reviewed`: the fees the review showed)
 * through the one transaction path, which records it in Activity; returns its hash. A node's
 * refusal says why, and nothing is recorded.
 */
export async function send(address, hash, kind, reviewed) {
  const { network, entry } = await pendingOne(address, hash);
  const tx = replacement(entry, kindOf(kind), address, network.chainId, checkedFees(entry, reviewed));
  return transactions.send(tx, network, {
    account: address,
    origin: 'keystead',
    replacement: {
      kind,
      replaces: entry.hash,
      ...(kind === 'speed-up' ? { asset: entry.asset, recipient: entry.recipient } : {}),
    },
  });
}
