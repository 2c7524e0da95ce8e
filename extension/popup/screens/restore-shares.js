// Restore a wallet from its Shamir shares (SLIP-39, e.g. made on a Trezor), typed share by share
// (components/share-input.js), with the optional passphrase and a new password. The wallet's
// first account is restored; add the others with "Add account" (they come back in order).
// `replace` is set only where the user chose to replace a wallet that is there.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { withToggle } from '../ui/masked.js';
import { newPasswordFields } from '../components/new-password.js';
import { shareInput } from '../components/share-input.js';

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
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, 'Restore wallet');
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const typed = shares.shares();
      if (typed.length === 0) throw new Error('Type your shares first, one per field.');
      const password = fields.value();
      const status = await call('restoreShares', { password, shares: typed, passphrase: passphrase.value, replace });
      clear();
      refresh(status);
    },
  }, shares.node,
  h('label', { for: 'share-passphrase' }, 'Passphrase (optional)'),
  withToggle(passphrase, 'the passphrase'),
  h('p', { class: 'muted small' }, 'Only if your shares were made with a passphrase. Another passphrase restores another wallet, without warning.'),
  fields.node, error, next);
  window.addEventListener('pagehide', clear, { once: true });
  show(
    h('h1', {}, replace ? 'Replace with a wallet from its shares' : 'Restore from Shamir shares'),
    h('p', {}, 'Type your shares (SLIP-39, 20 or 33 words each), one per field: enough of them to restore the wallet. Keystead says under each field which share it is, or what is wrong with it.'),
    entry,
    h('button', { type: 'button', testid: 'restore-shares-back', onclick: () => { clear(); refresh(); } }, 'Cancel'),
  );
}
