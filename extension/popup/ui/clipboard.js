// Copying a secret (the phrase, a private key): the popup writes it, and the worker clears the
// clipboard 60 s later whether or not the popup is still open (background/platform/clipboard.js).
import { call } from '../api.js';
import { CLEAR_SECONDS } from '../../shared/clipboard.js';

export { CLEAR_SECONDS };

export async function copySecret(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('Keystead could not copy to the clipboard. Click Copy again, or write it down by hand.');
  }
  await call('scheduleClipboardClear');
}
