// Settings → Security & Privacy: the backup's health, and every way to see, check or save a
// backup (reveal the phrase and verify it, or for a Shamir wallet reveal and check its shares;
// export or import a private key, the backup file), the connected sites (which the health
// panel names) to change or disconnect, the token approvals to revoke, and the emergency move.
import { h, show } from '../ui/dom.js';
import { backupHealthPanel } from '../components/backup-health.js';
import { phraseGuardSection } from '../components/phrase-guard-sites.js';
import { languageSection } from '../components/language-select.js';
import { openForPhrase } from '../components/phrase-label.js';
import { t } from '../../shared/i18n.js';

/** A Shamir wallet's backup: reveal its shares (a set made here) and check shares. */
function sharesSection(set, open) {
  return [
    h('h2', {}, 'Shamir shares'),
    set.groups
      ? h('button', { testid: 'reveal-shares', onclick: open('reveal-shares') }, 'Reveal Shamir shares')
      : h('p', { class: 'muted small', testid: 'shares-made-elsewhere' }, 'This wallet was restored from shares made elsewhere: Keystead keeps its master secret, not those shares, so it cannot show them. Keep your written shares.'),
    h('button', { testid: 'check-share', onclick: open('check-share') }, 'Check a share'),
  ];
}

export function settingsScreen({ status, go, refresh }) {
  const open = (name) => () => go(name);
  show(
    h('header', {}, h('h1', {}, 'Security & Privacy'), h('button', { testid: 'settings-back', onclick: () => refresh() }, 'Back')),
    backupHealthPanel(status),
    ...languageSection((next) => go('settings', { status: next })),
    ...(status.shareSet ? sharesSection(status.shareSet, open) : [
      h('h2', {}, 'Secret Recovery Phrase'),
      h('button', { testid: 'reveal-srp', onclick: () => openForPhrase(go, status, 'reveal-srp') }, 'Reveal Secret Recovery Phrase'),
      h('button', { testid: 'verify-backup', onclick: () => openForPhrase(go, status, 'verify-backup') }, 'Verify my backup'),
      h('button', { testid: 'import-another-phrase', onclick: open('import-phrase') }, t('multiphrase_import_button'))]),
    h('h2', {}, 'Private keys'),
    h('button', { testid: 'export-private-key', onclick: open('export-key') }, 'Export private key'),
    h('button', { testid: 'import-private-key', onclick: open('import-key') }, 'Import private key'),
    h('h2', {}, 'Backup file'),
    h('button', { testid: 'backup-file-download', onclick: open('backup-file') }, 'Download encrypted backup file'),
    h('h2', {}, 'Privacy'),
    h('button', { testid: 'connected-sites', onclick: open('connected-sites') }, 'Connected sites'),
    h('button', { testid: 'settings-approvals', onclick: open('approvals') }, 'Token approvals'),
    phraseGuardSection(),
    h('h2', {}, 'If your phrase or a key leaked'),
    h('p', { class: 'small' }, 'Move everything to a new Secret Recovery Phrase in one guided flow.'),
    h('button', { class: 'danger', testid: 'emergency-move', onclick: open('emergency') }, 'I think my phrase or a key leaked'),
  );
}
