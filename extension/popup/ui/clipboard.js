// Copying a secret (the phrase, a private key): the popup writes it, and the worker clears the
// clipboard 60 s later whether or not the popup is still open (background/platform/clipboard.js).
import { call } from '../api.js';
import { CLEAR_SECONDS } from '../../shared/clipboard.js';
import { copyText } from './copy-text.js';
import { t } from '../../shared/i18n.js';

export { CLEAR_SECONDS };

export async function copySecret(text) {
  await copyText(text, t('clipboard_retry'));
  await call('scheduleClipboardClear');
}
