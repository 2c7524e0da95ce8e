// Popup methods for a wallet with several Secret Recovery Phrases (a MetaMask vault, or a
// phrase imported here; issue 15): import another phrase into the unlocked wallet. Adding an
// account to a chosen phrase, revealing and verifying a chosen phrase go through the usual
// methods (addAccount, revealPhrase, verifyBackup) with a phrase number, read by `phraseNumber`.
// Merged into the worker's popup method table by popup/api.js.
import * as core from '../wallet/core.js';
import * as backup from '../wallet/backup.js';
import * as events from '../wallet/events.js';
import { discoverAccounts } from '../wallet/discovery.js';
import { walletError } from '../../shared/wallet-errors.js';
import { argument, text } from './params.js';
import { status } from './status.js';

/** The core's limit on a phrase's number (it refuses more than 10,000 of anything). */
const MAX_PHRASES = 10_000;

/** A phrase number as the core counts them (from 1), or undefined (the first phrase) when absent. */
export function phraseNumber(value) {
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PHRASES) throw argument('a phrase number is a whole number from 1');
  return value;
}

/** The error for a phrase the wallet already holds (the core's code, DUPLICATE_PHRASE). */
const duplicate = () => walletError('DUPLICATE_PHRASE', 'that Secret Recovery Phrase is already in this wallet; nothing was changed');

export const MULTIPHRASE_METHODS = Object.freeze({
  /**
   * Adds another Secret Recovery Phrase to the unlocked wallet, after the password (checked
   * against the stored vault: INCORRECT_PASSWORD). In order, each before anything is written: a
   * phrase that is no phrase (INVALID_PHRASE), one the wallet already holds (DUPLICATE_PHRASE),
   * the password. Its used accounts are looked up on the selected network as a restore does,
   * and the vault is written once with all of them; its first account is selected. Its backup
   * starts as imported, not yet verified in Keystead. Answers `{ ...status, imported: n, discovery }`.
   */
  importPhrase: async ({ phrase, password }) => {
    const words = text(phrase, 'the phrase');
    const pass = text(password, 'the password');
    await core.validatePhrase(words);
    const k = await core.unlocked();
    if (k.phrases().some((p) => k.verifyPhrase(words, p.phrase))) throw duplicate();
    await core.checkPassword(pass);
    const discovery = await discoverAccounts(words);
    const number = await core.change((keyring) => {
      const n = keyring.importPhrase(words);
      for (let i = 1; i < discovery.count; i++) keyring.addAccount(n);
      return n;
    }, (n, keyring, { backup: health }) => ({
      selectedAddress: keyring.accounts().find((a) => a.type === 'hd' && a.phrase === n && a.index === 0)?.address,
      backup: backup.withPhraseImported(health, n),
    }));
    await events.accountsChanged();
    return { ...(await status()), imported: number, discovery };
  },
});
