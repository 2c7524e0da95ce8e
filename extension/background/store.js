// chrome.storage.local: the persisted state, with a schema version. Nothing secret is ever
// written here: the vault is ciphertext, the rest is addresses, names, networks and settings.
//
// Shape (schemaVersion 1):
//   schemaVersion   1
//   vault           the browser-passworder vault JSON (string), or absent before onboarding
//   vaultPrevious   the vault as it was before the last write (a copy to recover from)
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

export const SCHEMA_VERSION = 1;
export const DEFAULT_SETTINGS = Object.freeze({ autoLockMinutes: 15 });

const KEYS = ['schemaVersion', 'vault', 'vaultPrevious', 'selectedAddress', 'chainId', 'networks',
  'permissions', 'accountNames', 'settings', 'backup', 'tokens'];

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
    problem: null,
  };
  if (state.schemaVersion !== SCHEMA_VERSION) {
    state.problem = state.schemaVersion > SCHEMA_VERSION ? 'newer-schema' : 'unknown-schema';
  } else if (state.vault !== undefined && !looksLikeVault(state.vault)) {
    state.problem = 'corrupt-vault';
  }
  return state;
}

/**
 * Writes a new vault in one storage call that also keeps the current one as `vaultPrevious`,
 * so a crash between two writes can never leave the wallet without a readable vault. `fields`
 * (checked as for update) go in the same call: a restored wallet's settings, all or nothing.
 */
export async function writeVault(vault, fields = {}) {
  if (!looksLikeVault(vault)) throw new Error('refusing to store something that is not a vault');
  checkFields(fields);
  const { vault: current } = await chrome.storage.local.get('vault');
  const update = { ...fields, schemaVersion: SCHEMA_VERSION, vault };
  if (looksLikeVault(current) && current !== vault) update.vaultPrevious = current;
  // Replacing a damaged vault (recovery from the phrase) keeps it aside rather than losing it.
  else if (current !== undefined && !looksLikeVault(current)) update.vaultCorrupt = current;
  await chrome.storage.local.set(update);
}

/** Replaces a corrupt vault with the previous copy; the corrupt one is kept aside, not lost. */
export async function restorePreviousVault() {
  const { vault, vaultPrevious } = await chrome.storage.local.get(['vault', 'vaultPrevious']);
  if (!looksLikeVault(vaultPrevious)) throw new Error('there is no readable previous copy');
  await chrome.storage.local.set({ vault: vaultPrevious, vaultCorrupt: vault ?? null, schemaVersion: SCHEMA_VERSION });
}

/** Sets non-vault fields (never `vault` or `vaultPrevious`: those go through writeVault). */
export async function update(fields) {
  checkFields(fields);
  await chrome.storage.local.set(fields);
}

function checkFields(fields) {
  for (const key of Object.keys(fields)) {
    if (!KEYS.includes(key) || key === 'vault' || key === 'vaultPrevious' || key === 'schemaVersion') {
      throw new Error(`unknown or protected state field: ${key}`);
    }
  }
}

export function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
