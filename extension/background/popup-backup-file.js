// Popup methods for the encrypted backup file (download, restore).
// Merged into the worker's popup method table by popup-api.js.

export const FILE_METHODS = Object.freeze({});
