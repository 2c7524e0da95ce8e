// eth_requestAccounts, eth_accounts and the EIP-2255 permission methods.
import * as accounts from '../../wallet/accounts.js';
import * as permissions from '../../wallet/permissions.js';
import * as approvals from '../../platform/approvals.js';
import * as events from '../../wallet/events.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray } from '../validate.js';

/**
 * Connects the origin after the user approves (and unlocks, if needed); returns its accounts.
 * Before any wallet exists the same window first runs onboarding (create or import), then shows
 * the account picker (popup/screens/approve.js); closing it at any point is 4001.
 */
async function connect({ origin }) {
  const exposed = await accounts.exposedTo(origin);
  if (exposed.length > 0) return exposed;
  const connected = async () => (await accounts.exposedTo(origin)).length > 0;
  if ((await permissions.permittedAccounts(origin)).length > 0) {
    // Already connected, only locked: the window asks for the password and nothing else.
    await approvals.request(origin, 'unlock', {}, { skipIf: connected });
    if (await connected()) return accounts.exposedTo(origin);
  }
  await approvals.request(origin, 'connect', {}, { skipIf: connected, commit: grantChosen(origin) });
  return accounts.exposedTo(origin);
}

/** The approval's commit: the ticked accounts (the wallet's own) become the origin's, and its pages hear it. */
function grantChosen(origin) {
  return async (answer) => {
    const mine = (await accounts.list()).map((a) => a.address);
    const chosen = (Array.isArray(answer.accounts) ? answer.accounts : []).filter((a) => mine.includes(a));
    if (chosen.length === 0) throw invalidParams('Choose at least one account to connect.');
    await permissions.grant(origin, chosen);
    await events.accountsChanged(origin);
  };
}

/**
 * wallet_requestPermissions (EIP-2255): always the account picker, even for a connected origin
 * (so the user can add or take away accounts), ticked with the accounts the origin has now (the
 * selected account for an origin not connected yet); the
 * accounts ticked replace them, and the origin's pages get accountsChanged. Returns the
 * permission as wallet_getPermissions does.
 */
async function requestPermissions({ origin }) {
  const current = await permissions.permittedAccounts(origin);
  await approvals.request(origin, 'connect', current.length > 0 ? { ticked: current } : {}, { commit: grantChosen(origin) });
  return permissions.describe(origin);
}

function ethAccountsPermission(params) {
  const [request] = paramsArray(params, 1, 1, '[{ eth_accounts: {} }]');
  if (typeof request !== 'object' || request === null || Object.keys(request).join() !== 'eth_accounts') {
    throw invalidParams('Keystead only grants or revokes the eth_accounts permission: pass [{ eth_accounts: {} }].');
  }
  return request;
}

export const methods = {
  eth_requestAccounts: { validate: (p) => paramsArray(p ?? [], 0, 0, '[]'), handler: connect },
  eth_accounts: {
    validate: (p) => paramsArray(p ?? [], 0, 0, '[]'),
    handler: ({ origin }) => accounts.exposedTo(origin),
  },
  wallet_requestPermissions: { validate: ethAccountsPermission, handler: requestPermissions },
  wallet_getPermissions: {
    validate: (p) => paramsArray(p ?? [], 0, 0, '[]'),
    handler: ({ origin }) => permissions.describe(origin),
  },
  wallet_revokePermissions: {
    validate: ethAccountsPermission,
    handler: async ({ origin }) => {
      // Only the revoking origin's pages can see a change, and only when it had a permission.
      if (await permissions.revoke(origin)) await events.accountsChanged(origin);
      return null;
    },
  },
};
