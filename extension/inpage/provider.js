/**
 * Keystead's in-page script: runs in the page's MAIN world at document_start (see the
 * manifest), before any page script. It creates the EIP-1193 provider, announces it through
 * EIP-6963 and, when no other wallet has claimed it, installs it as `window.ethereum`.
 * The provider talks only to the content-script bridge (content/bridge.js), by postMessage.
 */
import { createProvider } from './create-provider.js';
import { announceProvider } from './eip6963.js';
import { installWindowEthereum } from './install.js';

const provider = createProvider();
announceProvider(provider);
installWindowEthereum(provider);
