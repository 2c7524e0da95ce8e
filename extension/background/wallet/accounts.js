// The wallet's accounts as the UI and dApps see them: names, the selected one, and what each
// origin may see.
import * as core from './core.js';
import * as store from '../platform/store.js';
import * as permissions from './permissions.js';
import { NAME_MAX } from '../../shared/account-name.js';
import { userError } from '../../shared/wallet-errors.js';
import { messageIn, pickLanguage } from '../../shared/i18n.js';

/** The name of an account the user has not named, in the wallet's language (`language`). */
function defaultName(account, language) {
  if (account.type !== 'hd') return messageIn(language, 'account_default_imported');
  const number = account.index + 1;
  // A second phrase's accounts (a MetaMask vault) would otherwise repeat phrase 1's names.
  if (account.phrase > 1) return messageIn(language, 'account_default_name_phrase', { phrase: account.phrase, number });
  return messageIn(language, 'account_default_name', { number });
}

/** The chosen address if it is one of `addresses`, else the first one (null for none). */
function pick(addresses, chosen) {
  return addresses.includes(chosen) ? chosen : (addresses[0] ?? null);
}

/**
 * `[{ address, type, index?, name, selected, covered }]`; [] while locked. `covered` is whether
 * the Secret Recovery Phrase brings the account back (HD accounts); imported keys are not.
 */
export async function list() {
  const k = await core.current();
  if (!k) return [];
  const { accountNames, selectedAddress: chosen, settings } = await store.read();
  const all = k.accounts();
  const selected = pick(all.map((a) => a.address), chosen);
  const language = pickLanguage(settings.language);
  return all.map((a) => ({ ...a, name: accountNames[a.address] ?? defaultName(a, language), selected: a.address === selected, covered: a.type === 'hd' }));
}

/** The selected account's address (the first account if none was chosen); null while locked. */
export async function selectedAddress() {
  const k = await core.current();
  if (!k) return null;
  return pick(k.accounts().map((a) => a.address), (await store.read()).selectedAddress);
}

/** `{ keyring, account }` for that address of the unlocked wallet; UNKNOWN_ACCOUNT when it has none. */
export async function find(address) {
  const keyring = await core.unlocked();
  const account = keyring.accounts().find((a) => a.address === address);
  if (!account) throw Object.assign(new Error('no account of this wallet has that address'), { code: 'UNKNOWN_ACCOUNT' });
  return { keyring, account };
}

/** Names an account of the unlocked wallet (1 to NAME_MAX characters after trimming). */
export async function rename(address, name) {
  await find(address);
  const clean = name.trim();
  if (clean.length === 0 || clean.length > NAME_MAX) throw userError('error_account_name_length', { max: NAME_MAX });
  await store.update(({ accountNames }) => ({ accountNames: { ...accountNames, [address]: clean } }));
}

/** The fields that forget a removed account's name and, if it was selected, select `fallback`. */
export function withoutAccount({ accountNames, selectedAddress: chosen }, address, fallback) {
  const { [address]: _name, ...names } = accountNames;
  return { accountNames: names, selectedAddress: chosen === address ? fallback : chosen };
}

export async function select(address) {
  await find(address);
  await store.update({ selectedAddress: address });
}

/**
 * What `eth_accounts` returns to an origin: its permitted accounts that exist, selected first,
 * in lower case as MetaMask gives them to sites (dApps compare them with `===` against
 * lower-case addresses from eth-sig-util and the like); [] while locked. The popup and the
 * approval windows show the EIP-55 form.
 */
export async function exposedTo(origin) {
  const k = await core.current();
  if (!k) return [];
  const mine = new Set(k.accounts().map((a) => a.address));
  const permitted = (await permissions.permittedAccounts(origin)).filter((a) => mine.has(a));
  const selected = await selectedAddress();
  const ordered = permitted.includes(selected) ? [selected, ...permitted.filter((a) => a !== selected)] : permitted;
  return ordered.map((a) => a.toLowerCase());
}
