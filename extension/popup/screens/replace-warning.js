// Forgot the password? Restoring replaces the wallet that is here, so say exactly what goes,
// offer to save the current encrypted vault first, and only then go on (phrase or backup file).
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { datedFileName, saveTextFile } from '../ui/download.js';

export function replaceWarningScreen({ go, refresh }) {
  const error = errorLine();
  const saved = h('p', { testid: 'vault-file-saved', role: 'status', hidden: true });
  const download = h('button', { testid: 'backup-file-download' }, 'Download the current encrypted wallet');
  download.onclick = () => busy(download, error, async () => {
    const { text } = await call('vaultFile');
    const name = datedFileName('keystead-vault');
    saveTextFile(name, text);
    saved.textContent = `Saved as ${name}. If you remember the password later, “Restore from a backup file” opens it.`;
    saved.hidden = false;
  });
  show(h('section', { testid: 'restore-replace-warning' },
    h('h1', {}, 'This replaces the wallet on this device'),
    h('p', {}, 'Restoring deletes the wallet that is here now from Keystead: all its accounts, its imported private keys, account names, added networks and tokens. Only what your Secret Recovery Phrase or backup file holds comes back; accounts from imported keys come back only from a backup file that has them.'),
    h('p', {}, 'First, you can save the current wallet as an encrypted file. Without the password it can only hold the encrypted vault (accounts and imported keys), not the names and networks, and it opens only with the old password.'),
    download,
    saved,
    error,
    h('div', { class: 'fields' },
      h('button', { class: 'primary', testid: 'restore-continue', onclick: () => go('import', { replace: true }) }, 'Continue: restore from the Secret Recovery Phrase'),
      h('button', { testid: 'restore-file', onclick: () => go('restore-file', { replace: true }) }, 'Restore from a backup file instead'),
      h('button', { testid: 'restore-cancel', onclick: () => refresh() }, 'Cancel'))));
}
