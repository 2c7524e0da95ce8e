// Opens Keystead's popup page in a window of its own at one of its screens (the page's hash
// route, e.g. `#/activity/<address>`), for a site that asks the wallet to show something
// (wallet_showCallsStatus). The page reads and shows; it acts only on what the user does there.
const WINDOW = { type: 'popup', width: 380, height: 640, focused: true };

/** Opens `popup.html<hash>` in a new window; resolves once Chrome made it. */
export async function openPopupWindow(hash) {
  await chrome.windows.create({ ...WINDOW, url: chrome.runtime.getURL(`popup.html${hash}`) });
}
