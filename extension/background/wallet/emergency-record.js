// The emergency move's stored record (`emergencyMove` in storage.local; this module is its one
// owner): the new wallet's vault (ciphertext), which old account goes to which new one, the
// plan and each step's state, so that a worker or browser restart goes on where it stopped.
// Nothing secret: a step keeps its signed transaction (public once broadcast), never a key.
//
// Shape: { id, state: 'confirming' | 'running' | 'done', chainId, createdAt, newVault, pairs:
// [{ from, to }], plan: { totalFee, accounts, steps: [{ id, account, kind, to, data, value,
// gas, fee, state, nonce?, raw?, block?, hash?, amount?, sent?, note?, paid? (the fee fields it
// was signed with), replaced? (hashes of its earlier transactions, signed again when stuck) }] }
// | null, startedAt?, finishedAt? }. After the move it stays as 'done' without newVault and raw bytes: home and the
// backup health panel say when the wallet was moved and where from it.
import * as store from '../platform/store.js';
import { STATES } from './emergency-resume.js';

/** The record, or null. */
export async function read() {
  const { emergencyMove } = await store.read();
  return emergencyMove && typeof emergencyMove === 'object' && typeof emergencyMove.state === 'string' ? emergencyMove : null;
}

/** Starts a record for a new phrase waiting for its backup confirmation (any earlier unfinished one must be gone). */
export async function begin({ chainId, newVault, pairs }) {
  const record = { id: `move-${Date.now()}`, state: 'confirming', chainId, createdAt: new Date().toISOString(), newVault, pairs, plan: null };
  await store.update(({ emergencyMove }) => {
    if (emergencyMove && emergencyMove.state === 'running') throw new Error('a move is already running');
    return { emergencyMove: record };
  });
  return record;
}

/** Stores the plan and marks the move running (after the password confirmation). */
export function start(plan) {
  return store.update(({ emergencyMove }) => {
    if (!emergencyMove || emergencyMove.state !== 'confirming') throw new Error('there is no move waiting to start');
    const steps = plan.steps.map((s) => ({ ...s, state: 'planned' }));
    return { emergencyMove: { ...emergencyMove, state: 'running', startedAt: new Date().toISOString(), plan: { ...plan, steps } } };
  });
}

/** Merges `fields` into step `id` (its state one of STATES). */
export function updateStep(id, fields) {
  if (fields.state !== undefined && !STATES.includes(fields.state)) return Promise.reject(new Error(`unknown step state ${fields.state}`));
  return store.update(({ emergencyMove }) => {
    if (!emergencyMove?.plan) throw new Error('no move is stored');
    const steps = emergencyMove.plan.steps.map((s) => (s.id === id ? { ...s, ...fields } : s));
    return { emergencyMove: { ...emergencyMove, plan: { ...emergencyMove.plan, steps } } };
  });
}

/** The fields that end the move in the record: kept as 'done', without the new vault and signed bytes. */
export function doneFields(record) {
  const steps = record.plan.steps.map(({ raw: _raw, ...s }) => s);
  const { newVault: _vault, ...rest } = record;
  return { ...rest, state: 'done', finishedAt: new Date().toISOString(), plan: { ...record.plan, steps } };
}

/** Forgets a move that never started (the user left the backup confirmation). */
export function abandon() {
  return store.update(({ emergencyMove }) => (emergencyMove?.state === 'confirming' ? { emergencyMove: undefined } : null));
}

/** The report file: every step with its hash, as JSON text. */
export function report(record) {
  return JSON.stringify({
    kind: 'keystead-emergency-move',
    id: record.id,
    chainId: record.chainId,
    startedAt: record.startedAt ?? null,
    finishedAt: record.finishedAt ?? null,
    pairs: record.pairs,
    steps: (record.plan?.steps ?? []).map((s) => ({
      id: s.id, kind: s.kind, from: s.account, to: s.to, token: s.token ?? null, tokenId: s.tokenId ?? null,
      spender: s.spender ?? null, amount: s.sent ?? s.amount ?? null, nonce: s.nonce ?? null, hash: s.hash ?? null, state: s.state, note: s.note ?? null,
    })),
  }, null, 2);
}

/**
 * When and where the wallet was moved, from a state read from the store (home and the backup
 * health panel): `{ at, chainId, pairs: [{ from, to }] }`, or null when it never was.
 */
export function movedIn(state) {
  const move = state.emergencyMove;
  if (!move || move.state !== 'done') return null;
  return { at: move.finishedAt, chainId: move.chainId, pairs: move.pairs };
}
