// chrome.storage.local: the persisted state, with a schema version, and its one owner in the
// worker. Nothing secret is ever written here: the vault is ciphertext, the rest is addresses,
// names, networks and settings.
//
// Read once per worker life (one `get` of every key, on first use) and served from memory after
// that. Every change goes through one serialized write queue: `update(fn)` runs `fn` on the
// state as it is when the change's turn comes, so two concurrent read-modify-writes can never
// lose an update. Memory changes only after Chrome accepted the `set` (a failed write leaves
// memory and storage as they were). The worker is the only writer; a change made by anything
// else (a test, DevTools) arrives through storage.onChanged and is applied to memory
// (`external`, registered by index.js), while the events of the worker's own writes are
// recognised and skipped. Each record's shape has one module: permissions (wallet/permissions.js),
// networks and chainId (wallet/networks.js), tokens (wallet/tokens.js), accountNames and
// selectedAddress (wallet/accounts.js), backup (wallet/backup.js), settings (wallet/autolock.js),
// unlockThrottle (wallet/unlock-throttle.js), phraseGuard (wallet/phrase-guard.js), metaMaskFlag
// (wallet/metamask-flag.js), nfts (wallet/nfts.js), activity (wallet/activity-log.js), nonces
// (wallet/nonces.js), callBatches (wallet/call-batches.js), emergencyMove (wallet/emergency-record.js), the vault
// fields (this module).
//
// Shape (schemaVersion 1):
//   schemaVersion   1
//   vault           the browser-passworder vault JSON (string), or absent before onboarding
//   vaultPrevious   the vault as it was before the last write (a copy to recover from)
//   vaultHash       SHA-256 (hex) of `vault` as this wallet last wrote or opened it: a stored
//                   vault with another hash was never opened here (damaged, or put there)
//   vaultsAside     [{ vault, keptAt }] replaced vaults kept until the user unlocks the new one
//                   (newest first, at most ASIDE_MAX): a restore never loses a readable copy
//   vaultCorrupt    a stored value that was not even shaped like a vault, kept aside
//   vaultsCompromised [{ vault, movedAt, movedTo: [address] }] vaults the emergency move replaced
//                   (newest first): kept, never dropped at unlock, marked as compromised
//   unlockThrottle  { failures, lastAt } wrong passwords in a row (unlock-throttle.js)
//   selectedAddress checksummed address of the selected account
//   chainId         hex chain id of the selected network
//   networks        user-added networks [{ chainId, name, rpcUrl, symbol, explorerUrl? }]
//   permissions     { [origin]: { accounts: [address], grantedAt } }
//   accountNames    { [address]: name }
//   settings        { autoLockMinutes, language? } language: 'en' | 'nl' once chosen in
//                   Settings (absent: the browser's language) (wallet/language.js)
//   backup          the backup's health (dates are ISO strings; nothing secret):
//                   { phraseConfirmedAt?, phraseVerifiedAt?, postponedAt?, fileDownloadedAt?,
//                     keys: { [address]: { importedAt, exportedAt? } },
//                     shares?: { [id]: { confirmedAt?, checkedAt? } },
//                     phrases?: { [n]: { importedAt?, verifiedAt? } } } (wallet/backup.js)
//   tokens          tokens the user added { [chainId]: [{ address, symbol, decimals }] }
//   nfts            ERC-721 NFTs added through wallet_watchAsset { [chainId]: [{ address, tokenId, symbol }] } (wallet/nfts.js)
//   phraseGuard     { disabledOrigins: [origin] } sites where the phrase guard is off (phrase-guard.js)
//   activity        the transactions Keystead broadcast { [chainId]: { [address]: [entry] } },
//                   newest first, at most 200 per account and network (activity-log.js)
//   nonces          { [chainId]: { [address]: { next, hash, at } } } the nonce after the last
//                   transaction Keystead broadcast per account and chain (wallet/nonces.js)
//   metaMaskFlag    { offOrigins: [origin] } sites whose provider says isMetaMask: false (metamask-flag.js)
//   callBatches     [{ id, origin, chainId, account, createdAt, calls: [{ state, hash? }] }] the
//                   EIP-5792 batches sites sent, newest first, at most 100 (wallet/call-batches.js)
//   emergencyMove   the emergency move: the new wallet's vault until it is adopted, its plan and
//                   each step's state (signed transactions, hashes; never a key), then what was
//                   moved where and when (wallet/emergency-record.js)

import { userError } from '../../shared/wallet-errors.js';

export const SCHEMA_VERSION = 1;
export const DEFAULT_SETTINGS = Object.freeze({ autoLockMinutes: 15 });
export const ASIDE_MAX = 3;

const KEYS = ['schemaVersion', 'vault', 'vaultPrevious', 'selectedAddress', 'chainId', 'networks',
  'permissions', 'accountNames', 'settings', 'backup', 'tokens', 'unlockThrottle', 'phraseGuard',
  'metaMaskFlag', 'nfts', 'activity', 'nonces', 'callBatches', 'emergencyMove'];
const ALL_KEYS = [...new Set([...KEYS, 'vaultHash', 'vaultsAside', 'vaultCorrupt', 'vaultsCompromised'])];

let loading = null; // the promise of the first read, once per worker life
let raw = null; // the stored keys as Chrome holds them, once loaded
let view = null; // read()'s state for the current `raw` (rebuilt after each change)
let queue = Promise.resolve(); // the write queue: one change at a time
const own = new Map(); // key → JSON of this worker's writes whose onChanged event is still due
const REMOVED = '\u0000removed';

function load() {
  loading ??= chrome.storage.local.get(ALL_KEYS).then((got) => {
    raw ??= got;
    return raw;
  }, (e) => {
    loading = null; // the next call tries again
    throw e;
  });
  return loading;
}

/** Runs `task` after every earlier change; the queue goes on after a failure. */
function enqueue(task) {
  const run = queue.then(async () => {
    await load();
    return task();
  });
  queue = run.catch(() => {});
  return run;
}

/**
 * Writes `update` (a field set to undefined is removed) in one `set` call, then applies it to
 * memory. Nothing is applied when Chrome refuses the write.
 */
async function commit(update) {
  const set = {};
  const removed = [];
  for (const [k, v] of Object.entries(update)) {
    if (v === undefined) removed.push(k);
    else set[k] = v;
  }
  const expect = (k, json) => {
    const current = Object.hasOwn(raw, k) ? JSON.stringify(raw[k]) : REMOVED;
    if (current !== json) own.set(k, [...(own.get(k) ?? []), json]); // Chrome reports only real changes
  };
  if (Object.keys(set).length > 0) {
    await save(set);
    for (const [k, v] of Object.entries(set)) expect(k, JSON.stringify(v));
    raw = { ...raw, ...set };
    view = null;
  }
  if (removed.length > 0) {
    await chrome.storage.local.remove(removed);
    for (const k of removed) expect(k, REMOVED);
    raw = Object.fromEntries(Object.entries(raw).filter(([k]) => !removed.includes(k)));
    view = null;
  }
}

/**
 * storage.onChanged for the local area: a change this worker did not make (a test, DevTools)
 * is applied to memory; the events of its own writes are skipped.
 */
export function external(changes) {
  if (raw === null) return; // not read yet: the first read will see it
  let next = raw;
  for (const [k, change] of Object.entries(changes)) {
    const json = Object.hasOwn(change, 'newValue') ? JSON.stringify(change.newValue) : REMOVED;
    const mine = own.get(k);
    if (mine?.length && mine.includes(json)) {
      mine.splice(0, mine.indexOf(json) + 1);
      if (mine.length === 0) own.delete(k);
      continue;
    }
    next = { ...next };
    if (json === REMOVED) delete next[k];
    else next[k] = change.newValue;
  }
  if (next !== raw) {
    raw = next;
    view = null;
  }
}
// Written only by this module, together with the vault.
const VAULT_KEYS = ['vault', 'vaultPrevious', 'vaultHash', 'vaultsAside', 'vaultCorrupt', 'vaultsCompromised', 'schemaVersion'];

/** SHA-256 of a stored vault's text, as hex: what binds a session snapshot to its vault. */
export async function vaultDigest(text) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * chrome.storage.local.set, with Chrome's raw failure (e.g. "Resource::kQuotaBytes quota
 * exceeded") turned into a STORAGE_FULL / STORAGE_FAILED error that says what to do. A failed
 * set writes nothing (one call is all or nothing).
 */
async function save(update) {
  try {
    await chrome.storage.local.set(update);
  } catch (e) {
    const message = String(e?.message ?? e);
    if (/quota/i.test(message)) {
      throw userError('error_storage_full', {}, 'STORAGE_FULL');
    }
    throw userError('error_storage_failed', { reason: message.slice(0, 120) }, 'STORAGE_FAILED');
  }
}

/** Whether a stored vault is at least shaped like one (the core checks the rest on unlock). */
export function looksLikeVault(text) {
  if (typeof text !== 'string') return false;
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && ['data', 'iv', 'salt'].every((k) => typeof v[k] === 'string');
  } catch {
    return false;
  }
}

/**
 * The whole state, from memory (storage is read once, on first use). `problem` is set (and
 * nothing is changed) when it cannot be used. Callers treat it as read-only.
 */
export async function read() {
  if (raw === null) await load();
  view ??= shape(raw);
  return view;
}

function shape(raw) {
  const state = {
    schemaVersion: raw.schemaVersion ?? (raw.vault === undefined ? SCHEMA_VERSION : undefined),
    vault: raw.vault,
    vaultPrevious: raw.vaultPrevious,
    selectedAddress: raw.selectedAddress,
    chainId: raw.chainId,
    networks: Array.isArray(raw.networks) ? raw.networks : [],
    permissions: isPlainObject(raw.permissions) ? raw.permissions : {},
    accountNames: isPlainObject(raw.accountNames) ? raw.accountNames : {},
    settings: { ...DEFAULT_SETTINGS, ...(isPlainObject(raw.settings) ? raw.settings : {}) },
    backup: { keys: {}, ...(isPlainObject(raw.backup) ? raw.backup : {}) },
    tokens: isPlainObject(raw.tokens) ? raw.tokens : {},
    unlockThrottle: raw.unlockThrottle,
    phraseGuard: isPlainObject(raw.phraseGuard) ? raw.phraseGuard : {},
    activity: isPlainObject(raw.activity) ? raw.activity : {},
    nonces: isPlainObject(raw.nonces) ? raw.nonces : {},
    metaMaskFlag: isPlainObject(raw.metaMaskFlag) ? raw.metaMaskFlag : {},
    nfts: isPlainObject(raw.nfts) ? raw.nfts : {},
    callBatches: Array.isArray(raw.callBatches) ? raw.callBatches : [],
    emergencyMove: isPlainObject(raw.emergencyMove) ? raw.emergencyMove : null,
    problem: null,
  };
  if (state.schemaVersion !== SCHEMA_VERSION) {
    state.problem = state.schemaVersion > SCHEMA_VERSION ? 'newer-schema' : 'unknown-schema';
  } else if (state.vault !== undefined && !looksLikeVault(state.vault)) {
    state.problem = 'corrupt-vault';
  } else if (state.vault === undefined && looksLikeVault(state.vaultPrevious)) {
    state.problem = 'missing-vault';
  }
  return state;
}

/** Whether the recovery screen may put `vaultPrevious` back: never across schema versions. */
export function canRestorePrevious(state) {
  return looksLikeVault(state.vaultPrevious) && state.schemaVersion === SCHEMA_VERSION;
}

/** Whether a wallet is stored here (a vault, or only its previous copy): replacing it must be asked for. */
export function hasWallet(state) {
  return state.vault !== undefined || looksLikeVault(state.vaultPrevious);
}

/** `list` with `vaults` (texts) added in front, each once, at most ASIDE_MAX. */
function setAside(list, vaults) {
  const keptAt = new Date().toISOString();
  const fresh = [...new Set(vaults)].map((vault) => ({ vault, keptAt }));
  const old = (Array.isArray(list) ? list : []).filter((e) => looksLikeVault(e?.vault) && !vaults.includes(e.vault));
  return [...fresh, ...old].slice(0, ASIDE_MAX);
}

/**
 * Writes a new vault in one storage call that also keeps the current one as `vaultPrevious`,
 * so a crash between two writes can never leave the wallet without a readable vault. `fields`
 * (checked as for update) go in the same call: a restored wallet's settings, all or nothing.
 *
 * A readable `vaultPrevious` is never overwritten by a vault this wallet never opened (its hash
 * is not `vaultHash`: damaged, or put there): that one is set aside instead. `replace` (a new
 * wallet over this one: create, restore) sets aside the current vault and its previous copy.
 * Returns the new vault's hash.
 */
export function writeVault(vault, fields = {}, { replace = false } = {}) {
  if (!looksLikeVault(vault)) return Promise.reject(new Error('refusing to store something that is not a vault'));
  return enqueue(async () => {
    const extra = typeof fields === 'function' ? await fields(shape(raw)) : fields;
    checkFields(extra);
    return vaultUpdate(vault, extra, replace);
  });
}

async function vaultUpdate(vault, fields, replace) {
  const stored = raw;
  const { vault: current, vaultPrevious: previous } = stored;
  const hash = await vaultDigest(vault);
  const update = { ...fields, schemaVersion: SCHEMA_VERSION, vault, vaultHash: hash };
  const aside = [];
  if (looksLikeVault(current) && current !== vault) {
    const opened = (await vaultDigest(current)) === stored.vaultHash;
    const readablePrevious = looksLikeVault(previous) && previous !== current;
    if (opened || !readablePrevious) update.vaultPrevious = current;
    else aside.push(current);
    if (replace) aside.push(current, ...(readablePrevious ? [previous] : []));
  } else if (current !== undefined && !looksLikeVault(current)) {
    // Replacing a damaged vault (recovery from the phrase) keeps it aside rather than losing it.
    update.vaultCorrupt = current;
  }
  if (aside.length > 0) update.vaultsAside = setAside(stored.vaultsAside, aside);
  await commit(update);
  return hash;
}

/**
 * The emergency move's end: `vault` (the new wallet's, opened with the same password) becomes the
 * wallet's and the current one is kept in `vaultsCompromised` with `note` ({ movedAt, movedTo }),
 * never dropped, and as `vaultPrevious`; `fields` (the move's record) go in the same call.
 * Returns the new vault's hash.
 */
export function retireVault(vault, note, fields) {
  if (!looksLikeVault(vault)) return Promise.reject(new Error('refusing to store something that is not a vault'));
  return enqueue(async () => {
    checkFields(fields);
    const { vault: current, vaultsCompromised } = raw;
    const kept = Array.isArray(vaultsCompromised) ? vaultsCompromised : [];
    const hash = await vaultDigest(vault);
    const update = { ...fields, schemaVersion: SCHEMA_VERSION, vault, vaultHash: hash };
    if (looksLikeVault(current) && current !== vault) {
      update.vaultPrevious = current;
      update.vaultsCompromised = [{ vault: current, ...note }, ...kept];
    }
    await commit(update);
    return hash;
  });
}

/** The user unlocked the stored vault with its password: record it as opened, drop the copies set aside. */
export function markOpened() {
  return enqueue(async () => {
    const { vault, vaultHash, vaultsAside } = raw;
    if (!looksLikeVault(vault)) return;
    const hash = await vaultDigest(vault);
    if (vaultHash !== hash) await commit({ vaultHash: hash });
    if (vaultsAside !== undefined) await commit({ vaultsAside: undefined });
  });
}

/**
 * Replaces a damaged or missing vault with the previous copy; the damaged one is kept aside, not
 * lost. Refused across schema versions (a newer Keystead's data is not "restored" as this one's).
 * `opened`: the caller opened the previous copy with the password (it becomes the opened vault).
 */
export function restorePreviousVault({ opened = false } = {}) {
  return enqueue(() => restorePrevious(opened));
}

async function restorePrevious(opened) {
  const state = shape(raw);
  if (state.schemaVersion !== SCHEMA_VERSION) {
    throw userError('error_previous_copy_other_version');
  }
  if (!looksLikeVault(state.vaultPrevious)) {
    throw userError('error_no_readable_previous_copy');
  }
  const { vault, vaultPrevious } = state;
  const update = { vault: vaultPrevious, vaultCorrupt: vault ?? null, schemaVersion: SCHEMA_VERSION };
  update.vaultHash = opened ? await vaultDigest(vaultPrevious) : null;
  if (looksLikeVault(vault)) update.vaultsAside = setAside(raw.vaultsAside, [vault]);
  await commit(update);
}

/**
 * Sets non-vault fields (never `vault` or `vaultPrevious`: those go through writeVault); a field
 * set to undefined is removed. `fields` may be a function of the current state, called when the
 * change's turn comes in the write queue (a read-modify-write): it returns the fields, or null
 * to change nothing.
 */
export function update(fields) {
  return enqueue(async () => {
    const next = typeof fields === 'function' ? await fields(shape(raw)) : fields;
    if (!next) return;
    checkFields(next);
    await commit(next);
  });
}

function checkFields(fields) {
  for (const key of Object.keys(fields)) {
    if (!KEYS.includes(key) || VAULT_KEYS.includes(key)) {
      throw new Error(`unknown or protected state field: ${key}`);
    }
  }
}

export function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
