// The explicit table of what the extension's own pages (popup, approval windows) may ask the
// worker. Secrets only come in (password, phrase, shares); the only secrets going out are the
// phrase from revealPhrase and the shares from revealShares (popup/shamir.js), after the core
// re-checked the password.
import * as core from '../wallet/core.js';
import * as store from '../platform/store.js';
import * as accounts from '../wallet/accounts.js';
import * as networks from '../wallet/networks.js';
import * as approvals from '../platform/approvals.js';
import * as events from '../wallet/events.js';
import * as autolock from '../wallet/autolock.js';
import { setLanguage } from '../wallet/language.js';
import { text } from './params.js';
import { status } from './status.js';
import { BACKUP_METHODS } from './backup.js';
import { KEY_METHODS } from './keys.js';
import { FILE_METHODS } from './backup-file.js';
import { TOKEN_METHODS } from './tokens.js';
import { SITE_METHODS } from './sites.js';
import { SEND_METHODS } from './send.js';
import { checkReplace } from './replace.js';
import { discoverAccounts } from '../wallet/discovery.js';
import { ethBalances } from '../wallet/balances.js';
import { PHRASE_GUARD_METHODS } from './phrase-guard.js';
import { ACTIVITY_METHODS } from './activity.js';
import { SHAMIR_METHODS } from './shamir.js';
import { afterNewWallet } from './new-wallet.js';
import { APPROVAL_METHODS } from './approvals.js';
import { EMERGENCY_METHODS } from './emergency.js';
import { MULTIPHRASE_METHODS, phraseNumber } from './multiphrase.js';
import * as emergency from '../wallet/emergency.js';
import { userError } from '../../shared/wallet-errors.js';

const WALLET_METHODS = {
  status: () => status(),
  create: async ({ password, wordCount = 12, replace }) => {
    await checkReplace(replace);
    return afterNewWallet(await core.create(text(password, 'a password'), wordCount), { restored: false });
  },
  // The phrase's used accounts are looked up on the selected network while the phrase is in
  // hand, so the vault is written once, with all of them.
  restore: async ({ password, phrase, replace }) => {
    await checkReplace(replace);
    const pass = text(password, 'a password');
    const words = text(phrase, 'the phrase');
    const discovery = await discoverAccounts(words);
    const restored = await core.restore(pass, words, discovery.count);
    return { ...(await afterNewWallet(restored, { restored: true })), discovery };
  },
  unlock: async ({ password }) => {
    await core.unlock(text(password, 'the password'));
    await events.accountsChanged();
    emergency.afterUnlock(password).catch(() => {}); // a move stopped by a browser restart goes on
    return status();
  },
  // After unlock answered PREVIOUS_COPY_OPENS: the user chose to open the previous copy.
  unlockPrevious: async ({ password }) => {
    await core.unlockPrevious(text(password, 'the password'));
    await events.accountsChanged();
    return status();
  },
  lock: async () => {
    await autolock.lockNow();
    return status();
  },
  // `phrase`: which of the wallet's phrases (from 1; the first when absent).
  revealPhrase: async ({ password, phrase: number }) => {
    const phrase = (await core.unlocked()).revealPhrase(text(password, 'the password'), phraseNumber(number));
    return { words: phrase.split(' ') };
  },
  // `phrase`: which of the wallet's phrases gets the account (from 1; the first when absent).
  addAccount: async ({ phrase } = {}) => {
    const number = phraseNumber(phrase);
    await core.change((k) => k.addAccount(number), (address) => ({ selectedAddress: address }));
    await events.accountsChanged();
    return status();
  },
  selectAccount: async ({ address }) => {
    await accounts.select(text(address, 'an address'));
    await events.accountsChanged();
    return status();
  },
  selectNetwork: async ({ chainId }) => {
    const network = await networks.select(text(chainId, 'a chain id'));
    await events.chainChanged(network.chainId);
    return status();
  },
  addNetwork: async ({ name, rpcUrl, chainId, symbol }) => {
    const network = networks.parseAddChain({ chainId, chainName: name, rpcUrls: [rpcUrl], nativeCurrency: { symbol, decimals: 18 } });
    if (await networks.find(network.chainId)) throw userError('error_network_exists', { chainId: Number(network.chainId) });
    await networks.verify(network);
    await networks.add(network);
    await networks.select(network.chainId);
    await events.chainChanged(network.chainId);
    return status();
  },
  balance: async ({ address }) => networks.rpc('eth_getBalance', [text(address, 'an address'), 'latest']),
  /**
   * `{ balances: { [address]: wei | null }, delegate }` on the selected network, in one batch
   * request to the node; `delegate` is the EIP-7702 delegate of `delegationOf` when given
   * (EIP-55, null when not delegated, undefined when its code could not be read).
   */
  balances: ({ addresses, delegationOf }) => ethBalances(addresses, { delegationOf }),
  setLanguage: async ({ language }) => {
    await setLanguage(language);
    return status();
  },
  setAutoLock: async ({ minutes }) => {
    await autolock.setMinutes(minutes);
    return status();
  },
  // The restored copy is not what an unlocked keyring holds: the wallet locks, and the
  // restored vault opens with its password.
  recoverPreviousVault: async () => {
    await autolock.lockNow();
    await store.restorePreviousVault();
    return status();
  },
  approval: ({ id }) => approvals.get(text(id, 'an approval id')),
  answerApproval: ({ id, approved, accounts: chosen }) => approvals.settle(
    text(id, 'an approval id'),
    approved === true ? { approved: true, accounts: Array.isArray(chosen) ? chosen.filter((a) => typeof a === 'string') : [] } : null,
  ),
  // Approval windows call this while open, so Chrome does not stop the worker (and lose the
  // pending request) while the user is still reading.
  keepAlive: () => true,
};

export const POPUP_METHODS = Object.freeze({ ...WALLET_METHODS, ...BACKUP_METHODS, ...KEY_METHODS, ...FILE_METHODS, ...TOKEN_METHODS, ...SITE_METHODS, ...SEND_METHODS, ...PHRASE_GUARD_METHODS, ...ACTIVITY_METHODS, ...SHAMIR_METHODS, ...APPROVAL_METHODS, ...EMERGENCY_METHODS, ...MULTIPHRASE_METHODS });
