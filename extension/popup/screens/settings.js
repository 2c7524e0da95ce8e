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
    h('h2', {}, t('settings_shares_title')),
    set.groups
      ? h('button', { testid: 'reveal-shares', onclick: open('reveal-shares') }, t('settings_reveal_shares'))
      : h('p', { class: 'muted small', testid: 'shares-made-elsewhere' }, t('settings_shares_made_elsewhere')),
    h('button', { testid: 'check-share', onclick: open('check-share') }, t('settings_check_share')),
  ];
}

export function settingsScreen({ status, go, refresh }) {
  const open = (name) => () => go(name);
  show(
    h('header', {}, h('h1', {}, t('settings_title')), h('button', { testid: 'settings-back', onclick: () => refresh() }, t('common_back'))),
    backupHealthPanel(status),
    ...languageSection((next) => go('settings', { status: next })),
    ...(status.shareSet ? sharesSection(status.shareSet, open) : [
      h('h2', {}, t('settings_srp_title')),
      h('button', { testid: 'reveal-srp', onclick: () => openForPhrase(go, status, 'reveal-srp') }, t('settings_reveal_srp')),
      h('button', { testid: 'verify-backup', onclick: () => openForPhrase(go, status, 'verify-backup') }, t('settings_verify_backup')),
      h('button', { testid: 'import-another-phrase', onclick: open('import-phrase') }, t('multiphrase_import_button'))]),
    h('h2', {}, t('settings_keys_title')),
    h('button', { testid: 'export-private-key', onclick: open('export-key') }, t('settings_export_key')),
    h('button', { testid: 'import-private-key', onclick: open('import-key') }, t('settings_import_key')),
    h('h2', {}, t('settings_file_title')),
    h('button', { testid: 'backup-file-download', onclick: open('backup-file') }, t('settings_download_file')),
    h('h2', {}, t('settings_privacy_title')),
    h('button', { testid: 'connected-sites', onclick: open('connected-sites') }, t('settings_connected_sites')),
    h('button', { testid: 'settings-approvals', onclick: open('approvals') }, t('settings_approvals')),
    phraseGuardSection(),
    h('h2', {}, t('settings_leak_title')),
    h('p', { class: 'small' }, t('settings_leak_text')),
    h('button', { class: 'danger', testid: 'emergency-move', onclick: open('emergency') }, t('settings_emergency_move')),
  );
}
