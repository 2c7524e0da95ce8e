// Finding a recovery phrase in a list of words, in two steps:
// - candidates(words), synchronous and cheap: the runs of consecutive list words long enough to
//   hold a phrase (the caller holds the text back from the page while they are checked);
// - findPhrase(candidates), asynchronous: the first window of a run that is a BIP39 phrase of
//   12, 15, 18, 21 or 24 words with a valid checksum, or a SLIP-39 share of 20 or 33 words.
import { BIP39, SLIP39 } from './wordlists.js';
import { bip39ChecksumOk, slip39ChecksumOk } from './checksums.js';

const BIP39_LENGTHS = [24, 21, 18, 15, 12];
const SLIP39_LENGTHS = [33, 20];
/** A run of list words longer than this is a word list or a text, not a phrase someone pastes. */
const MAX_RUN = 48;

function runs(words, list, minLength) {
  const found = [];
  let start = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && list.has(words[i])) continue;
    const length = i - start;
    if (length >= minLength && length <= MAX_RUN) found.push(words.slice(start, i).map((w) => list.get(w)));
    start = i + 1;
  }
  return found;
}

/** The runs worth checking, or null when `words` cannot hold a phrase. */
export function candidates(words) {
  if (words.length < 12) return null;
  const bip39 = runs(words, BIP39, 12);
  const slip39 = words.length >= 20 ? runs(words, SLIP39, 20) : [];
  return bip39.length || slip39.length ? { bip39, slip39 } : null;
}

const wordAt = (list) => {
  const byIndex = [...list.keys()];
  return (indices) => indices.map((i) => byIndex[i]).join(' ');
};
const bip39Words = wordAt(BIP39);

/**
 * The phrase found in `found` (from candidates()): { kind: 'bip39', normalized } with the words
 * lower case and single-spaced, or { kind: 'slip39' }; null when nothing checks out.
 */
export async function findPhrase(found) {
  if (!found) return null;
  for (const run of found.bip39) {
    for (const length of BIP39_LENGTHS) {
      for (let start = 0; start + length <= run.length; start++) {
        const window = run.slice(start, start + length);
        if (await bip39ChecksumOk(window)) return { kind: 'bip39', normalized: bip39Words(window) };
      }
    }
  }
  for (const run of found.slip39) {
    for (const length of SLIP39_LENGTHS) {
      for (let start = 0; start + length <= run.length; start++) {
        if (slip39ChecksumOk(run.slice(start, start + length))) return { kind: 'slip39' };
      }
    }
  }
  return null;
}
