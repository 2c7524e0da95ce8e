// Display helpers: amounts (ETH, tokens) and dates in the language's notation (shared/i18n.js),
// short addresses, and error messages a person can act on.
import { popupText } from '../../shared/core-errors.js';
import * as amounts from '../../shared/amounts.js';
import { t, formatNumber, formatDate as formatDateTime, locale } from '../../shared/i18n.js';

/**
 * An integer amount of a currency's smallest unit in whole units with `decimals` decimals, up
 * to `digits` of them (shared/amounts.js), written the language's way: "1,234.5" or "1.234,5".
 */
export function formatAmount(value, decimals, digits = 4) {
  return formatNumber(amounts.formatAmount(value, decimals, digits));
}

/** Every digit of an amount, in the language's notation: what a transaction moves or may cost, exactly. */
export function exactAmount(value, decimals) {
  return formatNumber(amounts.exactAmount(value, decimals));
}

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

/** An ISO date-time as the user's local date and time in the language, e.g. "27 Nov 2026, 14:03". */
export function formatDate(iso) {
  return formatDateTime(iso);
}

/** The last second a four-digit-year date shows (9999-12-31 23:59:59 UTC); later is "never". */
const LAST_DATE_SECONDS = 253_402_300_799n;

/** How far `seconds` is from now, in the largest whole unit (Intl): "in 3 days", "2 hours ago, expired". */
function relative(seconds, nowMs) {
  const diff = Number(seconds) - Math.floor(nowMs / 1000);
  const units = [['year', 365 * 86400], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => Math.abs(diff) >= s) ?? ['second', 1];
  const n = Math.floor(Math.abs(diff) / size);
  const words = new Intl.RelativeTimeFormat(locale(), { numeric: 'always' });
  return diff >= 0 ? words.format(n, unit) : t('approve_deadline_expired', { ago: words.format(-n, unit) });
}

/**
 * A deadline or expiry (seconds since 1970, decimal string or bigint) as an exact UTC date and
 * how far it is: "2026-12-04 10:23:45 UTC (in 3 days)"; after the year 9999, "never (<seconds>)".
 */
export function formatDeadline(seconds, nowMs = Date.now()) {
  const s = BigInt(seconds);
  if (s > LAST_DATE_SECONDS) return t('approve_deadline_never', { seconds: s });
  const iso = new Date(Number(s) * 1000).toISOString();
  return t('approve_deadline', { date: `${iso.slice(0, 10)} ${iso.slice(11, 19)}`, relative: relative(s, nowMs) });
}

/** The largest value of a uintN. */
export const maxUint = (bits) => (1n << BigInt(bits)) - 1n;

/**
 * A token amount (smallest units, decimal string) of `token` ({ symbol, decimals, address }):
 * every digit in the token's units with its symbol; "unlimited" at the type's maximum
 * (`bits`); in smallest units, said so, when the decimals are unknown.
 */
export function tokenAmount(value, token, bits = 256) {
  const amount = BigInt(value);
  const label = token?.symbol ?? (token?.address ? t('approve_token_unnamed_at', { address: shortAddress(token.address) }) : t('approve_token_unnamed'));
  if (amount === maxUint(bits)) return t('approve_amount_unlimited', { token: label });
  if (token?.decimals === null || token?.decimals === undefined) return t('approve_amount_raw', { amount, token: label });
  return `${formatAmount(amount, token.decimals, Infinity)} ${label}`;
}
