/**
 * Builds the EIP-1193 provider object the page sees as `window.ethereum` and in EIP-6963
 * announcements. Its state (chain id, accounts, connection, the MetaMask flag) lives in this
 * closure; its methods are non-writable, non-configurable own properties and its state is
 * readable only through getters, so a page script can neither change the state nor swap a
 * method for its own. The object stays extensible because some dApps set flags on it (e.g.
 * `autoRefreshOnNetworkChange`).
 *
 * Events: `connect` ({ chainId }) once the chain id is known, `disconnect` (ProviderRpcError
 * 4900) when Keystead stops answering, `chainChanged` (hex string, only when it changes) with
 * the legacy `networkChanged` (decimal string) beside it, and `accountsChanged` (array, only
 * when it changes), and `message` ({ type: 'eth_subscription', data: { subscription, result } })
 * for each notification of an eth_subscribe subscription (with MetaMask's legacy `data` event).
 *
 * Sites written for MetaMask: `isMetaMask` is true unless the user turned it off for this site
 * in Connected sites (the worker says so when the provider starts, and again when it changes);
 * `isKeystead` is always true. The legacy surface (enable, send, sendAsync, chainId,
 * networkVersion, selectedAddress) is in legacy.js.
 */
import { PROVIDER_EVENTS, isParams, isRecord } from '../shared/page-channel.js';
import { DISCONNECTED, INVALID_PARAMS, badParamsMessage } from '../shared/rpc-errors.js';
import { ProviderRpcError } from './errors.js';
import { createEmitter } from './events.js';
import { createTransport } from './transport.js';
import { legacyApi } from './legacy.js';

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

/** The decimal network id of a hex chain id (what net_version answers), or null. */
const networkVersionOf = (chainId) => (chainId === null ? null : BigInt(chainId).toString(10));

/** Creates the provider and starts talking to the bridge (asks for the site's provider state). */
export function createProvider() {
  const provider = {};
  const { methods, emit } = createEmitter(provider);
  let chainId = null; // hex string once known
  let accounts = [];
  let connected = false;
  let refreshing = false;
  let isMetaMask = true;

  const setChain = (next) => {
    if (typeof next !== 'string' || !HEX_QUANTITY.test(next)) return;
    const previous = chainId;
    chainId = next.toLowerCase();
    if (!connected) {
      connected = true;
      emit('connect', Object.freeze({ chainId }));
    } else if (previous !== chainId) {
      emit('chainChanged', chainId);
      emit('networkChanged', networkVersionOf(chainId));
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

  // A subscription's notification: the EIP-1193 `message` event, and MetaMask's deprecated
  // `data` event (the JSON-RPC notification) that older libraries listen to.
  const onSubscription = (message) => {
    if (!isRecord(message) || message.type !== 'eth_subscription' || !isRecord(message.data)) return;
    const { subscription, result } = message.data;
    if (typeof subscription !== 'string') return;
    emit('message', Object.freeze({ type: 'eth_subscription', data: { subscription, result } }));
    emit('data', { jsonrpc: '2.0', method: 'eth_subscription', params: { subscription, result } });
  };

  const setSiteState = (state) => {
    if (isRecord(state) && typeof state.isMetaMask === 'boolean') isMetaMask = state.isMetaMask;
  };

  // The site's provider state: chain id, accounts and the MetaMask flag. Asked when the
  // provider starts (the accounts are then taken without an event, as MetaMask's provider
  // does when it initializes) and after Keystead comes back from a disconnect.
  let started = false;
  const refreshState = () => {
    if (refreshing) return;
    refreshing = true;
    send('keystead_getProviderState').then((state) => {
      if (!isRecord(state)) return;
      setSiteState(state);
      if (!started && isAccountList(state.accounts)) accounts = [...state.accounts];
      else setAccounts(state.accounts);
      started = true;
      setChain(state.chainId);
    }, () => {}).finally(() => { refreshing = false; });
  };

  // After a reply: a 4900 means Keystead is gone; any success while disconnected means it is
  // back, so learn the state again (which emits `connect`).
  const onReply = (error) => {
    if (error?.code === DISCONNECTED) setDisconnected(error.message);
    else if (!connected) refreshState();
  };

  const onEvent = (event, data) => {
    if (!PROVIDER_EVENTS.includes(event)) return;
    if (event === 'chainChanged') setChain(data);
    else if (event === 'accountsChanged') setAccounts(data);
    else if (event === 'connect') setChain(isRecord(data) ? data.chainId : undefined);
    else if (event === 'keysteadState') setSiteState(data);
    else if (event === 'message') onSubscription(data);
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

  const state = () => ({ accounts: [...accounts], networkVersion: networkVersionOf(chainId) });
  const api = {
    ...methods,
    ...legacyApi(request, state),
    request,
    isConnected: () => connected,
    isKeystead: true,
  };
  for (const [name, value] of Object.entries(api)) {
    Object.defineProperty(provider, name, { value, enumerable: true, writable: false, configurable: false });
  }
  const getters = {
    isMetaMask: () => isMetaMask,
    chainId: () => chainId,
    networkVersion: () => networkVersionOf(chainId),
    selectedAddress: () => accounts[0] ?? null,
  };
  for (const [name, get] of Object.entries(getters)) {
    Object.defineProperty(provider, name, { get, enumerable: true, configurable: false });
  }
  refreshState();
  return provider;
}
