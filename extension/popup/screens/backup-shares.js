// Backing up a wallet's Shamir shares, after create and from the home reminder: each share on its
// own screen (what it is; words hidden until "Show", `share-word-<i>`), then a confirmation asking
// for 3 of its words (components/word-confirm.js), then the next share. The worker records each
// confirmed share; the home reminder stays until every share is confirmed. "Remind me later"
// records the postponement and goes home.
//
// The words live in this page only while the flow runs: each share leaves the DOM when its
// screen is left, and the arrays are emptied when the flow ends or the page goes away.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { wordConfirmForm, hiddenWords } from '../components/word-confirm.js';
import { shareName, thresholdText } from '../components/share-text.js';
import { backupFlow } from '../components/backup-flow.js';
import { t } from '../../shared/i18n.js';

/**
 * Runs the backup flow for `params.shares` (`[{ group, member, words }]`, the ones still to be
 * confirmed, which this flow empties when it ends) of the set `params.set`; refreshes with the
 * new status when every share is confirmed or the user postpones.
 */
export function backupSharesScreen({ params: { shares, set }, refresh }) {
  const forget = () => {
    for (const share of shares) share.words.fill('');
    shares.length = 0;
  };
  const finish = backupFlow(forget, refresh);
  const step = (i, status) => (i < shares.length ? shareScreen({ shares, set, i, step, finish }) : finish(status));
  step(0);
}

function shareScreen({ shares, set, i, step, finish }) {
  const share = shares[i];
  const next = h('button', { class: 'primary', testid: 'share-written', disabled: true }, t('shares_written'));
  const [list, reveal] = hiddenWords({ words: share.words, prefix: 'share', label: shareName(share, set), shown: () => { next.disabled = false; } });
  next.onclick = () => confirmScreen({ shares, set, i, step, finish });
  const error = errorLine();
  const later = h('button', { testid: 'share-backup-later' }, t('shares_later'));
  later.onclick = () => busy(later, error, async () => finish(await call('postponeBackup')));
  show(
    h('h1', { testid: 'share-title' }, shareName(share, set)),
    h('p', {}, t('shares_intro', { restore: thresholdText(set), count: share.words.length })),
    h('p', {}, t('shares_write')),
    h('p', { class: 'warning' }, t('shares_never_type')),
    shares.length > 1 ? h('p', { class: 'muted small' }, t('shares_progress', { n: i + 1, count: shares.length })) : null,
    list, reveal, next,
    h('p', { class: 'muted small' }, t('shares_not_now')),
    later, error,
  );
}

function confirmScreen({ shares, set, i, step, finish }) {
  const share = shares[i];
  const check = wordConfirmForm({
    words: share.words,
    testid: 'share-confirm',
    submitTestid: 'share-confirm-submit',
    confirmed: async () => step(i + 1, await call('confirmShare', { group: share.group, member: share.member })),
  });
  const back = h('button', {
    testid: 'share-confirm-back',
    onclick: () => {
      check.clear();
      shareScreen({ shares, set, i, step, finish });
    },
  }, t('shares_see_again'));
  show(
    h('h1', {}, t('shares_confirm_title', { share: shareName(share, set).toLowerCase() })),
    h('p', {}, t('shares_confirm_intro')),
    check.node, back,
  );
}
