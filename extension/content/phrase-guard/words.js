// The warning's words, in the browser's language (the guard has no wallet status to read the
// user's choice from). The guard runs inside web pages, so it does not call shared/i18n.js's
// setLanguage: that marks the document's <html lang>, which here is the page's own (its
// language for screen readers, and a sign to the page that Keystead is installed). It reads the
// message of the language pickLanguage chooses (messageIn) instead.
import { messageIn, pickLanguage } from '../../shared/i18n.js';

/** The guard message `key` in the browser's language (English where it has none). */
export function t(key) {
  return messageIn(pickLanguage(undefined, navigator.language), key);
}

/** The message `key` split around its `{name}` placeholder, for a node to go in between. */
export function around(key, name) {
  return t(key).split(`{${name}}`);
}
