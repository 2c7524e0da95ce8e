// Settings → Download encrypted backup file: what the file protects and what it does not, the
// password, then the browser saves keystead-backup-YYYY-MM-DD.json (built by the worker).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from '../components/gate.js';
import { datedFileName, saveTextFile } from '../ui/download.js';

export function backupFileScreen({ refresh }) {
  const saved = h('p', { testid: 'backup-file-saved', role: 'status', hidden: true });
  const gate = passwordGate({
    prompt: 'Enter your Keystead password to encrypt the file.',
    submitText: 'Download backup file',
    work: async (password) => {
      const { text, createdAt } = await call('backupFile', { password });
      const name = datedFileName('keystead-backup', new Date(createdAt));
      saveTextFile(name, text);
      saved.textContent = `Saved as ${name} in your downloads. Move it somewhere offline.`;
      saved.hidden = false;
    },
  });
  show(
    h('header', {}, h('h1', {}, 'Encrypted backup file'), h('button', { testid: 'backup-file-back', onclick: () => refresh() }, 'Back')),
    h('p', {}, 'The file holds your whole wallet — the Secret Recovery Phrase and every imported private key — plus your account names, networks, tokens and settings, all encrypted with your Keystead password. Keystead restores it (“Restore from a backup file”), and MetaMask’s vault decryptor opens it too.'),
    h('p', {}, 'It is exactly as strong as your password: anyone who gets the file can guess passwords against it without limit, and if you forget the password the file cannot be opened. Keep it offline (a USB stick, not e-mail or cloud storage), and keep your written-down phrase as well: the file does not replace it.'),
    gate,
    saved,
  );
}
