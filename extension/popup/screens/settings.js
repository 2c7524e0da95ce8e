// Settings → Security & Privacy: the backup's health, and every way to see, check or save a
// backup (reveal the phrase, verify it, export or import a private key, the backup file), and
// the connected sites (which the health panel names) to change or disconnect, and the token
// approvals to revoke.
import { h, show } from '../ui/dom.js';
import { backupHealthPanel } from '../components/backup-health.js';
import { phraseGuardSection } from '../components/phrase-guard-sites.js';

export function settingsScreen({ status, go, refresh }) {
  const open = (name) => () => go(name);
  show(
    h('header', {}, h('h1', {}, 'Security & Privacy'), h('button', { testid: 'settings-back', onclick: () => refresh() }, 'Back')),
    backupHealthPanel(status),
    h('h2', {}, 'Secret Recovery Phrase'),
    h('button', { testid: 'reveal-srp', onclick: open('reveal-srp') }, 'Reveal Secret Recovery Phrase'),
    h('button', { testid: 'verify-backup', onclick: open('verify-backup') }, 'Verify my backup'),
    h('h2', {}, 'Private keys'),
    h('button', { testid: 'export-private-key', onclick: open('export-key') }, 'Export private key'),
    h('button', { testid: 'import-private-key', onclick: open('import-key') }, 'Import private key'),
    h('h2', {}, 'Backup file'),
    h('button', { testid: 'backup-file-download', onclick: open('backup-file') }, 'Download encrypted backup file'),
    h('h2', {}, 'Privacy'),
    h('button', { testid: 'connected-sites', onclick: open('connected-sites') }, 'Connected sites'),
    h('button', { testid: 'settings-approvals', onclick: open('approvals') }, 'Token approvals'),
    phraseGuardSection(),
  );
}
