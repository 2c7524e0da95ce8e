// PBKDF2 for a Keystead / MetaMask vault key in the browser's native WebCrypto, for the core's
// `*WithKey` calls and its payload calls (`sealPayload`, `openPayload`).
//
// Why: the vault's PBKDF2-HMAC-SHA256 count is large; WebCrypto runs it in native code several
// times faster than the core's WASM PBKDF2 (docs/benchmarks.md). Only the 32 derived key bytes
// pass through JS: this returns them in a fresh Uint8Array that the core zeroes as soon as it has
// copied them; the password's UTF-8 copy is zeroed here once imported. The decrypted keyrings
// never leave WASM.
//
// What to derive is the core's business, never this file's: params are `{ salt, iterations }` as
// the core's `vaultKeyParams(vaultJson)` or `newVaultKeyParams()` return them (`salt` is the
// vault's base64 text; its decoded bytes are PBKDF2's salt, as in browser-passworder's
// keyFromPassword), and `vaultKeyParams` also says whether a vault must go through the core's
// re-keying `Keyring.unlock` instead (`needsRekey`).

/** @returns {Promise<Uint8Array>} the 32-byte AES-256 key PBKDF2-HMAC-SHA256 derives. */
export async function deriveVaultKey(password, { salt, iterations }) {
  const { subtle } = globalThis.crypto;
  const passwordBytes = new TextEncoder().encode(password);
  let baseKey;
  try {
    baseKey = await subtle.importKey('raw', passwordBytes, 'PBKDF2', false, ['deriveBits']);
  } finally {
    passwordBytes.fill(0);
  }
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64Bytes(salt), iterations },
    baseKey,
    256,
  );
  return new Uint8Array(bits);
}

/** The bytes of a base64 text (throws on text that is not base64). */
function base64Bytes(text) {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Opens a vault with the core (`core` = the pkg/ module: `Keyring`, `vaultKeyParams`): PBKDF2 in
 * WebCrypto, unless the core says the vault must be re-keyed (legacy iteration counts); then
 * `Keyring.unlock` opens it with the password and re-keys it (`wasUpgraded`).
 */
export async function openVault(core, vaultJson, password) {
  const params = core.vaultKeyParams(vaultJson);
  if (params.needsRekey) return core.Keyring.unlock(vaultJson, password);
  return core.Keyring.unlockWithKey(vaultJson, await deriveVaultKey(password, params));
}

/**
 * `value` (anything JSON can hold) sealed by the core under `password` in browser-passworder's
 * format, with a fresh salt and the core's iteration count (`newVaultKeyParams`): the payload's
 * JSON text `{ data, iv, keyMetadata, salt }`, which browser-passworder's `decrypt` opens.
 */
export async function encryptJson(core, password, value) {
  const params = core.newVaultKeyParams();
  return core.sealPayload(value, params, await deriveVaultKey(password, params));
}

/**
 * The value in a browser-passworder payload (its JSON text, or the parsed object), opened by the
 * core with the key derived from `password` and the payload's own salt and count. A wrong
 * password and an altered byte both throw INCORRECT_PASSWORD; a payload of the wrong shape
 * MALFORMED_VAULT.
 */
export async function decryptJson(core, password, payload) {
  const payloadJson = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const params = core.vaultKeyParams(payloadJson);
  return core.openPayload(payloadJson, await deriveVaultKey(password, params));
}
