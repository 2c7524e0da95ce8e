/**
 * The provider surface that predates EIP-1193 and that sites written for MetaMask still call,
 * answered as MetaMask's provider answers it:
 *   enable()                 → eth_requestAccounts, resolves with the accounts
 *   send(method, params?)    → a promise of the JSON-RPC response object { id, jsonrpc, result }
 *   send(payload, callback)  → sendAsync
 *   send(payload)            → the cached answer, synchronously, for eth_accounts, eth_coinbase,
 *                              net_version and eth_uninstallFilter (sent on; answers true)
 *   sendAsync(payload, cb)   → cb(error, response); a batch (array) gets an array of responses;
 *                              without cb, a promise of the response(s)
 * Every call goes through `request`, so it is checked and answered exactly as request() is.
 */
import { INVALID_PARAMS, INTERNAL_ERROR } from '../shared/rpc-errors.js';
import { ProviderRpcError } from './errors.js';

const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function errorOf(error) {
  const code = Number.isInteger(error?.code) ? error.code : INTERNAL_ERROR;
  const body = { code, message: String(error?.message ?? error) };
  if (error?.data !== undefined) body.data = error.data;
  return body;
}

/** `{ enable, send, sendAsync }` over `request(args)` and the provider's cached `state()`. */
export function legacyApi(request, state) {
  let nextId = 1;
  const idOf = (payload) => (payload.id === undefined ? nextId++ : payload.id);

  /** One JSON-RPC payload → its response object (never rejects). */
  const respond = async (payload) => {
    if (!isRecord(payload)) {
      return { id: null, jsonrpc: '2.0', error: { code: INVALID_PARAMS, message: 'Each JSON-RPC request must be an object { method, params? }.' } };
    }
    const id = idOf(payload);
    try {
      const result = await request({ method: payload.method, params: payload.params });
      return { id, jsonrpc: '2.0', result };
    } catch (error) {
      return { id, jsonrpc: '2.0', error: errorOf(error) };
    }
  };

  // Without a callback (as MetaMask's engine allows), the promise of the response(s).
  const sendAsync = (payload, callback) => {
    const work = Array.isArray(payload) ? Promise.all(payload.map(respond)) : respond(payload);
    if (callback === undefined) return work;
    if (typeof callback !== 'function') throw new TypeError('Keystead provider: sendAsync(payload, callback) takes a callback function.');
    work.then((response) => {
      if (!Array.isArray(response) && response.error) callback(new ProviderRpcError(response.error.code, response.error.message, response.error.data), response);
      else callback(null, response);
    });
  };

  const sendSync = (payload) => {
    const { accounts, networkVersion } = state();
    const answer = (result) => ({ id: payload.id, jsonrpc: payload.jsonrpc ?? '2.0', result });
    switch (payload?.method) {
      case 'eth_accounts': return answer(accounts.length > 0 ? [accounts[0]] : []);
      case 'eth_coinbase': return answer(accounts[0] ?? null);
      case 'net_version': return answer(networkVersion);
      case 'eth_uninstallFilter':
        request({ method: payload.method, params: payload.params }).catch(() => {});
        return answer(true);
      default:
        throw new Error(`Keystead provider: send(payload) without a callback answers only eth_accounts, eth_coinbase, net_version and eth_uninstallFilter, not "${String(payload?.method)}". Use request({ method, params }) instead.`);
    }
  };

  const send = (methodOrPayload, callbackOrParams) => {
    if (typeof methodOrPayload === 'string' && (!callbackOrParams || Array.isArray(callbackOrParams))) {
      return request({ method: methodOrPayload, params: callbackOrParams })
        .then((result) => ({ id: nextId++, jsonrpc: '2.0', result }));
    }
    if (isRecord(methodOrPayload) && typeof callbackOrParams === 'function') return sendAsync(methodOrPayload, callbackOrParams);
    return sendSync(methodOrPayload);
  };

  const enable = () => request({ method: 'eth_requestAccounts' });

  return { enable, send, sendAsync };
}
