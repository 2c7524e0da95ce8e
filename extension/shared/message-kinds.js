// The one table of the `kind` of every runtime message inside the extension (docs/protocol.md).
/** The name of the bridge's long-lived port to the worker (chrome.runtime.connect). */
export const PROVIDER_PORT = 'keystead-provider';

export const KIND = Object.freeze({
  /** Bridge → worker over PROVIDER_PORT: a dApp's request `{ kind, id, method, params }`. */
  PROVIDER: 'provider',
  /** Worker → bridge: a provider event `{ kind, origin, event, data }` for one document. */
  PROVIDER_EVENT: 'provider-event',
  /** Popup or approval window → worker: a popup method `{ kind, method, params }`. */
  POPUP: 'popup',
  /** Worker → offscreen document: overwrite the clipboard now. */
  CLEAR_CLIPBOARD: 'offscreen-clear-clipboard',
});
