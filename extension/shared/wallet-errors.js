// The errors the worker answers the extension's own pages with: an Error carrying a string
// `code` (the core's, e.g. INCORRECT_PASSWORD, or the worker's, e.g. INVALID_ARGUMENT) and a
// message the popup can show.

/** An Error with the string `code`. */
export function walletError(code, message) {
  return Object.assign(new Error(message), { code });
}

/** An INVALID_ARGUMENT error with a message the popup shows as is. */
export function argument(message) {
  return walletError('INVALID_ARGUMENT', message);
}
