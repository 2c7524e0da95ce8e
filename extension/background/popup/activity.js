// Popup methods for Activity (wallet/activity.js): the selected network's transactions of an
// account, and Speed up / Cancel of a pending one (wallet/activity-replace.js), each reviewed
// first. Merged into the worker's popup method table by popup/api.js.
import * as activity from '../wallet/activity.js';
import * as replace from '../wallet/activity-replace.js';
import * as accounts from '../wallet/accounts.js';
import * as networks from '../wallet/networks.js';
import { text } from './params.js';
import { userError } from '../../shared/wallet-errors.js';

/** `address` when given, else the selected account; INVALID_ARGUMENT while locked. */
async function account(address) {
  const chosen = address === undefined ? await accounts.selectedAddress() : text(address, 'an address');
  if (!chosen) throw userError('error_activity_locked');
  return chosen;
}

export const ACTIVITY_METHODS = Object.freeze({
  /** `{ network, address, entries }`: the account's transactions on the selected network, newest first. */
  activity: async ({ address } = {}) => {
    const network = await networks.selected();
    const owner = await account(address);
    return { network, address: owner, entries: await activity.list(network.chainId, owner) };
  },
  /** The review of a Speed up or Cancel (`kind`) of the pending transaction `hash`, with fresh fees. */
  replacement: async ({ address, hash, kind }) => replace.prepare(await account(address), text(hash, 'a transaction hash'), kind),
  /** Signs and broadcasts the reviewed replacement with the reviewed `fees`; `{ hash }` of the new transaction. */
  replaceTransaction: async ({ address, hash, kind, fees }) => ({
    hash: await replace.send(await account(address), text(hash, 'a transaction hash'), kind, fees),
  }),
});
