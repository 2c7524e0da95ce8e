/**
 * Builds the EIP-1193 provider object the page sees as `window.ethereum` and in EIP-6963
 * announcements. Its state (chain id, accounts, connection) lives in this closure; its methods
 * are non-writable, non-configurable own properties, so a page script can neither read the
 * state directly nor swap a method for its own. The object stays extensible because some
 * dApps set flags on it (e.g. `autoRefreshOnNetworkChange`).
 *
 * Events: `connect` ({ chainId }) once the chain id is known, `disconnect` (ProviderRpcError
 * 4900) when Keystead stops answering, `chainChanged` (hex string, only when it changes) and
 * `accountsChanged` (array, only when it changes).
 */
import { PROVIDER_EVENTS, isParams, isRecord } from '../shared/page-channel.js';
import { DISCONNECTED, INVALID_PARAMS, badParamsMessage } from '../shared/rpc-errors.js';
import { ProviderRpcError } from './errors.js';
import { createEmitter } from './events.js';
import { createTransport } from './transport.js';

const HEX_QUANTITY = /^0x[0-9a-f]+$/i;
const ACCOUNT_METHODS = new Set(['eth_accounts', 'eth_requestAccounts']);

const isAccountList = (value) => Array.isArray(value) && value.every((a) => typeof a === 'string');
const sameAccounts = (a, b) => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i].toLowerCase());

/** Checks a `request` argument; returns the error to reject with, or null when it is fine. */
function checkRequest(args) {
  if (!isRecord(args)) {
    return new ProviderRpcError(INVALID_PARAMS,
      'request() expects one object argument: { method: string, params?: array | object }.');
  }
  if (typeof args.method !== 'string' || args.method === '') {
    return new ProviderRpcError(INVALID_PARAMS,
      'request() needs a non-empty string "method", e.g. { method: "eth_chainId" }.');
  }
  if (!isParams(args.params)) {
    return new ProviderRpcError(INVALID_PARAMS, badParamsMessage(args.method));
  }
  return null;
}

/** Creates the provider and starts talking to the bridge (asks for the chain id). */
export function createProvider() {
  const provider = {};
  const { methods, emit } = createEmitter(provider);
  let chainId = null; // hex string once known
  let accounts = [];
  let connected = false;
  let refreshing = false;

  const setChain = (next) => {
    if (typeof next !== 'string' || !HEX_QUANTITY.test(next)) return;
    const previous = chainId;
    chainId = next.toLowerCase();
    if (!connected) {
      connected = true;
      emit('connect', Object.freeze({ chainId }));
    } else if (previous !== chainId) {
      emit('chainChanged', chainId);
    }
  };

  const setAccounts = (next) => {
    if (!isAccountList(next) || sameAccounts(next, accounts)) return;
    accounts = [...next];
    emit('accountsChanged', [...accounts]);
  };

  const setDisconnected = (message) => {
    if (!connected) return;
    connected = false;
    emit('disconnect', new ProviderRpcError(DISCONNECTED, message));
  };

  const refreshChain = () => {
    if (refreshing) return;
    refreshing = true;
    send('eth_chainId').then(setChain, () => {}).finally(() => { refreshing = false; });
  };

  // After a reply: a 4900 means Keystead is gone; any success while disconnected means it is
  // back, so learn the chain id again (which emits `connect`).
  const onReply = (error) => {
    if (error?.code === DISCONNECTED) setDisconnected(error.message);
    else if (!connected) refreshChain();
  };

  const onEvent = (event, data) => {
    if (!PROVIDER_EVENTS.includes(event)) return;
    if (event === 'chainChanged') setChain(data);
    else if (event === 'accountsChanged') setAccounts(data);
    else if (event === 'connect') setChain(isRecord(data) ? data.chainId : undefined);
    else setDisconnected(isRecord(data) && typeof data.message === 'string'
      ? data.message
      : 'Keystead disconnected from this page. Reload the page to reconnect.');
  };

  const send = createTransport(onReply, onEvent);

  const request = async (args) => {
    const invalid = checkRequest(args);
    if (invalid) throw invalid;
    const result = await send(args.method, args.params);
    if (args.method === 'eth_chainId') setChain(result);
    if (ACCOUNT_METHODS.has(args.method)) setAccounts(result);
    return result;
  };

  const api = {
    ...methods,
    request,
    isConnected: () => connected,
    isKeystead: true,
  };
  for (const [name, value] of Object.entries(api)) {
    Object.defineProperty(provider, name, { value, enumerable: true, writable: false, configurable: false });
  }
  refreshChain();
  return provider;
}
