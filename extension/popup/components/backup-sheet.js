// The backup sheet: a print-ready page of the recovery phrase for paper or a steel plate. The
// words are numbered in two columns (1–6 | 7–12 for 12 words), each word's first four letters
// marked (a BIP39 word is fixed by them: what people stamp on steel), a fingerprint that tells
// wallets apart (the first account's address, shortened: public), the date, and the guides'
// checklist. The sheet is part of the reveal screen's page: it is removed with the words when
// the user leaves, and nothing of it is stored or sent anywhere.
import { h } from '../ui/dom.js';
import { shortAddress } from '../ui/format.js';

/** The four letters that fix a BIP39 word. */
export const FIXING_LETTERS = 4;

const CHECKLIST = [
  'Write or stamp every word, in this order. Check each one against the screen.',
  'Keep two copies, in two separate places (e.g. home and a trusted relative).',
  'Never take a photo of this sheet and never store the words in the cloud, a password manager that syncs, email or chat.',
  'Test it: in Keystead, Settings → Verify your backup asks for some of these words without showing them.',
  'Anyone who reads this sheet can take your funds. Keystead will never ask for it.',
];

/** One numbered word, its first four letters marked. */
function word(text, number) {
  return h('li', { value: String(number), testid: `sheet-word-${number}` },
    h('strong', { class: 'fixing' }, text.slice(0, FIXING_LETTERS)), text.slice(FIXING_LETTERS));
}

/**
 * The sheet for `words` (an array), labelled with `fingerprint` (an address) and `date` (a
 * Date). Returns its node; the caller puts it on the page and calls `window.print()`.
 */
export function backupSheet({ words, fingerprint, date = new Date(), title = 'Secret Recovery Phrase' }) {
  const half = Math.ceil(words.length / 2);
  const column = (from, to) => h('ol', { class: 'sheet-words', start: String(from + 1) },
    words.slice(from, to).map((w, i) => word(w, from + i + 1)));
  return h('section', { class: 'backup-sheet', testid: 'backup-sheet', 'aria-label': 'Backup sheet' },
    h('h1', {}, `Keystead — ${title}`),
    h('p', {}, `${words.length} words · wallet `, h('code', { testid: 'sheet-fingerprint' }, fingerprint ? shortAddress(fingerprint) : '—'),
      ' · ', h('span', { testid: 'sheet-date' }, date.toLocaleDateString(undefined, { dateStyle: 'long' }))),
    h('div', { class: 'sheet-columns' }, column(0, half), column(half, words.length)),
    h('p', { class: 'small' }, `The first ${FIXING_LETTERS} letters of each word (in bold) are enough to tell it apart.`),
    h('h2', {}, 'Before you put this away'),
    h('ul', { class: 'sheet-checklist' }, CHECKLIST.map((line) => h('li', {}, '☐ ', line))),
  );
}
