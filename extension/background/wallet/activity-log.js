// The stored Activity (store.js `activity`): the one module that knows its shape. Per network
// and account, the transactions Keystead signed and the node accepted, newest first, at most
// MAX_PER_ACCOUNT of them. Only public data: hashes, addresses, amounts, fees, dates.
//
//   activity: { [chainId]: { [address (EIP-55)]: [entry, …] } }
//   entry: { hash, nonce, to (null: contract creation), value, gas, type, gasPrice? |
//            maxFeePerGas? + maxPriorityFeePerGas?, data (kept while pending: a speed-up signs it
//            again) or selector (its first 4 bytes, once final), asset: { symbol, decimals,
//            address? (a token), amount }, recipient, origin ('keystead' or the dApp's),
//            submittedAt (ms), status, kind? ('speed-up' | 'cancel'), replaces? (hash),
//            fee? (hex wei paid: gasUsed × effectiveGasPrice), block?, finishedAt? (ms),
//            replacedBy? (hash) }
import * as store from '../platform/store.js';
import * as networks from './networks.js';
import * as core from './core.js';
import { decodeTransfer } from './tokens.js';

export const MAX_PER_ACCOUNT = 200;
export const STATUSES = Object.freeze(['pending', 'confirmed', 'failed', 'dropped', 'replaced']);
export const FINAL = Object.freeze(new Set(['confirmed', 'failed', 'dropped', 'replaced']));

const HASH = /^0x[0-9a-f]{64}$/;
const QUANTITY = /^0x[0-9a-f]{1,64}$/;

const quantity = (value, what) => {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (!QUANTITY.test(text)) throw new Error(`activity: ${what} must be a 0x quantity`);
  return `0x${BigInt(text).toString(16)}`;
};
const optional = (value, what) => (value === undefined || value === null ? undefined : quantity(value, what));
const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** The recipient and amount (`0x` hex) of an ERC-20 transfer(address,uint256) call's data, or null. */
function transferIn(data) {
  const call = decodeTransfer(data);
  return call && { to: call.to, amount: `0x${call.amount.toString(16)}` };
}

/**
 * What the user sent and to whom: the given asset, else an ERC-20 transfer to a token of the
 * list, else the network's coin. A token transfer's recipient is the one in its data.
 */
async function assetOf(entry, state) {
  const transfer = transferIn(entry.data);
  const recipient = async (token) => {
    const to = entry.recipient ?? (token && transfer ? transfer.to : entry.to);
    return to ? core.toChecksumAddress(to) : null;
  };
  if (entry.asset) {
    const { symbol, decimals, address, amount } = entry.asset;
    const asset = { symbol: String(symbol).slice(0, 16), decimals: Number(decimals), ...(address ? { address } : {}) };
    return { asset: { ...asset, amount: optional(amount, 'asset.amount') ?? (address && transfer ? transfer.amount : entry.value) }, recipient: await recipient(address) };
  }
  const token = transfer && BigInt(entry.value) === 0n && (state.tokens[entry.chainId] ?? []).find((t) => same(t.address, entry.to));
  if (token) return { asset: { symbol: token.symbol, decimals: token.decimals, address: token.address, amount: transfer.amount }, recipient: await recipient(token) };
  const network = networks.listIn(state).find((n) => n.chainId === entry.chainId);
  return { asset: { symbol: network?.symbol ?? 'ETH', decimals: 18, amount: entry.value }, recipient: await recipient(null) };
}

/** The stored form of a recorded transaction (see record() in activity.js for `entry`). */
async function stored(entry, state) {
  const hash = String(entry.hash).toLowerCase();
  if (!HASH.test(hash)) throw new Error('activity: hash must be 32 bytes of hex');
  const value = optional(entry.value, 'value') ?? '0x0';
  const type = optional(entry.type, 'type') ?? (entry.maxFeePerGas ? '0x2' : '0x0');
  const fees = type === '0x2'
    ? { maxFeePerGas: quantity(entry.maxFeePerGas, 'maxFeePerGas'), maxPriorityFeePerGas: quantity(entry.maxPriorityFeePerGas, 'maxPriorityFeePerGas') }
    : { gasPrice: quantity(entry.gasPrice, 'gasPrice') };
  const { asset, recipient } = await assetOf({ ...entry, value }, state);
  return {
    hash,
    nonce: quantity(entry.nonce, 'nonce'),
    to: entry.to ? await core.toChecksumAddress(entry.to) : null,
    value,
    gas: quantity(entry.gas, 'gas'),
    type,
    ...fees,
    data: typeof entry.data === 'string' ? entry.data : '0x',
    asset,
    recipient,
    origin: typeof entry.origin === 'string' ? entry.origin : 'keystead',
    submittedAt: Number.isFinite(entry.submittedAt) ? entry.submittedAt : Date.now(),
    status: 'pending',
    ...(entry.kind === 'speed-up' || entry.kind === 'cancel' ? { kind: entry.kind } : {}),
    ...(typeof entry.replaces === 'string' ? { replaces: entry.replaces } : {}),
  };
}

/** The entries of `address` on `chainId` in a state read from the store (newest first). */
export function entriesIn(state, chainId, address) {
  return state.activity[chainId]?.[address] ?? [];
}

/** `state.activity` with `address`'s list on `chainId` set to `list`. */
function withList(activity, chainId, address, list) {
  return { ...activity, [chainId]: { ...activity[chainId], [address]: list } };
}

/** Adds a transaction the node accepted, newest first; the oldest beyond MAX_PER_ACCOUNT go. Returns the stored entry. */
export async function insert(entry) {
  let added;
  await store.update(async (state) => {
    added = await stored(entry, state);
    const list = entriesIn(state, entry.chainId, entry.from).filter((e) => e.hash !== added.hash);
    return { activity: withList(state.activity, entry.chainId, entry.from, [added, ...list].slice(0, MAX_PER_ACCOUNT)) };
  });
  return added;
}

export async function list(chainId, address) {
  return entriesIn(await store.read(), chainId, address);
}

/** The entry with that hash of `address` on `chainId`, or null. */
export async function find(chainId, address, hash) {
  const wanted = String(hash).toLowerCase();
  return (await list(chainId, address)).find((e) => e.hash === wanted) ?? null;
}

/** Every account and network with pending transactions: [{ chainId, address, entries }] (all of its entries). */
export async function withPending() {
  const { activity } = await store.read();
  const out = [];
  for (const [chainId, accounts] of Object.entries(activity)) {
    for (const [address, entries] of Object.entries(accounts ?? {})) {
      if (Array.isArray(entries) && entries.some((e) => e.status === 'pending')) out.push({ chainId, address, entries });
    }
  }
  return out;
}

/** An entry with its final status: its data goes (only its selector stays), the time is noted. */
function finished(entry, patch) {
  const { data, ...rest } = entry;
  const selector = typeof data === 'string' && data.length >= 10 ? data.slice(0, 10) : undefined;
  return { ...rest, ...(selector ? { selector } : {}), ...patch, finishedAt: Date.now() };
}

/**
 * Applies `patches` (Map hash → { status, fee?, block?, replacedBy? }) to the entries of
 * `address` on `chainId` that are still pending; entries that changed meanwhile are left alone.
 */
export async function settle(chainId, address, patches) {
  if (patches.size === 0) return;
  await store.update((state) => {
    const entries = entriesIn(state, chainId, address);
    let changed = false;
    const next = entries.map((e) => {
      const patch = patches.get(e.hash);
      if (!patch || e.status !== 'pending') return e;
      changed = true;
      return FINAL.has(patch.status) ? finished(e, patch) : { ...e, ...patch };
    });
    return changed ? { activity: withList(state.activity, chainId, address, next) } : null;
  });
}
