// Checks for the parameters the extension's own pages send to the worker's popup methods.
import { argument } from '../../shared/wallet-errors.js';

export { argument };

/** `value` when it is a non-empty string, else INVALID_ARGUMENT naming `what`. */
export function text(value, what) {
  if (typeof value !== 'string' || value.length === 0) throw argument(`${what} is required`);
  return value;
}
