/**
 * EIP-6963 wallet discovery for the demo: listens for `eip6963:announceProvider` first, then
 * dispatches `eip6963:requestProvider`, and reports every distinct wallet (by info.uuid).
 */

/** Calls `onWallets(list)` with all wallets found so far, each `{ info, provider }`. */
export function discoverWallets(onWallets) {
  const wallets = new Map();
  window.addEventListener('eip6963:announceProvider', (event) => {
    const { info, provider } = event.detail ?? {};
    if (typeof info?.uuid !== 'string' || typeof provider?.request !== 'function') return;
    wallets.set(info.uuid, { info, provider });
    onWallets([...wallets.values()]);
  });
  window.dispatchEvent(new Event('eip6963:requestProvider'));
}
