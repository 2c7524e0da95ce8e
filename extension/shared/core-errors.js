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

/** The text the popup shows for an error `{ code, message }` from the worker. */
export function popupText(error) {
  if (error.code === 'INVALID_PHRASE') return `That is not a valid Secret Recovery Phrase: ${error.message}. Check each word against your backup.`;
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
