// Popup methods for imported private keys (import, export) and revealing the phrase.
// Merged into the worker's popup method table by popup-api.js.

export const KEY_METHODS = Object.freeze({});
