// Clears the clipboard 60 s after the popup copied a secret (the phrase or a private key), even
// if the popup was closed in between: a chrome.alarms alarm survives the popup and a worker
// restart, and an offscreen document (reason CLIPBOARD) does the writing, since a service
// worker has no clipboard of its own.
//
// The clear overwrites the clipboard unconditionally: checking that it still holds what we
// copied would need the "clipboardRead" permission (Chrome warns "Read data you copy and
// paste"), which is broader than a wallet should ask for. So something the user copied
// elsewhere within those 60 s is overwritten too.
import { KIND } from '../../shared/message-kinds.js';
import { CLEAR_SECONDS } from '../../shared/clipboard.js';

export const ALARM = 'keystead-clipboard-clear';
export const CLEAR_AFTER_MINUTES = CLEAR_SECONDS / 60;
const DOCUMENT = 'offscreen.html';

/** (Re)starts the 60 s countdown; a second copy pushes the clear back to 60 s after it. */
export async function scheduleClear() {
  await chrome.alarms.create(ALARM, { delayInMinutes: CLEAR_AFTER_MINUTES });
}

export async function onAlarm(alarm) {
  if (alarm.name !== ALARM) return;
  try {
    await clearNow();
  } catch (e) {
    console.error('Keystead could not clear the clipboard:', e?.message); // the message holds no secret
  }
}

async function clearNow() {
  const url = chrome.runtime.getURL(DOCUMENT);
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length === 0) {
    await chrome.offscreen.createDocument({
      url: DOCUMENT,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied Secret Recovery Phrase or private key from the clipboard after 60 seconds.',
    });
  }
  try {
    const reply = await chrome.runtime.sendMessage({ kind: KIND.CLEAR_CLIPBOARD });
    if (reply?.cleared !== true) throw new Error('the offscreen document could not clear the clipboard');
  } finally {
    await chrome.offscreen.closeDocument();
  }
}
