// Settings → Reveal Secret Recovery Phrase: the self-custody quiz, the password (the core
// checks it again), then press-and-hold before the numbered words appear. Leaving the screen
// takes the words off the page, and with them the backup sheet it may print.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { gatedSecret, showSecretScreen } from '../components/secret-view.js';
import { srpQuiz } from '../components/srp-quiz.js';
import { backupSheet } from '../components/backup-sheet.js';
import { phraseHeading } from '../components/phrase-label.js';
import { t } from '../../shared/i18n.js';

/** Phrase `n`'s first account (public): the sheet's fingerprint. */
const firstAccount = (status, n = 1) => (status?.accounts ?? []).find((a) => a.type === 'hd' && (a.phrase ?? 1) === n && a.index === 0)?.address ?? null;

/** The numbered words and Print: the sheet is built next to them, only when asked for. */
function wordsWithSheet(words, fingerprint) {
  const sheet = h('div', { class: 'sheet-holder' });
  const print = h('button', { type: 'button', testid: 'print-backup' }, t('srp_print'));
  print.onclick = () => {
    sheet.replaceChildren(backupSheet({ words, fingerprint }));
    window.print();
  };
  return h('div', { class: 'fields' },
    h('ol', { class: 'words', testid: 'srp-words' }, words.map((word, i) => h('li', { testid: `srp-word-${i + 1}` }, word))),
    print,
    h('p', { class: 'muted small' }, t('srp_print_note')),
    sheet);
}

// `params.phrase`: which of the wallet's phrases (from 1; asked by choose-phrase when there are several).
export function revealSrpScreen({ status, params: { phrase } = {}, refresh }) {
  const secret = gatedSecret({
    prompt: t('srp_prompt'),
    fetch: async (password) => (await call('revealPhrase', { password, phrase })).words,
    display: (words) => wordsWithSheet(words, firstAccount(status, phrase)),
    copyText: (words) => words.join(' '),
    copyTestid: 'srp-copy',
  });
  const stage = h('div', { class: 'fields' });
  stage.append(srpQuiz(() => stage.replaceChildren(secret.node)));
  showSecretScreen({ title: t('srp_title'), backTestid: 'reveal-srp-back', secret, done: refresh },
    ...phraseHeading(status, phrase),
    h('p', {}, t('srp_warning')),
    stage,
  );
}
