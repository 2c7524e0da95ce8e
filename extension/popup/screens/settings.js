// Settings → Security & Privacy: the backup's health, and every way to see, check or save a
// backup (reveal the phrase, verify it, export or import a private key, the backup file).
import { h, show } from '../ui/dom.js';
import { backupHealthPanel } from '../components/backup-health.js';
import { revealSrpScreen } from './reveal-srp.js';
import { verifyBackupScreen } from './verify-backup.js';
import { exportKeyScreen, importKeyScreen } from './private-key.js';
import { backupFileScreen } from './backup-file.js';

export function settingsScreen(status, done) {
  const open = (screen) => () => screen(status, done);
  show(
    h('header', {}, h('h1', {}, 'Security & Privacy'), h('button', { testid: 'settings-back', onclick: () => done() }, 'Back')),
    backupHealthPanel(status, done),
    h('h2', {}, 'Secret Recovery Phrase'),
    h('button', { testid: 'reveal-srp', onclick: open(revealSrpScreen) }, 'Reveal Secret Recovery Phrase'),
    h('button', { testid: 'verify-backup', onclick: open(verifyBackupScreen) }, 'Verify my backup'),
    h('h2', {}, 'Private keys'),
    h('button', { testid: 'export-private-key', onclick: open(exportKeyScreen) }, 'Export private key'),
    h('button', { testid: 'import-private-key', onclick: open(importKeyScreen) }, 'Import private key'),
    h('h2', {}, 'Backup file'),
    h('button', { testid: 'backup-file-download', onclick: open(backupFileScreen) }, 'Download encrypted backup file'),
  );
}
