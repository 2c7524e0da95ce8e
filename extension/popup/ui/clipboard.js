// Copying a secret (the phrase, a private key): the popup writes it, and the worker clears the
// clipboard 60 s later whether or not the popup is still open (background/platform/clipboard.js).
import { call } from '../api.js';
import { CLEAR_SECONDS } from '../../shared/clipboard.js';
import { copyText } from './copy-text.js';

export { CLEAR_SECONDS };

export async function copySecret(text) {
  await copyText(text, 'Click Copy again, or write it down by hand.');
  await call('scheduleClipboardClear');
}
