// The home screen's reminder while the Secret Recovery Phrase (or, for a Shamir wallet, every
// share) is not confirmed (postponed, or the popup was closed mid-backup); its "Back up now"
// opens screens/backup-now.js.
import { h } from '../ui/dom.js';

/** The banner for the screen whose `ctx` it gets, as a list of nodes: empty once confirmed. */
export function backupReminder({ status, go }) {
  if (status.backup?.phraseConfirmedAt) return [];
  const what = status.shareSet ? 'Back up your Shamir shares' : 'Back up your Secret Recovery Phrase';
  const confirmed = Object.values(status.backup?.shares ?? {}).filter((s) => s.confirmedAt).length;
  const count = (status.shareSet?.groups ?? []).reduce((sum, [, n]) => sum + n, 0);
  return [h('section', { class: 'card reminder', role: 'alert', testid: 'backup-reminder' },
    h('p', {}, h('strong', {}, `${what}: `),
      status.shareSet
        ? `${confirmed} of ${count} shares written down and confirmed. Without enough of them, you lose this wallet and its funds for good if this device breaks or you forget the password.`
        : 'without it, you lose this wallet and its funds for good if this device breaks or you forget the password.'),
    h('button', { class: 'primary', testid: 'backup-now', onclick: () => go('backup-now') }, 'Back up now'))];
}
