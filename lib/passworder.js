// @metamask/browser-passworder's `encrypt` / `decrypt` for JSON values, in WebCrypto: the
// format of the backup file's encrypted settings (the vault itself is the core's business).
//
// Output: JSON `{ data, iv, keyMetadata: { algorithm: "PBKDF2", params: { iterations } }, salt }`,
// base64 fields; PBKDF2-HMAC-SHA256 (lib/webcrypto-kdf.js) over the decoded 32-byte salt →
// AES-256-GCM with a 16-byte IV over the value's UTF-8 JSON; `data` is ciphertext‖tag. So
// browser-passworder's `decrypt(password, text)` opens it, and this opens what its `encrypt`
// makes (a payload without `keyMetadata` is its legacy 10,000 iterations).
import { deriveVaultKey, base64Bytes, bytesBase64 } from './webcrypto-kdf.js';

export const ITERATIONS = 600_000;
const LEGACY_ITERATIONS = 10_000;
// A file could ask for any count; past this one decrypting would hang the worker for minutes.
const MAX_ITERATIONS = 10_000_000;

function failure(code, message) {
  return Object.assign(new Error(message), { code });
}

async function aesKey(password, salt, iterations) {
  const raw = await deriveVaultKey(password, { salt, iterations });
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

/** `value` (anything JSON can hold) encrypted under `password`: the browser-passworder JSON text. */
export async function encryptJson(password, value, { iterations = ITERATIONS } = {}) {
  const { crypto } = globalThis;
  const salt = bytesBase64(crypto.getRandomValues(new Uint8Array(32)));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const key = await aesKey(password, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return JSON.stringify({
    data: bytesBase64(sealed),
    iv: bytesBase64(iv),
    keyMetadata: { algorithm: 'PBKDF2', params: { iterations } },
    salt,
  });
}

/** The PBKDF2 iteration count of a parsed payload, or MALFORMED_VAULT. */
function iterationsOf(payload) {
  const meta = payload.keyMetadata;
  if (meta === undefined) return LEGACY_ITERATIONS;
  const n = meta?.params?.iterations;
  if (meta?.algorithm !== 'PBKDF2' || !Number.isSafeInteger(n) || n < 1 || n > MAX_ITERATIONS) {
    throw failure('MALFORMED_VAULT', 'unsupported key derivation in the encrypted data');
  }
  return n;
}

/**
 * The value `encryptJson` (or browser-passworder's `encrypt`) sealed in `payload` (its JSON text
 * or the parsed object). A wrong password and altered bytes both give INCORRECT_PASSWORD (AES-GCM
 * cannot tell them apart); a payload of the wrong shape gives MALFORMED_VAULT.
 */
export async function decryptJson(password, payload) {
  let parsed = payload;
  if (typeof payload === 'string') {
    try {
      parsed = JSON.parse(payload);
    } catch {
      throw failure('MALFORMED_VAULT', 'the encrypted data is not JSON');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || !['data', 'iv', 'salt'].every((k) => typeof parsed[k] === 'string')) {
    throw failure('MALFORMED_VAULT', 'the encrypted data lacks data, iv or salt');
  }
  const iterations = iterationsOf(parsed);
  let sealed, iv;
  try {
    sealed = base64Bytes(parsed.data);
    iv = base64Bytes(parsed.iv);
    base64Bytes(parsed.salt);
  } catch {
    throw failure('MALFORMED_VAULT', 'the encrypted data is not base64');
  }
  const key = await aesKey(password, parsed.salt, iterations);
  let plain;
  try {
    plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed);
  } catch {
    throw failure('INCORRECT_PASSWORD', 'incorrect password');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw failure('MALFORMED_VAULT', 'the decrypted data is not JSON');
  }
}
