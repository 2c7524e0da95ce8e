// Popup methods for the connected sites (the eth_accounts permissions of wallet/permissions.js):
// list them, change which accounts a site sees, disconnect one. Each change tells that origin's
// pages (and only them) what they see now: accountsChanged with the new list, or [] after a
// disconnect. Merged into the worker's popup method table by popup/api.js.
import * as permissions from '../wallet/permissions.js';
import * as accounts from '../wallet/accounts.js';
import * as events from '../wallet/events.js';
import { walletError } from '../../shared/wallet-errors.js';
import { argument, text } from './params.js';

function notConnected(origin) {
  return walletError('NOT_CONNECTED', `${origin} is not connected to Keystead, so there is nothing to change. Reopen Connected sites to see the current list.`);
}

/** The wallet's addresses among `chosen` (at least one, each once, in the wallet's order). */
async function ownAccounts(chosen) {
  if (!Array.isArray(chosen) || chosen.some((a) => typeof a !== 'string')) throw argument('accounts must be a list of addresses');
  const mine = (await accounts.list()).map((a) => a.address);
  const unknown = chosen.filter((a) => !mine.includes(a));
  if (unknown.length > 0) throw argument(`${unknown[0]} is not an account of this wallet. Choose among your accounts.`);
  const kept = mine.filter((a) => chosen.includes(a));
  if (kept.length === 0) throw argument('Choose at least one account for the site, or disconnect it.');
  return kept;
}

export const SITE_METHODS = Object.freeze({
  /** `[{ origin, accounts, grantedAt }]`: every connected origin and the accounts it may see. */
  connectedSites: () => permissions.list(),
  /** Sets the accounts `origin` sees (the wallet's own, at least one); returns the sites. */
  setSiteAccounts: async ({ origin, accounts: chosen }) => {
    const site = text(origin, 'a site origin');
    const kept = await ownAccounts(chosen);
    if (!(await permissions.setAccounts(site, kept))) throw notConnected(site);
    await events.accountsChanged(site);
    return permissions.list();
  },
  /** Removes `origin`'s permission; its pages get accountsChanged []. Returns the sites. */
  disconnectSite: async ({ origin }) => {
    const site = text(origin, 'a site origin');
    if (!(await permissions.revoke(site))) throw notConnected(site);
    await events.accountsChanged(site);
    return permissions.list();
  },
});
