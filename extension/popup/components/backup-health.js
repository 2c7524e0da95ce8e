// The backup health panel (Settings): is the phrase (or, for a Shamir wallet, each share) backed
// up and when was it last checked; is each imported key (which the phrase does not cover) backed
// up; and what a restore from the phrase or shares alone would not bring back.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { formatDate } from '../ui/format.js';
import { shareName, thresholdText } from './share-text.js';
import { movedNote } from './moved-note.js';
import { severalPhrases } from './phrase-label.js';
import { phraseRows } from './phrase-health.js';
import { keptAsideNote } from './kept-aside-note.js';

function phraseRow(backup) {
  const confirmed = backup.phraseConfirmedAt ? `backed up (confirmed ${formatDate(backup.phraseConfirmedAt)})` : 'NOT backed up yet';
  const verified = backup.phraseVerifiedAt ? `last verified ${formatDate(backup.phraseVerifiedAt)}` : 'last verified: never — verify it now';
  return h('li', { testid: 'backup-health-phrase', class: backup.phraseConfirmedAt ? '' : 'error' },
    h('strong', {}, 'Secret Recovery Phrase: '), `${confirmed}; ${verified}.`);
}

/** A Shamir wallet's rows: the set as a whole, then each share made here. */
function shareRows(set, backup) {
  const verified = backup.phraseVerifiedAt ? `shares last checked to restore it ${formatDate(backup.phraseVerifiedAt)}` : 'never checked to restore it — check your shares now';
  const whole = h('li', { testid: 'backup-health-phrase', class: backup.phraseConfirmedAt ? '' : 'error' },
    h('strong', {}, 'Shamir shares: '), `${thresholdText(set)}; ${backup.phraseConfirmedAt ? `all backed up (${formatDate(backup.phraseConfirmedAt)})` : 'NOT all backed up yet'}; ${verified}.`);
  const each = (set.groups ?? []).flatMap(([, count], g) => Array.from({ length: count }, (_, m) => {
    const { confirmedAt, checkedAt } = backup.shares?.[`${g + 1}-${m + 1}`] ?? {};
    const state = [confirmedAt ? `confirmed ${formatDate(confirmedAt)}` : 'NOT confirmed yet', checkedAt ? `last checked ${formatDate(checkedAt)}` : null].filter(Boolean).join('; ');
    return h('li', { testid: 'backup-health-share', class: confirmedAt ? '' : 'error' },
      h('strong', {}, `${shareName({ group: g + 1, member: m + 1 }, set)}: `), `${state}.`);
  }));
  return [whole, ...each];
}

function keyRow(account, backup) {
  const { importedAt, exportedAt } = backup.keys[account.address] ?? {};
  const ways = [];
  if (exportedAt) ways.push(`private key exported ${formatDate(exportedAt)}`);
  // A backup file holds the key only if it was downloaded after the key was imported.
  if (backup.fileDownloadedAt && (!importedAt || backup.fileDownloadedAt > importedAt)) ways.push(`in the backup file downloaded ${formatDate(backup.fileDownloadedAt)}`);
  return h('li', { testid: 'backup-health-key', class: ways.length ? '' : 'error' },
    h('strong', {}, `${account.name} (imported): `), ways.length ? `${ways.join('; ')}.` : 'not backed up — export its key or download a backup file.');
}

/** The plain-language list of what only this device (or a backup file) holds. */
function notRestoredItems(gaps) {
  const named = (label, names) => (names.length ? `${label}: ${names.join(', ')}` : `${label} (none yet)`);
  return [
    ...gaps.importedAccounts.map((name) => `the imported account “${name}” and its funds`),
    gaps.renamedAccounts.length ? `account names: ${gaps.renamedAccounts.join(', ')}` : 'account names (they start again as Account 1, 2, …)',
    named('custom networks', gaps.networks),
    named('added tokens', gaps.tokens),
    named('connected sites', gaps.sites),
    `settings (auto-lock after ${gaps.autoLockMinutes} min)`,
  ];
}

export function backupHealthPanel(status) {
  const { backup } = status;
  const list = h('ul', { testid: 'backup-health-not-restored' }, h('li', { class: 'muted' }, 'Checking…'));
  call('notRestoredByPhrase').then(
    (gaps) => list.replaceChildren(...notRestoredItems(gaps).map((item) => h('li', {}, item))),
    (e) => list.replaceChildren(h('li', { class: 'error' }, `Could not check: ${e.message}. Reopen Settings.`)),
  );
  return h('section', { class: 'card', testid: 'backup-health' },
    h('h2', {}, 'Backup health'),
    ...movedNote(status.moved, 'backup-health-moved'),
    ...keptAsideNote(status, 'backup-health-kept-aside'),
    h('ul', { class: 'health' },
      status.shareSet ? shareRows(status.shareSet, backup) : (severalPhrases(status) ? phraseRows(status) : phraseRow(backup)),
      status.accounts.filter((a) => !a.covered).map((a) => keyRow(a, backup))),
    h('p', { class: 'small' }, `A restore from the ${status.shareSet ? 'shares' : 'phrase'} alone brings back your Account 1, 2, … and their funds, but NOT:`),
    list,
  );
}
