// Settings → Reveal Secret Recovery Phrase: the self-custody quiz, the password (the core
// checks it again), then press-and-hold before the numbered words appear. Leaving the screen
// takes the words off the page.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { gatedSecret, showSecretScreen } from '../components/secret-view.js';
import { srpQuiz } from '../components/srp-quiz.js';

export function revealSrpScreen({ refresh }) {
  const secret = gatedSecret({
    prompt: 'Enter your password to reveal your Secret Recovery Phrase.',
    fetch: async (password) => (await call('revealPhrase', { password })).words,
    display: (words) => h('ol', { class: 'words', testid: 'srp-words' },
      words.map((word, i) => h('li', { testid: `srp-word-${i + 1}` }, word))),
    copyText: (words) => words.join(' '),
    copyTestid: 'srp-copy',
  });
  const stage = h('div', { class: 'fields' });
  stage.append(srpQuiz(() => stage.replaceChildren(secret.node)));
  showSecretScreen({ title: 'Secret Recovery Phrase', backTestid: 'reveal-srp-back', secret, done: refresh },
    h('p', {}, 'Your phrase gives full control of every account it created. Anyone who sees it can take your funds; Keystead will never ask for it.'),
    stage,
  );
}
