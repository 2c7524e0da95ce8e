// Text → the words a recovery phrase would be: lower case, split on white space, commas and
// semicolons, with list numbering ("1.", "1)", "#1", "1:") and surrounding punctuation dropped.
// Pure and synchronous: it runs on the keystroke path (only once a field has ≥ 12 words).

const SEPARATORS = /[\s,;]+/u;
const NUMBERING = /^#?\d{1,2}[.):-]*/u;
const EDGE_PUNCTUATION = /^["'([{]+|["')\]}.!?:]+$/gu;

/** The words of `text` (numbering tokens removed), in order. */
export function words(text) {
  const out = [];
  for (const raw of String(text).toLowerCase().split(SEPARATORS)) {
    const token = raw.replace(NUMBERING, '').replace(EDGE_PUNCTUATION, '');
    if (token) out.push(token);
  }
  return out;
}

/** How many white-space separated tokens `text` has, without building them (a cheap gate). */
export function roughWordCount(text, atLeast) {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 44 || c === 59;
    if (!space && !inWord) {
      count += 1;
      if (count >= atLeast) return count;
    }
    inWord = !space;
  }
  return count;
}
