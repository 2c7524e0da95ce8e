// The params of EIP-5792's methods, checked before anything is shown or stored: each wrong one
// gets its own error (-32602 for a malformed request, the spec's 57xx codes for what Keystead
// does not do) and changes nothing.
import { ProviderError, invalidParams, ATOMICITY_UNSUPPORTED, BATCH_TOO_LARGE, UNSUPPORTED_CAPABILITY } from '../../shared/rpc-errors.js';
import { normalizeChainId } from '../wallet/networks.js';
import { VERSION } from '../wallet/call-status.js';
import { paramsArray, address, quantity, data } from './validate.js';

/** Calls one batch may hold: each is its own transaction, listed in one review. */
export const MAX_CALLS = 20;
const MAX_ID_LENGTH = 4096;

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Refuses (5700) any capability the site did not mark `optional: true`: Keystead supports none
 * (it sends calls one by one, and has no paymaster or other service).
 */
function capabilities(value, where) {
  if (value === undefined || value === null) return;
  if (!isObject(value)) throw invalidParams(`${where}capabilities must be an object.`);
  for (const [name, capability] of Object.entries(value)) {
    if (isObject(capability) && capability.optional === true) continue;
    throw new ProviderError(UNSUPPORTED_CAPABILITY, `Keystead does not support the capability "${name.slice(0, 64)}" the site requires${where ? ` (${where.trim()})` : ''}. `
      + 'Send the batch without it, or mark it optional.');
  }
}

function call(c, i) {
  const where = `calls[${i}].`;
  if (!isObject(c)) throw invalidParams(`${where.slice(0, -1)} must be an object { to?, data?, value? }.`);
  const out = {
    to: c.to === undefined || c.to === null ? undefined : address(c.to, `${where}to`),
    data: data(c.data, `${where}data`) ?? '0x',
    value: quantity(c.value, `${where}value`) ?? '0x0',
  };
  if (out.to === undefined && out.data === '0x') throw invalidParams(`${where.slice(0, -1)} has neither "to" nor data.`);
  capabilities(c.capabilities, `${where} `);
  return out;
}

function batchId(value) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) throw invalidParams(`id must be a string of 1 to ${MAX_ID_LENGTH} characters.`);
  return value;
}

/**
 * wallet_sendCalls [{ version, id?, from?, chainId, atomicRequired, calls, capabilities? }] →
 * { id?, from?, chainId, calls: [{ to?, data, value }] }. atomicRequired true is 5760: Keystead
 * sends each call as its own transaction and cannot make them all-or-nothing.
 */
export function parseSendCalls(params) {
  const [p] = paramsArray(params, 1, 1, '[{ version, chainId, from?, atomicRequired, calls }]');
  if (!isObject(p)) throw invalidParams('wallet_sendCalls expects one object { version, chainId, from?, atomicRequired, calls }.');
  if (p.version !== VERSION) throw invalidParams(`Keystead supports wallet_sendCalls version ${VERSION}; the request says ${JSON.stringify(p.version)?.slice(0, 40)}.`);
  const chainId = normalizeChainId(p.chainId);
  if (!chainId) throw invalidParams('chainId must be a 0x-prefixed hex number.');
  if (typeof p.atomicRequired !== 'boolean') throw invalidParams('atomicRequired must be true or false.');
  if (!Array.isArray(p.calls) || p.calls.length === 0) throw invalidParams('calls must be a non-empty array of { to?, data?, value? }.');
  if (p.calls.length > MAX_CALLS) throw new ProviderError(BATCH_TOO_LARGE, `This batch has ${p.calls.length} calls; Keystead sends at most ${MAX_CALLS} in one batch. Split it.`);
  const calls = p.calls.map(call);
  if (p.atomicRequired) {
    throw new ProviderError(ATOMICITY_UNSUPPORTED, 'Keystead cannot send these calls atomically: it sends each call as its own transaction, '
      + 'so one may succeed and the next fail. Nothing was sent. Send the batch with atomicRequired: false, or one transaction at a time.');
  }
  capabilities(p.capabilities, '');
  return { id: batchId(p.id), from: p.from === undefined || p.from === null ? undefined : address(p.from, 'from'), chainId, calls };
}

/** wallet_getCapabilities [address, chainIds?] → { address, chainIds? }. */
export function parseGetCapabilities(params) {
  const [who, chains] = paramsArray(params, 1, 2, '[address, [chainId, …]?]');
  const out = { address: address(who, 'The address') };
  if (chains === undefined || chains === null) return out;
  if (!Array.isArray(chains) || chains.length > 100) throw invalidParams('The chain ids must be an array of 0x-prefixed hex numbers.');
  out.chainIds = chains.map((c) => {
    const chainId = normalizeChainId(c);
    if (!chainId || typeof c !== 'string') throw invalidParams(`${String(c).slice(0, 40)} is not a 0x-prefixed hex chain id.`);
    return chainId;
  });
  return out;
}

/** wallet_getCallsStatus / wallet_showCallsStatus [id] → the id. */
export function parseBatchId(params) {
  const [id] = paramsArray(params, 1, 1, '[batchId]');
  const out = batchId(id);
  if (out === undefined) throw invalidParams('Give the batch id wallet_sendCalls answered.');
  return out;
}
