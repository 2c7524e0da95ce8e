// Provider events (EIP-1193 accountsChanged / chainChanged) sent to the tabs that used the
// provider, each getting only what its own origin may see.
import * as session from './session.js';
import * as accounts from './accounts.js';

async function send(tabId, event, data) {
  try {
    await chrome.tabs.sendMessage(tabId, { kind: 'provider-event', event, data }, { frameId: 0 });
  } catch {
    await session.forgetTab(tabId); // the tab is gone or navigated away
  }
}

/** Tells every known tab which accounts its origin now sees. */
export async function accountsChanged() {
  for (const [tabId, origin] of await session.knownTabs()) {
    await send(tabId, 'accountsChanged', await accounts.exposedTo(origin));
  }
}

export async function chainChanged(chainId) {
  for (const [tabId] of await session.knownTabs()) await send(tabId, 'chainChanged', chainId);
}
