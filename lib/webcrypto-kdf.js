// PBKDF2 for a Keystead / MetaMask vault key in the browser's native WebCrypto, for
// `Keyring.unlockWithKey` and `Keyring.restoreWithKey` / `createWithKey`.
//
// Why: the vault asks for 600,000 PBKDF2-HMAC-SHA256 iterations; WebCrypto runs them in native
// code several times faster than the core's WASM PBKDF2 (docs/benchmarks.md). Only the 32
// derived key bytes pass through JS: this returns them in a fresh Uint8Array that the core zeroes
// as soon as it has copied them; the password's UTF-8 copy is zeroed here once imported. The
// decrypted keyrings never leave WASM.
//
// params: `{ salt, iterations }` as returned by the core's `vaultKeyParams(vaultJson)` or
// `newVaultKeyParams()`; `salt` is the vault's base64 text (its decoded bytes are PBKDF2's salt,
// as in browser-passworder's keyFromPassword).

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
export function base64Bytes(text) {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The base64 text of `bytes` (a Uint8Array). */
export function bytesBase64(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Opens a vault with the core (`core` = the pkg/ module: `Keyring`, `vaultKeyParams`): PBKDF2 in
 * WebCrypto for vaults at 600,000 iterations or more; weaker (legacy) vaults go through
 * `Keyring.unlock`, which re-keys them (`wasUpgraded`) and needs the password for that.
 */
export async function openVault(core, vaultJson, password) {
  const params = core.vaultKeyParams(vaultJson);
  if (params.iterations < 600_000) return core.Keyring.unlock(vaultJson, password);
  return core.Keyring.unlockWithKey(vaultJson, await deriveVaultKey(password, params));
}
