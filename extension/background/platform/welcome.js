// First run: when Keystead is installed (not updated, not reloaded), its welcome screen opens in
// a tab, full-page, so that a new user does not have to find it behind the toolbar's puzzle icon.

/** The welcome page in a tab: the popup's page, laid out for a full window (popup/main.js). */
export const WELCOME_PATH = 'popup.html?view=tab';

/** `chrome.runtime.onInstalled` listener. */
export function onInstalled({ reason }) {
  if (reason !== chrome.runtime.OnInstalledReason.INSTALL) return;
  chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PATH) }).catch(() => {
    // No window to open a tab in (e.g. installed by policy with no browser window): the toolbar
    // button still opens the same screen.
  });
}
