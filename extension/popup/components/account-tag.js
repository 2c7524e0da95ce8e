// The mark on an account that the Secret Recovery Phrase does not bring back (an imported key),
// shown wherever accounts are listed.
import { h } from '../ui/dom.js';

export const UNCOVERED = 'Not covered by your Secret Recovery Phrase';

/** The mark for `account` (from the worker's account list), or null when the phrase covers it. */
export function uncoveredTag(account) {
  return account.covered ? null : h('span', { class: 'tag', testid: 'account-uncovered' }, UNCOVERED);
}
