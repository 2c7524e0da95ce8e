// The home screen's reminder while the Secret Recovery Phrase is not confirmed (postponed, or the
// popup was closed mid-backup), and its "Back up now": password → the phrase → confirmation.
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from './gate.js';
import { backupPhraseFlow } from '../screens/backup-phrase.js';

/** The banner as a list of nodes to insert: empty once the phrase is confirmed. */
export function backupReminder(status, done) {
  if (status.backup?.phraseConfirmedAt) return [];
  return [h('section', { class: 'card reminder', role: 'alert', testid: 'backup-reminder' },
    h('p', {}, h('strong', {}, 'Back up your Secret Recovery Phrase: '),
      'without it, you lose this wallet and its funds for good if this device breaks or you forget the password.'),
    h('button', { class: 'primary', testid: 'backup-now', onclick: () => backupNowScreen(done) }, 'Back up now'))];
}

function backupNowScreen(done) {
  show(
    h('h1', {}, 'Back up your Secret Recovery Phrase'),
    passwordGate({
      prompt: 'Enter your password to see your Secret Recovery Phrase.',
      work: async (password) => {
        const { words } = await call('revealPhrase', { password });
        backupPhraseFlow(words, done);
      },
    }),
    h('button', { testid: 'backup-now-cancel', onclick: () => done() }, 'Cancel'),
  );
}
