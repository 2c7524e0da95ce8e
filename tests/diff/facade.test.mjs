// The whole Keyring contract as the extension uses it, with the reference libraries as oracles:
// create, accounts, add/import/remove, reveal/export with password re-checks, verifyPhrase, lock,
// and that no error message carries secret material.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { validateMnemonic, mnemonicToSeedSync, entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { privateKeyToAccount } from 'viem/accounts';
import { Keyring, deriveAddresses, seededRng, toHex, quietly, PASSWORD } from './core.mjs';

const rng = seededRng('facade.test.mjs');
const N = secp256k1.Point.CURVE().n;
const CODES = ['INCORRECT_PASSWORD', 'MALFORMED_VAULT', 'INVALID_PHRASE', 'INVALID_PRIVATE_KEY', 'DUPLICATE_ACCOUNT', 'UNKNOWN_ACCOUNT', 'INVALID_TYPED_DATA', 'INVALID_TRANSACTION', 'LOCKED', 'INVALID_ARGUMENT'];
const UNKNOWN = '0x' + 'ab'.repeat(20);

/** Every error the core threw in this file: { code, message, label } (checked for leaks at the end). */
const errors = [];

/** Runs fn; asserts it throws a core Error with `code` (or any contract code when code is null). */
function fails(fn, code, label) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, `${label}: expected ${code ?? 'an error'}, but the call returned`);
  assert.ok(err instanceof Error, `${label}: an Error`);
  if (code) assert.equal(err.code, code, `${label}: code (message: ${err.message})`);
  else assert.ok(CODES.includes(err.code), `${label}: a contract code, got ${err.code} (${err.message})`);
  errors.push({ code: err.code, message: String(err.message), label });
  return err;
}

function randomKey() {
  for (;;) {
    const k = toHex(rng.bytes(32));
    if (BigInt(k) > 0n && BigInt(k) < N) return k;
  }
}

const hdKey = (phrase, i) => toHex(HDKey.fromMasterSeed(mnemonicToSeedSync(phrase)).derive(`m/44'/60'/0'/0/${i}`).privateKey);

/** created[words] = { k, phrase } for each word count; all freed at the end. */
const created = {};
after(() => {
  for (const { k } of Object.values(created)) quietly(() => k.free());
});

test('create: every word count gives a fresh valid phrase and one HD account', () => {
  for (const words of [12, 15, 18, 21, 24]) {
    const k = Keyring.create(PASSWORD, words);
    const phrase = k.revealPhrase(PASSWORD);
    created[words] = { k, phrase };
    assert.equal(phrase.split(' ').length, words, `${words} words, single spaces`);
    assert.equal(phrase, phrase.trim().toLowerCase());
    assert.ok(validateMnemonic(phrase, wordlist), `scure accepts the ${words}-word phrase`);
    const [address] = deriveAddresses(phrase, 0, 1);
    assert.equal(address, privateKeyToAccount(hdKey(phrase, 0)).address);
    assert.deepEqual(k.accounts(), [{ address, type: 'hd', index: 0, phrase: 1 }]);
    assert.equal(k.isUnlocked, true);
    assert.equal(k.verifyPhrase(phrase), true);
  }
  const phrases = Object.values(created).map((c) => c.phrase);
  assert.equal(new Set(phrases).size, phrases.length, 'all phrases differ');
  // Randomness sanity: across the 90 words no single word repeats more than a handful of times.
  const counts = {};
  for (const w of phrases.join(' ').split(' ')) counts[w] = (counts[w] ?? 0) + 1;
  assert.ok(Math.max(...Object.values(counts)) <= 5, 'no word dominates');
});

test('create: a word count that BIP39 does not have throws INVALID_ARGUMENT', () => {
  for (const bad of [0, 1, 11, 13, 16, 23, 25, 48, -12]) fails(() => Keyring.create(PASSWORD, bad), 'INVALID_ARGUMENT', `create(${bad})`);
});

test('restore tolerates case and extra whitespace, checks the checksum', () => {
  const phrase = entropyToMnemonic(rng.bytes(16), wordlist);
  const messy = '  ' + phrase.split(' ').map((w, i) => (i % 2 ? w.toUpperCase() : w)).join(' \t  ') + ' \n';
  const k = Keyring.restore(PASSWORD, messy);
  try {
    assert.deepEqual(k.accounts(), [{ address: deriveAddresses(phrase, 0, 1)[0], type: 'hd', index: 0, phrase: 1 }]);
    assert.equal(k.revealPhrase(PASSWORD), phrase, 'the normalized phrase');
  } finally {
    k.free();
  }
  const words = phrase.split(' ');
  // The next list word that breaks the checksum (with 12 words, 1 in 16 replacements keeps it
  // valid, so "the next word" alone would make this test fail now and then).
  let index = wordlist.indexOf(words[11]);
  do {
    index = (index + 1) % 2048;
    words[11] = wordlist[index];
  } while (validateMnemonic(words.join(' '), wordlist));
  // Naming a position is fine; echoing typed words is not. The messages' own wording uses list
  // words ("phrase", "word", "wrong", "order"), so a typed word counts only where it is not part
  // of the fixed text: the same error for a phrase that shares no word with this one.
  const zoo = Array(12).fill('zoo'); // "zoo" x 12 fails the checksum
  const fixed = new Set(
    [
      fails(() => Keyring.restore(PASSWORD, zoo.join(' ')), 'INVALID_PHRASE', 'zoo checksum').message,
      fails(() => Keyring.restore(PASSWORD, zoo.with(3, 'notaword').join(' ')), 'INVALID_PHRASE', 'zoo word').message,
    ].flatMap((t) => t.match(/[a-z]+/g).filter((x) => x !== 'zoo')),
  );
  for (const m of [
    fails(() => Keyring.restore(PASSWORD, words.join(' ')), 'INVALID_PHRASE', 'restore with a bad checksum').message,
    (words[3] = 'notaword', fails(() => Keyring.restore(PASSWORD, words.join(' ')), 'INVALID_PHRASE', 'restore with an unknown word').message),
  ]) {
    for (const w of words) if (!fixed.has(w)) assert.ok(!new RegExp(`\\b${w}\\b`).test(m), `"${w}" in "${m}"`);
  }
});

/**
 * The account-management and secret-export contract on one keyring. Run on two keyrings so that
 * the error messages can be compared: apart from (public) addresses they must be the same.
 */
function exercise(words) {
  const { k, phrase } = created[words];
  const out = {};
  const hd0 = k.accounts()[0].address;

  // addAccount: the next HD index, as scure derives it.
  const a1 = k.addAccount();
  const a2 = k.addAccount();
  assert.deepEqual([a1, a2], deriveAddresses(phrase, 1, 2));
  assert.equal(a2, privateKeyToAccount(hdKey(phrase, 2)).address);

  // importPrivateKey: viem's address for the key; duplicates in any spelling are refused.
  const key = randomKey();
  const imported = k.importPrivateKey(key);
  assert.equal(imported, privateKeyToAccount(key).address);
  for (const spelling of [key, key.slice(2), '0x' + key.slice(2).toUpperCase()]) {
    out[`dup ${spelling === key ? 'same' : 'respelled'}`] = fails(() => k.importPrivateKey(spelling), 'DUPLICATE_ACCOUNT', 'duplicate import').message;
  }
  out['import of an HD key'] = fails(() => k.importPrivateKey(hdKey(phrase, 1)), 'DUPLICATE_ACCOUNT', 'import of an HD account key').message;
  const badKeys = {
    'non-hex': '0x' + 'zz'.repeat(32),
    'non-hex tail': key.slice(0, -1) + 'g',
    'short': key.slice(0, -1),
    'long': key + '00',
    'zero': '0x' + '0'.repeat(64),
    'n': '0x' + N.toString(16),
    'above n': '0x' + 'f'.repeat(64),
    'empty': '',
    'a phrase': phrase,
  };
  for (const [what, bad] of Object.entries(badKeys)) {
    out[`bad key ${what}`] = fails(() => k.importPrivateKey(bad), 'INVALID_PRIVATE_KEY', `import of ${what}`).message;
  }

  assert.deepEqual(k.accounts(), [
    { address: hd0, type: 'hd', index: 0, phrase: 1 },
    { address: a1, type: 'hd', index: 1, phrase: 1 },
    { address: a2, type: 'hd', index: 2, phrase: 1 },
    { address: imported, type: 'imported' },
  ]);

  // removeAccount: HD accounts cannot be removed, unknown ones are unknown.
  out['remove hd'] = fails(() => k.removeAccount(a1), null, 'removeAccount of an HD account').message;
  out['remove unknown'] = fails(() => k.removeAccount(UNKNOWN), 'UNKNOWN_ACCOUNT', 'removeAccount of an unknown address').message;
  assert.equal(k.accounts().length, 4, 'failed removals change nothing');

  // exportPrivateKey: the scure/viem key, after the password; wrong password, unknown account.
  assert.equal(k.exportPrivateKey(a2, PASSWORD), hdKey(phrase, 2));
  assert.equal(k.exportPrivateKey(imported.toLowerCase(), PASSWORD), key);
  out['export wrong password'] = fails(() => k.exportPrivateKey(imported, PASSWORD + 'x'), 'INCORRECT_PASSWORD', 'export with a wrong password').message;
  out['export unknown'] = fails(() => k.exportPrivateKey(UNKNOWN, PASSWORD), 'UNKNOWN_ACCOUNT', 'export of an unknown address').message;

  // revealPhrase: only with the password.
  out['reveal wrong password'] = fails(() => k.revealPhrase('correct horse battery stapler'), 'INCORRECT_PASSWORD', 'reveal with a wrong password').message;
  assert.equal(k.revealPhrase(PASSWORD), phrase);
  // A password, phrase or key that is not a string is refused before any work, not coerced.
  for (const bad of [undefined, 42, ['x'], new String(PASSWORD)]) {
    fails(() => k.revealPhrase(bad), 'INVALID_ARGUMENT', `revealPhrase(${typeof bad})`);
    fails(() => k.exportPrivateKey(a2, bad), 'INVALID_ARGUMENT', `exportPrivateKey(${typeof bad})`);
    fails(() => k.verifyPhrase(bad), 'INVALID_ARGUMENT', `verifyPhrase(${typeof bad})`);
    fails(() => k.importPrivateKey(bad), 'INVALID_ARGUMENT', `importPrivateKey(${typeof bad})`);
  }
  assert.equal(k.accounts().length, 4, 'refused arguments change nothing');

  // verifyPhrase: true for the phrase, false (never an error) for any other valid phrase.
  assert.equal(k.verifyPhrase(phrase), true);
  for (let i = 0; i < 5; i++) {
    const other = entropyToMnemonic(rng.bytes(rng.pick([16, 32])), wordlist);
    assert.equal(k.verifyPhrase(other), false, `another phrase: ${other}`);
  }
  for (const { phrase: p } of Object.values(created)) assert.equal(k.verifyPhrase(p), p === phrase);

  // Removing the imported account: gone for signing and export, and it can be imported again.
  k.removeAccount(imported);
  assert.equal(k.accounts().length, 3);
  out['sign removed'] = fails(() => k.signPersonalMessage(imported, '0x1234'), 'UNKNOWN_ACCOUNT', 'signing with a removed account').message;
  out['export removed'] = fails(() => k.exportPrivateKey(imported, PASSWORD), 'UNKNOWN_ACCOUNT', 'export of a removed account').message;
  assert.equal(k.importPrivateKey(key.slice(2)), imported);

  // lock: everything throws LOCKED afterwards, and the keyring says so.
  const tx = { type: '0x2', chainId: '0x1', nonce: '0x0', gas: '0x5208', maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x1', to: UNKNOWN, value: '0x0' };
  const typed = { types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], M: [{ name: 'x', type: 'uint8' }] }, primaryType: 'M', domain: { chainId: 1 }, message: { x: 1 } };
  k.lock();
  assert.equal(k.isUnlocked, false);
  const calls = {
    accounts: () => k.accounts(),
    addAccount: () => k.addAccount(),
    importPrivateKey: () => k.importPrivateKey(randomKey()),
    removeAccount: () => k.removeAccount(imported),
    revealPhrase: () => k.revealPhrase(PASSWORD),
    exportPrivateKey: () => k.exportPrivateKey(hd0, PASSWORD),
    verifyPhrase: () => k.verifyPhrase(phrase),
    signPersonalMessage: () => k.signPersonalMessage(hd0, '0x1234'),
    signTypedDataV4: () => k.signTypedDataV4(hd0, typed),
    signTransaction: () => k.signTransaction(hd0, tx),
    signAuthorization: () => k.signAuthorization(hd0, { chainId: '0x1', address: UNKNOWN, nonce: '0x0' }),
    vault: () => k.vault(),
  };
  for (const [name, call] of Object.entries(calls)) out[`locked ${name}`] = fails(call, 'LOCKED', `${name} after lock`).message;
  k.lock(); // locking twice is harmless
  return { out, secrets: { phrase, key, hd: [hdKey(phrase, 0), hdKey(phrase, 1), hdKey(phrase, 2)] } };
}

const runs = [];

test('accounts, import, remove, export, reveal, verify and lock on a 12-word keyring', () => {
  runs.push(exercise(12));
});

test('the same on a 24-word keyring', () => {
  runs.push(exercise(24));
});

test('error messages: short, the same whatever the secrets, and never containing them', () => {
  assert.equal(runs.length, 2, 'both keyrings were exercised');
  // A message that carried secret material would differ between two keyrings: apart from
  // (public) addresses, the same failing call must give the same message on both.
  const mask = (m) => m.replace(/0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g, '<address>');
  const [a, b] = runs;
  for (const label of Object.keys(a.out)) {
    assert.equal(mask(a.out[label]), mask(b.out[label]), `"${label}" depends only on public data`);
  }
  for (const { message, label } of errors) {
    assert.ok(message.length > 0 && message.length < 200, `${label}: a short message: ${message}`);
    assert.doesNotMatch(message, /[0-9a-fA-F]{32}/, `${label}: no long hex in ${message}`);
  }
  // And directly: no key hex, no phrase (nor two of its words in a row) in any message.
  for (const { secrets } of runs) {
    const words = secrets.phrase.split(' ');
    for (const { message, label } of errors) {
      const lower = message.toLowerCase();
      for (const k of [secrets.key, ...secrets.hd]) {
        assert.ok(!lower.includes(k.slice(2, 14)) && !lower.includes(k.slice(-12)), `${label}: no private key hex in "${message}"`);
      }
      for (let i = 0; i + 1 < words.length; i++) {
        assert.ok(!lower.includes(`${words[i]} ${words[i + 1]}`), `${label}: no run of phrase words in "${message}"`);
      }
    }
  }
});
