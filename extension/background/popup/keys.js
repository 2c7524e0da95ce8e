// Popup methods for private keys (import, export, remove), account names, and clearing the
// clipboard after the popup copied a secret. Merged into the worker's popup method table by
// popup-api.js.
import * as core from '../wallet/core.js';
import * as store from '../platform/store.js';
import * as events from '../wallet/events.js';
import * as accounts from '../wallet/accounts.js';
import * as clipboard from '../platform/clipboard.js';
import * as permissions from '../wallet/permissions.js';
import { argument, text } from './params.js';
import { NAME_MAX } from '../../shared/account-name.js';
import { status } from './status.js';

export const KEY_METHODS = Object.freeze({
  /** Adds an account from a private key and selects it; its backup starts as "never exported". */
  importPrivateKey: async ({ privateKey }) => {
    const key = text(privateKey, 'a private key');
    // The new vault, the selection and the import date in one storage write.
    await core.change((k) => k.importPrivateKey(key), async (address) => {
      const { backup } = await store.read();
      return {
        selectedAddress: address,
        backup: { ...backup, keys: { ...backup.keys, [address]: { importedAt: new Date().toISOString() } } },
      };
    });
    await events.accountsChanged();
    return status();
  },
  renameAccount: async ({ address, name }) => {
    await accounts.find(address);
    const clean = text(name, 'a name').trim();
    if (clean.length === 0 || clean.length > NAME_MAX) throw argument(`An account name has 1 to ${NAME_MAX} characters.`);
    const { accountNames } = await store.read();
    await store.update({ accountNames: { ...accountNames, [address]: clean } });
    return status();
  },
  /**
   * The account's private key, after the core re-checked the password. For an imported account
   * the export is its backup, so its date goes into the backup's health.
   */
  exportPrivateKey: async ({ address, password }) => {
    const { keyring: k, account: chosen } = await accounts.find(text(address, 'an address'));
    const privateKey = k.exportPrivateKey(chosen.address, text(password, 'the password'));
    if (chosen.type === 'imported') {
      const { backup } = await store.read();
      const keys = { ...backup.keys, [chosen.address]: { ...backup.keys[chosen.address], exportedAt: new Date().toISOString() } };
      await store.update({ backup: { ...backup, keys } });
    }
    return { privateKey };
  },
  /** Removes an imported account (the phrase's accounts cannot be removed) and all that was kept about it. */
  removeAccount: async ({ address }) => {
    const { account: chosen } = await accounts.find(text(address, 'an address'));
    if (chosen.type !== 'imported') throw argument('Only imported accounts can be removed; accounts from your Secret Recovery Phrase stay.');
    await core.change((k) => k.removeAccount(chosen.address), async (_, k) => {
      const { backup, accountNames, selectedAddress } = await store.read();
      const { [chosen.address]: _key, ...keys } = backup.keys;
      const { [chosen.address]: _name, ...names } = accountNames;
      return {
        backup: { ...backup, keys },
        accountNames: names,
        selectedAddress: selectedAddress === chosen.address ? k.accounts()[0].address : selectedAddress,
      };
    });
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
