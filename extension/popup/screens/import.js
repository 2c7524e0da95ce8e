// Import a wallet from its Secret Recovery Phrase with a new password. `replace` is set only
// where the user chose to replace a wallet that is there (the recovery screen).
import { h, show, errorLine, form } from '../dom.js';
import { call } from '../api.js';
import { newPasswordFields } from './password.js';
import { phraseInput } from './phrase-input.js';

export function importScreen(done, { replace = false } = {}) {
  const words = phraseInput();
  const fields = newPasswordFields();
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, 'Import wallet');
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const password = fields.value();
      await call('restore', { password, phrase: words.phrase(), replace });
      words.clear();
      fields.clear();
      done();
    },
  }, words.node, fields.node, error, next);
  window.addEventListener('pagehide', () => words.clear(), { once: true });
  show(h('h1', {}, 'Import a wallet'), h('p', {}, 'Type your Secret Recovery Phrase, one word per field, or paste it into the first field.'), entry);
}
