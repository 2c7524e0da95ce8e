// Private keys of single accounts. Import: an account from a private key, which the Secret
// Recovery Phrase does not cover. Export: placeholder, filled in by the issue-4 work.
import { h, show, secretInput, errorLine, form } from '../dom.js';
import { call } from '../api.js';

export function exportKeyScreen(status, done) {
  show(h('p', {}, 'Not built yet.'), h('button', { onclick: () => done() }, 'Back'));
}

export function importKeyScreen(status, done) {
  const key = secretInput({ testid: 'private-key-input', id: 'private-key-input' });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'import-private-key-submit' }, 'Import');
  const leave = () => { key.value = ''; };
  window.addEventListener('pagehide', leave, { once: true });
  show(
    h('h1', {}, 'Import a private key'),
    h('p', {}, 'The account you import is NOT covered by your Secret Recovery Phrase: restoring from the phrase will not bring it back. Back it up on its own (export its key, or download a backup file).'),
    form({
      submit,
      error,
      work: async () => {
        const next = await call('importPrivateKey', { privateKey: key.value.trim() });
        leave();
        done(next);
      },
    }, h('label', { for: 'private-key-input' }, 'Private key (64 hex characters)'), key, error, submit),
    h('button', { testid: 'import-private-key-back', onclick: () => { leave(); done(); } }, 'Cancel'),
  );
}
