// Amounts of a currency as integers of its smallest unit (wei for ETH, a token's own decimals),
// to and from decimal text: BigInt only, never a float, so "0.1" is exactly 10^17 wei and
// "0.3" exactly 3·10^17. The worker reads what the user typed; the popup and the worker show
// amounts.
import { argument } from './wallet-errors.js';

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/** An INVALID_ARGUMENT error with its English `message` and the catalog's `key` and `params`. */
const refusal = (message, key, params = {}) => Object.assign(argument(message), { key, params });

/**
 * `text` ("1", "0.25", ".5", "1.") in units of `symbol` with `decimals` decimals, as a bigint of
 * the smallest unit. Refuses (INVALID_ARGUMENT saying what to type, with the catalog's `key`
 * and `params` of the same message) anything else: an empty field, signs, exponents, thousands
 * separators, a comma as the decimal point, more decimals than the asset has, and zero. What a
 * person typed in their language's notation goes through i18n's normalizeAmount first.
 */
export function parseAmount(text, decimals, symbol) {
  const typed = typeof text === 'string' ? text.trim() : '';
  if (typed === '') throw refusal(`Enter the amount of ${symbol} to send.`, 'amount_error_empty', { symbol });
  const match = DECIMAL.exec(typed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    const grouped = /^\d+,\d+$/.test(typed) || /\..*\./.test(typed);
    const hint = grouped ? 'Use a point for the decimals and no thousands separator, e.g. 1000.5.' : 'Type digits, with a point for the decimals, e.g. 0.5.';
    const shown = typed.slice(0, 40);
    throw refusal(`“${shown}” is not an amount. ${hint}`, grouped ? 'amount_error_grouped' : 'amount_error_not_amount', { typed: shown });
  }
  const [, whole, fraction = ''] = match;
  if (fraction.length > decimals) {
    throw decimals === 0
      ? refusal(`${symbol} has no decimals: send a whole number.`, 'amount_error_no_decimals', { symbol })
      : refusal(`${symbol} has ${decimals} decimals, and ${typed} has ${fraction.length}. Keep at most ${decimals} digits after the point.`,
        'amount_error_too_many_decimals', { symbol, decimals, typed, count: fraction.length });
  }
  const value = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (value === 0n) throw refusal('Enter an amount greater than 0.', 'amount_error_zero');
  return value;
}

/**
 * An integer amount of a currency's smallest unit (hex string or bigint) in whole units with
 * `decimals` decimals (18 for ETH, a token's own), up to `digits` of them, trailing zeros trimmed.
 * An amount too small for `digits` is shown exactly rather than as "0" (1 wei is
 * "0.000000000000000001", never "0"); `digits = Infinity` always shows it exactly.
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

/** Every digit of an amount: what a transaction moves or may cost, exactly. */
export function exactAmount(value, decimals) {
  return formatAmount(value, decimals, Infinity);
}
