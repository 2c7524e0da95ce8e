// Create a wallet: a new password, then the new Secret Recovery Phrase to write down.
import { h, show, errorLine, form } from '../dom.js';
import { call } from '../api.js';
import { newPasswordFields } from './password.js';

export function createScreen(done) {
  const fields = newPasswordFields();
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, 'Create wallet');
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const password = fields.value();
      await call('create', { password, wordCount: 12 });
      const { words } = await call('revealPhrase', { password });
      fields.clear();
      phraseScreen(words, done);
    },
  }, fields.node, error, next);
  show(h('h1', {}, 'Create a password'), entry);
}

function phraseScreen(words, done) {
  const list = h('ol', { class: 'words' }, words.map((word, i) => h('li', { testid: `srp-word-${i + 1}` }, word)));
  const finish = () => {
    list.replaceChildren(); // the words leave the page as soon as the user moves on
    done();
  };
  show(
    h('h1', {}, 'Your Secret Recovery Phrase'),
    h('p', {}, 'Write these words down on paper, in order, and keep them somewhere safe. They are the only way to recover your wallet. Nobody — Keystead included — can recover them for you, and anyone who sees them can take your funds.'),
    list,
    h('button', { class: 'primary', testid: 'onboarding-next', onclick: finish }, 'I wrote it down'),
  );
  window.addEventListener('pagehide', () => list.replaceChildren(), { once: true });
}
