// The one table of the `kind` of every runtime message inside the extension (docs/protocol.md).
export const KIND = Object.freeze({
  /** Bridge → worker: a dApp's request `{ kind, method, params }`. */
  PROVIDER: 'provider',
  /** Worker → bridge: a provider event `{ kind, origin, event, data }` for one document. */
  PROVIDER_EVENT: 'provider-event',
  /** Popup or approval window → worker: a popup method `{ kind, method, params }`. */
  POPUP: 'popup',
  /** Worker → offscreen document: overwrite the clipboard now. */
  CLEAR_CLIPBOARD: 'offscreen-clear-clipboard',
});
