// Per-word inputs for a Secret Recovery Phrase (12–24 words): password fields that the browser
// never remembers; pasting a whole phrase into any field spreads it over the fields.
import { h, secretInput } from '../dom.js';

export const WORD_COUNTS = [12, 15, 18, 21, 24];

export function phraseInput(testidPrefix = 'srp-import-word') {
  let inputs = [];
  const grid = h('div', { class: 'word-grid' });
  const count = h('select', { testid: 'srp-word-count', onchange: () => build(Number(count.value)) },
    WORD_COUNTS.map((n) => h('option', { value: String(n) }, `${n} words`)));

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
  }

  function build(n) {
    inputs = Array.from({ length: n }, (_, i) => secretInput({
      testid: `${testidPrefix}-${i + 1}`,
      'aria-label': `Word ${i + 1}`,
      onpaste: (event) => spread(event, i),
    }));
    grid.replaceChildren(...inputs.map((input, i) => h('label', { class: 'word' }, h('span', {}, `${i + 1}.`), input)));
  }
  build(WORD_COUNTS[0]);

  return {
    node: h('div', {}, h('label', {}, 'Number of words ', count), grid),
    phrase: () => inputs.map((input) => input.value.trim().toLowerCase()).join(' '),
    clear: () => inputs.forEach((input) => { input.value = ''; }),
  };
}
