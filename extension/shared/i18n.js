// The words every Keystead page shows, in the user's language. One catalog per language is
// the only source of them: `_locales/<language>/messages.json`, in Chrome's format ({ key:
// { message, description } }), which also gives the manifest its name and description
// (`__MSG_extName__`). Chrome's own chrome.i18n cannot change language without reloading the
// extension, so the pages read the same files through this module instead.
//
// A message may hold `{name}` placeholders, filled from `params`. Counted messages are two keys,
// `<key>_one` and `<key>_other`, chosen by the language's plural rule (tn).
import en from '../_locales/en/messages.json' with { type: 'json' };
import nl from '../_locales/nl/messages.json' with { type: 'json' };

const CATALOGS = Object.freeze({ en, nl });

/** The languages Keystead speaks, as Settings offers them (`language-select`). */
export const LANGUAGES = Object.freeze(Object.keys(CATALOGS));
export const DEFAULT_LANGUAGE = 'en';

let current = DEFAULT_LANGUAGE;

/**
 * The browser's language: its UI language (chrome.i18n, known to a page the extension opens from
 * its first script, where navigator.language may still be the engine's default), else
 * navigator.language.
 */
const browserLanguage = () => globalThis.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;

/**
 * The language to use: the user's choice from Settings when it is one Keystead speaks, else
 * the browser's (its first subtag, e.g. `nl-BE` → `nl`), else English. The pages and the worker
 * (which names unnamed accounts) pick it the same way.
 */
export function pickLanguage(chosen, browser = browserLanguage()) {
  if (LANGUAGES.includes(chosen)) return chosen;
  const base = String(browser ?? '').toLowerCase().split('-')[0];
  return LANGUAGES.includes(base) ? base : DEFAULT_LANGUAGE;
}

/** Makes `language` the pages' language (an unknown one gives English). */
export function setLanguage(language) {
  current = LANGUAGES.includes(language) ? language : DEFAULT_LANGUAGE;
  if (globalThis.document) document.documentElement.lang = current;
  return current;
}

/** The pages' language now. */
export const language = () => current;

/** The BCP 47 locale for Intl formatting in the current language. */
export const locale = () => (current === 'nl' ? 'nl-NL' : 'en-GB');

const fill = (text, params) => text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/**
 * The message `key` in the current language with its `{name}` placeholders filled from
 * `params`. A key missing from the catalog is a bug the catalog test catches; at run time it
 * shows the English message, else the key itself (never an empty line).
 */
export function t(key, params = {}) {
  return messageIn(current, key, params);
}

/**
 * t() in a given language rather than the pages' one: for the worker, which has no page
 * language of its own (e.g. the default account names it hands to every page).
 */
export function messageIn(language, key, params = {}) {
  const entry = CATALOGS[language]?.[key] ?? CATALOGS.en[key];
  return entry ? fill(entry.message, params) : key;
}

/** The counted message `key` for `count` (`<key>_one` or `<key>_other`); `{count}` is filled in. */
export function tn(key, count, params = {}) {
  const rule = new Intl.PluralRules(locale()).select(Number(count));
  const form = rule === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, { count: formatNumber(count), ...params });
}

/**
 * A decimal number (a string of digits with an optional `.` fraction, a number or a bigint) in
 * the current language's notation, every digit kept: `1234.5` → "1,234.5" (en), "1.234,5" (nl).
 */
export function formatNumber(value) {
  const text = typeof value === 'string' ? value : String(value);
  const parts = /^(-?\d+)(?:\.(\d+))?$/.exec(text);
  if (!parts) return text;
  const whole = new Intl.NumberFormat(locale()).format(BigInt(parts[1]));
  const sign = parts[1] === '-0' ? '-' : '';
  return parts[2] === undefined ? whole : `${sign}${whole}${decimalSeparator()}${parts[2]}`;
}

/** A date-time (ISO string, Date or milliseconds) as the language writes it: "4 Dec 2026, 14:03". */
export function formatDate(value) {
  return new Date(value).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date without time ("4 Dec 2026"). */
export function formatDay(value) {
  return new Date(value).toLocaleDateString(locale(), { dateStyle: 'long' });
}

/** The current language's decimal separator ("." or ","). */
export function decimalSeparator() {
  return new Intl.NumberFormat(locale()).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * An amount as the user typed it, in the notation of code: spaces dropped and, in a language
 * whose decimal mark is a comma, the comma made a point ("1,5" → "1.5" in Dutch). Group
 * separators are never guessed: where a point could be a Dutch thousands separator ("1.500",
 * "12.000.000", "1.234,5") the amount is refused (an Error with `key` amount_error_grouped)
 * rather than read as 1.5 or 1500; a point that cannot be one ("0.5", "1.25") is read as the
 * decimal mark. English needs no change: its parser refuses "1,500" itself.
 */
export function normalizeAmount(text) {
  const s = String(text).trim().replace(/[\s\u00a0\u202f]/g, '');
  if (decimalSeparator() !== ',') return s;
  if (/^\d{1,3}(\.\d{3})+(,\d*)?$/.test(s) || (s.includes('.') && s.includes(','))) {
    throw Object.assign(new Error(`“${s.slice(0, 40)}” is not an amount: use a comma for the decimals and no thousands separator`), {
      code: 'INVALID_ARGUMENT', key: 'amount_error_grouped', params: { typed: s.slice(0, 40) },
    });
  }
  return s.replace(',', '.');
}
