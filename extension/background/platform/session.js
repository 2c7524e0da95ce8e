// chrome.storage.session: what lets the wallet stay unlocked when Chrome stops this service
// worker. storage.session lives in memory only (never on disk), is cleared when the browser
// quits, and is reachable only from the extension's own pages and worker (TRUSTED_CONTEXTS).
//
// It holds exactly:
//   sessionKey      32 random bytes (as a number array), made at unlock, gone at lock
//   sessionSnapshot the core's sealSession() output: the keyrings and the vault key sealed
//                   with AES-256-GCM under sessionKey (never the password, never plaintext)
//   sessionVault    SHA-256 (hex) of the stored vault the snapshot was sealed with: a snapshot
//                   is resumed only while storage.local holds exactly that vault
//   sessionAside    the emergency move's new keyring, sealed the same way under sessionKey, so
//                   that a worker stop mid-move does not lose it (wallet/core.js); gone at lock
//   tabs            { [tabId]: { origin, documentId } }: the document of each tab that last used
//                   the provider, so that its events reach that document and no later one

/** A fresh random session key (Uint8Array of 32 bytes). */
export function newSessionKey() {
  return crypto.getRandomValues(new Uint8Array(32));
}

const SNAPSHOT_KEYS = ['sessionKey', 'sessionSnapshot', 'sessionVault', 'sessionAside'];

/**
 * Stores the session key, the snapshot and the hash of the vault it matches together (one call:
 * never one without the others).
 */
export async function saveSnapshot(key, snapshot, vaultHash) {
  await chrome.storage.session.set({ sessionKey: Array.from(key), sessionSnapshot: snapshot, sessionVault: vaultHash });
}

/** `{ key: Uint8Array, snapshot, vaultHash }` or null when the wallet is locked. */
export async function loadSnapshot() {
  const { sessionKey, sessionSnapshot, sessionVault } = await chrome.storage.session.get(SNAPSHOT_KEYS);
  if (!Array.isArray(sessionKey) || typeof sessionSnapshot !== 'string') return null;
  return { key: Uint8Array.from(sessionKey), snapshot: sessionSnapshot, vaultHash: sessionVault };
}

/** Stores the emergency move's new keyring, sealed under the session key (sealSession's output). */
export async function saveAside(snapshot) {
  await chrome.storage.session.set({ sessionAside: snapshot });
}

/** The sealed new keyring of the emergency move, or null. */
export async function loadAside() {
  const { sessionAside } = await chrome.storage.session.get('sessionAside');
  return typeof sessionAside === 'string' ? sessionAside : null;
}

/** Forgets the sealed new keyring of a move that was left. */
export async function dropAside() {
  await chrome.storage.session.remove('sessionAside');
}

export async function clearSnapshot() {
  await chrome.storage.session.remove(SNAPSHOT_KEYS);
}

// `tabs` is read once per worker life and kept in memory; each change is written whole, in
// order, so the last write holds every change (only this worker writes it).
let tabs = null;
let tabsLoading = null;

function loadTabs() {
  tabsLoading ??= chrome.storage.session.get('tabs').then(({ tabs: stored }) => {
    tabs ??= typeof stored === 'object' && stored !== null ? stored : {};
    return tabs;
  }, (e) => {
    tabsLoading = null;
    throw e;
  });
  return tabsLoading;
}

const saveTabs = () => chrome.storage.session.set({ tabs: { ...tabs } });

/** Remembers the document a provider request came from; a known one costs no storage call. */
export async function rememberTab(tabId, origin, documentId) {
  if (tabs === null) await loadTabs();
  if (tabs[tabId]?.origin === origin && tabs[tabId]?.documentId === documentId) return;
  tabs[tabId] = { origin, documentId };
  await saveTabs();
}

/** Forgets the tab, or only its `documentId` document when given (a newer one may have spoken since). */
export async function forgetTab(tabId, documentId) {
  if (tabs === null) await loadTabs();
  if (!(tabId in tabs)) return;
  if (documentId !== undefined && tabs[tabId]?.documentId !== documentId) return;
  delete tabs[tabId];
  await saveTabs();
}

/** `[{ tabId, origin, documentId }]` of the documents that used the provider in this browser session. */
export async function knownTabs() {
  if (tabs === null) await loadTabs();
  return Object.entries(tabs)
    .filter(([, entry]) => typeof entry?.origin === 'string' && typeof entry?.documentId === 'string')
    .map(([id, { origin, documentId }]) => ({ tabId: Number(id), origin, documentId }));
}
