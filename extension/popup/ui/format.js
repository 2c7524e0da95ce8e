// Display helpers: amounts (ETH, tokens), short addresses, and error messages a person can act on.
import { popupText } from '../../shared/core-errors.js';

/**
 * An integer amount of a currency's smallest unit (hex string or bigint) in whole units with
 * `decimals` decimals (18 for ETH, a token's own), up to `digits` of them, trailing zeros trimmed.
 * An amount too small for `digits` is shown exactly rather than as "0" (1 wei is
 * "0.000000000000000001", never "0"); `digits = Infinity` always shows it exactly. BigInt only.
 */
export function formatAmount(value, decimals, digits = 4) {
  const amount = typeof value === 'bigint' ? value : BigInt(value);
  const sign = amount < 0n ? '-' : '';
  const magnitude = amount < 0n ? -amount : amount;
  const unit = 10n ** BigInt(decimals);
  const whole = magnitude / unit;
  const exact = (magnitude % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  let fraction = exact.slice(0, digits).replace(/0+$/, '');
  if (whole === 0n && !fraction && exact) fraction = exact;
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A wei amount in ETH (or the network's own 18-decimal currency). */
export function formatEth(wei, digits = 4) {
  return formatAmount(wei, 18, digits);
}

/** A wei amount in ETH, every digit: what a transaction moves or may cost, exactly. */
export function exactEth(wei) {
  return formatAmount(wei, 18, Infinity);
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
