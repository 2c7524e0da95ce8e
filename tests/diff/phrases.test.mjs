// BIP39 phrases and BIP32/BIP44 addresses: the core against @scure/bip39, @scure/bip32 (+ keccak
// from @noble/hashes) and viem's mnemonicToAccount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entropyToMnemonic, mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { getAddress } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { validatePhrase, wordSuggestions, deriveAddresses, toChecksumAddress, seededRng, toHex, throwsCode } from './core.mjs';

const rng = seededRng('phrases.test.mjs');
const ENTROPY_SIZES = [16, 20, 24, 28, 32]; // 12, 15, 18, 21, 24 words
const MAX_INDEX = 2 ** 31 - 1; // last non-hardened BIP32 index

/** Reference address of m/44'/60'/0'/0/i: scure bip32 → uncompressed point → keccak → EIP-55 (viem). */
function referenceAddress(root, i) {
  const child = root.derive(`m/44'/60'/0'/0/${i}`);
  const uncompressed = secp256k1.Point.fromBytes(child.publicKey).toBytes(false);
  const hash = keccak_256(uncompressed.subarray(1));
  return getAddress(toHex(hash.subarray(12)));
}

test('the well-known test phrase gives the well-known (Hardhat/Anvil) accounts', () => {
  // Accounts 0..2 of `test … junk`, as printed by Anvil/Hardhat on start-up.
  const phrase = 'test test test test test test test test test test test junk';
  validatePhrase(phrase);
  assert.deepEqual(deriveAddresses(phrase, 0, 3), [
    '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  ]);
});

test('BIP39 reference vectors (trezor/python-mnemonic vectors.json, english) validate', () => {
  // From https://github.com/trezor/python-mnemonic/blob/master/vectors.json (entropy → phrase).
  const vectors = [
    ['00000000000000000000000000000000', 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'],
    ['7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f', 'legal winner thank year wave sausage worth useful legal winner thank yellow'],
    ['80808080808080808080808080808080', 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above'],
    ['ffffffffffffffffffffffffffffffff', 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong'],
    ['000000000000000000000000000000000000000000000000', 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent'],
    ['0000000000000000000000000000000000000000000000000000000000000000', 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art'],
    ['ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote'],
    ['9e885d952ad362caeb4efe34a8e91bd2', 'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic'],
  ];
  for (const [entropy, phrase] of vectors) {
    assert.equal(entropyToMnemonic(Buffer.from(entropy, 'hex'), wordlist), phrase, 'the reference library agrees');
    validatePhrase(phrase);
    // The checksum word changed to its neighbour in the list must be rejected.
    const words = phrase.split(' ');
    const last = wordlist.indexOf(words.at(-1));
    words[words.length - 1] = wordlist[(last + 1) % 2048];
    throwsCode(() => validatePhrase(words.join(' ')), 'INVALID_PHRASE', phrase);
  }
});

test('random phrases of every size: validatePhrase accepts, deriveAddresses matches scure bip32 and viem', () => {
  const N = 200;
  for (let n = 0; n < N; n++) {
    const size = ENTROPY_SIZES[n % ENTROPY_SIZES.length];
    const phrase = entropyToMnemonic(rng.bytes(size), wordlist);
    const ctx = `phrase #${n} (${size * 8}-bit): ${phrase}`;
    assert.doesNotThrow(() => validatePhrase(phrase), ctx);

    // Indices: mostly small, some anywhere below 2^31, some at the very end of the range.
    const count = rng.range(1, 3);
    const kind = rng.int(4);
    const start =
      kind === 0 ? rng.int(5) : kind === 1 ? rng.int(1000) : kind === 2 ? rng.int(MAX_INDEX - count + 2) : MAX_INDEX + 1 - count - rng.int(3);
    const got = deriveAddresses(phrase, start, count);
    assert.equal(got.length, count, ctx);

    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase));
    for (let j = 0; j < count; j++) {
      assert.equal(got[j], referenceAddress(root, start + j), `${ctx}, index ${start + j}`);
    }
    // viem's own BIP44 account for one of the indices (it runs its own PBKDF2 per call).
    const pick = start + rng.int(count);
    assert.equal(got[pick - start], mnemonicToAccount(phrase, { addressIndex: pick }).address, `${ctx}, viem index ${pick}`);
  }
});

test('deriveAddresses: ranges that reach 2^31 (hardened) are refused', () => {
  const phrase = entropyToMnemonic(rng.bytes(16), wordlist);
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase));
  assert.deepEqual(deriveAddresses(phrase, MAX_INDEX, 1), [referenceAddress(root, MAX_INDEX)]);
  throwsCode(() => deriveAddresses(phrase, MAX_INDEX, 2), 'INVALID_ARGUMENT');
  throwsCode(() => deriveAddresses(phrase, 2 ** 31, 1), 'INVALID_ARGUMENT');
  assert.deepEqual(deriveAddresses(phrase, 7, 0), []);
});

test('invalid phrases throw INVALID_PHRASE, exactly when scure rejects them', () => {
  let checked = 0;
  for (let n = 0; n < 150; n++) {
    const size = rng.pick(ENTROPY_SIZES);
    const words = entropyToMnemonic(rng.bytes(size), wordlist).split(' ');
    const mode = n % 3;
    let bad;
    if (mode === 0) {
      // One word replaced by something that is not in the list (5+ letters, so that it cannot
      // be mistaken for a word of the message's own text).
      let w;
      do {
        w = Array.from({ length: rng.range(5, 8) }, () => String.fromCharCode(97 + rng.int(26))).join('');
      } while (wordlist.includes(w));
      const at = rng.int(words.length);
      bad = words.slice();
      bad[at] = w;
      const err = throwsCode(() => validatePhrase(bad.join(' ')), 'INVALID_PHRASE', bad.join(' '));
      // The design says the error names the first unknown word's position (1-based).
      assert.match(err.message, new RegExp(`\\b${at + 1}\\b`), `position ${at + 1} in "${err.message}"`);
      assert.doesNotMatch(err.message, new RegExp(`\\b${w}\\b`), 'the message does not echo the typed word');
      checked++;
      continue;
    } else if (mode === 1) {
      // Two different words swapped: the checksum usually breaks.
      bad = words.slice();
      let i, j;
      do {
        i = rng.int(bad.length);
        j = rng.int(bad.length);
      } while (bad[i] === bad[j]);
      [bad[i], bad[j]] = [bad[j], bad[i]];
    } else {
      // Random list words: a valid checksum only by chance.
      bad = Array.from({ length: words.length }, () => rng.pick(wordlist));
    }
    const phrase = bad.join(' ');
    if (validateMnemonic(phrase, wordlist)) {
      assert.doesNotThrow(() => validatePhrase(phrase), `scure accepts: ${phrase}`);
    } else {
      throwsCode(() => validatePhrase(phrase), 'INVALID_PHRASE', phrase);
      checked++;
    }
  }
  assert.ok(checked > 100, `enough rejected cases (${checked})`);

  // Word counts that BIP39 does not have.
  for (const len of [0, 1, 11, 13, 14, 23, 25, 48]) {
    const phrase = Array.from({ length: len }, () => rng.pick(wordlist)).join(' ');
    throwsCode(() => validatePhrase(phrase), 'INVALID_PHRASE', `${len} words`);
  }
});

test('wordSuggestions equals the English list filtered by prefix (up to the core cap)', () => {
  // The cap: read it from a prefix with many matches ('s' has hundreds).
  const many = wordSuggestions('s');
  const cap = many.length;
  assert.ok(cap >= 3 && cap < wordlist.filter((w) => w.startsWith('s')).length, `cap ${cap}`);
  assert.deepEqual(many, wordlist.filter((w) => w.startsWith('s')).slice(0, cap));

  // Few matches: the whole filtered list.
  assert.deepEqual(wordSuggestions('zo'), ['zone', 'zoo']);
  assert.deepEqual(wordSuggestions('abso'), ['absorb']);
  assert.deepEqual(wordSuggestions('zoo'), ['zoo']);
  assert.deepEqual(wordSuggestions('qz'), []);
  assert.deepEqual(wordSuggestions('abandonx'), []);

  // Every prefix (1..4 letters) of every list word, plus random letter strings.
  const prefixes = new Set();
  for (const w of wordlist) for (let l = 1; l <= 4 && l <= w.length; l++) prefixes.add(w.slice(0, l));
  for (let n = 0; n < 200; n++) {
    prefixes.add(Array.from({ length: rng.range(1, 5) }, () => String.fromCharCode(97 + rng.int(26))).join(''));
  }
  for (const p of prefixes) {
    const want = wordlist.filter((w) => w.startsWith(p)).slice(0, cap);
    assert.deepEqual(wordSuggestions(p), want, `prefix "${p}"`);
  }
});

test('wordSuggestions takes the caller\'s limit, never above the core cap', () => {
  const s = wordlist.filter((w) => w.startsWith('s'));
  const cap = wordSuggestions('s').length;
  assert.deepEqual(wordSuggestions('s', 5), s.slice(0, 5));
  assert.deepEqual(wordSuggestions('s', 1), s.slice(0, 1));
  assert.deepEqual(wordSuggestions('s', 0), []);
  assert.deepEqual(wordSuggestions('s', cap + 100), s.slice(0, cap));
  assert.deepEqual(wordSuggestions('s', undefined), s.slice(0, cap));
  assert.deepEqual(wordSuggestions('zo', 5), ['zone', 'zoo']);
});

test('toChecksumAddress equals viem getAddress (EIP-55) for random addresses', () => {
  // The four all-caps / all-lower / mixed examples from the EIP-55 text.
  for (const a of [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ]) {
    assert.equal(toChecksumAddress(a.toLowerCase()), a);
  }
  for (let n = 0; n < 100; n++) {
    const lower = toHex(rng.bytes(20));
    const want = getAddress(lower);
    assert.equal(toChecksumAddress(lower), want);
    assert.equal(toChecksumAddress(want), want);
  }
  throwsCode(() => toChecksumAddress('0x1234'), 'INVALID_ARGUMENT');
});
