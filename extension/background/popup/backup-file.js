// Popup methods for the encrypted backup file (download, restore).
// Merged into the worker's popup method table by popup/api.js.
import * as core from '../wallet/core.js';
import * as store from '../platform/store.js';
import * as events from '../wallet/events.js';
import * as networks from '../wallet/networks.js';
import * as backup from '../wallet/backup.js';
import { text } from './params.js';
import { status } from './status.js';
import { checkReplace } from './replace.js';
import { buildFile, parseFile, openSettings } from '../wallet/backup-file.js';
import { pickSettings, restoredFields } from '../wallet/backup-settings.js';
import { userError } from '../../shared/wallet-errors.js';

export const FILE_METHODS = Object.freeze({
  /**
   * `{ text, createdAt }` of a backup file of the current wallet, after the password opened the
   * stored vault (a wrong one changes and records nothing). The file carries this download's
   * date, so a wallet restored from it knows when its file was made.
   */
  backupFile: async ({ password }) => {
    const pass = text(password, 'the password');
    const vault = await core.checkPassword(pass);
    const state = await store.read();
    const createdAt = new Date().toISOString();
    const fileText = await buildFile(vault, pass, pickSettings({ ...state, backup: backup.withFileDownloaded(state.backup, createdAt) }), createdAt);
    await store.update((now) => ({ backup: backup.withFileDownloaded(now.backup, createdAt) }));
    return { text: fileText, createdAt };
  },

  /**
   * The stored vault as it is, for the "forgot password" path: without the password the vault
   * (ciphertext) is all that can be saved; the settings would need the password to encrypt.
   */
  vaultFile: async () => {
    const { vault } = await store.read();
    return { text: text(vault, 'a stored wallet') };
  },

  /**
   * Restores a backup file (or a plain MetaMask vault): everything is parsed, checked and
   * decrypted first; only then are the vault, the settings and the selected account written,
   * in one storage call. Any failure leaves storage as it was.
   */
  restoreFromFile: async ({ text: fileText, password, replace }) => {
    await checkReplace(replace);
    const file = parseFile(text(fileText, 'the backup file’s contents'));
    const pass = text(password, 'the file’s password');
    let opened;
    try {
      opened = await core.openOtherVault(file.vault, pass);
    } catch (e) {
      if (e?.code !== 'MALFORMED_VAULT') throw e;
      throw userError('error_backup_file_damaged');
    }
    let fields;
    try {
      const saved = file.settings === null ? null : await openSettings(pass, file.settings);
      fields = restoredFields(saved, opened.accounts());
    } catch (e) {
      core.discardVault(opened);
      throw e;
    }
    const before = (await networks.selected()).chainId;
    await core.adoptRestored(opened, fields);
    await events.accountsChanged();
    const after = (await networks.selected()).chainId;
    if (after !== before) await events.chainChanged(after);
    return status();
  },
});
