// What follows every new wallet (created, or restored from a phrase or shares): the first
// account selected, names and the backup's health started afresh, dApps told.
import * as store from '../platform/store.js';
import * as backup from '../wallet/backup.js';
import * as events from '../wallet/events.js';
import { status } from './status.js';

/**
 * A new wallet never inherits the backup state of the one it replaces. A restored wallet counts
 * as backed up: the user just typed its phrase or shares.
 */
export async function afterNewWallet(keyring, { restored }) {
  const [first] = keyring.accounts();
  await store.update({ selectedAddress: first.address, accountNames: {}, backup: backup.fresh({ restored }) });
  await events.accountsChanged();
  return status();
}
