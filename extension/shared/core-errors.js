// The core's error codes (src/error.rs, e.g. LOCKED, INCORRECT_PASSWORD) turned into user text,
// in one place: what the popup shows for each, and what a dApp receives (an EIP-1193 code and
// message). The core's own messages are short, lower-case and never hold secrets.
import { INVALID_PARAMS, INTERNAL_ERROR, UNAUTHORIZED, ProviderError } from './rpc-errors.js';

/**
 * code → { popup: text for the popup (null: the core's message is the text), rpc: [EIP-1193
 * code, message] for a dApp (absent: an internal error) }.
 */
const CORE_ERRORS = Object.freeze({
  LOCKED: {
    popup: 'Keystead locked itself. Unlock it and try again.',
    rpc: [UNAUTHORIZED, 'Keystead is locked. Unlock it and send the request again.'],
  },
  UNKNOWN_ACCOUNT: { popup: null, rpc: [UNAUTHORIZED, 'That account is not in this Keystead wallet.'] },
  INVALID_TYPED_DATA: { popup: null, rpc: [INVALID_PARAMS, 'The typed data is not valid EIP-712'] },
  INVALID_TRANSACTION: { popup: null, rpc: [INVALID_PARAMS, 'The transaction is not valid'] },
  INVALID_AUTHORIZATION: { popup: null, rpc: [INVALID_PARAMS, 'The EIP-7702 authorization is not valid'] },
  INCORRECT_PASSWORD: { popup: 'That password is not right. Check it and try again.' },
  INVALID_PHRASE: { popup: null },
  MALFORMED_VAULT: { popup: 'Keystead’s stored wallet could not be read. Use the recovery options below.' },
  INVALID_PRIVATE_KEY: { popup: 'That is not a valid private key. It is 64 hexadecimal characters (0-9, a-f), with or without 0x.' },
  DUPLICATE_ACCOUNT: { popup: 'That account is already in Keystead; nothing was changed.' },
});

const entry = (code) => (typeof code === 'string' && Object.hasOwn(CORE_ERRORS, code) ? CORE_ERRORS[code] : null);

/** What to do after a SLIP-39 share error (the core's SHARE_* / SHARES_* codes), by code. */
const SHARE_ADVICE = Object.freeze({
  SHARE_UNKNOWN_WORD: 'Check that word against your written share.',
  SHARE_BAD_LENGTH: 'A share has 20 words (33 for a 256-bit backup): check that no word is missing or doubled.',
  SHARE_BAD_CHECKSUM: 'Check each word and its order against your written share.',
  SHARE_BAD_PADDING: 'Check each word against your written share.',
  SHARE_BAD_GROUP_PARAMETERS: 'Check each word against your written share.',
  SHARE_TOO_MANY_ITERATIONS: 'Keystead does not open shares this slow; restore them in the wallet that made them.',
  SHARES_NONE: 'Type at least one share.',
  SHARES_DIFFERENT_SETS: 'Use shares of one backup only.',
  SHARES_DUPLICATE: 'Type each share once.',
  SHARES_TOO_FEW: 'Add another share of that group.',
  SHARES_TOO_MANY: 'Remove one of them.',
  SHARES_TOO_FEW_GROUPS: 'Add shares of another group.',
  SHARES_TOO_MANY_GROUPS: 'Remove the shares of one group.',
  SHARES_DIGEST_MISMATCH: 'Check every word of every share against your written copies.',
});

/** The text the popup shows for an error `{ code, message }` from the worker. */
export function popupText(error) {
  if (error.code === 'INVALID_PHRASE') return `That is not a valid Secret Recovery Phrase: ${error.message}. Check each word against your backup.`;
  if (typeof error.code === 'string' && Object.hasOwn(SHARE_ADVICE, error.code)) {
    const what = error.code.startsWith('SHARES_') ? 'These shares cannot restore a wallet' : 'That is not a valid share';
    return `${what}: ${error.message}. ${SHARE_ADVICE[error.code]}`;
  }
  return entry(error.code)?.popup ?? error.message;
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
