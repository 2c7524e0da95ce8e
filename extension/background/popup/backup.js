// Popup methods for backing up and checking the Secret Recovery Phrase (confirm, postpone, verify,
// health). Merged into the worker's popup method table by popup/api.js. None of them returns a
// secret: the phrase only ever comes in (verify) and the answers are dates and yes/no.
//
// The 3-word confirmation after create is checked in the popup, which already holds the words
// it displayed; `confirmBackup` only records the date. Checking single words in the worker
// would need an oracle answering "is word i equal to X?", which lets anything that can call
// the worker find the phrase word by word (2048 guesses per word); `verifyBackup` only answers
// for a whole phrase.
import * as core from '../wallet/core.js';
import * as store from '../platform/store.js';
import * as accounts from '../wallet/accounts.js';
import * as backup from '../wallet/backup.js';
import { argument, text } from './params.js';
import { phraseNumber } from './multiphrase.js';
import { status } from './status.js';
import { WORD_SUGGESTIONS_MAX } from '../../shared/word-suggestions.js';


async function recordBackup(fields) {
  await core.unlocked(); // only a wallet that is open records its own backup state
  await backup.recordPhrase(fields);
}

export const BACKUP_METHODS = Object.freeze({
  /**
   * List words for a typed prefix (letters only); used while typing a phrase (`list` 'bip39', the
   * default) or a Shamir share (`list` 'slip39'), wallet or not.
   */
  wordSuggestions: async ({ prefix, list = 'bip39' }) => {
    const typed = text(prefix, 'a prefix');
    if (!/^[a-zA-Z]{1,8}$/.test(typed)) return [];
    if (list !== 'bip39' && list !== 'slip39') throw argument('the word list is bip39 or slip39');
    return core.wordSuggestions(typed, WORD_SUGGESTIONS_MAX, { shares: list === 'slip39' });
  },
  /** The user wrote the phrase down and typed back the words asked for. */
  confirmBackup: async () => {
    await recordBackup((_, now) => ({ phraseConfirmedAt: now }));
    return status();
  },
  /** "Remind me later": the reminder stays until the phrase is confirmed. */
  postponeBackup: async () => {
    await recordBackup((_, now) => ({ postponedAt: now }));
    return status();
  },
  /**
   * `{ match, valid, problem?, status }` for phrase `number` (from 1; the first when absent).
   * Only a match is recorded (phrase 1's date, or `backup.phrases[number].verifiedAt`); a mismatch says nothing about
   * which word differs. `valid: false` means the typed words are no phrase at all (the core's
   * message names an unknown word's position or the checksum, which depends only on the input).
   */
  verifyBackup: async ({ phrase, number }) => {
    const which = phraseNumber(number) ?? 1; // which of the wallet's phrases (from 1)
    let match;
    try {
      match = await core.verifyPhrase(text(phrase, 'the phrase'), which);
    } catch (e) {
      if (e?.code !== 'INVALID_PHRASE') throw e;
      return { match: false, valid: false, problem: String(e.message), status: await status() };
    }
    if (match) await backup.phraseVerified(which);
    return { match, valid: true, status: await status() };
  },
  /** What a restore from the phrase alone would not bring back (names and counts, no secrets). */
  notRestoredByPhrase: async () => {
    await core.unlocked();
    const state = await store.read();
    const all = await accounts.list();
    return {
      importedAccounts: all.filter((a) => !a.covered).map((a) => a.name),
      renamedAccounts: all.filter((a) => a.covered && Object.hasOwn(state.accountNames, a.address)).map((a) => a.name),
      networks: state.networks.map((n) => n.name),
      tokens: Object.values(state.tokens).flat().map((t) => t.symbol),
      sites: Object.keys(state.permissions),
      autoLockMinutes: state.settings.autoLockMinutes,
    };
  },
});
