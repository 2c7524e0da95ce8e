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
  /** Phrase guard (any frame) → worker `{ kind, hash }`: is this fingerprint the wallet's phrase? */
  GUARD_CHECK: 'phrase-guard',
  /** Phrase guard → worker: did the user turn the guard off for this origin? */
  GUARD_STATUS: 'phrase-guard-status',
  /** Phrase guard → worker: the user confirmed "turn off on this site". */
  GUARD_OFF: 'phrase-guard-off',
  /** Phrase guard → worker: the user chose "Leave this site". */
  GUARD_LEAVE: 'phrase-guard-leave',
});

/** The phrase guard's message kinds. */
export const GUARD_KINDS = Object.freeze([KIND.GUARD_CHECK, KIND.GUARD_STATUS, KIND.GUARD_OFF, KIND.GUARD_LEAVE]);
