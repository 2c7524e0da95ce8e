// The wallet's own settings as a backup file carries them: what is picked from storage, and the
// checks a restored copy must pass before anything is written. Never secrets: names, networks,
// the selected chain and account, tokens, auto-lock and the backup's dates.
import * as networks from './networks.js';
import { CHOICES } from './autolock.js';
import { DEFAULT_SETTINGS, isPlainObject } from '../platform/store.js';
import { isAddress } from './hex.js';
import { NAME_MAX } from '../../shared/account-name.js';
import { userError } from '../../shared/wallet-errors.js';

/** The settings to back up, from a state read from the store. */
export function pickSettings(state) {
  return {
    selectedAddress: state.selectedAddress,
    accountNames: state.accountNames,
    networks: state.networks,
    chainId: state.chainId,
    tokens: state.tokens,
    settings: state.settings,
    backup: state.backup,
  };
}

const isDate = (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

function bad(what) {
  return userError('error_backup_settings_invalid', { what });
}

function checkNetworks(list) {
  if (!Array.isArray(list) || list.length > 100) throw bad('networks');
  const seen = new Set([networks.LOCAL.chainId]);
  return list.map((n) => {
    let parsed;
    try {
      parsed = networks.parseAddChain({
        chainId: n?.chainId,
        chainName: n?.name,
        rpcUrls: [n?.rpcUrl],
        nativeCurrency: { symbol: n?.symbol, decimals: 18 },
        blockExplorerUrls: n?.explorerUrl ? [n.explorerUrl] : undefined,
      });
    } catch {
      throw bad(`network ${String(n?.name ?? '?').slice(0, 40)}`);
    }
    if (seen.has(parsed.chainId)) throw bad(`chain id ${parsed.chainId} twice`);
    seen.add(parsed.chainId);
    return parsed;
  });
}

function checkTokens(tokens) {
  if (!isPlainObject(tokens)) throw bad('tokens');
  for (const [chainId, list] of Object.entries(tokens)) {
    const ok = networks.normalizeChainId(chainId) === chainId && Array.isArray(list) && list.every((t) => isPlainObject(t)
      && isAddress(t.address) && typeof t.symbol === 'string' && t.symbol.length <= 16
      && Number.isInteger(t.decimals) && t.decimals >= 0 && t.decimals <= 36);
    if (!ok) throw bad(`tokens on chain ${String(chainId).slice(0, 20)}`);
  }
  return tokens;
}

const SHARE_ID = /^\d{1,2}-\d{1,2}$/;
const PHRASE_NUMBER = /^[1-9]\d{0,3}$/;
const NESTED = new Set(['keys', 'shares', 'phrases']);

/** Dates only: every field of the backup's health is an ISO date, per phrase, per key or per share. */
function checkBackup(backup, addresses) {
  if (!isPlainObject(backup) || ![backup.keys, backup.shares, backup.phrases].every((part) => isPlainObject(part ?? {}))) throw bad('backup dates');
  const dates = (obj) => {
    for (const [k, v] of Object.entries(obj)) if (!NESTED.has(k) && !isDate(v)) throw bad(`backup date ${k.slice(0, 40)}`);
    return obj;
  };
  const keys = {};
  for (const [address, entry] of Object.entries(backup.keys ?? {})) {
    if (!isPlainObject(entry)) throw bad('backup dates of a key');
    if (addresses.has(address)) keys[address] = dates(entry);
  }
  const shares = {};
  for (const [id, entry] of Object.entries(backup.shares ?? {})) {
    if (!SHARE_ID.test(id) || !isPlainObject(entry)) throw bad('backup dates of a share');
    shares[id] = dates(entry);
  }
  const phrases = {};
  for (const [number, entry] of Object.entries(backup.phrases ?? {})) {
    if (!PHRASE_NUMBER.test(number) || !isPlainObject(entry)) throw bad('backup dates of a phrase');
    phrases[number] = dates(entry);
  }
  return { ...dates(backup), keys, ...(backup.shares ? { shares } : {}), ...(backup.phrases ? { phrases } : {}) };
}

/**
 * The storage fields for a wallet restored with `accounts` (the opened vault's), from the file's
 * decrypted settings, or from none (a plain MetaMask vault: the keyrings only, so names and
 * backup dates start afresh; networks, tokens and auto-lock of this browser stay as they are).
 * Throws INVALID_ARGUMENT, changing nothing, when anything is malformed.
 */
export function restoredFields(saved, accounts) {
  const addresses = new Set(accounts.map((a) => a.address));
  const first = accounts[0]?.address;
  // A MetaMask vault with only keyrings Keystead does not use (hardware, a second phrase).
  if (!first) throw userError('error_backup_no_account');
  if (saved === null) return { selectedAddress: first, accountNames: {}, backup: { keys: {} } };
  if (!isPlainObject(saved)) throw bad('not an object');
  const names = {};
  if (!isPlainObject(saved.accountNames ?? {})) throw bad('account names');
  for (const [address, name] of Object.entries(saved.accountNames ?? {})) {
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > NAME_MAX) throw bad('an account name');
    if (addresses.has(address)) names[address] = name;
  }
  const chainId = saved.chainId === undefined ? networks.LOCAL.chainId : networks.normalizeChainId(saved.chainId);
  if (!chainId) throw bad('selected network');
  const settings = { ...DEFAULT_SETTINGS, ...(saved.settings ?? {}) };
  if (!isPlainObject(saved.settings ?? {}) || !CHOICES.includes(settings.autoLockMinutes)) throw bad('auto-lock');
  return {
    selectedAddress: addresses.has(saved.selectedAddress) ? saved.selectedAddress : first,
    accountNames: names,
    networks: checkNetworks(saved.networks ?? []),
    chainId,
    tokens: checkTokens(saved.tokens ?? {}),
    settings: { autoLockMinutes: settings.autoLockMinutes },
    backup: checkBackup(saved.backup ?? { keys: {} }, addresses),
  };
}
