// The only module that imports the WASM core (pkg/). It owns this worker's one Keyring and
// keeps storage in step with it: the vault (ciphertext) in storage.local, the session
// snapshot in storage.session. Secrets never cross into JS; the password passes through on
// its way in and is not kept.
//
// PBKDF2 for create, restore, unlock and the backup file's settings runs in WebCrypto
// (lib/webcrypto-kdf.js): only the 32 derived key bytes cross JS, in an array the core zeroes
// once it has copied them. The core says what to derive and how a vault opens: no count here.
import init, * as wasm from '../../../pkg/keystead.js';
import { deriveVaultKey, openVault, encryptJson, decryptJson } from '../../../lib/webcrypto-kdf.js';
import * as store from '../platform/store.js';
import * as session from '../platform/session.js';
import { throttled } from './unlock-throttle.js';
import { userError } from '../../shared/wallet-errors.js';

let loading = null;
let keyring = null; // the unlocked Keyring, or null
let sessionKey = null; // Uint8Array(32) while unlocked
let resuming = null;
let aside = null; // the emergency move's new wallet while its phrase is confirmed: not the wallet's yet

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
  // Only with the vault it was sealed with: a worker stopped between the vault write and the
  // snapshot write left an older snapshot, which would bring back a removed key or lose an
  // added one at the next write. Then the password is asked for, and the stored vault opened.
  const { vault } = await store.read();
  if (typeof vault !== 'string' || saved.vaultHash !== (await store.vaultDigest(vault))) {
    await session.clearSnapshot();
    return null;
  }
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

const lockedError = () => Object.assign(new Error('the wallet is locked'), { code: 'LOCKED' });

/** The unlocked keyring, or a LOCKED error. */
export async function unlocked() {
  const k = await current();
  if (!k) throw lockedError();
  return k;
}

/**
 * Writes the vault (when the keyring changed), then re-seals the session snapshot bound to the
 * stored vault's hash. `fields` are other stored fields written in the same storage call as the
 * vault (all or nothing); `replace`: the keyring is a new wallet over the stored one. A failed
 * vault write throws (nothing was stored); a failed snapshot write only means that the next
 * worker start asks for the password.
 */
async function persist({ vault = true, fields = {}, replace = false } = {}) {
  const k = keyring;
  const key = sessionKey;
  if (!k) throw lockedError(); // locked meanwhile (auto-lock): nothing to write, and the change is gone
  const hash = vault ? await store.writeVault(k.vault(), fields, { replace }) : await store.vaultDigest((await store.read()).vault);
  try {
    await session.saveSnapshot(key, k.sealSession(key), hash);
  } catch {
    await session.clearSnapshot().catch(() => {});
  }
}

let changing = Promise.resolve();

/**
 * Changes the unlocked keyring with `apply(keyring)` and stores it with the fields
 * `fieldsFor(result, keyring, state)` returns, one change at a time (`state` is the stored
 * state when the vault write's turn comes in store.js's write queue). When the vault cannot be written
 * (storage full), the keyring is put back as it was: memory never shows an account the stored
 * vault lacks, or lacks one it has. Returns apply's result.
 */
export function change(apply, fieldsFor = () => ({})) {
  const run = changing.then(async () => {
    const k = await unlocked();
    const key = sessionKey;
    const before = k.sealSession(key);
    const result = apply(k);
    try {
      await persist({ fields: (state) => fieldsFor(result, k, state) });
    } catch (e) {
      if (keyring === k) {
        keyring = wasm.Keyring.resumeSession(before, key);
        discard(k);
      }
      throw e;
    }
    return result;
  });
  changing = run.catch(() => {});
  return run;
}

/** Makes `next` the unlocked wallet; if it cannot be stored, the wallet ends locked on what storage holds. */
async function adopt(next, { writeVault, fields, replace = false }) {
  await lock();
  keyring = next;
  sessionKey = session.newSessionKey();
  try {
    await persist({ vault: writeVault, fields, replace });
  } catch (e) {
    await lock().catch(() => {});
    throw e;
  }
  return keyring;
}

function discard(k) {
  k.lock();
  k.free();
}

/** A vault key for a new vault: fresh salt and count from the core, PBKDF2 in WebCrypto. */
async function newKey(password) {
  const params = wasm.newVaultKeyParams();
  return { params, key: await deriveVaultKey(password, params) };
}

/** Makes the keyring `make(params, key)` builds under a new vault key for `password` the wallet. */
async function newWallet(password, make) {
  await loadCore();
  const { params, key } = await newKey(password);
  return adopt(make(params, key), { writeVault: true, replace: true });
}

export function create(password, wordCount) {
  return newWallet(password, (params, key) => wasm.Keyring.createWithKey(wordCount, params, key));
}

/**
 * A new wallet backed up with SLIP-39 shares: `scheme` is `{ groupThreshold, groups:
 * [[threshold, count], …] }`. Its shares leave the core only through `revealShares(password)`.
 */
export function createShamir(password, scheme) {
  return newWallet(password, (params, key) => wasm.Keyring.createShamirWithKey(scheme, params, key));
}

/**
 * A wallet restored from typed SLIP-39 shares (strings) and a passphrase ('' for none). What
 * stops them (a wrong word, another set, too few) fails before the vault key's PBKDF2 rounds.
 */
export async function restoreShares(password, shares, passphrase) {
  await loadCore();
  wasm.validateShares(shares);
  return newWallet(password, (params, key) => wasm.Keyring.restoreSharesWithKey(shares, passphrase, params, key));
}

/** The public fields of one typed share (`{ identifier, group, member, … }`), or its SHARE_* error. */
export async function inspectShare(share) {
  await loadCore();
  return wasm.inspectShare(share);
}

/** A wallet from a typed phrase with HD accounts 0..accountCount-1 (account discovery's count). */
export async function restore(password, phrase, accountCount = 1) {
  await loadCore();
  wasm.validatePhrase(phrase); // a typo fails before the vault key's PBKDF2 rounds
  const { params, key } = await newKey(password);
  const next = wasm.Keyring.restoreWithKey(phrase, params, key);
  try {
    for (let i = 1; i < accountCount; i++) next.addAccount();
  } catch (e) {
    discard(next);
    throw e;
  }
  return adopt(next, { writeVault: true, replace: true });
}

/** Addresses of HD accounts start..start+count-1 of a typed phrase (INVALID_PHRASE if it is not one). */
export async function deriveAddresses(phrase, start, count) {
  await loadCore();
  wasm.validatePhrase(phrase);
  return wasm.deriveAddresses(phrase, start, count);
}

/**
 * Opens a vault that is not this wallet's (a backup file's) without adopting it: the caller
 * checks the rest of the file, then passes it to adoptRestored, or to discardVault.
 */
export async function openOtherVault(vaultJson, password) {
  await loadCore();
  return openVault(wasm, vaultJson, password);
}

export function discardVault(k) {
  discard(k);
}

/**
 * `value` (JSON, never a secret: the backup file's settings) sealed under `password` by the core
 * in browser-passworder's format, with its own salt and IV: the payload's JSON text.
 */
export async function sealJson(password, value) {
  await loadCore();
  return encryptJson(wasm, password, value);
}

/**
 * The value a browser-passworder payload (its JSON text or the parsed object) holds, opened by
 * the core with `password`: INCORRECT_PASSWORD for a wrong password or an altered byte,
 * MALFORMED_VAULT for a payload of the wrong shape.
 */
export async function openJson(password, payload) {
  await loadCore();
  return decryptJson(wasm, password, payload);
}

/**
 * The emergency move's new wallet: a new phrase under the wallet's own password (checked first:
 * INCORRECT_PASSWORD), with `accountCount` HD accounts, held beside the unlocked wallet and not
 * adopted. Resolves with `{ vault, accounts }` (its vault's ciphertext and addresses).
 */
export async function createAside(password, wordCount, accountCount) {
  await checkPassword(password);
  const { params, key } = await newKey(password);
  return holdAside(wasm.Keyring.createWithKey(wordCount, params, key), accountCount);
}

/** The move's new wallet again from its stored vault (after a restart), opened with the password. */
export async function reopenAside(vaultJson, password) {
  await loadCore();
  return holdAside(await openVault(wasm, vaultJson, password), 0);
}

function holdAside(next, accountCount) {
  try {
    for (let i = next.accounts().length; i < accountCount; i++) next.addAccount();
  } catch (e) {
    discard(next);
    throw e;
  }
  if (aside) discard(aside);
  aside = next;
  // Sealed in storage.session under the session key, so a worker stop mid-move keeps it.
  if (sessionKey) session.saveAside(next.sealSession(sessionKey)).catch(() => {});
  return { vault: next.vault(), accounts: next.accounts().map((a) => a.address) };
}

/**
 * The move's new keyring (its phrase shown and confirmed like onboarding's), resumed from its
 * sealed copy after a worker stop; LOCKED when it is gone (the wallet was locked meanwhile).
 */
export async function asideKeyring() {
  if (aside) return aside;
  await current();
  const sealed = sessionKey ? await session.loadAside() : null;
  if (!sealed) throw lockedError();
  try {
    aside = wasm.Keyring.resumeSession(sealed, sessionKey);
  } catch {
    throw lockedError();
  }
  return aside;
}

/** Forgets the move's new keyring (the move was left before it started): memory and its sealed copy. */
export async function dropAside() {
  if (aside) discard(aside);
  aside = null;
  await session.dropAside();
}

/**
 * Ends the move: `vault` (the new wallet's) becomes the stored one and the old one is kept as
 * compromised (store.retireVault, with `note` and `fields` in the same write); the new keyring
 * is then the unlocked wallet, or, after a restart lost it, the wallet is locked on the new
 * vault (the same password opens it).
 */
export async function adoptAside(vault, note, fields) {
  const next = await asideKeyring().catch(() => null); // before the vault changes: the session resumes only on the old one
  await store.retireVault(vault, note, fields);
  aside = null;
  if (!next) return lock();
  return adopt(next, { writeVault: false });
}

/** Makes an opened vault this wallet: its vault and `fields` (settings) in one storage write. */
export async function adoptRestored(next, fields) {
  return adopt(next, { writeVault: true, fields, replace: true });
}

/**
 * The stored vault, after `password` opened it (INCORRECT_PASSWORD otherwise; nothing changes).
 * If it does not hold exactly the unlocked wallet's accounts, the wallet is written first, so
 * what is returned is always the current wallet.
 */
export async function checkPassword(password) {
  const k = await unlocked();
  const { vault } = await store.read();
  const opened = await openVault(wasm, vault, password);
  const key = (list) => JSON.stringify(list.map(({ address, type, index }) => [address, type, index]));
  let current;
  try {
    current = key(opened.accounts()) === key(k.accounts()) && !opened.wasUpgraded;
  } finally {
    discard(opened);
  }
  if (current) return vault;
  await persist();
  return (await store.read()).vault;
}

/**
 * Opens the stored vault (a growing wait after repeated wrong passwords: unlock-throttle.js). A
 * vault the core re-keyed (legacy iterations) is written back. When the password does not open
 * the stored vault but opens its previous copy, the stored one is likely damaged (a wrong
 * password and a damaged vault look the same to AES-GCM): PREVIOUS_COPY_OPENS, nothing changed.
 */
export async function unlock(password) {
  await loadCore();
  return throttled(async () => {
    const { vault, vaultPrevious } = await store.read();
    if (vault === undefined) throw Object.assign(new Error('there is no wallet to unlock'), { code: 'INVALID_ARGUMENT' });
    let next;
    try {
      next = await openVault(wasm, vault, password);
    } catch (e) {
      if (e?.code === 'INCORRECT_PASSWORD' && (await opens(vaultPrevious, password, vault))) {
        throw userError('error_previous_copy_opens', {}, 'PREVIOUS_COPY_OPENS');
      }
      throw e;
    }
    await adopt(next, { writeVault: next.wasUpgraded });
    await store.markOpened().catch(() => {});
    return keyring;
  });
}

/** Whether `password` opens `vaultJson` (a vault other than `except`). */
async function opens(vaultJson, password, except) {
  if (!store.looksLikeVault(vaultJson) || vaultJson === except) return false;
  try {
    discard(await openVault(wasm, vaultJson, password));
    return true;
  } catch {
    return false;
  }
}

/** Opens the previous copy with the password and makes it the stored vault; the damaged one is kept aside. */
export async function unlockPrevious(password) {
  await loadCore();
  return throttled(async () => {
    const state = await store.read();
    if (!store.canRestorePrevious(state)) {
      throw userError('error_no_previous_copy');
    }
    const next = await openVault(wasm, state.vaultPrevious, password);
    try {
      await store.restorePreviousVault({ opened: true });
    } catch (e) {
      discard(next);
      throw e;
    }
    return adopt(next, { writeVault: next.wasUpgraded });
  });
}

/** Zeroizes the keyring in WASM memory and forgets the session. */
export async function lock() {
  if (keyring) {
    discard(keyring);
    keyring = null;
  }
  if (aside) {
    discard(aside);
    aside = null;
  }
  sessionKey?.fill(0);
  sessionKey = null;
  await session.clearSnapshot();
}

/**
 * What the approval window shows of typed data, as the core hashes it: { primaryType, domainOnly,
 * chainId (declared, decimal, or null), domain, message } (see typedDataView in src/wasm.rs); or
 * the core's INVALID_TYPED_DATA error: validation before approval.
 */
export async function typedDataView(json) {
  await loadCore();
  return wasm.typedDataView(json);
}

/** The EIP-55 address that made a personal_sign signature over the `0x`-hex message; the core's error when none did. */
export async function recoverPersonalSignature(dataHex, signature) {
  await loadCore();
  return wasm.recoverPersonalSignature(dataHex, signature);
}

/**
 * The EIP-55 form of an address; the core's INVALID_ARGUMENT when it is not 20 hex bytes or its
 * mixed case is not a valid checksum (a typo the checksum exists to catch).
 */
export async function toChecksumAddress(address) {
  await loadCore();
  return wasm.toChecksumAddress(address);
}

/**
 * Up to `limit` words of a list starting with `prefix`: the BIP39 list, or with `shares` the
 * SLIP-39 list (the core holds the only copy of each).
 */
export async function wordSuggestions(prefix, limit, { shares = false } = {}) {
  await loadCore();
  return (shares ? wasm.slip39WordSuggestions(prefix) : wasm.wordSuggestions(prefix)).slice(0, limit);
}

/**
 * Whether a typed phrase is this wallet's phrase `number` (from 1; the first when absent);
 * reveals nothing else. A phrase that is not valid at all (unknown word, checksum) throws the
 * core's INVALID_PHRASE first.
 */
export async function verifyPhrase(phrase, number) {
  const k = await unlocked();
  wasm.validatePhrase(phrase);
  return k.verifyPhrase(phrase, number);
}

/** Throws the core's INVALID_PHRASE (naming the first unknown word, or the checksum) for a typed phrase that is not one. */
export async function validatePhrase(phrase) {
  await loadCore();
  wasm.validatePhrase(phrase);
}
