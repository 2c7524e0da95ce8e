// The backup health panel's rows for a wallet with several Secret Recovery Phrases: one row per
// phrase, each with its own dates (phrase 1's are the record's top-level dates; the others'
// are `backup.phrases[n]`, wallet/backup.js) and the accounts it covers. A phrase never
// verified here (imported here, or one that came in a MetaMask vault) says "not yet verified
// in Keystead". The imported keys have their own rows (backup-health.js).
import { h } from '../ui/dom.js';
import { formatDate } from '../ui/format.js';
import { t } from '../../shared/i18n.js';
import { phrasesOf, phraseLabel } from './phrase-label.js';

/** Phrase `n`'s dates: `{ confirmedAt?, verifiedAt?, importedAt? }`. */
function datesOf(backup, n) {
  if (n === 1) return { confirmedAt: backup.phraseConfirmedAt, verifiedAt: backup.phraseVerifiedAt };
  return backup.phrases?.[n] ?? {};
}

/** How phrase `n` stands: whether it is written down and when it was last verified. */
function stateText(backup, n) {
  const { confirmedAt, verifiedAt, importedAt } = datesOf(backup, n);
  let held;
  if (confirmedAt) held = t('multiphrase_health_confirmed', { date: formatDate(confirmedAt) });
  else if (importedAt) held = t('multiphrase_health_imported', { date: formatDate(importedAt) });
  else if (n > 1) held = t('multiphrase_health_from_vault');
  else held = t('multiphrase_health_not_backed_up');
  const checked = verifiedAt ? t('multiphrase_health_verified', { date: formatDate(verifiedAt) }) : t('multiphrase_health_not_verified');
  return { text: t('multiphrase_health_state', { held, checked }), ok: Boolean(verifiedAt || confirmedAt) };
}

/** One row per phrase, naming the accounts it covers (`backup-health-phrase`, `data-phrase`). */
export function phraseRows(status) {
  const { backup } = status;
  return phrasesOf(status).map((p) => {
    const covers = status.accounts.filter((a) => a.type === 'hd' && a.phrase === p.phrase).map((a) => a.name);
    const { text, ok } = stateText(backup, p.phrase);
    const verified = Boolean(datesOf(backup, p.phrase).verifiedAt);
    return h('li', { testid: 'backup-health-phrase', 'data-phrase': String(p.phrase), 'data-verified': String(verified), class: ok ? '' : 'error' },
      h('strong', {}, `${phraseLabel(p)}: `), text,
      h('span', { class: 'small', testid: 'backup-health-covers' }, ` ${t('multiphrase_health_covers', { accounts: covers.join(', ') })}`));
  });
}
