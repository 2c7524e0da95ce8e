// Backing up the Secret Recovery Phrase, after create and from the home reminder: the phrase
// screen (what it is; words hidden until "Show"), then a confirmation asking for 3 words at
// random positions (components/word-confirm.js, which says why it is checked in the popup).
// "Remind me later" records the postponement and goes home. The worker only records the date.
//
// The words live in this page only while the flow runs: they leave the DOM as soon as the
// phrase screen is left, and the array is emptied when the flow ends or the page goes away.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { wordConfirmForm, hiddenWords } from '../components/word-confirm.js';
import { backupFlow } from '../components/backup-flow.js';

/**
 * Runs the backup flow for `params.words` (the phrase as an array, which this flow empties when
 * it ends); refreshes with the new status when confirmed or postponed. With `params.emergency`
 * the words are the emergency move's new phrase: confirmed, the move's plan comes next (nothing
 * is recorded as backed up yet, and it cannot be postponed).
 */
export function backupPhraseScreen({ params: { words, emergency = false }, refresh, go }) {
  const forget = () => { words.fill(''); words.length = 0; };
  const finish = backupFlow(forget, emergency ? () => go('emergency', { confirmed: true }) : refresh);
  phraseScreen(words, finish, emergency);
}

function phraseScreen(words, finish, emergency) {
  const next = h('button', { class: 'primary', testid: 'onboarding-next', disabled: true }, t('backup_phrase_wrote_it'));
  const [list, reveal] = hiddenWords({ words, prefix: 'srp', label: t('backup_phrase_label'), shown: () => { next.disabled = false; } });
  next.onclick = () => confirmScreen(words, finish, emergency);
  const error = errorLine();
  const later = h('button', { testid: 'srp-backup-later', hidden: emergency }, t('backup_phrase_later'));
  later.onclick = () => busy(later, error, async () => finish(await call('postponeBackup')));
  show(
    h('h1', {}, t('backup_phrase_title')),
    h('p', {}, t('backup_phrase_master_key', { count: words.length })),
    h('p', {}, t('backup_phrase_write_down')),
    h('p', { class: 'warning' }, t('backup_phrase_warning')),
    list, reveal, next,
    h('p', { class: 'muted small' }, t('backup_phrase_not_now')),
    later, error,
  );
}

function confirmScreen(words, finish, emergency) {
  const check = wordConfirmForm({ words, testid: 'srp-confirm', submitTestid: 'srp-confirm-submit', confirmed: async () => finish(emergency ? null : await call('confirmBackup')) });
  const back = h('button', {
    testid: 'srp-confirm-back',
    onclick: () => {
      check.clear();
      phraseScreen(words, finish, emergency);
    },
  }, t('backup_phrase_see_again'));
  show(
    h('h1', {}, t('backup_phrase_confirm_title')),
    h('p', {}, t('backup_phrase_confirm_intro')),
    check.node, back,
  );
}
