// The provider's `isMetaMask` flag per site, and the owner of its stored record:
// metaMaskFlag = { offOrigins: [origin] }, the sites where the user turned the flag off in
// Connected sites. Everywhere else the provider says `isMetaMask: true`, as Rabby and other
// wallets do, because many sites (MetaMask's own test dApp among them) enable themselves only
// for a provider that says so. A site that misbehaves when it believes it talks to MetaMask
// (it asks for MetaMask-only methods, or shows MetaMask's name) can be told the truth.
import * as store from '../platform/store.js';

const MAX_SITES = 500;

function originsIn(state) {
  const list = state.metaMaskFlag?.offOrigins;
  return Array.isArray(list) ? list.filter((o) => typeof o === 'string') : [];
}

/** The origins whose pages get `isMetaMask: false`. */
export async function offOrigins() {
  return originsIn(await store.read());
}

/** Whether `origin`'s pages get `isMetaMask: true`. */
export async function isOn(origin) {
  return !(await offOrigins()).includes(origin);
}

/** Sets the flag for `origin` (true: the default); one read-modify-write. */
export async function set(origin, on) {
  await store.update((state) => {
    const list = originsIn(state);
    if (list.includes(origin) === !on) return null;
    const next = on ? list.filter((o) => o !== origin) : [...list, origin].slice(-MAX_SITES);
    return { metaMaskFlag: { offOrigins: next } };
  });
}
