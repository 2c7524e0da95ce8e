// Import a wallet from its Secret Recovery Phrase with a new password; the worker finds the
// phrase's used accounts. `replace` is set only where the user chose to replace a wallet that
// is there (the recovery screen, the "forgot password" warning).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { newPasswordFields } from '../components/new-password.js';
import { phraseInput } from '../components/phrase-input.js';

export function importScreen({ params: { replace = false }, refresh }) {
  const words = phraseInput();
  const fields = newPasswordFields();
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, 'Import wallet');
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const password = fields.value();
      const status = await call('restore', { password, phrase: words.phrase(), replace });
      words.clear();
      fields.clear();
      if (status.discovery?.checked === false) discoveryNote(status, refresh);
      else refresh(status);
    },
  }, words.node, fields.node, error, next);
  window.addEventListener('pagehide', () => words.clear(), { once: true });
  show(
    h('h1', {}, replace ? 'Replace with a wallet from its phrase' : 'Import a wallet'),
    h('p', {}, 'Type your Secret Recovery Phrase (12, 15, 18, 21 or 24 words), one word per field, or paste it into the first field. Keystead then looks on the selected network for the accounts you used.'),
    entry,
    h('button', { type: 'button', testid: 'import-back', onclick: () => { words.clear(); fields.clear(); refresh(); } }, 'Cancel'),
  );
}

/** The node could not be asked which accounts were used: say so, and how to get them back. */
function discoveryNote(status, done) {
  const { count, network } = status.discovery;
  show(
    h('h1', {}, 'Wallet restored'),
    h('p', { testid: 'discovery-note', role: 'status' },
      `Keystead could not reach ${network} to check which accounts of this phrase you used, so it restored ${count === 1 ? 'the first account only' : `the first ${count} accounts`}. `
      + 'If you used more, add them with “Add account” on the home screen: they come back in the same order. Switching to a reachable network shows their balances.'),
    h('button', { class: 'primary', testid: 'discovery-continue', onclick: () => done(status) }, 'Continue'),
  );
}
