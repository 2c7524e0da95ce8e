// Display helpers: amounts (ETH, tokens), short addresses, and error messages a person can act on.
import { popupText } from '../../shared/core-errors.js';
import { formatAmount, exactAmount } from '../../shared/amounts.js';

export { formatAmount, exactAmount };

/** A wei amount in ETH (or the network's own 18-decimal currency). */
export function formatEth(wei, digits = 4) {
  return formatAmount(wei, 18, digits);
}

/** A wei amount in ETH, every digit: what a transaction moves or may cost, exactly. */
export function exactEth(wei) {
  return exactAmount(wei, 18);
}

export function shortAddress(address) {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** The text to show for an error from the worker (the core's codes: shared/core-errors.js). */
export const explain = popupText;

/** An ISO date-time as the user's local date and time, e.g. "27 Nov 2026, 14:03". */
export function formatDate(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
