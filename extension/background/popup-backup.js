// Popup methods for backing up and checking the Secret Recovery Phrase (confirm, postpone, verify, health).
// Merged into the worker's popup method table by popup-api.js.

export const BACKUP_METHODS = Object.freeze({});
