// The only module that imports the WASM core (pkg/). It owns this worker's one Keyring and
// keeps storage in step with it: the vault (ciphertext) in storage.local, the session
// snapshot in storage.session. Secrets never cross into JS; the password passes through on
// its way in and is not kept.
//
// PBKDF2 for create, restore and unlock runs in WebCrypto (lib/webcrypto-kdf.js): only the 32
// derived key bytes cross JS, in an array the core zeroes once it has copied them.
import init, * as wasm from '../../pkg/keystead.js';
import { deriveVaultKey, openVault } from '../../lib/webcrypto-kdf.js';
import * as store from './store.js';
import * as session from './session.js';

let loading = null;
let keyring = null; // the unlocked Keyring, or null
let sessionKey = null; // Uint8Array(32) while unlocked
let resuming = null;

/** Loads the WASM module once per worker life. */
export function loadCore() {
  loading ??= init({ module_or_path: chrome.runtime.getURL('keystead_bg.wasm') });
  return loading;
}

/** The unlocked keyring, resuming it from the session snapshot after a worker restart; null when locked. */
export async function current() {
  await loadCore();
  if (keyring) return keyring;
  resuming ??= resume().finally(() => {
    resuming = null;
  });
  return resuming;
}

async function resume() {
  const saved = await session.loadSnapshot();
  if (!saved) return null;
  try {
    keyring = wasm.Keyring.resumeSession(saved.snapshot, saved.key);
    sessionKey = saved.key;
    return keyring;
  } catch {
    // A snapshot from another session or a damaged one: fall back to asking for the password.
    await session.clearSnapshot();
    return null;
  }
}

/** The unlocked keyring, or a LOCKED error. */
export async function unlocked() {
  const k = await current();
  if (!k) throw Object.assign(new Error('the wallet is locked'), { code: 'LOCKED' });
  return k;
}

/** Writes the vault (when the keyring changed) and re-seals the session snapshot. */
export async function persist({ vault = true } = {}) {
  if (!keyring) return;
  if (vault) await store.writeVault(keyring.vault());
  await session.saveSnapshot(sessionKey, keyring.sealSession(sessionKey));
}

async function adopt(next, { writeVault }) {
  await lock();
  keyring = next;
  sessionKey = session.newSessionKey();
  await persist({ vault: writeVault });
  return keyring;
}

/** A vault key for a new vault: fresh salt and count from the core, PBKDF2 in WebCrypto. */
async function newKey(password) {
  const params = wasm.newVaultKeyParams();
  return { params, key: await deriveVaultKey(password, params) };
}

export async function create(password, wordCount) {
  await loadCore();
  const { params, key } = await newKey(password);
  return adopt(wasm.Keyring.createWithKey(wordCount, params, key), { writeVault: true });
}

export async function restore(password, phrase) {
  await loadCore();
  wasm.validatePhrase(phrase); // a typo fails before the 600,000 PBKDF2 rounds
  const { params, key } = await newKey(password);
  return adopt(wasm.Keyring.restoreWithKey(phrase, params, key), { writeVault: true });
}

/** Opens the stored vault. A vault the core re-keyed (legacy iterations) is written back. */
export async function unlock(password) {
  await loadCore();
  const { vault } = await store.read();
  if (vault === undefined) throw Object.assign(new Error('there is no wallet to unlock'), { code: 'INVALID_ARGUMENT' });
  const next = await openVault(wasm, vault, password);
  return adopt(next, { writeVault: next.wasUpgraded });
}

/** Zeroizes the keyring in WASM memory and forgets the session. */
export async function lock() {
  if (keyring) {
    keyring.lock();
    keyring.free();
    keyring = null;
  }
  sessionKey?.fill(0);
  sessionKey = null;
  await session.clearSnapshot();
}

/** The EIP-712 signing hash, or the core's INVALID_TYPED_DATA error: validation before approval. */
export async function typedDataHash(json) {
  await loadCore();
  return wasm.hashTypedDataV4(json);
}

/** Up to `limit` list words starting with `prefix` (the core holds the only copy of the word list). */
export async function wordSuggestions(prefix, limit) {
  await loadCore();
  return wasm.wordSuggestions(prefix).slice(0, limit);
}

/**
 * Whether a typed phrase is this wallet's phrase; reveals nothing else. A phrase that is not
 * valid at all (unknown word, checksum) throws the core's INVALID_PHRASE first.
 */
export async function verifyPhrase(phrase) {
  const k = await unlocked();
  wasm.validatePhrase(phrase);
  return k.verifyPhrase(phrase);
}
