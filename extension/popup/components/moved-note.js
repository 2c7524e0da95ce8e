// Item 4 of issue 14: when the wallet was moved by the emergency move, and where — the old
// addresses, now of a vault kept aside as compromised, and the new phrase's accounts they went
// to. Home and the backup health panel show it (`status.moved`).
import { h } from '../ui/dom.js';
import { shortAddress } from '../ui/format.js';
import { t, formatDate } from '../../shared/i18n.js';

/** The note for `moved` ({ at, chainId, pairs }), or nothing. */
export function movedNote(moved, testid = 'wallet-moved') {
  if (!moved) return [];
  return [h('div', { class: 'card', testid, 'data-moved-at': moved.at },
    h('p', {}, t('moved_note', { date: formatDate(moved.at), chainId: Number(moved.chainId) })),
    h('ul', { class: 'small' }, ...moved.pairs.map((p) => h('li', { 'data-from': p.from, 'data-to': p.to }, `${shortAddress(p.from)} → ${shortAddress(p.to)}`))))];
}
