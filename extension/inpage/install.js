/**
 * Sets `window.ethereum` to the provider, but only when no other wallet got there first.
 * Dapps that support EIP-6963 find Keystead either way; this is for the ones that do not.
 */

/** Returns true when `window.ethereum` is now Keystead's provider. */
export function installWindowEthereum(provider) {
  try {
    if (window.ethereum != null) return false;
    // Writable and configurable, so a wallet injected later can still replace it as usual.
    Object.defineProperty(window, 'ethereum', {
      value: provider, writable: true, configurable: true, enumerable: true,
    });
  } catch {
    return false; // A throwing getter or a non-configurable `ethereum`: leave it alone.
  }
  window.dispatchEvent(new Event('ethereum#initialized'));
  return window.ethereum === provider;
}
