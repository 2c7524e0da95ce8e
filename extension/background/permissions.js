// Which origins may see which accounts (EIP-2255 `eth_accounts` permission), in storage.local.
import * as store from './store.js';

export async function permittedAccounts(origin) {
  const { permissions } = await store.read();
  const entry = permissions[origin];
  return Array.isArray(entry?.accounts) ? entry.accounts : [];
}

export async function grant(origin, accounts) {
  const { permissions } = await store.read();
  await store.update({ permissions: { ...permissions, [origin]: { accounts, grantedAt: Date.now() } } });
}

export async function revoke(origin) {
  const { permissions } = await store.read();
  if (!(origin in permissions)) return;
  const { [origin]: _gone, ...rest } = permissions;
  await store.update({ permissions: rest });
}

export async function origins() {
  const { permissions } = await store.read();
  return Object.keys(permissions);
}

/** The EIP-2255 permission objects for an origin. */
export async function describe(origin) {
  const { permissions } = await store.read();
  const entry = permissions[origin];
  if (!entry) return [];
  return [{
    invoker: origin,
    parentCapability: 'eth_accounts',
    date: entry.grantedAt,
    caveats: [{ type: 'restrictReturnedAccounts', value: entry.accounts }],
  }];
}
