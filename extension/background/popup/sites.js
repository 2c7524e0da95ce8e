// Popup methods for the connected sites (the eth_accounts permissions of wallet/permissions.js):
// list them, change which accounts a site sees, disconnect one, and turn the provider's
// isMetaMask flag off or on for a site (wallet/metamask-flag.js). Each change tells that origin's
// pages (and only them) what they see now: accountsChanged with the new list, or [] after a
// disconnect; keysteadState after the flag changed. Merged into the worker's popup method table
// by popup/api.js.
import * as permissions from '../wallet/permissions.js';
import * as accounts from '../wallet/accounts.js';
import * as events from '../wallet/events.js';
import * as metaMaskFlag from '../wallet/metamask-flag.js';
import { argument, text } from './params.js';
import { userError } from '../../shared/wallet-errors.js';

function notConnected(origin) {
  return userError('error_site_not_connected', { origin }, 'NOT_CONNECTED');
}

/** The wallet's addresses among `chosen` (at least one, each once, in the wallet's order). */
async function ownAccounts(chosen) {
  if (!Array.isArray(chosen) || chosen.some((a) => typeof a !== 'string')) throw argument('accounts must be a list of addresses');
  const mine = (await accounts.list()).map((a) => a.address);
  const unknown = chosen.filter((a) => !mine.includes(a));
  if (unknown.length > 0) throw userError('error_site_unknown_account', { address: unknown[0] });
  const kept = mine.filter((a) => chosen.includes(a));
  if (kept.length === 0) throw userError('error_site_choose_account');
  return kept;
}

/**
 * `[{ origin, accounts, grantedAt, connected, metaMaskFlag }]`: every connected origin with the
 * accounts it may see, and the origins that are not connected but have the MetaMask flag off
 * (so that it can be turned back on), by origin.
 */
async function sites() {
  const connected = await permissions.list();
  const off = await metaMaskFlag.offOrigins();
  const rows = connected.map((site) => ({ ...site, connected: true, metaMaskFlag: !off.includes(site.origin) }));
  for (const origin of off) {
    if (!rows.some((r) => r.origin === origin)) rows.push({ origin, accounts: [], connected: false, metaMaskFlag: false });
  }
  return rows.sort((a, b) => a.origin.localeCompare(b.origin));
}

export const SITE_METHODS = Object.freeze({
  connectedSites: () => sites(),
  /** Sets the accounts `origin` sees (the wallet's own, at least one); returns the sites. */
  setSiteAccounts: async ({ origin, accounts: chosen }) => {
    const site = text(origin, 'a site origin');
    const kept = await ownAccounts(chosen);
    if (!(await permissions.setAccounts(site, kept))) throw notConnected(site);
    await events.accountsChanged(site);
    return sites();
  },
  /** Removes `origin`'s permission; its pages get accountsChanged []. Returns the sites. */
  disconnectSite: async ({ origin }) => {
    const site = text(origin, 'a site origin');
    if (!(await permissions.revoke(site))) throw notConnected(site);
    await events.accountsChanged(site);
    return sites();
  },
  /**
   * Whether `origin`'s pages are told isMetaMask: true (`on`, the default) or false; that
   * origin's open pages learn it at once. Returns the sites.
   */
  setSiteMetaMaskFlag: async ({ origin, on }) => {
    const site = text(origin, 'a site origin');
    if (!/^https?:\/\/[^/]+$/.test(site)) throw argument('origin must be a web origin such as https://example.com');
    if (typeof on !== 'boolean') throw argument('on must be true or false');
    await metaMaskFlag.set(site, on);
    await events.siteStateChanged(site);
    return sites();
  },
});
