// Nonces: each transaction Keystead signs for an account on a chain takes the next one, with no
// duplicate and no gap, whether it comes from the popup or from any dApp, and across service-
// worker restarts. Per (chain, account), the next nonce is the larger of the node's `pending`
// transaction count and the one recorded here (store.js `nonces`) after Keystead's last
// broadcast, since a node may not count a transaction it was just sent yet. Taking a nonce,
// signing and broadcasting run one at a time per (chain, account); a nonce is recorded as used
// only once the node accepted the transaction, so a refused broadcast does not consume it.
import * as store from '../platform/store.js';
import * as networks from './networks.js';

/**
 * A recorded next nonce above the node's count is trusted while the node knows the last
 * transaction Keystead sent, or for this long after it was sent (a node behind a load balancer
 * may not have seen it yet); later, a node that still does not know it has dropped it, and its
 * nonce is free again.
 */
const TRUST_UNSEEN_MS = 10 * 60_000;

const queues = new Map(); // `${chainId} ${address}` → promise of the last queued turn settling

const hex = (n) => `0x${n.toString(16)}`;

/** The record `{ next, hash, at }` for an account (lower-case address) on a chain, from a state read from the store. */
function recordIn(state, chainId, account) {
  const entry = state.nonces[chainId]?.[account];
  return typeof entry?.next === 'string' && /^0x[0-9a-f]+$/.test(entry.next) ? entry : null;
}

/** The nonce the account's next transaction on `network` takes (a bigint). */
export async function next(network, address) {
  const [counted, state] = await Promise.all([
    networks.rpc('eth_getTransactionCount', [address, 'pending'], network),
    store.read(),
  ]);
  const pending = BigInt(counted);
  const recorded = recordIn(state, network.chainId, address.toLowerCase());
  if (!recorded || BigInt(recorded.next) <= pending) return pending;
  if (Date.now() - Number(recorded.at) < TRUST_UNSEEN_MS) return BigInt(recorded.next);
  const known = await networks.rpc('eth_getTransactionByHash', [recorded.hash], network).catch(() => null);
  return known ? BigInt(recorded.next) : pending;
}

/**
 * Records that `nonce` was used by the transaction `hash` of `account` (lower case): the next one
 * is above it. Never lowers the record: a dApp's own lower nonce, or a Speed up / Cancel of an
 * older pending transaction, leaves it alone; a replacement of the last one keeps `next` and
 * names the replacement, the transaction the node now holds for that nonce.
 */
function used(chainId, account, nonce, hash) {
  return store.update((state) => {
    const recorded = recordIn(state, chainId, account);
    if (recorded && BigInt(recorded.next) > nonce + 1n) return null;
    const chain = { ...state.nonces[chainId], [account]: { next: hex(nonce + 1n), hash, at: Date.now() } };
    return { nonces: { ...state.nonces, [chainId]: chain } };
  });
}

/**
 * Runs `broadcast(nonce)` (sign and send; resolves with the transaction hash) with the account's
 * next nonce on `network`, or with `fixed` (a bigint: a dApp's own nonce, or a replacement's),
 * after every earlier turn for the same account and chain has finished. Resolves with the hash;
 * when `broadcast` throws, nothing is recorded and the nonce stays free.
 */
export function withNext(network, address, fixed, broadcast) {
  const account = address.toLowerCase();
  const key = `${network.chainId} ${account}`;
  const turn = (queues.get(key) ?? Promise.resolve()).then(async () => {
    const nonce = fixed ?? (await next(network, account));
    const hash = await broadcast(nonce);
    // The node has the transaction: if this record cannot be written, its pending count still
    // holds the nonce, so the send is not reported as failed.
    await used(network.chainId, account, nonce, hash).catch(() => {});
    return hash;
  });
  const tail = turn.then(() => {}, () => {});
  queues.set(key, tail);
  tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return turn;
}
