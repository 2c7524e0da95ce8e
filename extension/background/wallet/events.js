// Provider events (EIP-1193 accountsChanged / chainChanged, and Keystead's own keysteadState)
// sent to the documents that used the provider, each getting only what its own origin may see. An event is addressed to the
// document that made the requests (its documentId), never to whatever the tab shows now: once
// the tab has navigated on, sending fails instead of reaching the next site. The message also
// names the origin it is meant for, and the bridge drops it on a page of any other origin.
import * as session from '../platform/session.js';
import * as accounts from './accounts.js';
import * as metaMaskFlag from './metamask-flag.js';
import { KIND } from '../../shared/message-kinds.js';

/**
 * Sends `event` to one document (`{ tabId, origin, documentId }`) and nowhere else; false, and the
 * document forgotten, when it is gone (the tab closed, or it navigated on).
 */
export async function toDocument({ tabId, origin, documentId }, event, data) {
  try {
    await chrome.tabs.sendMessage(tabId, { kind: KIND.PROVIDER_EVENT, origin, event, data }, { documentId });
    return true;
  } catch {
    await session.forgetTab(tabId, documentId); // the tab is gone or that document was left
    return false;
  }
}

const send = toDocument;

/** Tells every known document (or only those of `origin`, when given) which accounts its origin now sees. */
export async function accountsChanged(origin) {
  for (const tab of await session.knownTabs()) {
    if (origin === undefined || tab.origin === origin) await send(tab, 'accountsChanged', await accounts.exposedTo(tab.origin));
  }
}

export async function chainChanged(chainId) {
  for (const tab of await session.knownTabs()) await send(tab, 'chainChanged', chainId);
}

/** Tells `origin`'s documents their provider state changed (the user's MetaMask-flag switch). */
export async function siteStateChanged(origin) {
  const isMetaMask = await metaMaskFlag.isOn(origin);
  for (const tab of await session.knownTabs()) {
    if (tab.origin === origin) await send(tab, 'keysteadState', { isMetaMask });
  }
}
