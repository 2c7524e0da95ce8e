// The two word lists, read at build time from the core's copies (webpack `asset/source`), so the
// repository holds one copy of each: src/bip39-english.txt and src/slip39-english.txt.
import bip39Text from '../../../src/bip39-english.txt';
import slip39Text from '../../../src/slip39-english.txt';

const toIndex = (text) => new Map(text.split('\n').map((w) => w.trim()).filter(Boolean).map((w, i) => [w, i]));

/** word → index (0..2047) in the BIP39 English list. */
export const BIP39 = toIndex(bip39Text);
/** word → index (0..1023) in the SLIP-39 list. */
export const SLIP39 = toIndex(slip39Text);
