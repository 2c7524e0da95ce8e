// An address shown in full: monospace, in two halves that each stay whole, so a 42-character
// address is on one line when it fits and otherwise on two even lines, never with a character
// alone on a line. Its textContent is exactly the address (the <wbr> between the halves adds none).
import { h } from './dom.js';

export function addressText(address, attrs = {}) {
  const middle = Math.ceil(address.length / 2);
  return h('code', { ...attrs, class: ['address', attrs.class].filter(Boolean).join(' ') },
    h('span', { class: 'half' }, address.slice(0, middle)), h('wbr'), h('span', { class: 'half' }, address.slice(middle)));
}
