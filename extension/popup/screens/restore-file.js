// Restore from an encrypted backup file (Keystead's, or a MetaMask vault file): pick the file,
// type the password it was saved with. The worker checks everything before it writes anything.
// `replace` only where the user already agreed to replace the wallet here (replace-warning.js).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from '../components/gate.js';

export function restoreFileScreen({ params: { replace = false }, refresh }) {
  const file = h('input', { type: 'file', accept: '.json,application/json', testid: 'restore-file-input', id: 'restore-file-input' });
  const gate = passwordGate({
    prompt: 'The password the file was saved with (your Keystead password at that time).',
    submitText: replace ? 'Replace wallet with this backup' : 'Restore',
    work: async (password) => {
      const chosen = file.files?.[0];
      if (!chosen) throw new Error('Choose the backup file first, then type its password again.');
      refresh(await call('restoreFromFile', { text: await chosen.text(), password, replace }));
    },
  });
  show(
    h('header', {}, h('h1', {}, 'Restore from a backup file'), h('button', { testid: 'restore-file-back', onclick: () => refresh() }, 'Back')),
    h('p', {}, 'Choose the keystead-backup-….json file Keystead saved (a MetaMask vault file works too: it brings back the accounts, not names or networks).'),
    h('label', { for: 'restore-file-input' }, 'Backup file'),
    file,
    gate,
  );
}
