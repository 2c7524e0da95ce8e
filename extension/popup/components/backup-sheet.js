// The backup sheet: a print-ready page of the recovery phrase, or of one Shamir share, for paper
// or a steel plate. The words are numbered in two columns (1–6 | 7–12 for 12 words), each word's
// first four letters marked (a BIP39 word, and a SLIP-39 word, is fixed by them: what people
// stamp on steel), a fingerprint that tells wallets apart (the first account's address,
// shortened: public), the date, and the guides' checklist. A Shamir backup prints one sheet per
// share, each on its own page. The sheets are part of the reveal screen's page: they are removed
// with the words when the user leaves, and nothing of them is stored or sent anywhere.
import { h } from '../ui/dom.js';
import { shortAddress } from '../ui/format.js';
import { t, tn, formatDay } from '../../shared/i18n.js';

/** The four letters that fix a BIP39 word. */
export const FIXING_LETTERS = 4;

/** The checklist of the phrase's sheet (built when drawn, in the language of the moment). */
const phraseChecklist = () => [
  t('sheet_write'),
  t('sheet_two_copies'),
  t('sheet_no_copies'),
  t('sheet_test_phrase'),
  t('sheet_anyone_phrase'),
];

/** The checklist of one Shamir share; `restore` says how many restore the wallet ("Any 2 of your 3 shares restore the wallet"). */
export function shareChecklist(restore) {
  return [
    t('sheet_write'),
    t('sheet_share_places', { restore }),
    t('sheet_no_copies'),
    t('sheet_test_share'),
    t('sheet_anyone_shares'),
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
export function backupSheet({ words, fingerprint, date = new Date(), title = t('sheet_title_phrase'), checklist = phraseChecklist() }) {
  const half = Math.ceil(words.length / 2);
  const column = (from, to) => h('ol', { class: 'sheet-words', start: String(from + 1) },
    words.slice(from, to).map((w, i) => word(w, from + i + 1)));
  return h('section', { class: 'backup-sheet', testid: 'backup-sheet', 'aria-label': t('sheet_label') },
    h('h1', {}, `Keystead — ${title}`),
    h('p', {}, `${tn('sheet_words', words.length)} `, h('code', { testid: 'sheet-fingerprint' }, fingerprint ? shortAddress(fingerprint) : '—'),
      ' · ', h('span', { testid: 'sheet-date' }, formatDay(date))),
    h('div', { class: 'sheet-columns' }, column(0, half), column(half, words.length)),
    h('p', { class: 'small' }, t('sheet_fixing', { count: FIXING_LETTERS })),
    h('h2', {}, t('sheet_before')),
    h('ul', { class: 'sheet-checklist' }, checklist.map((line) => h('li', {}, '☐ ', line))),
  );
}
