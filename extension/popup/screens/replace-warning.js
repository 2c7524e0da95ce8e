// Forgot the password? Restoring replaces the wallet that is here, so say exactly what goes,
// offer to save the current encrypted vault first, and only then go on (phrase or backup file).
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { datedFileName, saveTextFile } from '../ui/download.js';

export function replaceWarningScreen({ go, refresh }) {
  const error = errorLine();
  const saved = h('p', { testid: 'vault-file-saved', role: 'status', hidden: true });
  const download = h('button', { testid: 'backup-file-download' }, t('recovery_replace_download'));
  download.onclick = () => busy(download, error, async () => {
    const { text } = await call('vaultFile');
    const name = datedFileName('keystead-vault');
    saveTextFile(name, text);
    saved.textContent = t('recovery_replace_saved', { name });
    saved.hidden = false;
  });
  show(h('section', { testid: 'restore-replace-warning' },
    h('h1', {}, t('recovery_replace_title')),
    h('p', {}, t('recovery_replace_deletes')),
    h('p', {}, t('recovery_replace_save_first')),
    download,
    saved,
    error,
    h('div', { class: 'fields' },
      h('button', { class: 'primary', testid: 'restore-continue', onclick: () => go('import', { replace: true }) }, t('recovery_replace_continue')),
      h('button', { testid: 'restore-file', onclick: () => go('restore-file', { replace: true }) }, t('recovery_replace_file')),
      h('button', { testid: 'restore-cancel', onclick: () => refresh() }, t('common_cancel')))));
}
