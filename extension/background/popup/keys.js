// Popup methods for private keys (import, export, remove), account names, and clearing the
// clipboard after the popup copied a secret. Merged into the worker's popup method table by
// popup/api.js.
import * as core from '../wallet/core.js';
import * as backup from '../wallet/backup.js';
import * as events from '../wallet/events.js';
import * as accounts from '../wallet/accounts.js';
import * as clipboard from '../platform/clipboard.js';
import * as permissions from '../wallet/permissions.js';
import { text } from './params.js';
import { status } from './status.js';
import { userError } from '../../shared/wallet-errors.js';

export const KEY_METHODS = Object.freeze({
  /** Adds an account from a private key and selects it; its backup starts as "never exported". */
  importPrivateKey: async ({ privateKey }) => {
    const key = text(privateKey, 'a private key');
    // The new vault, the selection and the import date in one storage write.
    await core.change((k) => k.importPrivateKey(key), (address, _k, { backup: health }) => ({
      selectedAddress: address,
      backup: backup.withKeyImported(health, address),
    }));
    await events.accountsChanged();
    return status();
  },
  renameAccount: async ({ address, name }) => {
    await accounts.find(address);
    await accounts.rename(address, text(name, 'a name'));
    return status();
  },
  /**
   * The account's private key, after the core re-checked the password. For an imported account
   * the export is its backup, so its date goes into the backup's health.
   */
  exportPrivateKey: async ({ address, password }) => {
    const { keyring: k, account: chosen } = await accounts.find(text(address, 'an address'));
    const privateKey = k.exportPrivateKey(chosen.address, text(password, 'the password'));
    if (chosen.type === 'imported') await backup.keyExported(chosen.address);
    return { privateKey };
  },
  /** Removes an imported account (the phrase's accounts cannot be removed) and all that was kept about it. */
  removeAccount: async ({ address }) => {
    const { account: chosen } = await accounts.find(text(address, 'an address'));
    if (chosen.type !== 'imported') throw userError('error_remove_not_imported');
    await core.change((k) => k.removeAccount(chosen.address), (_, k, state) => ({
      backup: backup.withoutKey(state.backup, chosen.address),
      ...accounts.withoutAccount(state, chosen.address, k.accounts()[0].address),
    }));
    await permissions.forgetAccount(chosen.address);
    await events.accountsChanged();
    return status();
  },
  /** The popup just copied a secret: clear the clipboard in 60 s, even if the popup closes. */
  scheduleClipboardClear: async () => {
    await clipboard.scheduleClear();
    return true;
  },
});
