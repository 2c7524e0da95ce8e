// chrome.storage.local: the persisted state, with a schema version. Nothing secret is ever
// written here: the vault is ciphertext, the rest is addresses, names, networks and settings.
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
//   unlockThrottle  { failures, lastAt } wrong passwords in a row (unlock-throttle.js)
//   selectedAddress checksummed address of the selected account
//   chainId         hex chain id of the selected network
//   networks        user-added networks [{ chainId, name, rpcUrl, symbol, explorerUrl? }]
//   permissions     { [origin]: { accounts: [address], grantedAt } }
//   accountNames    { [address]: name }
//   settings        { autoLockMinutes }
//   backup          the backup's health (dates are ISO strings; nothing secret):
//                   { phraseConfirmedAt?, phraseVerifiedAt?, postponedAt?, fileDownloadedAt?,
//                     keys: { [address]: { importedAt, exportedAt? } } }
//   tokens          tokens the user added { [chainId]: [{ address, symbol, decimals }] }
//   phraseGuard     { disabledOrigins: [origin] } sites where the phrase guard is off (phrase-guard.js)

export const SCHEMA_VERSION = 1;
export const DEFAULT_SETTINGS = Object.freeze({ autoLockMinutes: 15 });
export const ASIDE_MAX = 3;

const KEYS = ['schemaVersion', 'vault', 'vaultPrevious', 'selectedAddress', 'chainId', 'networks',
  'permissions', 'accountNames', 'settings', 'backup', 'tokens', 'unlockThrottle', 'phraseGuard'];
// Written only by this module, together with the vault.
const VAULT_KEYS = ['vault', 'vaultPrevious', 'vaultHash', 'vaultsAside', 'vaultCorrupt', 'schemaVersion'];

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
      throw Object.assign(new Error('Keystead could not save this change because its storage in this browser is full. '
        + 'Nothing was changed. Free disk space, remove tokens or networks you no longer use, and try again.'), { code: 'STORAGE_FULL' });
    }
    throw Object.assign(new Error(`Keystead could not save this change (the browser said: ${message.slice(0, 120)}). `
      + 'Nothing was changed. Try again; if it keeps failing, restart the browser.'), { code: 'STORAGE_FAILED' });
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

/** Reads the whole state. `problem` is set (and nothing is changed) when it cannot be used. */
export async function read() {
  const raw = await chrome.storage.local.get(KEYS);
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
    phraseGuard: isPlainObject(raw.phraseGuard) ? raw.phraseGuard : {},
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
export async function writeVault(vault, fields = {}, { replace = false } = {}) {
  if (!looksLikeVault(vault)) throw new Error('refusing to store something that is not a vault');
  checkFields(fields);
  const stored = await chrome.storage.local.get(['vault', 'vaultPrevious', 'vaultHash', 'vaultsAside']);
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
  await save(update);
  return hash;
}

/** The user unlocked the stored vault with its password: record it as opened, drop the copies set aside. */
export async function markOpened() {
  const { vault, vaultHash, vaultsAside } = await chrome.storage.local.get(['vault', 'vaultHash', 'vaultsAside']);
  if (!looksLikeVault(vault)) return;
  const hash = await vaultDigest(vault);
  if (vaultHash !== hash) await save({ vaultHash: hash });
  if (vaultsAside !== undefined) await chrome.storage.local.remove('vaultsAside');
}

/**
 * Replaces a damaged or missing vault with the previous copy; the damaged one is kept aside, not
 * lost. Refused across schema versions (a newer Keystead's data is not "restored" as this one's).
 * `opened`: the caller opened the previous copy with the password (it becomes the opened vault).
 */
export async function restorePreviousVault({ opened = false } = {}) {
  const state = await read();
  if (state.schemaVersion !== SCHEMA_VERSION) {
    throw Object.assign(new Error('This wallet was saved by another version of Keystead; its previous copy cannot be restored here. Update Keystead and open it again.'), { code: 'INVALID_ARGUMENT' });
  }
  if (!looksLikeVault(state.vaultPrevious)) {
    throw Object.assign(new Error('There is no readable previous copy of the wallet. Import it with your Secret Recovery Phrase instead.'), { code: 'INVALID_ARGUMENT' });
  }
  const { vault, vaultPrevious } = state;
  const update = { vault: vaultPrevious, vaultCorrupt: vault ?? null, schemaVersion: SCHEMA_VERSION };
  update.vaultHash = opened ? await vaultDigest(vaultPrevious) : null;
  const { vaultsAside } = await chrome.storage.local.get('vaultsAside');
  if (looksLikeVault(vault)) update.vaultsAside = setAside(vaultsAside, [vault]);
  await save(update);
}

/** Sets non-vault fields (never `vault` or `vaultPrevious`: those go through writeVault). */
export async function update(fields) {
  checkFields(fields);
  await save(fields);
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
