// MetaMask vaults as MetaMask writes them today (issue 15 part 1), against
// @metamask/browser-passworder: a vault holding two phrases (each with keyring-controller's
// `metadata`), two imported keys (one `Simple Key Pair` each), a keyring of a type Keystead does
// not know, and an `HD Key Tree` it cannot read (Rabby's SLIP-39 form) opens in the core; every
// account is listed with its source and signs; saving gives back a keyring list deep-equal to
// the one MetaMask wrote, apart from what the user changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encrypt, decrypt } from '@metamask/browser-passworder';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { privateKeyToAccount } from 'viem/accounts';
import { recoverMessageAddress } from 'viem';
import { Keyring, deriveAddresses, vaultKeyParams, seededRng, toHex, throwsCode, PASSWORD } from './core.mjs';
import { openVault } from '../../lib/webcrypto-kdf.js';

const rng = seededRng('multiphrase.test.mjs');
const HD_PATH = "m/44'/60'/0'/0";
const PBKDF2 = { algorithm: 'PBKDF2', params: { iterations: 600000 } };
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const phraseOf = (bytes) => entropyToMnemonic(rng.bytes(bytes), wordlist);
const keyOf = () => toHex(rng.bytes(32)); // (0 or ≥ n has probability ~2^-128: ignored)
const ulid = () => Array.from(rng.bytes(26), (b) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[b % 32]).join('');
const bytesOf = (phrase) => Array.from(new TextEncoder().encode(phrase));

/** What MetaMask (keyring-controller ≥ 22) stores for such a wallet. */
function metamaskWallet() {
  const phrases = [phraseOf(16), phraseOf(32)];
  const keys = [keyOf(), keyOf()];
  const keyrings = [
    { type: 'HD Key Tree', data: { mnemonic: bytesOf(phrases[0]), numberOfAccounts: 2, hdPath: HD_PATH }, metadata: { id: ulid(), name: '' } },
    { type: 'Simple Key Pair', data: [keys[0].slice(2)], metadata: { id: ulid(), name: '' } },
    { type: 'HD Key Tree', data: { mnemonic: bytesOf(phrases[1]), numberOfAccounts: 3, hdPath: HD_PATH }, metadata: { id: ulid(), name: 'Cold storage' } },
    { type: 'Ledger Hardware', data: { hdPath: "m/44'/60'/0'", accounts: ['0x0000000000000000000000000000000000000001'], accountDetails: {}, bridgeUrl: 'https://metamask.github.io/eth-ledger-bridge-keyring', implementFullBIP44: false }, metadata: { id: ulid(), name: '' } },
    { type: 'Simple Key Pair', data: [keys[1].slice(2)], metadata: { id: ulid(), name: '' } },
  ];
  return { phrases, keys, keyrings };
}

const open = (vault) => openVault({ Keyring, vaultKeyParams }, vault, PASSWORD);

/** The accounts such a wallet should list, in order: phrase by phrase, then imported keys. */
function expected({ phrases, keys }, counts) {
  const hd = phrases.flatMap((p, i) => deriveAddresses(p, 0, counts[i]).map((address, index) => ({ address, type: 'hd', index, phrase: i + 1 })));
  return [...hd, ...keys.map((k) => ({ address: privateKeyToAccount(k).address, type: 'imported' }))];
}

test('open → save: browser-passworder decrypts the keyring list MetaMask wrote, deep-equal', async () => {
  const wallet = metamaskWallet();
  const k = await open(await encrypt(PASSWORD, wallet.keyrings, undefined, undefined, PBKDF2));
  try {
    assert.deepEqual(await decrypt(PASSWORD, k.vault()), wallet.keyrings);
    assert.deepEqual(k.accounts(), expected(wallet, [2, 3]));
    assert.deepEqual(k.phrases(), [
      { phrase: 1, name: null, kind: 'phrase', accounts: 2 },
      { phrase: 2, name: 'Cold storage', kind: 'phrase', accounts: 3 },
    ]);
    assert.deepEqual(k.keptAside(), []);
  } finally {
    k.free();
  }
});

test('every account signs a personal_sign that viem verifies', async () => {
  const wallet = metamaskWallet();
  const k = await open(await encrypt(PASSWORD, wallet.keyrings, undefined, undefined, PBKDF2));
  try {
    for (const { address } of k.accounts()) {
      const message = `hello from ${address}`;
      const signature = k.signPersonalMessage(address, toHex(new TextEncoder().encode(message)));
      assert.equal(await recoverMessageAddress({ message, signature }), address);
    }
  } finally {
    k.free();
  }
});

test('changes show in the saved list and nothing else does', async () => {
  const wallet = metamaskWallet();
  const k = await open(await encrypt(PASSWORD, wallet.keyrings, undefined, undefined, PBKDF2));
  try {
    const want = structuredClone(wallet.keyrings);
    // An account for phrase 2.
    assert.equal(k.addAccount(2), deriveAddresses(wallet.phrases[1], 3, 1)[0]);
    want[2].data.numberOfAccounts = 4;
    assert.deepEqual(await decrypt(PASSWORD, k.vault()), want);
    // Another phrase, and another key: each a keyring of its own at the end, with metadata.
    const third = phraseOf(16);
    assert.equal(k.importPhrase(third.toUpperCase()), 3);
    const key = keyOf();
    k.importPrivateKey(key);
    const saved = await decrypt(PASSWORD, k.vault());
    assert.deepEqual(saved.slice(0, 5), want);
    const [hd, simple] = saved.slice(5);
    assert.deepEqual({ ...hd, metadata: undefined }, { type: 'HD Key Tree', data: { mnemonic: bytesOf(third), numberOfAccounts: 1, hdPath: HD_PATH }, metadata: undefined });
    assert.deepEqual({ ...simple, metadata: undefined }, { type: 'Simple Key Pair', data: [key.slice(2)], metadata: undefined });
    for (const { metadata } of [hd, simple]) {
      assert.match(metadata.id, ULID);
      assert.equal(metadata.name, '');
    }
    assert.notEqual(hd.metadata.id, simple.metadata.id);
    // Removing an imported key removes its keyring.
    k.removeAccount(privateKeyToAccount(wallet.keys[0]).address);
    assert.deepEqual((await decrypt(PASSWORD, k.vault())).map((r) => r.type), ['HD Key Tree', 'HD Key Tree', 'Ledger Hardware', 'Simple Key Pair', 'HD Key Tree', 'Simple Key Pair']);
    // The same phrase twice is refused.
    throwsCode(() => k.importPhrase(wallet.phrases[1]), 'DUPLICATE_PHRASE');
    throwsCode(() => k.addAccount(9), 'INVALID_ARGUMENT');
    throwsCode(() => k.addAccount(0), 'INVALID_ARGUMENT');
  } finally {
    k.free();
  }
});

test('reveal and verify per phrase, behind the password', async () => {
  const wallet = metamaskWallet();
  const k = await open(await encrypt(PASSWORD, wallet.keyrings, undefined, undefined, PBKDF2));
  try {
    assert.equal(k.revealPhrase(PASSWORD, 2), wallet.phrases[1]);
    assert.equal(k.revealPhrase(PASSWORD), wallet.phrases[0]);
    throwsCode(() => k.revealPhrase('wrong', 2), 'INCORRECT_PASSWORD');
    throwsCode(() => k.revealPhrase(PASSWORD, 3), 'INVALID_ARGUMENT');
    assert.equal(k.verifyPhrase(wallet.phrases[1], 2), true);
    assert.equal(k.verifyPhrase(wallet.phrases[1], 1), false);
    assert.equal(k.verifyPhrase(wallet.phrases[1]), false, 'without a number: phrase 1');
    assert.equal(k.verifyPhrase(wallet.phrases[0]), true);
  } finally {
    k.free();
  }
});

test('a first HD keyring the core cannot read is kept aside, reported, and written back', async () => {
  const wallet = metamaskWallet();
  const rabby = { type: 'HD Key Tree', data: { mnemonic: 'duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard', isSlip39: true, numberOfAccounts: 1, hdPath: HD_PATH }, metadata: { id: ulid(), name: '' } };
  const keyrings = [rabby, ...wallet.keyrings];
  const k = await open(await encrypt(PASSWORD, keyrings, undefined, undefined, PBKDF2));
  try {
    assert.deepEqual(k.keptAside(), [{ position: 0, type: 'HD Key Tree', reason: 'SLIP39_PHRASE' }]);
    assert.deepEqual(k.accounts(), expected(wallet, [2, 3]));
    k.addAccount(1);
    const want = structuredClone(keyrings);
    want[1].data.numberOfAccounts = 3;
    assert.deepEqual(await decrypt(PASSWORD, k.vault()), want);
  } finally {
    k.free();
  }
});
