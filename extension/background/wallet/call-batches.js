// The EIP-5792 batches sites sent (wallet_sendCalls): the stored record (store.js
// `callBatches`, this module its one owner) and how each batch stands now. Only public data:
// the batch id, the site, the chain, the account and each call's transaction hash. A batch's
// calls are sent one after another as separate transactions (transactions.js); its record is
// written before the first is sent and updated as each one is, so that a restarted worker still
// answers wallet_getCallsStatus: receipts come from the node, and Activity says when a call was
// dropped, sped up or cancelled.
//
//   callBatches: [{ id, origin, chainId, account (EIP-55), createdAt (ms),
//                   calls: [{ state: 'queued' | 'sent' | 'failed' | 'unsent', hash? }] }]
//   newest first, at most MAX_BATCHES (the oldest go).
import * as store from '../platform/store.js';
import * as networks from './networks.js';
import * as activityLog from './activity-log.js';
import { batchStatus, receiptOf, VERSION } from './call-status.js';
import { bytesToHex } from './hex.js';
import { ProviderError, CHAIN_DISCONNECTED, DUPLICATE_BATCH_ID, UNKNOWN_BATCH_ID } from '../../shared/rpc-errors.js';
import { userProviderError } from '../../shared/wallet-errors.js';

export const MAX_BATCHES = 100;

/** Batches this worker is sending now (`${origin} ${id}`): a queued call of any other was never sent. */
const sending = new Set();
const key = (origin, id) => `${origin} ${id}`;

/** A new batch id: 32 random bytes as `0x` hex. */
export function newId() {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
}

function recordIn(state, origin, id) {
  return state.callBatches.find((b) => b?.origin === origin && b.id === id) ?? null;
}

/** The stored batch `id` of `origin`, or null (another site's batch is never found). */
export async function find(origin, id) {
  return recordIn(await store.read(), origin, id);
}

/** 5730: no batch `id` from this site. */
export function unknownBatch(id) {
  return new ProviderError(UNKNOWN_BATCH_ID, `Keystead knows no batch ${String(id).slice(0, 80)} from this site. Use the id wallet_sendCalls answered.`);
}

/** 5720: this site already sent a batch with the id `id`. */
export function duplicate(id) {
  return new ProviderError(DUPLICATE_BATCH_ID, `A batch with the id ${String(id).slice(0, 80)} was already sent from this site. Give each batch its own id, or none.`);
}

/**
 * Stores a new batch of `count` queued calls for `origin` (id given by the site, or made here)
 * and marks it as being sent by this worker. Resolves with its id.
 */
export async function create({ id = newId(), origin, chainId, account, count }) {
  await store.update((state) => {
    if (recordIn(state, origin, id)) throw duplicate(id);
    const batch = { id, origin, chainId, account, createdAt: Date.now(), calls: Array.from({ length: count }, () => ({ state: 'queued' })) };
    return { callBatches: [batch, ...state.callBatches].slice(0, MAX_BATCHES) };
  });
  sending.add(key(origin, id));
  return id;
}

/** Sets the calls of batch `id` from `index` on with `change(call, i)` → the new call. */
function change(origin, id, fn) {
  return store.update((state) => {
    const at = state.callBatches.findIndex((b) => b?.origin === origin && b.id === id);
    if (at < 0) return null;
    const batch = state.callBatches[at];
    const next = [...state.callBatches];
    next[at] = { ...batch, calls: batch.calls.map(fn) };
    return { callBatches: next };
  });
}

/** Call `index` of the batch was broadcast as `hash`. */
export function sent(origin, id, index, hash) {
  return change(origin, id, (c, i) => (i === index ? { state: 'sent', hash } : c));
}

/** Call `index` was refused by the node; the calls after it will not be sent. */
export function failed(origin, id, index) {
  return change(origin, id, (c, i) => (i === index ? { state: 'failed' } : i > index && c.state === 'queued' ? { state: 'unsent' } : c));
}

/** This worker is done sending the batch (whatever happened). */
export function finished(origin, id) {
  sending.delete(key(origin, id));
}

/** Forgets a batch none of whose calls was sent (its first call was refused): as if never asked. */
export function remove(origin, id) {
  sending.delete(key(origin, id));
  return store.update((state) => ({ callBatches: state.callBatches.filter((b) => !(b?.origin === origin && b.id === id)) }));
}

/**
 * The transaction that now stands for `hash` of `account` on `chainId` as Activity followed it:
 * `{ hash }` to look up (the hash itself, or the Speed up that replaced it), or `{ failed: true }`
 * when it was dropped or cancelled.
 */
async function standing(chainId, account, hash) {
  let current = hash;
  for (let hops = 0; hops < 10; hops += 1) {
    const entry = await activityLog.find(chainId, account, current);
    if (!entry) return { hash: current };
    if (entry.status === 'dropped') return { failed: true };
    if (entry.status !== 'replaced' || !entry.replacedBy) return entry.kind === 'cancel' ? { failed: true } : { hash: current };
    current = entry.replacedBy;
  }
  return { hash: current };
}

/**
 * wallet_getCallsStatus for batch `id` of `origin`: `{ version, id, chainId, atomic: false,
 * status, receipts }`, the receipts of the calls mined so far, in the calls' order, read from the
 * batch's network's node now. 5730 for an id this site did not send (or that is gone).
 */
export async function status(origin, id) {
  const batch = await find(origin, id);
  if (!batch) throw unknownBatch(id);
  const network = await networks.find(batch.chainId);
  if (!network) throw userProviderError(CHAIN_DISCONNECTED, 'error_batch_network_gone', { chainId: batch.chainId });
  const live = sending.has(key(origin, id));
  const targets = await Promise.all(batch.calls.map((c) => (c.state === 'sent' ? standing(batch.chainId, batch.account, c.hash) : null)));
  const hashes = targets.filter((t) => t?.hash).map((t) => t.hash);
  const answers = await networks.batch(hashes.map((h) => ['eth_getTransactionReceipt', [h]]), network);
  const byHash = new Map(hashes.map((h, i) => [h, answers[i]]));
  const receipts = [];
  const states = batch.calls.map((c, i) => {
    if (c.state === 'queued') return live ? 'queued' : 'unsent';
    if (c.state !== 'sent') return c.state === 'failed' ? 'failed' : 'unsent';
    const target = targets[i];
    if (target.failed) return 'failed';
    const answer = byHash.get(target.hash);
    if (answer?.error) throw answer.error;
    if (!answer?.result) return 'pending';
    receipts.push(receiptOf(answer.result));
    return BigInt(answer.result.status) === 1n ? 'success' : 'reverted';
  });
  return { version: VERSION, id: batch.id, chainId: batch.chainId, atomic: false, status: batchStatus(states), receipts };
}
