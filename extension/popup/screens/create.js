// Create a wallet: a new password, then the new Secret Recovery Phrase to write down and confirm
// (backup-phrase.js).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { newPasswordFields } from '../components/new-password.js';

export function createScreen({ go }) {
  const fields = newPasswordFields();
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, t('create_submit'));
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const password = fields.value();
      await call('create', { password, wordCount: 12 });
      // The new wallet's backup state is "not confirmed" from here on: closing the popup now
      // leaves the home reminder, which gets the phrase again through the password.
      const { words } = await call('revealPhrase', { password });
      fields.clear();
      go('backup-phrase', { words });
    },
  }, fields.node, error, next);
  show(h('h1', {}, t('create_title')), entry);
}
