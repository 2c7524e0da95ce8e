// Checks for the parameters the extension's own pages send to the worker's popup methods.

/** An INVALID_ARGUMENT error with a message the popup shows as is. */
export function argument(message) {
  return Object.assign(new Error(message), { code: 'INVALID_ARGUMENT' });
}

/** `value` when it is a non-empty string, else INVALID_ARGUMENT naming `what`. */
export function text(value, what) {
  if (typeof value !== 'string' || value.length === 0) throw argument(`${what} is required`);
  return value;
}
