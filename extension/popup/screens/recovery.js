// Shown when the stored state cannot be used. Nothing is ever reset silently: the user
// restores the previous copy of the vault, or imports from the Secret Recovery Phrase.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';

// The problem → the message keys saying what happened and, without a previous copy, why there
// is none (looked up when drawn, in the language of the moment).
const WHY = {
  'corrupt-vault': 'recovery_why_corrupt_vault',
  'missing-vault': 'recovery_why_missing_vault',
  'newer-schema': 'recovery_why_newer_schema',
  'unknown-schema': 'recovery_why_unknown_schema',
};

const NO_COPY = {
  'newer-schema': 'recovery_no_copy_newer_schema',
  'unknown-schema': 'recovery_no_copy_unknown_schema',
};

export function recoveryScreen({ status, go, refresh }) {
  const error = errorLine();
  const previous = h('button', { class: 'primary', testid: 'recover-previous' }, t('recovery_previous'));
  previous.onclick = () => busy(previous, error, async () => {
    await call('recoverPreviousVault');
    refresh();
  });
  show(
    h('h1', {}, t('recovery_title')),
    h('p', {}, t(WHY[status.problem] ?? 'recovery_why_unusable')),
    h('p', {}, t('recovery_nothing_deleted')),
    status.hasPreviousCopy ? previous : h('p', { class: 'muted' }, t(NO_COPY[status.problem] ?? 'recovery_no_copy')),
    h('button', { testid: 'import-wallet', onclick: () => go('import', { replace: true }) }, t('recovery_import')),
    error,
  );
}
