// Networks: the built-in local chain plus the user's own, the selected one, and JSON-RPC calls
// to its node.
import * as store from '../platform/store.js';
import { ProviderError, CHAIN_DISCONNECTED, INTERNAL_ERROR, UNKNOWN_CHAIN, invalidParams } from '../../shared/rpc-errors.js';
import { userProviderError } from '../../shared/wallet-errors.js';

export const LOCAL = Object.freeze({
  chainId: '0x7a69',
  name: 'Localhost 8545',
  rpcUrl: 'http://127.0.0.1:8545',
  symbol: 'ETH',
  builtin: true,
});

/** '0x…' lower-case without leading zeros, from a hex string or a number; null if not a chain id. */
export function normalizeChainId(value) {
  let n;
  if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)) n = BigInt(value);
  else return null;
  return n > 0n ? `0x${n.toString(16)}` : null;
}

/** Every network in a state read from the store: the built-in one first. */
export function listIn(state) {
  return [LOCAL, ...state.networks];
}

/** The selected network in a state read from the store (the built-in one if none or unknown). */
export function selectedIn(state) {
  return listIn(state).find((n) => n.chainId === state.chainId) ?? LOCAL;
}

export async function list() {
  return listIn(await store.read());
}

export async function find(chainId) {
  return (await list()).find((n) => n.chainId === chainId) ?? null;
}

export async function selected() {
  return selectedIn(await store.read());
}

export async function select(chainId) {
  const network = await find(chainId);
  if (!network) throw userProviderError(UNKNOWN_CHAIN, 'error_unknown_chain', { chainId });
  await store.update({ chainId });
  return network;
}

export async function add(network) {
  await store.update(({ networks }) => ({ networks: [...networks.filter((n) => n.chainId !== network.chainId), network] }));
}

let nextId = 1;

/** POSTs `body` (one JSON-RPC request or a batch) to the network's node; its parsed answer. */
async function post(net, body, timeoutMs) {
  let response;
  try {
    response = await fetch(net.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
  } catch {
    throw userProviderError(CHAIN_DISCONNECTED, 'error_node_unreachable', { network: net.name, url: net.rpcUrl });
  }
  try {
    return await response.json();
  } catch {
    throw userProviderError(CHAIN_DISCONNECTED, 'error_node_not_json', { network: net.name, url: net.rpcUrl, status: response.status });
  }
}

const nodeError = (error) => new ProviderError(Number(error.code) || INTERNAL_ERROR, String(error.message ?? 'node error'), error.data);

/**
 * A JSON-RPC call to a network's node. Node errors keep their code; an unreachable node (or one
 * that has not answered within `timeoutMs`, when given) is 4901.
 */
export async function rpc(method, params = [], network = null, { timeoutMs } = {}) {
  const net = network ?? (await selected());
  const body = await post(net, { jsonrpc: '2.0', id: nextId++, method, params }, timeoutMs);
  if (body?.error) throw nodeError(body.error);
  return body?.result;
}

/** Calls per HTTP request in batch(): public nodes refuse larger batches. */
export const BATCH_MAX = 100;

/**
 * Several JSON-RPC calls in one HTTP request each BATCH_MAX of them (a JSON-RPC batch; the
 * requests of a longer list go out together): `calls` is `[[method, params], …]`. Resolves to
 * one `{ result }` or `{ error }` (a ProviderError) per call, in the calls' order. An
 * unreachable node (or one silent for `timeoutMs`, when given) rejects as rpc() does (4901); a
 * node that refuses batches gets the calls one by one.
 */
export async function batch(calls, network = null, { timeoutMs } = {}) {
  if (calls.length === 0) return [];
  const net = network ?? (await selected());
  const chunks = [];
  for (let i = 0; i < calls.length; i += BATCH_MAX) chunks.push(calls.slice(i, i + BATCH_MAX));
  const answers = await Promise.all(chunks.map((chunk) => batchOnce(chunk, net, timeoutMs)));
  return answers.flat();
}

async function batchOnce(calls, net, timeoutMs) {
  const requests = calls.map(([method, params = []]) => ({ jsonrpc: '2.0', id: nextId++, method, params }));
  const body = await post(net, requests, timeoutMs);
  if (!Array.isArray(body)) {
    // A node without batch support answers the batch with one error: ask one call at a time.
    return Promise.all(calls.map(([method, params]) => rpc(method, params, net, { timeoutMs }).then((result) => ({ result }), (error) => ({ error }))));
  }
  const byId = new Map(body.map((answer) => [answer?.id, answer]));
  return requests.map(({ id }) => {
    const answer = byId.get(id);
    if (!answer) return { error: userProviderError(INTERNAL_ERROR, 'error_node_batch_unanswered', { network: net.name }) };
    return answer.error ? { error: nodeError(answer.error) } : { result: answer.result };
  });
}

/** How long a new network's node has to answer eth_chainId before it counts as unreachable. */
const VERIFY_TIMEOUT_MS = 10_000;

/** Throws unless the network's node really serves the chain id it claims (else signatures would go to another chain). */
export async function verify(network) {
  const served = await rpc('eth_chainId', [], network, { timeoutMs: VERIFY_TIMEOUT_MS });
  if (normalizeChainId(served) !== network.chainId) {
    throw invalidParams(`The RPC URL serves chain ${served}, not ${network.chainId}; Keystead did not add it.`);
  }
}

/** Checks and normalizes a wallet_addEthereumChain parameter (EIP-3085). */
export function parseAddChain(param) {
  if (typeof param !== 'object' || param === null) throw invalidParams('wallet_addEthereumChain expects [{ chainId, chainName, rpcUrls, nativeCurrency }].');
  const chainId = normalizeChainId(param.chainId);
  if (!chainId) throw invalidParams('chainId must be a 0x-prefixed hex number.');
  const name = typeof param.chainName === 'string' ? param.chainName.trim().slice(0, 64) : '';
  if (!name) throw invalidParams('chainName must be a non-empty string.');
  const rpcUrl = Array.isArray(param.rpcUrls) ? param.rpcUrls.find(isRpcUrl) : undefined;
  if (!rpcUrl) throw invalidParams('rpcUrls must hold an https:// URL (or http:// on localhost).');
  const symbol = typeof param.nativeCurrency?.symbol === 'string' ? param.nativeCurrency.symbol.slice(0, 8) : 'ETH';
  if (param.nativeCurrency !== undefined && param.nativeCurrency?.decimals !== 18) throw invalidParams('nativeCurrency.decimals must be 18.');
  const explorerUrl = Array.isArray(param.blockExplorerUrls) ? param.blockExplorerUrls.find((u) => isUrl(u, ['https:'])) : undefined;
  return { chainId, name, rpcUrl, symbol, ...(explorerUrl ? { explorerUrl } : {}) };
}

function isUrl(text, protocols) {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function isRpcUrl(text) {
  if (isUrl(text, ['https:'])) return true;
  if (!isUrl(text, ['http:'])) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(text).hostname);
}
