// The offscreen document the worker opens to clear the clipboard (background/platform/clipboard.js).
// navigator.clipboard needs a focused page and an offscreen document is never focused, so the
// clear goes through execCommand('copy') with a copy handler that puts an empty text in place
// of whatever is there.
import { KIND } from '../shared/message-kinds.js';

function clearClipboard() {
  let cleared = false;
  const onCopy = (event) => {
    event.clipboardData.setData('text/plain', '');
    event.preventDefault();
    cleared = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return cleared;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message?.kind !== KIND.CLEAR_CLIPBOARD) return false;
  sendResponse({ cleared: clearClipboard() });
  return false;
});
