// Copying text to the clipboard. Public text (an address) is only copied: there is nothing to
// hide, and a scheduled clear would only erase what the user meant to paste. A secret goes
// through ui/clipboard.js, which also has the worker clear it 60 s later.
import { t } from '../../shared/i18n.js';

export async function copyText(text, otherwise = t('copy_by_hand')) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error(t('copy_failed', { hint: otherwise }));
  }
}
