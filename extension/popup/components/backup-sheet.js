// The backup sheet: a print-ready page of the recovery phrase, or of one Shamir share, for paper
// or a steel plate. The words are numbered in two columns (1–6 | 7–12 for 12 words), each word's
// first four letters marked (a BIP39 word, and a SLIP-39 word, is fixed by them: what people
// stamp on steel), a fingerprint that tells wallets apart (the first account's address,
// shortened: public), the date, and the guides' checklist. A Shamir backup prints one sheet per
// share, each on its own page. The sheets are part of the reveal screen's page: they are removed
// with the words when the user leaves, and nothing of them is stored or sent anywhere.
import { h } from '../ui/dom.js';
import { shortAddress } from '../ui/format.js';

/** The four letters that fix a BIP39 word. */
export const FIXING_LETTERS = 4;

const WRITE = 'Write or stamp every word, in this order. Check each one against the screen.';
const NO_COPIES = 'Never take a photo of this sheet and never store the words in the cloud, a password manager that syncs, email or chat.';

const CHECKLIST = [
  WRITE,
  'Keep two copies, in two separate places (e.g. home and a trusted relative).',
  NO_COPIES,
  'Test it: in Keystead, Settings → Verify your backup asks for some of these words without showing them.',
  'Anyone who reads this sheet can take your funds. Keystead will never ask for it.',
];

/** The checklist of one Shamir share; `restore` says how many restore the wallet ("Any 2 of your 3 shares restore the wallet"). */
export function shareChecklist(restore) {
  return [
    WRITE,
    `Keep each share in a different place (e.g. home, a safe deposit box, a trusted relative). ${restore}; fewer reveal nothing about it.`,
    NO_COPIES,
    'Test it: in Keystead, Settings → Check a share says whether this share belongs to the wallet, without showing anything.',
    'Anyone who gathers enough shares can take your funds. Keystead will never ask for them.',
  ];
}

/** One numbered word, its first four letters marked. */
function word(text, number) {
  return h('li', { value: String(number), testid: `sheet-word-${number}` },
    h('strong', { class: 'fixing' }, text.slice(0, FIXING_LETTERS)), text.slice(FIXING_LETTERS));
}

/**
 * The sheet for `words` (an array), labelled with `fingerprint` (an address) and `date` (a
 * Date). Returns its node; the caller puts it on the page and calls `window.print()`.
 */
export function backupSheet({ words, fingerprint, date = new Date(), title = 'Secret Recovery Phrase', checklist = CHECKLIST }) {
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
    h('ul', { class: 'sheet-checklist' }, checklist.map((line) => h('li', {}, '☐ ', line))),
  );
}
