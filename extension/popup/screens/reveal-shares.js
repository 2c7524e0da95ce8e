// Settings → Reveal Shamir shares (a set Keystead made): the self-custody quiz, the password (the
// core checks it again), then press-and-hold before the shares appear, one at a time
// (`share-word-<i>` is word i of the share on screen). Print makes one backup sheet per share.
// Leaving the screen takes the shares off the page, and with them the sheets.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { gatedSecret, showSecretScreen } from '../components/secret-view.js';
import { srpQuiz } from '../components/srp-quiz.js';
import { backupSheet, shareChecklist } from '../components/backup-sheet.js';
import { shareName, thresholdText } from '../components/share-text.js';
import { t } from '../../shared/i18n.js';

/** The wallet's first account (public): the sheets' fingerprint. */
const firstAccount = (status) => (status?.accounts ?? []).find((a) => a.type === 'hd' && a.index === 0)?.address ?? null;

/** One share at a time with Previous / Next, and Print for all of them. */
function sharesWithSheets({ shares, set }, fingerprint) {
  let shown = 0;
  const title = h('h2', { testid: 'share-title' });
  const words = h('ol', { class: 'words', testid: 'share-words' });
  const previous = h('button', { type: 'button', testid: 'share-previous' }, t('shares_previous'));
  const next = h('button', { type: 'button', testid: 'share-next' }, t('shares_next'));
  const draw = () => {
    const share = shares[shown];
    title.textContent = shareName(share, set);
    words.replaceChildren(...share.words.map((word, i) => h('li', { testid: `share-word-${i + 1}` }, word)));
    previous.disabled = shown === 0;
    next.disabled = shown === shares.length - 1;
  };
  previous.onclick = () => { shown -= 1; draw(); };
  next.onclick = () => { shown += 1; draw(); };
  draw();
  const sheets = h('div', { class: 'sheet-holder' });
  const print = h('button', { type: 'button', testid: 'print-backup' }, t('shares_print'));
  print.onclick = () => {
    const checklist = shareChecklist(thresholdText(set));
    sheets.replaceChildren(...shares.map((share) => backupSheet({ words: share.words, fingerprint, title: t('shares_sheet_title', { share: shareName(share, set).toLowerCase() }), checklist })));
    window.print();
  };
  return h('div', { class: 'fields' },
    h('p', {}, t('shares_fewer', { restore: thresholdText(set) })),
    title, words, h('div', { class: 'actions' }, previous, next),
    print,
    h('p', { class: 'muted small' }, t('shares_print_note')),
    sheets);
}

export function revealSharesScreen({ status, refresh }) {
  const secret = gatedSecret({
    prompt: t('shares_prompt'),
    fetch: (password) => call('revealShares', { password }),
    display: (revealed) => sharesWithSheets(revealed, firstAccount(status)),
  });
  const stage = h('div', { class: 'fields' });
  stage.append(srpQuiz(() => stage.replaceChildren(secret.node), { secret: t('shares_quiz_secret'), it: t('shares_quiz_it') }));
  showSecretScreen({ title: t('shares_title'), backTestid: 'reveal-shares-back', secret, done: refresh },
    h('p', {}, t('shares_warning')),
    stage,
  );
}
