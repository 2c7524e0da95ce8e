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

/** The wallet's first account (public): the sheets' fingerprint. */
const firstAccount = (status) => (status?.accounts ?? []).find((a) => a.type === 'hd' && a.index === 0)?.address ?? null;

/** One share at a time with Previous / Next, and Print for all of them. */
function sharesWithSheets({ shares, set }, fingerprint) {
  let shown = 0;
  const title = h('h2', { testid: 'share-title' });
  const words = h('ol', { class: 'words', testid: 'share-words' });
  const previous = h('button', { type: 'button', testid: 'share-previous' }, 'Previous share');
  const next = h('button', { type: 'button', testid: 'share-next' }, 'Next share');
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
  const print = h('button', { type: 'button', testid: 'print-backup' }, 'Print a backup sheet for every share');
  print.onclick = () => {
    const checklist = shareChecklist(thresholdText(set));
    sheets.replaceChildren(...shares.map((share) => backupSheet({ words: share.words, fingerprint, title: `Shamir backup, ${shareName(share, set).toLowerCase()}`, checklist })));
    window.print();
  };
  return h('div', { class: 'fields' },
    h('p', {}, `${thresholdText(set)}; fewer reveal nothing about it.`),
    title, words, h('div', { class: 'actions' }, previous, next),
    print,
    h('p', { class: 'muted small' }, 'Each share prints on its own page. Print on a printer you trust, connected to this computer. The sheets are not saved anywhere.'),
    sheets);
}

export function revealSharesScreen({ status, refresh }) {
  const secret = gatedSecret({
    prompt: 'Enter your password to reveal your Shamir shares.',
    fetch: (password) => call('revealShares', { password }),
    display: (revealed) => sharesWithSheets(revealed, firstAccount(status)),
  });
  const stage = h('div', { class: 'fields' });
  stage.append(srpQuiz(() => stage.replaceChildren(secret.node), { secret: 'Shamir shares', it: 'them' }));
  showSecretScreen({ title: 'Shamir shares', backTestid: 'reveal-shares-back', secret, done: refresh },
    h('p', {}, 'Enough of your shares give full control of every account of this wallet. Anyone who gathers them can take your funds; Keystead will never ask for them.'),
    stage,
  );
}
