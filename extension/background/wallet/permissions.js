// Which origins may see which accounts (EIP-2255 `eth_accounts` permission), in storage.local.
import * as store from '../platform/store.js';

export async function permittedAccounts(origin) {
  const { permissions } = await store.read();
  const entry = permissions[origin];
  return Array.isArray(entry?.accounts) ? entry.accounts : [];
}

export async function grant(origin, accounts) {
  await store.update(({ permissions }) => ({ permissions: { ...permissions, [origin]: { accounts, grantedAt: Date.now() } } }));
}

/** Drops the origin's permission; true when it had one (false: nothing changed). */
export async function revoke(origin) {
  let had = false;
  await store.update(({ permissions }) => {
    if (!Object.hasOwn(permissions, origin)) return null;
    had = true;
    const { [origin]: _gone, ...rest } = permissions;
    return { permissions: rest };
  });
  return had;
}

/**
 * Drops a removed account from every origin's permission (an origin left with none loses its
 * entry), so that importing the same key again does not silently re-expose it.
 */
export async function forgetAccount(address) {
  await store.update(({ permissions }) => {
    const kept = {};
    for (const [origin, entry] of Object.entries(permissions)) {
      const accounts = Array.isArray(entry?.accounts) ? entry.accounts.filter((a) => a !== address) : [];
      if (accounts.length > 0) kept[origin] = { ...entry, accounts };
    }
    return { permissions: kept };
  });
}

/** Every connected origin with the accounts it may see: `[{ origin, accounts, grantedAt }]`, by origin. */
export async function list() {
  const { permissions } = await store.read();
  return Object.entries(permissions)
    .map(([origin, entry]) => ({ origin, accounts: Array.isArray(entry?.accounts) ? entry.accounts : [], grantedAt: entry?.grantedAt }))
    .sort((a, b) => a.origin.localeCompare(b.origin));
}

/**
 * Changes which accounts a connected origin sees (keeping when it was granted); false, and
 * nothing changed, when the origin is not connected.
 */
export async function setAccounts(origin, accounts) {
  let had = false;
  await store.update(({ permissions }) => {
    if (!Object.hasOwn(permissions, origin)) return null;
    had = true;
    return { permissions: { ...permissions, [origin]: { ...permissions[origin], accounts } } };
  });
  return had;
}

export async function origins() {
  const { permissions } = await store.read();
  return Object.keys(permissions);
}

/** The EIP-2255 permission objects for an origin (addresses in lower case, as dApps get them). */
export async function describe(origin) {
  const { permissions } = await store.read();
  const entry = permissions[origin];
  if (!entry) return [];
  const accounts = Array.isArray(entry.accounts) ? entry.accounts.map((a) => String(a).toLowerCase()) : [];
  return [{
    invoker: origin,
    parentCapability: 'eth_accounts',
    date: entry.grantedAt,
    caveats: [{ type: 'restrictReturnedAccounts', value: accounts }],
  }];
}
