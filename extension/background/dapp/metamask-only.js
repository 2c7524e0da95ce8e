// Methods only MetaMask has (its Snaps and its own `metamask_*` API). A site that believes it
// talks to MetaMask (isMetaMask is true on Keystead's provider) may ask for them; it gets 4200
// with a message that says which wallet answered, so its developer and its users can tell.
import { ProviderError, UNSUPPORTED_METHOD } from '../../shared/rpc-errors.js';

const SNAP_METHODS = new Set(['wallet_invokeSnap', 'wallet_requestSnaps', 'wallet_getSnaps', 'wallet_snap', 'wallet_invokeKeyring', 'wallet_getAllSnaps']);
const PREFIXES = ['metamask_', 'snap_', 'mm_'];

export function isMetaMaskOnly(method) {
  return SNAP_METHODS.has(method) || PREFIXES.some((p) => method.startsWith(p));
}

/** The 4200 a MetaMask-only method gets. */
export function metaMaskOnly(method) {
  const what = SNAP_METHODS.has(method) || method.startsWith('snap_') ? 'MetaMask Snaps' : 'MetaMask’s own API';
  return new ProviderError(UNSUPPORTED_METHOD, `"${method.slice(0, 64)}" belongs to ${what}. This site is talking to Keystead, `
    + 'which answers for MetaMask but does not have it. Use the site without it, or open the site with MetaMask. '
    + 'Sites can tell Keystead apart by window.ethereum.isKeystead or its EIP-6963 rdns app.keystead.');
}
