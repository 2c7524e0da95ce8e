// The mark on an account that the Secret Recovery Phrase does not bring back (an imported key),
// shown wherever accounts are listed.
import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/**
 * The mark's English words, kept for screens not yet translated (private-key.js); new code
 * calls uncoveredText(), which is in the current language.
 */
export const UNCOVERED = 'Not covered by your Secret Recovery Phrase';

/** The mark's words in the current language. */
export const uncoveredText = () => t('account_uncovered');

/** The mark for `account` (from the worker's account list), or null when the phrase covers it. */
export function uncoveredTag(account) {
  return account.covered ? null : h('span', { class: 'tag', testid: 'account-uncovered' }, uncoveredText());
}
