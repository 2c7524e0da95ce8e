// The home screen's reminder while the Secret Recovery Phrase is not confirmed (postponed, or the
// popup was closed mid-backup); its "Back up now" opens screens/backup-now.js.
import { h } from '../ui/dom.js';

/** The banner for the screen whose `ctx` it gets, as a list of nodes: empty once confirmed. */
export function backupReminder({ status, go }) {
  if (status.backup?.phraseConfirmedAt) return [];
  return [h('section', { class: 'card reminder', role: 'alert', testid: 'backup-reminder' },
    h('p', {}, h('strong', {}, 'Back up your Secret Recovery Phrase: '),
      'without it, you lose this wallet and its funds for good if this device breaks or you forget the password.'),
    h('button', { class: 'primary', testid: 'backup-now', onclick: () => go('backup-now') }, 'Back up now'))];
}
