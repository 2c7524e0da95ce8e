// Backing up the Secret Recovery Phrase, after create and from the home reminder: the phrase
// screen (what it is; words hidden until "Show"), then a confirmation asking for 3 words at
// random positions (components/word-confirm.js, which says why it is checked in the popup).
// "Remind me later" records the postponement and goes home. The worker only records the date.
//
// The words live in this page only while the flow runs: they leave the DOM as soon as the
// phrase screen is left, and the array is emptied when the flow ends or the page goes away.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { wordConfirmForm, hiddenWords } from '../components/word-confirm.js';
import { backupFlow } from '../components/backup-flow.js';

/**
 * Runs the backup flow for `params.words` (the phrase as an array, which this flow empties when
 * it ends); refreshes with the new status when confirmed or postponed.
 */
export function backupPhraseScreen({ params: { words }, refresh }) {
  const forget = () => { words.fill(''); words.length = 0; };
  const finish = backupFlow(forget, refresh);
  phraseScreen(words, finish);
}

function phraseScreen(words, finish) {
  const next = h('button', { class: 'primary', testid: 'onboarding-next', disabled: true }, 'I wrote it down');
  const [list, reveal] = hiddenWords({ words, prefix: 'srp', label: 'Secret Recovery Phrase', shown: () => { next.disabled = false; } });
  next.onclick = () => confirmScreen(words, finish);
  const error = errorLine();
  const later = h('button', { testid: 'srp-backup-later' }, 'Remind me later');
  later.onclick = () => busy(later, error, async () => finish(await call('postponeBackup')));
  show(
    h('h1', {}, 'Your Secret Recovery Phrase'),
    h('p', {}, `These ${words.length} words are the master key to your wallet: every account of it can be rebuilt from them, on any device.`),
    h('p', {}, 'Write them down on paper, in order, and keep them somewhere safe and offline. Nobody — Keystead included — can recover them for you if they are lost.'),
    h('p', { class: 'warning' }, 'Anyone who has these words owns your funds. Never type them into a website or share them with anyone.'),
    list, reveal, next,
    h('p', { class: 'muted small' }, 'Not now? Keystead will keep reminding you until the phrase is backed up.'),
    later, error,
  );
}

function confirmScreen(words, finish) {
  const check = wordConfirmForm({ words, testid: 'srp-confirm', submitTestid: 'srp-confirm-submit', confirmed: async () => finish(await call('confirmBackup')) });
  const back = h('button', {
    testid: 'srp-confirm-back',
    onclick: () => {
      check.clear();
      phraseScreen(words, finish);
    },
  }, 'See the words again');
  show(
    h('h1', {}, 'Confirm your backup'),
    h('p', {}, 'Type these words from your written copy, to be sure it is complete and readable.'),
    check.node, back,
  );
}
