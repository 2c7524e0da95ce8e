// Item 4 of issue 14: when the wallet was moved by the emergency move, and where — the old
// addresses, now of a vault kept aside as compromised, and the new phrase's accounts they went
// to. Home and the backup health panel show it (`status.moved`).
import { h } from '../ui/dom.js';
import { formatDate, shortAddress } from '../ui/format.js';

/** The note for `moved` ({ at, chainId, pairs }), or nothing. */
export function movedNote(moved, testid = 'wallet-moved') {
  if (!moved) return [];
  return [h('div', { class: 'card', testid, 'data-moved-at': moved.at },
    h('p', {}, `Moved to a new Secret Recovery Phrase ${formatDate(moved.at)} (emergency move, network ${Number(moved.chainId)}). The old phrase and keys are kept aside as compromised: never use them again.`),
    h('ul', { class: 'small' }, ...moved.pairs.map((p) => h('li', { 'data-from': p.from, 'data-to': p.to }, `${shortAddress(p.from)} → ${shortAddress(p.to)}`))))];
}
