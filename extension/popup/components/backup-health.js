// The backup health panel (Settings): is the phrase backed up and when was it last checked; is
// each imported key (which the phrase does not cover) backed up; and what a restore from the
// phrase alone would not bring back.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { formatDate } from '../ui/format.js';

function phraseRow(backup) {
  const confirmed = backup.phraseConfirmedAt ? `backed up (confirmed ${formatDate(backup.phraseConfirmedAt)})` : 'NOT backed up yet';
  const verified = backup.phraseVerifiedAt ? `last verified ${formatDate(backup.phraseVerifiedAt)}` : 'last verified: never — verify it now';
  return h('li', { testid: 'backup-health-phrase', class: backup.phraseConfirmedAt ? '' : 'error' },
    h('strong', {}, 'Secret Recovery Phrase: '), `${confirmed}; ${verified}.`);
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
    h('ul', { class: 'health' },
      phraseRow(backup),
      status.accounts.filter((a) => !a.covered).map((a) => keyRow(a, backup))),
    h('p', { class: 'small' }, 'A restore from the phrase alone brings back your Account 1, 2, … and their funds, but NOT:'),
    list,
  );
}
