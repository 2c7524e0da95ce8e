// The backup health panel (Settings): is the phrase (or, for a Shamir wallet, each share) backed
// up and when was it last checked; is each imported key (which the phrase does not cover) backed
// up; and what a restore from the phrase or shares alone would not bring back.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { t, formatDate, formatNumber } from '../../shared/i18n.js';
import { shareName, thresholdText } from './share-text.js';
import { movedNote } from './moved-note.js';
import { severalPhrases } from './phrase-label.js';
import { phraseRows } from './phrase-health.js';
import { keptAsideNote } from './kept-aside-note.js';

/** A row's bold label, then its states joined by "; " with a final full stop. */
const row = (label, states) => [h('strong', {}, label), ` ${states.join('; ')}.`];

function phraseRow(backup) {
  const confirmed = backup.phraseConfirmedAt ? t('health_phrase_confirmed', { date: formatDate(backup.phraseConfirmedAt) }) : t('health_phrase_not_confirmed');
  const verified = backup.phraseVerifiedAt ? t('health_phrase_verified', { date: formatDate(backup.phraseVerifiedAt) }) : t('health_phrase_never_verified');
  return h('li', { testid: 'backup-health-phrase', class: backup.phraseConfirmedAt ? '' : 'error' },
    ...row(t('health_phrase_label'), [confirmed, verified]));
}

/** A Shamir wallet's rows: the set as a whole, then each share made here. */
function shareRows(set, backup) {
  const verified = backup.phraseVerifiedAt ? t('health_shares_verified', { date: formatDate(backup.phraseVerifiedAt) }) : t('health_shares_never_verified');
  const confirmed = backup.phraseConfirmedAt ? t('health_shares_confirmed', { date: formatDate(backup.phraseConfirmedAt) }) : t('health_shares_not_confirmed');
  const whole = h('li', { testid: 'backup-health-phrase', class: backup.phraseConfirmedAt ? '' : 'error' },
    ...row(t('health_shares_label'), [thresholdText(set), confirmed, verified]));
  const each = (set.groups ?? []).flatMap(([, count], g) => Array.from({ length: count }, (_, m) => {
    const { confirmedAt, checkedAt } = backup.shares?.[`${g + 1}-${m + 1}`] ?? {};
    const state = [
      confirmedAt ? t('health_share_confirmed', { date: formatDate(confirmedAt) }) : t('health_share_not_confirmed'),
      checkedAt ? t('health_share_checked', { date: formatDate(checkedAt) }) : null,
    ].filter(Boolean);
    return h('li', { testid: 'backup-health-share', class: confirmedAt ? '' : 'error' },
      ...row(t('health_share_label', { share: shareName({ group: g + 1, member: m + 1 }, set) }), state));
  }));
  return [whole, ...each];
}

function keyRow(account, backup) {
  const { importedAt, exportedAt } = backup.keys[account.address] ?? {};
  const ways = [];
  if (exportedAt) ways.push(t('health_key_exported', { date: formatDate(exportedAt) }));
  // A backup file holds the key only if it was downloaded after the key was imported.
  if (backup.fileDownloadedAt && (!importedAt || backup.fileDownloadedAt > importedAt)) ways.push(t('health_key_in_file', { date: formatDate(backup.fileDownloadedAt) }));
  const label = t('health_key_label', { name: account.name });
  return h('li', { testid: 'backup-health-key', class: ways.length ? '' : 'error' },
    ...(ways.length ? row(label, ways) : [h('strong', {}, label), ` ${t('health_key_not_backed_up')}`]));
}

/** The plain-language list of what only this device (or a backup file) holds. */
function notRestoredItems(gaps) {
  // health_gap_networks(_none), health_gap_tokens(_none), health_gap_sites(_none)
  const named = (what, names) => (names.length ? t(`health_gap_${what}`, { names: names.join(', ') }) : t(`health_gap_${what}_none`));
  return [
    ...gaps.importedAccounts.map((name) => t('health_gap_imported', { name })),
    gaps.renamedAccounts.length ? t('health_gap_names', { names: gaps.renamedAccounts.join(', ') }) : t('health_gap_names_none'),
    named('networks', gaps.networks),
    named('tokens', gaps.tokens),
    named('sites', gaps.sites),
    t('health_gap_settings', { minutes: formatNumber(gaps.autoLockMinutes) }),
  ];
}

export function backupHealthPanel(status) {
  const { backup } = status;
  const list = h('ul', { testid: 'backup-health-not-restored' }, h('li', { class: 'muted' }, t('health_checking')));
  call('notRestoredByPhrase').then(
    (gaps) => list.replaceChildren(...notRestoredItems(gaps).map((item) => h('li', {}, item))),
    (e) => list.replaceChildren(h('li', { class: 'error' }, t('health_check_failed', { error: explain(e) }))),
  );
  return h('section', { class: 'card', testid: 'backup-health' },
    h('h2', {}, t('health_title')),
    ...movedNote(status.moved, 'backup-health-moved'),
    ...keptAsideNote(status, 'backup-health-kept-aside'),
    h('ul', { class: 'health' },
      status.shareSet ? shareRows(status.shareSet, backup) : (severalPhrases(status) ? phraseRows(status) : phraseRow(backup)),
      status.accounts.filter((a) => !a.covered).map((a) => keyRow(a, backup))),
    h('p', { class: 'small' }, t(status.shareSet ? 'health_not_restored_shares' : 'health_not_restored_phrase')),
    list,
  );
}
