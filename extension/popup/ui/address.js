// An address shown in full: monospace, in two halves that each stay whole, so a 42-character
// address is on one line when it fits and otherwise on two even lines, never with a character
// alone on a line. Its textContent is exactly the address (the <wbr> between the halves adds none).
import { h } from './dom.js';
import { shortAddress } from './format.js';
import { identicon } from './identicon.js';

export function addressText(address, attrs = {}) {
  const middle = Math.ceil(address.length / 2);
  return h('code', { ...attrs, class: ['address', attrs.class].filter(Boolean).join(' ') },
    h('span', { class: 'half' }, address.slice(0, middle)), h('wbr'), h('span', { class: 'half' }, address.slice(middle)));
}

/** `nameOf(address)` over the worker's account list: the account's name, or null if not the user's. */
export function accountNames(accounts = []) {
  const names = new Map(accounts.map((a) => [a.address.toLowerCase(), a.name]));
  return (address) => (typeof address === 'string' ? names.get(address.toLowerCase()) ?? null : null);
}

/**
 * An address in full (EIP-55), under the account's name and beside its identicon when it is one of
 * the user's; `attrs` go on the address.
 */
export function namedAddress(address, nameOf, attrs = {}) {
  const name = nameOf?.(address);
  if (!name) return h('span', { class: 'named' }, addressText(address, attrs));
  return h('span', { class: 'named own' }, identicon(address), h('span', { class: 'who' },
    h('span', { class: 'account-label', testid: 'address-name' }, name), addressText(address, attrs)));
}

/** An address inside a sentence: "Account 2 (0x7099…79C8)", or the short address alone. */
export function addressWords(address, nameOf) {
  const name = nameOf?.(address);
  const short = shortAddress(address);
  return name ? `${name} (${short})` : short;
}
