// Per-word inputs for a Secret Recovery Phrase (12–24 words): password fields that the browser
// never remembers; pasting a whole phrase into any field spreads it over the fields.
// While a field has focus and holds a prefix, up to 5 list words are offered as buttons (from
// the core, through the worker: the core holds the only word list); picking one fills the field
// and moves on. A field left with a word that is not in the list is marked invalid (the word
// itself is never shown).
import { h, secretInput } from '../ui/dom.js';
import { call } from '../api.js';
import { withToggle } from '../ui/masked.js';
import { suggestionBox } from './suggestion-box.js';
import { t } from '../../shared/i18n.js';

export const WORD_COUNTS = [12, 15, 18, 21, 24];

const PREFIX = /^[a-z]{1,8}$/;

/** List words starting with `prefix` ([] for anything that cannot start one). */
async function suggestionsFor(prefix) {
  return PREFIX.test(prefix) ? call('wordSuggestions', { prefix }) : [];
}

export function phraseInput(testidPrefix = 'srp-import-word') {
  let inputs = [];
  let asked = 0; // the latest suggestion request; older answers are dropped
  const grid = h('div', { class: 'word-grid' });
  const box = suggestionBox({ isField: (el) => inputs.includes(el), hide });
  const count = h('select', { testid: 'srp-word-count', onchange: () => build(Number(count.value)) },
    WORD_COUNTS.map((n) => h('option', { value: String(n) }, t('phrase_word_count_option', { count: n }))));

  const typed = (input) => input.value.trim().toLowerCase();

  // The box keeps its height when empty (CSS), so showing or hiding suggestions never moves the
  // controls below it under the pointer.
  function hide() {
    asked++;
    box.replaceChildren();
  }

  function pick(i, word) {
    inputs[i].value = word;
    mark(inputs[i], true);
    hide();
    (inputs[i + 1] ?? inputs[i]).focus();
  }

  async function suggest(i) {
    const prefix = typed(inputs[i]);
    const ticket = ++asked;
    const words = prefix ? await suggestionsFor(prefix).catch(() => []) : [];
    if (ticket !== asked || document.activeElement !== inputs[i]) return;
    box.replaceChildren(...words.map((word) => h('button', {
      type: 'button',
      class: 'suggestion',
      testid: 'srp-suggestion',
      // Keep the focus in the field, so its blur does not take the suggestions away first.
      onmousedown: (event) => event.preventDefault(),
      onclick: () => pick(i, word),
    }, word)));
  }

  function mark(input, valid) {
    input.setAttribute('aria-invalid', String(!valid));
    input.classList.toggle('invalid', !valid);
  }

  async function check(input) {
    const word = typed(input);
    if (!word) return mark(input, true);
    const words = await suggestionsFor(word).catch(() => null);
    if (words && typed(input) === word) mark(input, words.includes(word));
  }

  function spread(event, start) {
    const text = event.clipboardData?.getData('text') ?? '';
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) return;
    event.preventDefault();
    if (WORD_COUNTS.includes(words.length) && words.length !== inputs.length) {
      count.value = String(words.length);
      build(words.length);
      start = 0;
    }
    words.forEach((word, i) => {
      if (inputs[start + i]) inputs[start + i].value = word.toLowerCase();
    });
    hide();
    inputs.forEach((input) => check(input));
  }

  function build(n) {
    hide();
    inputs = Array.from({ length: n }, (_, i) => secretInput({
      testid: `${testidPrefix}-${i + 1}`,
      'aria-label': t('phrase_word_label', { n: i + 1 }),
      onpaste: (event) => spread(event, i),
      oninput: () => {
        mark(inputs[i], true);
        suggest(i);
      },
      onfocus: () => suggest(i),
      onblur: (event) => {
        if (!box.contains(event.relatedTarget)) hide();
        check(inputs[i]);
      },
    }));
    grid.replaceChildren(...inputs.map((input, i) => h('label', { class: 'word' }, h('span', {}, `${i + 1}.`), withToggle(input, t('phrase_word_name', { n: i + 1 })))));
  }
  build(WORD_COUNTS[0]);

  return {
    node: h('div', {}, h('label', {}, `${t('phrase_word_count')} `, count), grid, box),
    phrase: () => inputs.map(typed).join(' '),
    clear: () => {
      hide();
      inputs.forEach((input) => {
        input.value = '';
        mark(input, true);
      });
    },
  };
}
