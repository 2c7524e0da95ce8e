// The written-copy check after a backup is shown (the phrase, or each Shamir share): the user
// types the words at a few random positions. The check runs here, against the words this page
// just displayed: it is the user's self-test, not an authentication, and a worker-side per-word
// check would be an oracle for the secret (see background/popup/backup.js).
import { h, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { t, tn, locale } from '../../shared/i18n.js';

/** How many words the check asks for. */
export const ASKED = 3;

/** A uniform integer in [0, n) from crypto.getRandomValues, by rejection sampling (no modulo bias). */
function randomBelow(n) {
  const limit = Math.floor(0x100000000 / n) * n;
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw); while (draw[0] >= limit);
  return draw[0] % n;
}

/** `count` distinct 1-based positions out of `n`, ascending. */
function randomPositions(n, count) {
  const chosen = new Set();
  while (chosen.size < count) chosen.add(randomBelow(n) + 1);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The form asking for ASKED words of `words` at random positions: one masked field per word
 * (`${testid}-<position>`) and the submit button (`submitTestid`). A wrong word is emptied and
 * named; when all are right, `confirmed()` runs (its failure shows in the form's error line).
 * Returns `{ node, clear }`; `clear()` empties the fields.
 */
export function wordConfirmForm({ words, testid, submitTestid, confirmed }) {
  const positions = randomPositions(words.length, ASKED);
  const inputs = positions.map((p) => secretInput({ testid: `${testid}-${p}`, id: `${testid}-${p}` }));
  const clear = () => inputs.forEach((input) => { input.value = ''; });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: submitTestid }, t('phrase_confirm_submit'));
  const node = form({
    submit,
    error,
    work: async () => {
      const wrong = positions.filter((p, i) => inputs[i].value.trim().toLowerCase() !== words[p - 1]);
      inputs.forEach((input, i) => {
        const bad = wrong.includes(positions[i]);
        input.setAttribute('aria-invalid', String(bad));
        input.classList.toggle('invalid', bad);
        if (bad) input.value = '';
      });
      if (wrong.length > 0) {
        const names = new Intl.ListFormat(locale(), { type: 'conjunction' }).format(wrong.map((p) => `#${p}`));
        throw new Error(tn('phrase_confirm_wrong', wrong.length, { words: names }));
      }
      await confirmed();
      clear();
    },
  }, positions.flatMap((p, i) => [h('label', { for: `${testid}-${p}` }, t('phrase_confirm_label', { n: p })), withToggle(inputs[i], t('phrase_confirm_name', { n: p }))]), error, submit);
  return { node, clear };
}

/**
 * The words of a backup hidden until "Show" (`${prefix}-show`): a placeholder
 * (`${prefix}-hidden`) that becomes the numbered list (`${prefix}-words`, each
 * `${prefix}-word-<i>`), so the words enter the DOM only when asked for. `shown()` runs then.
 * Returns the placeholder and the Show button.
 */
export function hiddenWords({ words, prefix, label, shown }) {
  const list = h('div', { class: 'words hidden-words', testid: `${prefix}-hidden`, 'aria-label': t('phrase_hidden_label', { label }) },
    h('p', { class: 'muted' }, t('phrase_hidden_note')));
  const reveal = h('button', { testid: `${prefix}-show` }, t('phrase_show'));
  reveal.onclick = () => {
    list.replaceWith(h('ol', { class: 'words', testid: `${prefix}-words` }, words.map((word, i) => h('li', { testid: `${prefix}-word-${i + 1}` }, word))));
    reveal.remove();
    shown();
  };
  return [list, reveal];
}
