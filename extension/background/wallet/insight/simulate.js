// The balance-change preview of a transaction, computed by the selected network's own node (no
// third party sees the request): eth_simulateV1 with traceTransfers, else debug_traceCall with
// the callTracer and its logs, else no preview, said so. Whether the node predicts a revert
// (and why) comes from the simulation, or from eth_call when there is none.
import * as networks from '../networks.js';
import { movesOfLogs, movesOfTrace, netChanges } from './transfers.js';
import { revertReason } from './abi.js';
import { TIMEOUT_MS } from './facts.js';

const METHOD_MISSING = -32601;

/** The call as a simulation takes it: the filled transaction's from, to, value, data and gas. */
const callOf = (tx, from) => ({ from, ...(tx.to ? { to: tx.to } : {}), value: tx.value, data: tx.data, gas: tx.gas });

/** True when a node's error says it does not offer the method (rather than failing the call). */
export function isMissing(error) {
  return Number(error?.code) === METHOD_MISSING || /not (found|supported|available|implemented)|does not exist|unsupported|unknown method/i.test(String(error?.message ?? ''));
}

const reasonOf = (data, message) => revertReason(data) ?? (message && !/^(execution reverted|execution failed|reverted)$/i.test(message) ? message.replace(/^execution reverted:?\s*/i, '') : null);

async function simulateV1(call, network) {
  const result = await networks.rpc('eth_simulateV1', [{ blockStateCalls: [{ calls: [call] }], traceTransfers: true, validation: false }, 'latest'],
    network, { timeoutMs: TIMEOUT_MS });
  const outcome = result?.[0]?.calls?.[0];
  if (!outcome || typeof outcome.status !== 'string') throw new Error('eth_simulateV1 gave no result for the call');
  if (BigInt(outcome.status) !== 1n) return { revert: { reason: reasonOf(outcome.returnData, outcome.error?.message) }, moves: [] };
  return { revert: null, moves: movesOfLogs(outcome.logs) };
}

async function traceCall(call, network) {
  const frame = await networks.rpc('debug_traceCall', [call, 'latest', { tracer: 'callTracer', tracerConfig: { withLog: true } }],
    network, { timeoutMs: TIMEOUT_MS });
  if (!frame || typeof frame !== 'object') throw new Error('debug_traceCall gave no trace');
  if (frame.error) return { revert: { reason: frame.revertReason || reasonOf(frame.output, frame.error) }, moves: [] };
  return { revert: null, moves: movesOfTrace(frame) };
}

/** Whether eth_call predicts a revert: `{ reason }` or null (it did not revert, or could not say). */
async function callReverts(call, network) {
  try {
    await networks.rpc('eth_call', [call, 'latest'], network, { timeoutMs: TIMEOUT_MS });
    return null;
  } catch (e) {
    if (Number(e?.code) === 3 || /revert/i.test(String(e?.message))) return { reason: reasonOf(e.data, e.message) };
    return null;
  }
}

/**
 * The preview of filled transaction `tx` from `account` on `network`:
 * `{ status: 'ok', via, changes: [{ asset, standard, tokenId?, delta }] (BigInt), revert }`,
 * or `{ status: 'unavailable', why: 'unsupported' | 'failed', message, revert }`. `revert` is
 * null or `{ reason }`: null when the contract gave none, the node's own words (a string), or
 * the facts of the revert data (abi.js revertReason), worded by the approval window.
 */
export async function preview(tx, account, network) {
  const call = callOf(tx, account);
  const errors = [];
  for (const [via, run] of [['eth_simulateV1', simulateV1], ['debug_traceCall', traceCall]]) {
    try {
      const { revert, moves } = await run(call, network);
      return { status: 'ok', via, changes: revert ? [] : netChanges(moves, account), revert };
    } catch (e) {
      errors.push(e);
    }
  }
  const unsupported = errors.every(isMissing);
  return {
    status: 'unavailable',
    why: unsupported ? 'unsupported' : 'failed',
    message: unsupported ? null : String(errors.find((e) => !isMissing(e))?.message ?? 'no answer'),
    revert: await callReverts(call, network),
  };
}

/**
 * The preview of several filled transactions `txs` sent one after another from `account` (the
 * emergency move's steps): `{ status: 'ok', via, moves, reverts: [{ index, reason }] }` with
 * every asset move of the calls that would succeed, or `{ status: 'unavailable', why, message }`.
 * eth_simulateV1 runs them in one block, each seeing the state the previous left; without it,
 * debug_traceCall traces each alone against the current state (`via` says so).
 */
export async function previewSequence(txs, account, network) {
  const calls = txs.map((tx) => callOf(tx, account));
  try {
    const result = await networks.rpc('eth_simulateV1', [{ blockStateCalls: [{ calls }], traceTransfers: true, validation: false }, 'latest'],
      network, { timeoutMs: TIMEOUT_MS });
    const outcomes = result?.[0]?.calls;
    if (!Array.isArray(outcomes) || outcomes.length !== calls.length) throw new Error('eth_simulateV1 gave no result for the calls');
    const reverts = [];
    const moves = [];
    outcomes.forEach((o, index) => {
      if (typeof o?.status === 'string' && BigInt(o.status) === 1n) moves.push(...movesOfLogs(o.logs));
      else reverts.push({ index, reason: reasonOf(o?.returnData, o?.error?.message) });
    });
    return { status: 'ok', via: 'eth_simulateV1', moves, reverts };
  } catch (first) {
    const errors = [first];
    try {
      const reverts = [];
      const moves = [];
      for (const [index, call] of calls.entries()) {
        const { revert, moves: m } = await traceCall(call, network);
        if (revert) reverts.push({ index, reason: revert.reason });
        else moves.push(...m);
      }
      return { status: 'ok', via: 'debug_traceCall', moves, reverts };
    } catch (e) {
      errors.push(e);
    }
    const unsupported = errors.every(isMissing);
    return { status: 'unavailable', why: unsupported ? 'unsupported' : 'failed', message: unsupported ? null : String(errors.find((e) => !isMissing(e))?.message ?? 'no answer') };
  }
}
