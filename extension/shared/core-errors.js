// The core's error codes (src/error.rs, e.g. LOCKED, INCORRECT_PASSWORD) turned into user text,
// in one place: what the popup shows for each (from the catalog, in the popup's language), and
// what a dApp receives (an EIP-1193 code and message, in English: developers read it). The
// core's own messages are short, lower-case and never hold secrets.
import { INVALID_PARAMS, INTERNAL_ERROR, UNAUTHORIZED, ProviderError } from './rpc-errors.js';
import { t, formatNumber } from './i18n.js';
import { waitText } from './wait-text.js';

/**
 * code → { rpc: [EIP-1193 code, message] for a dApp (absent: an internal error) }. What the
 * popup shows for a code is the catalog's `error_<code in lower case>` when there is one, else
 * the core's own message (popupText).
 */
const CORE_ERRORS = Object.freeze({
  LOCKED: { rpc: [UNAUTHORIZED, 'Keystead is locked. Unlock it and send the request again.'] },
  UNKNOWN_ACCOUNT: { rpc: [UNAUTHORIZED, 'That account is not in this Keystead wallet.'] },
  INVALID_TYPED_DATA: { rpc: [INVALID_PARAMS, 'The typed data is not valid EIP-712'] },
  INVALID_TRANSACTION: { rpc: [INVALID_PARAMS, 'The transaction is not valid'] },
  INVALID_AUTHORIZATION: { rpc: [INVALID_PARAMS, 'The EIP-7702 authorization is not valid'] },
});

const entry = (code) => (typeof code === 'string' && Object.hasOwn(CORE_ERRORS, code) ? CORE_ERRORS[code] : null);

// The codes the popup words itself, each with its catalog key error_<code in lower case>:
// error_locked, error_incorrect_password, error_malformed_vault, error_invalid_private_key,
// error_duplicate_account, error_unknown_account; error_invalid_phrase and error_share_* / error_shares_* (below)
// take the core's own message as {detail}.
const WORDED = ['LOCKED', 'INCORRECT_PASSWORD', 'MALFORMED_VAULT', 'INVALID_PRIVATE_KEY', 'DUPLICATE_ACCOUNT', 'UNKNOWN_ACCOUNT'];

/** The SLIP-39 share error codes of the core (SHARE_* / SHARES_*), each with its advice. */
const SHARE_CODES = ['SHARE_UNKNOWN_WORD', 'SHARE_BAD_LENGTH', 'SHARE_BAD_CHECKSUM', 'SHARE_BAD_PADDING', 'SHARE_BAD_GROUP_PARAMETERS',
  'SHARE_TOO_MANY_ITERATIONS', 'SHARES_NONE', 'SHARES_DIFFERENT_SETS', 'SHARES_DUPLICATE', 'SHARES_TOO_FEW', 'SHARES_TOO_MANY',
  'SHARES_TOO_FEW_GROUPS', 'SHARES_TOO_MANY_GROUPS', 'SHARES_DIGEST_MISMATCH'];

/**
 * The core's messages that go inside a sentence ({detail}), each as a catalog message in the
 * page's language: the message's pattern (the Display of src/mnemonic.rs, src/slip39/error.rs,
 * src/shamir_backup/error.rs), its key, and the names of its numbers in order.
 */
const DETAILS = [
  [/^a recovery phrase has 12, 15, 18, 21 or 24 words, not (\d+)$/, 'core_detail_phrase_word_count', ['count']],
  [/^word (\d+) is not in the recovery phrase word list$/, 'core_detail_phrase_unknown_word', ['position']],
  [/^the recovery phrase checksum does not match: a word is wrong or out of order$/, 'core_detail_phrase_checksum'],
  [/^word (\d+) of the share is not in the slip-39 word list$/, 'core_detail_share_unknown_word', ['position']],
  [/^a share has 20 words \(33 for a 256-bit secret\), not (\d+)$/, 'core_detail_share_length', ['words']],
  [/^the share checksum does not match: a word is wrong or out of order$/, 'core_detail_share_checksum'],
  [/^the share has invalid padding: a word is wrong$/, 'core_detail_share_padding'],
  [/^the share's group threshold or group index is out of range$/, 'core_detail_share_group_parameters'],
  [/^these shares use iteration exponent (\d+), which takes too long to open: at most (\d+) is accepted$/, 'core_detail_share_too_many_iterations', ['exponent', 'max']],
  [/^no shares were given$/, 'core_detail_shares_none'],
  [/^the shares do not all belong to the same backup$/, 'core_detail_shares_different_sets'],
  [/^share (\d+) of group (\d+) was given twice$/, 'core_detail_shares_duplicate', ['member', 'group']],
  [/^group (\d+) needs (\d+) shares, (\d+) given$/, 'core_detail_shares_too_few', ['group', 'threshold', 'given']],
  [/^group (\d+) needs exactly (\d+) shares, (\d+) given$/, 'core_detail_shares_too_many', ['group', 'threshold', 'given']],
  [/^shares of (\d+) groups are needed, (\d+) given$/, 'core_detail_shares_too_few_groups', ['threshold', 'given']],
  [/^shares of exactly (\d+) groups are needed, (\d+) given$/, 'core_detail_shares_too_many_groups', ['threshold', 'given']],
  [/^the shares do not fit together: one of them was altered or is not genuine$/, 'core_detail_shares_digest_mismatch'],
];

/**
 * What the core's error `message` says, as a detail inside a sentence (no closing full stop), in
 * the page's language: its catalog message when DETAILS knows it, else the message as it came.
 */
export function coreDetail(message) {
  const text = String(message ?? '').replace(/\.$/, '');
  for (const [pattern, key, names = []] of DETAILS) {
    const found = pattern.exec(text);
    if (found) return t(key, Object.fromEntries(names.map((name, i) => [name, formatNumber(found[i + 1])])));
  }
  return text;
}

/**
 * The text the popup shows for an error `{ code, message, key?, params? }` from the worker, in
 * the popup's language: the catalog message `key` (errors the worker words, wallet-errors.js
 * userError), else the catalog's words for a known core code, else the message as it came.
 */
export function popupText(error) {
  const code = typeof error?.code === 'string' ? error.code : '';
  if (typeof error?.key === 'string') {
    const params = { ...(error.params ?? {}) };
    if (typeof params.seconds === 'number') params.wait = waitText(params.seconds); // the wait in the page's language
    return t(error.key, params);
  }
  if (code === 'INVALID_PHRASE') return t('error_invalid_phrase', { detail: coreDetail(error.message) });
  if (SHARE_CODES.includes(code)) {
    // Keys: error_share_unknown_word … error_shares_digest_mismatch (one per code above).
    return t(code.startsWith('SHARES_') ? 'error_shares_cannot_restore' : 'error_share_not_valid',
      { detail: coreDetail(error.message), advice: t(`error_${code.toLowerCase()}`) });
  }
  if (WORDED.includes(code)) return t(`error_${code.toLowerCase()}`);
  return error?.message ?? String(error);
}

/** A JSON-safe error object for the bridge; never includes a stack. */
export function serializeError(err) {
  if (err instanceof ProviderError) return err.toJSON();
  const known = entry(err?.code)?.rpc;
  if (known) {
    const [code, message] = known;
    return { code, message: code === INVALID_PARAMS ? `${message}: ${err.message}.` : message };
  }
  const out = { code: INTERNAL_ERROR, message: 'Keystead hit an internal error. Try again; if it persists, reload the extension.' };
  if (typeof err?.code === 'string') out.data = { core: err.code, message: String(err.message) };
  return out;
}
