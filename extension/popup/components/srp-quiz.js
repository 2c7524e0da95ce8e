// The self-custody quiz before the phrase is revealed: two questions, each answered right
// before the next. A wrong answer says why and leaves the question open for another try.
import { h } from '../ui/dom.js';

/** The questions about `secret` (what is revealed: "Secret Recovery Phrase", "shares"). */
const questions = (secret, it) => [
  {
    question: `If you lose your ${secret}, who can recover ${it} for you?`,
    answers: [
      { text: 'Nobody', right: true },
      { text: 'Keystead support', why: `No: Keystead never sees or stores your ${secret}, so nobody at Keystead can recover ${it}. Lose ${it} and the wallet is gone for good.` },
      { text: 'Your browser, from its saved passwords', why: `No: Keystead keeps your ${secret} out of the browser’s saved data on purpose. Only your own written copy can bring ${it} back.` },
    ],
  },
  {
    question: `Someone claiming to be Keystead support asks for your ${secret}. You…`,
    answers: [
      { text: 'refuse: it is a scam', right: true },
      { text: 'give it to them, so they can fix your wallet', why: `No: anyone with your ${secret} can take all your funds. Keystead support never asks for ${it} — whoever does is stealing.` },
      { text: 'send it only if they prove who they are', why: `No: no proof makes it safe. Nobody, Keystead included, ever needs your ${secret}; sharing ${it} hands over your funds.` },
    ],
  },
];

/** The answers in a random order, so the right one is not always in the same place. */
function shuffled(items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The quiz as a node; `onPassed()` runs once both questions were answered right. `secret` names
 * what is about to be shown (`it` refers to it).
 */
export function srpQuiz(onPassed, { secret = 'Secret Recovery Phrase', it = 'it' } = {}) {
  const QUESTIONS = questions(secret, it);
  const node = h('section', { class: 'card quiz', testid: 'srp-quiz' });
  const ask = (n) => {
    if (n === QUESTIONS.length) {
      onPassed();
      return;
    }
    const { question, answers } = QUESTIONS[n];
    const why = h('p', { class: 'error', role: 'alert', testid: 'srp-quiz-explanation', hidden: true });
    const buttons = shuffled(answers).map((answer) => h('button', {
      type: 'button',
      testid: answer.right ? 'srp-quiz-answer-correct' : 'srp-quiz-answer-wrong',
      onclick: () => {
        if (answer.right) return ask(n + 1);
        why.textContent = `${answer.why} Try again.`;
        why.hidden = false;
        return undefined;
      },
    }, answer.text));
    node.replaceChildren(
      h('p', { class: 'muted small' }, `Question ${n + 1} of ${QUESTIONS.length}`),
      h('p', { testid: 'srp-quiz-question' }, question),
      h('div', { class: 'fields' }, buttons),
      why,
    );
  };
  ask(0);
  return node;
}
