// "Back up now" from the home reminder (components/backup-reminder.js): the password, then the
// phrase and its confirmation (backup-phrase.js).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from '../components/gate.js';

export function backupNowScreen({ go, refresh }) {
  show(
    h('h1', {}, 'Back up your Secret Recovery Phrase'),
    passwordGate({
      prompt: 'Enter your password to see your Secret Recovery Phrase.',
      work: async (password) => {
        const { words } = await call('revealPhrase', { password });
        go('backup-phrase', { words });
      },
    }),
    h('button', { testid: 'backup-now-cancel', onclick: () => refresh() }, 'Cancel'),
  );
}
