// Popup methods for imported private keys (import, export) and account names.
// Merged into the worker's popup method table by popup-api.js.
import * as core from './core.js';
import * as store from './store.js';
import * as events from './events.js';
import { argument, text } from './popup-params.js';
import { status } from './popup-status.js';

export const NAME_MAX = 32;

export const KEY_METHODS = Object.freeze({
  /** Adds an account from a private key and selects it; its backup starts as "never exported". */
  importPrivateKey: async ({ privateKey }) => {
    const k = await core.unlocked();
    const address = k.importPrivateKey(text(privateKey, 'a private key'));
    await core.persist();
    const { backup } = await store.read();
    await store.update({
      selectedAddress: address,
      backup: { ...backup, keys: { ...backup.keys, [address]: { importedAt: new Date().toISOString() } } },
    });
    await events.accountsChanged();
    return status();
  },
  renameAccount: async ({ address, name }) => {
    const k = await core.unlocked();
    if (!k.accounts().some((a) => a.address === address)) {
      throw Object.assign(new Error('no account of this wallet has that address'), { code: 'UNKNOWN_ACCOUNT' });
    }
    const clean = text(name, 'a name').trim();
    if (clean.length === 0 || clean.length > NAME_MAX) throw argument(`An account name has 1 to ${NAME_MAX} characters.`);
    const { accountNames } = await store.read();
    await store.update({ accountNames: { ...accountNames, [address]: clean } });
    return status();
  },
});
