// Methods Keystead refuses on purpose, each with a 4200 whose message says why and what to use
// instead (the pipeline asks this module before its method table; anything else absent from
// the table gets the table's plain 4200):
// - MetaMask's own methods (its Snaps, its `metamask_*` API). A site that believes it talks to
//   MetaMask (isMetaMask is true on Keystead's provider) may ask for them; the message says
//   which wallet answered, so its developer and its users can tell.
// - Signing and encryption methods that are unsafe: eth_sign (a blind hash), eth_signTypedData
//   version 1 (no domain), eth_getEncryptionPublicKey / eth_decrypt (deprecated by MetaMask).
import { ProviderError, UNSUPPORTED_METHOD } from '../../shared/rpc-errors.js';

const SNAP_METHODS = new Set(['wallet_invokeSnap', 'wallet_requestSnaps', 'wallet_getSnaps', 'wallet_snap', 'wallet_invokeKeyring', 'wallet_getAllSnaps']);
const METAMASK_PREFIXES = ['metamask_', 'snap_', 'mm_'];

const UNSAFE = Object.freeze({
  eth_sign: 'eth_sign asks to sign a raw 32-byte hash that nobody can read, which is how phishing sites take funds, so Keystead never signs one. '
    + 'Use personal_sign for a message or eth_signTypedData_v4 for structured data.',
  eth_signTypedData: 'eth_signTypedData (version 1, from an early EIP-712 draft) signs data bound to no domain (no site, contract or chain), so a '
    + 'signature made for one site is valid for any other. Keystead does not sign it; use eth_signTypedData_v4.',
  eth_getEncryptionPublicKey: 'Keystead does not give sites an encryption key derived from an account: MetaMask deprecated '
    + 'eth_getEncryptionPublicKey and eth_decrypt, whose scheme reuses the account\'s signing key. Encrypt with a key of the site\'s own.',
  eth_decrypt: 'Keystead does not decrypt for sites: MetaMask deprecated eth_getEncryptionPublicKey and eth_decrypt, whose scheme '
    + 'reuses the account\'s signing key. Encrypt with a key of the site\'s own.',
});

function isMetaMaskOnly(method) {
  return SNAP_METHODS.has(method) || METAMASK_PREFIXES.some((p) => method.startsWith(p));
}

/** The 4200 for a method refused on purpose, or null when `method` is not one. */
export function refusal(method) {
  if (typeof method !== 'string') return null;
  if (Object.hasOwn(UNSAFE, method)) return new ProviderError(UNSUPPORTED_METHOD, UNSAFE[method]);
  if (!isMetaMaskOnly(method)) return null;
  const what = SNAP_METHODS.has(method) || method.startsWith('snap_') ? 'MetaMask Snaps' : 'MetaMask’s own API';
  return new ProviderError(UNSUPPORTED_METHOD, `"${method.slice(0, 64)}" belongs to ${what}. This site is talking to Keystead, `
    + 'which answers for MetaMask but does not have it. Use the site without it, or open the site with MetaMask. '
    + 'Sites can tell Keystead apart by window.ethereum.isKeystead or its EIP-6963 rdns app.keystead.');
}
