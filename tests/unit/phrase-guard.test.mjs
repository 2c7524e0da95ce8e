// The phrase guard's pure parts (extension/content/phrase-guard/): normalization, the BIP39
// checksum (WebCrypto), the SLIP-39 RS1024 checksum and the phrase fingerprint, checked against
// the core's word lists, the SLIP-39 reference vectors and the core's fingerprint of the anvil
// phrase (tests/keyring.rs). Detection in real pages is tested in tests/e2e/phrase-guard.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { words, roughWordCount } from '../../extension/content/phrase-guard/normalize.js';
import { bip39ChecksumOk, slip39ChecksumOk } from '../../extension/content/phrase-guard/checksums.js';
import { phraseFingerprint } from '../../extension/content/phrase-guard/fingerprint.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const list = (file) => readFileSync(path.join(ROOT, 'src', file), 'utf8').split('\n').filter(Boolean);
const BIP39 = list('bip39-english.txt');
const SLIP39 = list('slip39-english.txt');
const ANVIL = 'test test test test test test test test test test test junk';

test('numbering, commas, case and extra spaces are tolerated', () => {
  assert.deepEqual(words('1. Test,  2) TEST;\n#3 test 4.test  5: "junk".'), ['test', 'test', 'test', 'test', 'junk']);
  assert.equal(roughWordCount('a  b,c\nd', 99), 4);
  assert.equal(roughWordCount('a b c d e f', 3), 3);
});

test('the BIP39 checksum: valid phrases pass, a changed last word fails', async () => {
  const indices = (phrase) => phrase.split(' ').map((w) => BIP39.indexOf(w));
  assert.equal(await bip39ChecksumOk(indices(ANVIL)), true);
  assert.equal(await bip39ChecksumOk(indices(`${'abandon '.repeat(11)}about`)), true);
  assert.equal(await bip39ChecksumOk(indices(`${'abandon '.repeat(23)}art`)), true);
  assert.equal(await bip39ChecksumOk(indices(ANVIL.replace('junk', 'test'))), false);
  assert.equal(await bip39ChecksumOk(indices(`${'abandon '.repeat(11)}abandon`)), false);
});

test('the SLIP-39 checksum agrees with the reference vectors', () => {
  const vectors = JSON.parse(readFileSync(path.join(ROOT, 'tests/vectors/slip39.json'), 'utf8'));
  let valid = 0;
  let badChecksum = 0;
  for (const [description, shares] of vectors) {
    for (const share of shares) {
      const indices = share.split(' ').map((w) => SLIP39.indexOf(w));
      if (/invalid checksum/.test(description)) {
        assert.equal(slip39ChecksumOk(indices), false, description);
        badChecksum += 1;
      } else if (/^\d+\. Valid/.test(description)) {
        assert.equal(slip39ChecksumOk(indices), true, description);
        valid += 1;
      }
    }
  }
  assert.ok(valid > 5 && badChecksum >= 2);
});

test('the fingerprint is the core\'s (src/phrase_guard.rs, tests/keyring.rs)', async () => {
  assert.equal(await phraseFingerprint(ANVIL), '6488dbfcfb718c4cb94a5afff352715aa7cc2e5a22cfcfb3d5656823e55aee35');
});
