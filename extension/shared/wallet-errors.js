// The errors the worker answers the extension's own pages with: an Error carrying a string
// `code` (the core's, e.g. INCORRECT_PASSWORD, or the worker's, e.g. INVALID_ARGUMENT), an
// English `message` (logs, tests, dApps), and, when a person may read it, the catalog `key`
// and its `params`: the page shows that message in its own language (core-errors.js popupText).
import en from '../_locales/en/messages.json' with { type: 'json' };
import { ProviderError } from './rpc-errors.js';

/** The English catalog message `key` filled with `params` (what the error's `message` says). */
function english(key, params) {
  const text = Object.hasOwn(en, key) ? en[key].message : key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** Parameters as a page receives them: strings and numbers (a bigint becomes its digits). */
const plain = (params) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));

/** An Error with the string `code`; for a developer's eyes (a person sees userError's). */
export function walletError(code, message) {
  return Object.assign(new Error(message), { code });
}

/** An INVALID_ARGUMENT error for a developer (a request no page of Keystead sends). */
export function argument(message) {
  return walletError('INVALID_ARGUMENT', message);
}

/**
 * An error a person reads: the catalog message `key` with `params`, with the string `code`
 * (INVALID_ARGUMENT unless told). Its `message` is the English text.
 */
export function userError(key, params = {}, code = 'INVALID_ARGUMENT') {
  const values = plain(params);
  return Object.assign(new Error(english(key, values)), { code, key, params: values });
}

/**
 * A ProviderError (numeric EIP-1193 `code`, English message for a dApp) that the popup words in
 * its language from the catalog message `key` with `params`, as userError's.
 */
export function userProviderError(code, key, params = {}, data = undefined) {
  const { message, params: values } = userError(key, params);
  return Object.assign(new ProviderError(code, message, data), { key, params: values });
}
