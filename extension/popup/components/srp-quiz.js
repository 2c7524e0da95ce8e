// The self-custody quiz before the phrase is revealed: two questions, each answered right
// before the next. A wrong answer says why and leaves the question open for another try.
import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/**
 * The questions about `secret` (what is revealed, as a sentence names it: "Secret Recovery
 * Phrase", "Shamir shares"), with `it` the pronoun for it; both in the current language.
 */
const questions = (secret, it) => [
  {
    question: t('quiz_q1', { secret, it }),
    answers: [
      { text: t('quiz_q1_right'), right: true },
      { text: t('quiz_q1_support'), why: t('quiz_q1_support_why', { secret, it }) },
      { text: t('quiz_q1_browser'), why: t('quiz_q1_browser_why', { secret, it }) },
    ],
  },
  {
    question: t('quiz_q2', { secret }),
    answers: [
      { text: t('quiz_q2_right'), right: true },
      { text: t('quiz_q2_give'), why: t('quiz_q2_give_why', { secret, it }) },
      { text: t('quiz_q2_proof'), why: t('quiz_q2_proof_why', { secret, it }) },
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
 * what is about to be shown (`it` refers to it), in the current language; by default the
 * Secret Recovery Phrase.
 */
export function srpQuiz(onPassed, { secret = t('quiz_secret_phrase'), it = t('quiz_it_phrase') } = {}) {
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
        why.textContent = t('quiz_explanation', { why: answer.why });
        why.hidden = false;
        return undefined;
      },
    }, answer.text));
    node.replaceChildren(
      h('p', { class: 'muted small' }, t('quiz_progress', { n: n + 1, total: QUESTIONS.length })),
      h('p', { testid: 'srp-quiz-question' }, question),
      h('div', { class: 'fields' }, buttons),
      why,
    );
  };
  ask(0);
  return node;
}
