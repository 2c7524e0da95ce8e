// Vault compatibility with @metamask/browser-passworder (MetaMask's vault encryption) and
// MetaMask's keyring layout, both ways. PBKDF2 at 600,000+ iterations costs about a second in
// WASM, so the heavy cases are few; the error paths use cheap legacy (10,000-iteration) vaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encrypt, decrypt, keyFromPassword, encryptWithKey, generateSalt } from '@metamask/browser-passworder';
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { privateKeyToAccount } from 'viem/accounts';
import { Keyring, deriveAddresses, vaultKeyParams, newVaultKeyParams, seededRng, toHex, throwsCode, PASSWORD } from './core.mjs';
import { deriveVaultKey, openVault } from '../../lib/webcrypto-kdf.js';

const rng = seededRng('vault.test.mjs');
const HD_PATH = "m/44'/60'/0'/0";
const PBKDF2 = (iterations) => ({ algorithm: 'PBKDF2', params: { iterations } });

const phraseOf = (bytes) => entropyToMnemonic(rng.bytes(bytes), wordlist);
function randomKey() {
  const k = toHex(rng.bytes(32));
  return BigInt(k) === 0n ? randomKey() : k; // (≥ n has probability ~2^-128: ignored)
}

/** MetaMask's keyring list: HD Key Tree (+ Simple Key Pair when keys are given). */
function metamaskKeyrings(phrase, numberOfAccounts, keys, { stringMnemonic = false } = {}) {
  const list = [
    {
      type: 'HD Key Tree',
      data: {
        mnemonic: stringMnemonic ? phrase : Array.from(new TextEncoder().encode(phrase)),
        numberOfAccounts,
        hdPath: HD_PATH,
      },
    },
  ];
  if (keys.length > 0) list.push({ type: 'Simple Key Pair', data: keys.map((k) => k.slice(2)) });
  return list;
}

/** The accounts the core should show for such a keyring list (order-insensitive compare). */
function expectedAccounts(phrase, numberOfAccounts, keys) {
  const hd = deriveAddresses(phrase, 0, numberOfAccounts).map((address, index) => ({ address, type: 'hd', index, phrase: 1 }));
  const imported = keys.map((k) => ({ address: privateKeyToAccount(k).address, type: 'imported' }));
  return [...hd, ...imported];
}

const byAddress = (list) => [...list].map((a) => ({ ...a })).sort((a, b) => a.address.localeCompare(b.address));
function assertAccounts(k, want, ctx) {
  const got = k.accounts().map(({ address, type, index, phrase }) => (type === 'hd' ? { address, type, index, phrase } : { address, type }));
  assert.deepEqual(byAddress(got), byAddress(want), ctx);
}

/** A legacy (pre-keyMetadata) vault: 10,000 iterations, no keyMetadata, built with the library. */
async function legacyVault(password, keyrings) {
  const salt = generateSalt();
  const key = await keyFromPassword(password, salt, false, PBKDF2(10000));
  const payload = await encryptWithKey(key, keyrings);
  delete payload.keyMetadata;
  payload.salt = salt;
  const vault = JSON.stringify(payload);
  assert.deepEqual(await decrypt(password, vault), keyrings, 'the library opens its own legacy vault');
  return vault;
}

/** Decrypts a Keystead vault with browser-passworder and checks MetaMask's layout. */
async function assertMetamaskLayout(vaultJson, password, { phrase, numberOfAccounts, keys, iterations = 600000, madeHere = false }) {
  const v = JSON.parse(vaultJson);
  assert.deepEqual(v.keyMetadata, PBKDF2(iterations), `keyMetadata says ${iterations} iterations`);
  assert.equal(Buffer.from(v.salt, 'base64').length, 32, '32-byte salt');
  assert.equal(Buffer.from(v.iv, 'base64').length, 16, '16-byte IV');
  const list = await decrypt(password, vaultJson);
  assert.ok(Array.isArray(list), 'a keyring list');
  const hd = list.filter((r) => r.type === 'HD Key Tree');
  assert.equal(hd.length, 1, 'one HD Key Tree');
  assert.ok(Array.isArray(hd[0].data.mnemonic) && hd[0].data.mnemonic.every((b) => Number.isInteger(b) && b >= 0 && b < 256), 'mnemonic as a byte array');
  assert.equal(new TextDecoder().decode(Uint8Array.from(hd[0].data.mnemonic)), phrase);
  assert.equal(hd[0].data.numberOfAccounts, numberOfAccounts);
  assert.equal(hd[0].data.hdPath, HD_PATH);
  const simple = list.filter((r) => r.type === 'Simple Key Pair');
  if (madeHere) assert.ok(simple.every((r) => r.data.length === 1), 'one Simple Key Pair per imported key, as MetaMask makes them');
  const got = simple.flatMap((r) => r.data);
  assert.deepEqual(got, keys.map((k) => k.slice(2).toLowerCase()), 'imported keys as hex without 0x');
  // Keyrings Keystead makes carry keyring-controller's metadata (a ULID id, no name); those it
  // read keep theirs, or none.
  const made = list.filter((r) => madeHere || r.metadata !== undefined);
  for (const r of made) assert.match(r.metadata?.id ?? '', /^[0-9A-HJKMNP-TV-Z]{26}$/, "keyring-controller's metadata: a ULID id");
  assert.equal(new Set(made.map((r) => r.metadata.id)).size, made.length, 'every keyring its own id');
  assert.equal(list.length, 1 + simple.length, 'no other keyrings');
}

test('installed browser-passworder: its default iteration count', async () => {
  // The design fixes 600,000 for new vaults; record what the installed library does by default.
  const require = createRequire(import.meta.url);
  const version = JSON.parse(readFileSync(require.resolve('@metamask/browser-passworder/package.json'), 'utf8')).version;
  const v = JSON.parse(await encrypt('x', { a: 1 }, undefined, undefined, PBKDF2(1000)));
  assert.deepEqual(v.keyMetadata, PBKDF2(1000));
  const d = JSON.parse(await encrypt('x', { a: 1 }));
  console.log(`browser-passworder ${version}: default keyMetadata ${JSON.stringify(d.keyMetadata)}`);
  assert.equal(d.keyMetadata.algorithm, 'PBKDF2');
  assert.ok(d.keyMetadata.params.iterations >= 600000, 'at least 600,000');
});

test('a MetaMask vault made by browser-passworder encrypt() with its defaults opens; vault() is MetaMask-readable', async () => {
  const phrase = phraseOf(16);
  const keys = [randomKey(), randomKey()];
  const keyrings = metamaskKeyrings(phrase, 3, keys);
  const vault = await encrypt(PASSWORD, keyrings);
  const k = Keyring.unlock(vault, PASSWORD);
  try {
    assertAccounts(k, expectedAccounts(phrase, 3, keys), 'accounts of the MetaMask vault');
    // HD addresses also against scure bip32 directly (independent of deriveAddresses).
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase));
    const hd = k.accounts().filter((a) => a.type === 'hd');
    for (const a of hd) assert.equal(a.address, privateKeyToAccount(toHex(root.derive(`${HD_PATH}/${a.index}`).privateKey)).address);
    // A vault stronger than 600,000 iterations keeps its strength (it is not "upgraded" down).
    const { iterations } = JSON.parse(vault).keyMetadata.params;
    assert.equal(k.wasUpgraded, iterations < 600000);
    await assertMetamaskLayout(k.vault(), PASSWORD, { phrase, numberOfAccounts: 3, keys, iterations: Math.max(iterations, 600000) });
  } finally {
    k.free();
  }
});

test('WebCrypto key path: unlockWithKey opens browser-passworder vaults, restoreWithKey writes ones it opens', async () => {
  const phrase = phraseOf(16);
  const keys = [randomKey()];
  const vault = await encrypt(PASSWORD, metamaskKeyrings(phrase, 2, keys), undefined, undefined, PBKDF2(600000));
  const params = vaultKeyParams(vault);
  assert.deepEqual(params, { salt: JSON.parse(vault).salt, iterations: 600000, needsRekey: false });
  const key = await deriveVaultKey(PASSWORD, params);
  const k = Keyring.unlockWithKey(vault, key);
  try {
    assert.ok(key.every((b) => b === 0), 'the key array is zeroed');
    assertAccounts(k, expectedAccounts(phrase, 2, keys), 'unlockWithKey');
    assert.equal(k.wasUpgraded, false);
    await assertMetamaskLayout(k.vault(), PASSWORD, { phrase, numberOfAccounts: 2, keys, iterations: 600000 });
  } finally {
    k.free();
  }
  throwsCode(() => Keyring.unlockWithKey(vault, new Uint8Array(32).fill(7)), 'INCORRECT_PASSWORD');
  throwsCode(() => Keyring.unlockWithKey(vault, new Uint8Array(31)), 'INVALID_ARGUMENT');
  // A legacy vault goes through unlock (which re-keys it); openVault chooses.
  const legacy = JSON.parse(await encrypt(PASSWORD, metamaskKeyrings(phrase, 1, []), undefined, undefined, PBKDF2(10000)));
  delete legacy.keyMetadata;
  const opened = await openVault({ Keyring, vaultKeyParams }, JSON.stringify(legacy), PASSWORD);
  assert.equal(opened.wasUpgraded, true);
  opened.free();

  const fresh = newVaultKeyParams();
  assert.equal(fresh.iterations, 600000);
  const r = Keyring.restoreWithKey(phrase, fresh, await deriveVaultKey(PASSWORD, fresh));
  try {
    const written = r.vault();
    assert.equal(JSON.parse(written).salt, fresh.salt);
    await assertMetamaskLayout(written, PASSWORD, { phrase, numberOfAccounts: 1, keys: [], iterations: 600000 });
  } finally {
    r.free();
  }
});

test('the core decides how a vault opens: needsRekey below 600,000 iterations, and unlockWithKey refuses such a vault', async () => {
  const phrase = phraseOf(16);
  const keyrings = metamaskKeyrings(phrase, 1, []);
  const legacy = await legacyVault(PASSWORD, keyrings);
  assert.equal(vaultKeyParams(legacy).needsRekey, true, 'no keyMetadata: legacy 10,000');
  for (const [iterations, needsRekey] of [[1, true], [10000, true], [599999, true], [600000, false], [900000, false], [10000000, false]]) {
    const v = JSON.parse(legacy);
    v.keyMetadata = PBKDF2(iterations);
    assert.deepEqual(vaultKeyParams(JSON.stringify(v)), { salt: v.salt, iterations, needsRekey }, `${iterations} iterations`);
  }
  // Even with the right key, the WebCrypto path refuses a vault that must be re-keyed (it cannot
  // re-key without the password): the extension can only open it through unlock.
  const key = await deriveVaultKey(PASSWORD, vaultKeyParams(legacy));
  throwsCode(() => Keyring.unlockWithKey(legacy, key), 'INVALID_ARGUMENT');
  assert.ok(key.every((b) => b === 0), 'the key array is zeroed');
  const opened = await openVault({ Keyring, vaultKeyParams }, legacy, PASSWORD);
  try {
    assert.equal(opened.wasUpgraded, true);
    assert.equal(vaultKeyParams(opened.vault()).needsRekey, false, 're-keyed: WebCrypto opens it next time');
  } finally {
    opened.free();
  }
});

test('a 600,000-iteration vault with the old string-mnemonic form opens', async () => {
  const phrase = phraseOf(32);
  const keyrings = metamaskKeyrings(phrase, 2, [], { stringMnemonic: true });
  const vault = await encrypt(PASSWORD, keyrings, undefined, undefined, PBKDF2(600000));
  const k = Keyring.unlock(vault, PASSWORD);
  try {
    assertAccounts(k, expectedAccounts(phrase, 2, []), 'string mnemonic');
    assert.equal(k.revealPhrase(PASSWORD), phrase);
  } finally {
    k.free();
  }
});

test('a legacy 10,000-iteration vault without keyMetadata opens and is re-keyed at 600,000', async () => {
  const phrase = phraseOf(rng.pick([20, 24, 28]));
  const keys = [randomKey()];
  const vault = await legacyVault(PASSWORD, metamaskKeyrings(phrase, 1, keys));
  assert.equal(JSON.parse(vault).keyMetadata, undefined);
  const k = Keyring.unlock(vault, PASSWORD);
  try {
    assertAccounts(k, expectedAccounts(phrase, 1, keys), 'legacy vault');
    assert.equal(k.wasUpgraded, true, 'wasUpgraded after a legacy vault');
    await assertMetamaskLayout(k.vault(), PASSWORD, { phrase, numberOfAccounts: 1, keys });
  } finally {
    k.free();
  }
});

test('a Keystead vault: browser-passworder decrypts it to the layout, and the core re-opens it', async () => {
  const phrase = phraseOf(24);
  const k = Keyring.restore(PASSWORD, phrase);
  const keys = [randomKey(), randomKey(), randomKey()];
  let vault;
  try {
    k.addAccount();
    k.addAccount();
    for (const key of keys) k.importPrivateKey(key);
    k.removeAccount(privateKeyToAccount(keys[1]).address);
    const left = [keys[0], keys[2]];
    assertAccounts(k, expectedAccounts(phrase, 3, left), 'after the edits');
    vault = k.vault();
    await assertMetamaskLayout(vault, PASSWORD, { phrase, numberOfAccounts: 3, keys: left, madeHere: true });
    const again = Keyring.unlock(vault, PASSWORD);
    try {
      assertAccounts(again, expectedAccounts(phrase, 3, left), 'round trip');
      assert.equal(again.wasUpgraded, false, 'a 600,000-iteration vault is not re-keyed');
    } finally {
      again.free();
    }
    // A fresh vault() uses a fresh IV: the same plaintext never encrypts to the same data twice.
    const other = JSON.parse(k.vault());
    assert.notEqual(other.iv, JSON.parse(vault).iv);
    assert.notEqual(other.data, JSON.parse(vault).data);
  } finally {
    k.free();
  }
  // The wrong password on a full-strength vault.
  throwsCode(() => Keyring.unlock(vault, PASSWORD + '!'), 'INCORRECT_PASSWORD');
});

test('non-ASCII passwords are UTF-8, as in browser-passworder', async () => {
  const password = 'pässwörd 🦊 ключ';
  const phrase = phraseOf(16);
  const vault = await legacyVault(password, metamaskKeyrings(phrase, 1, []));
  const k = Keyring.unlock(vault, password);
  try {
    assertAccounts(k, expectedAccounts(phrase, 1, []), 'unicode password');
  } finally {
    k.free();
  }
  throwsCode(() => Keyring.unlock(vault, password.normalize('NFD')), 'INCORRECT_PASSWORD', 'passwords are not normalized');
});

test('wrong password and altered ciphertext throw INCORRECT_PASSWORD; broken JSON throws MALFORMED_VAULT', async () => {
  const phrase = phraseOf(16);
  const vault = await legacyVault(PASSWORD, metamaskKeyrings(phrase, 1, [randomKey()]));
  const v = JSON.parse(vault);
  for (const pw of ['', 'Correct horse battery staple', PASSWORD + ' ', PASSWORD.slice(1)]) {
    throwsCode(() => Keyring.unlock(vault, pw), 'INCORRECT_PASSWORD', `password ${JSON.stringify(pw)}`);
  }
  const flip = (b64, at) => {
    const bytes = Buffer.from(b64, 'base64');
    bytes[at] ^= 1 << rng.int(8);
    return bytes.toString('base64');
  };
  const dataLen = Buffer.from(v.data, 'base64').length;
  for (const [what, altered] of [
    ['a data byte', { ...v, data: flip(v.data, rng.int(dataLen - 16)) }],
    ['a tag byte', { ...v, data: flip(v.data, dataLen - 1 - rng.int(16)) }],
    ['an IV byte', { ...v, iv: flip(v.iv, rng.int(16)) }],
    ['a salt byte', { ...v, salt: flip(v.salt, rng.int(32)) }],
  ]) {
    const json = JSON.stringify(altered);
    await assert.rejects(decrypt(PASSWORD, json), `browser-passworder also refuses ${what}`);
    throwsCode(() => Keyring.unlock(json, PASSWORD), 'INCORRECT_PASSWORD', `flipped ${what}`);
  }
  const malformed = [
    ['truncated JSON', vault.slice(0, rng.range(1, vault.length - 1))],
    ['empty string', ''],
    ['not JSON', 'hello'],
    ['JSON array', '[]'],
    ['empty object', '{}'],
    ['no data', JSON.stringify({ iv: v.iv, salt: v.salt })],
    ['no iv', JSON.stringify({ data: v.data, salt: v.salt })],
    ['no salt', JSON.stringify({ data: v.data, iv: v.iv })],
    ['data not base64', JSON.stringify({ ...v, data: '%%%not base64%%%' })],
  ];
  for (const [what, json] of malformed) throwsCode(() => Keyring.unlock(json, PASSWORD), 'MALFORMED_VAULT', what);
  // Authentic ciphertext whose plaintext is no keyring list.
  const notKeyrings = await legacyVault(PASSWORD, { hello: 'world' });
  throwsCode(() => Keyring.unlock(notKeyrings, PASSWORD), 'MALFORMED_VAULT', 'plaintext is not a keyring list');
});

test('a non-default hdPath is honoured, and keyrings the core does not manage are kept in vault()', async () => {
  const phrase = phraseOf(16);
  const second = phraseOf(16);
  const path = "m/44'/60'/1'/0";
  const ledger = { type: 'Ledger Hardware', data: { hdPath: "m/44'/60'/0'", accounts: [toHex(rng.bytes(20))] } };
  const keyrings = [
    { type: 'HD Key Tree', data: { mnemonic: Array.from(new TextEncoder().encode(phrase)), numberOfAccounts: 2, hdPath: path } },
    { type: 'HD Key Tree', data: { mnemonic: second, numberOfAccounts: 1, hdPath: HD_PATH } },
    ledger,
  ];
  const k = Keyring.unlock(await legacyVault(PASSWORD, keyrings), PASSWORD);
  try {
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase));
    const want = [0, 1].map((i) => ({ address: privateKeyToAccount(toHex(root.derive(`${path}/${i}`).privateKey)).address, type: 'hd', index: i, phrase: 1 }));
    const got = k.accounts().filter((a) => a.type === 'hd' && want.some((w) => w.address === a.address));
    assert.deepEqual(got, want, `the accounts of ${path}`);
    // Re-saving must not lose what Keystead does not show: MetaMask would still need it.
    const saved = await decrypt(PASSWORD, k.vault());
    const asString = (r) => (r.type === 'HD Key Tree' && Array.isArray(r.data.mnemonic) ? { ...r, data: { ...r.data, mnemonic: new TextDecoder().decode(Uint8Array.from(r.data.mnemonic)) } } : r);
    const norm = saved.map(asString);
    assert.deepEqual(norm.find((r) => r.type === 'HD Key Tree' && r.data.mnemonic === phrase)?.data, { mnemonic: phrase, numberOfAccounts: 2, hdPath: path });
    assert.deepEqual(norm.find((r) => r.type === 'HD Key Tree' && r.data.mnemonic === second)?.data, keyrings[1].data, 'the second SRP is kept');
    assert.deepEqual(norm.find((r) => r.type === 'Ledger Hardware'), ledger, 'the hardware keyring is kept');
  } finally {
    k.free();
  }
});
