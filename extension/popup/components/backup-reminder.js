// The home screen's reminder while the Secret Recovery Phrase (or, for a Shamir wallet, every
// share) is not confirmed (postponed, or the popup was closed mid-backup); its "Back up now"
// opens screens/backup-now.js.
import { h } from '../ui/dom.js';
import { t, formatNumber } from '../../shared/i18n.js';

/** The banner for the screen whose `ctx` it gets, as a list of nodes: empty once confirmed. */
export function backupReminder({ status, go }) {
  if (status.backup?.phraseConfirmedAt) return [];
  const what = status.shareSet ? t('backup_reminder_title_shares') : t('backup_reminder_title_phrase');
  const confirmed = Object.values(status.backup?.shares ?? {}).filter((s) => s.confirmedAt).length;
  const count = (status.shareSet?.groups ?? []).reduce((sum, [, n]) => sum + n, 0);
  return [h('section', { class: 'card reminder', role: 'alert', testid: 'backup-reminder' },
    h('p', {}, h('strong', {}, `${what}: `),
      status.shareSet
        ? t('backup_reminder_shares_body', { confirmed: formatNumber(confirmed), count: formatNumber(count) })
        : t('backup_reminder_phrase_body')),
    h('button', { class: 'primary', testid: 'backup-now', onclick: () => go('backup-now') }, t('backup_reminder_now')))];
}
