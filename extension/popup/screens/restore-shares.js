// Restore a wallet from its Shamir shares (SLIP-39, e.g. made on a Trezor), typed share by share
// (components/share-input.js), with the optional passphrase and a new password. The wallet's
// first account is restored; add the others with "Add account" (they come back in order).
// `replace` is set only where the user chose to replace a wallet that is there.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { withToggle } from '../ui/masked.js';
import { newPasswordFields } from '../components/new-password.js';
import { shareInput } from '../components/share-input.js';
import { t } from '../../shared/i18n.js';

export function restoreSharesScreen({ params: { replace = false }, refresh }) {
  const shares = shareInput({ initial: 2 });
  const passphrase = secretInput({ testid: 'share-passphrase', id: 'share-passphrase' });
  const fields = newPasswordFields();
  const clear = () => {
    shares.clear();
    passphrase.value = '';
    fields.clear();
  };
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, t('shares_restore_submit'));
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const typed = shares.shares();
      if (typed.length === 0) throw new Error(t('shares_restore_empty'));
      const password = fields.value();
      const status = await call('restoreShares', { password, shares: typed, passphrase: passphrase.value, replace });
      clear();
      refresh(status);
    },
  }, shares.node,
  h('label', { for: 'share-passphrase' }, t('shares_passphrase_optional')),
  withToggle(passphrase, t('share_toggle_passphrase')),
  h('p', { class: 'muted small' }, t('shares_passphrase_note')),
  fields.node, error, next);
  window.addEventListener('pagehide', clear, { once: true });
  show(
    h('h1', {}, t(replace ? 'shares_replace_title' : 'shares_restore_title')),
    h('p', {}, t('shares_restore_intro')),
    entry,
    h('button', { type: 'button', testid: 'restore-shares-back', onclick: () => { clear(); refresh(); } }, t('common_cancel')),
  );
}
