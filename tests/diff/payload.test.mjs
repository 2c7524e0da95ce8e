// The core's browser-passworder payloads (the backup file's encrypted settings: `sealPayload`,
// `openPayload`, through lib/webcrypto-kdf.js's `encryptJson` / `decryptJson` as the worker uses
// them) against @metamask/browser-passworder 6, both ways: what one encrypts the other decrypts,
// with the same layout; a wrong password or an altered byte is INCORRECT_PASSWORD, a payload of
// the wrong shape MALFORMED_VAULT. A payload the earlier JavaScript implementation wrote
// (tests/vectors/backup-settings-v1.json) still opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { encrypt, decrypt, keyFromPassword, encryptWithKey, generateSalt } from '@metamask/browser-passworder';
import * as kdf from '../../lib/webcrypto-kdf.js';
import {
  newVaultKeyParams, vaultKeyParams, sealPayload, openPayload, seededRng, throwsCode, PASSWORD,
} from './core.mjs';

const rng = seededRng('payload.test.mjs');
const PBKDF2 = (iterations) => ({ algorithm: 'PBKDF2', params: { iterations } });
const core = { newVaultKeyParams, vaultKeyParams, sealPayload, openPayload };
const encryptJson = (password, value) => kdf.encryptJson(core, password, value);
const decryptJson = (password, payload) => kdf.decryptJson(core, password, payload);
// The count the core gives new payloads (the tests read it; no JS code decides it).
const ITERATIONS = newVaultKeyParams().iterations;

/** A JSON value with nested objects, arrays, non-ASCII text and numbers, different per call. */
function sampleValue() {
  const hex = Array.from(rng.bytes(20), (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    accountNames: { [`0x${hex}`]: `Compte épargne ${rng.bytes(1)[0]} 🔑` },
    networks: [{ chainId: '0x539', name: 'Anvil 2', rpcUrl: 'http://127.0.0.1:8546', symbol: 'ETH' }],
    settings: { autoLockMinutes: 15 },
    backup: { keys: {}, fileDownloadedAt: new Date(0).toISOString() },
    nothing: null,
    flag: true,
  };
}

/** A random JSON value: any of JSON's kinds, nested a few levels, with non-ASCII strings. */
function randomValue(depth = 0) {
  const kind = rng.int(depth > 2 ? 4 : 6);
  const text = () => Array.from({ length: rng.int(12) }, () => rng.pick(['a', 'Z', ' ', '"', '\\', '\n', 'é', '🦊', 'ключ', '\u2028', '0'])).join('');
  if (kind === 0) return null;
  if (kind === 1) return rng.bool();
  if (kind === 2) return rng.pick([0, -1, 2 ** 53 - 1, 1.5, -0.25, rng.u32()]);
  if (kind === 3) return text();
  if (kind === 4) return Array.from({ length: rng.int(4) }, () => randomValue(depth + 1));
  return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [text(), randomValue(depth + 1)]));
}

async function rejectsCode(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('the core’s payload has browser-passworder’s layout and opens with its decrypt', async () => {
  const value = sampleValue();
  const text = await encryptJson(PASSWORD, value);
  const payload = JSON.parse(text);
  assert.deepEqual(Object.keys(payload).sort(), ['data', 'iv', 'keyMetadata', 'salt']);
  assert.deepEqual(payload.keyMetadata, PBKDF2(ITERATIONS));
  assert.equal(ITERATIONS, 600_000);
  assert.equal(Buffer.from(payload.iv, 'base64').length, 16);
  assert.equal(Buffer.from(payload.salt, 'base64').length, 32);
  // AES-GCM: ciphertext as long as the plaintext, then the 16-byte tag.
  assert.equal(Buffer.from(payload.data, 'base64').length, Buffer.byteLength(JSON.stringify(value)) + 16);
  assert.deepEqual(await decrypt(PASSWORD, text), value);
  await assert.rejects(decrypt('wrong password', text), /Incorrect password/);
  // Fresh salt and IV every time.
  const again = JSON.parse(await encryptJson(PASSWORD, value));
  assert.notEqual(again.salt, payload.salt);
  assert.notEqual(again.iv, payload.iv);
});

test('the core opens what browser-passworder encrypts: 600,000, its default 900,000, and legacy 10,000', async () => {
  const value = sampleValue();
  const at600k = await encrypt(PASSWORD, value, undefined, undefined, PBKDF2(600_000));
  assert.deepEqual(await decryptJson(PASSWORD, at600k), value);
  assert.deepEqual(await decryptJson(PASSWORD, JSON.parse(at600k)), value, 'a parsed payload too');
  const byDefault = await encrypt(PASSWORD, value);
  assert.equal(JSON.parse(byDefault).keyMetadata.params.iterations, 900_000);
  assert.deepEqual(await decryptJson(PASSWORD, byDefault), value);

  const salt = generateSalt();
  const legacy = await encryptWithKey(await keyFromPassword(PASSWORD, salt, false, PBKDF2(10_000)), value);
  delete legacy.keyMetadata;
  legacy.salt = salt;
  assert.deepEqual(await decryptJson(PASSWORD, JSON.stringify(legacy)), value);
  await rejectsCode(decryptJson('wrong password', JSON.stringify(legacy)), 'INCORRECT_PASSWORD');
});

test('a wrong password or any altered byte is INCORRECT_PASSWORD; a broken payload is MALFORMED_VAULT', async () => {
  const text = await encrypt(PASSWORD, sampleValue(), undefined, undefined, PBKDF2(10_000));
  await rejectsCode(decryptJson('wrong password', text), 'INCORRECT_PASSWORD');
  const payload = JSON.parse(text);
  const data = Buffer.from(payload.data, 'base64');
  data[rng.int(data.length)] ^= 1;
  await rejectsCode(decryptJson(PASSWORD, { ...payload, data: data.toString('base64') }), 'INCORRECT_PASSWORD');
  const iv = Buffer.from(payload.iv, 'base64');
  iv[0] ^= 0x80;
  await rejectsCode(decryptJson(PASSWORD, { ...payload, iv: iv.toString('base64') }), 'INCORRECT_PASSWORD');

  await rejectsCode(decryptJson(PASSWORD, text.slice(0, text.length - 10)), 'MALFORMED_VAULT');
  await rejectsCode(decryptJson(PASSWORD, '{"hello":"world"}'), 'MALFORMED_VAULT');
  await rejectsCode(decryptJson(PASSWORD, { ...payload, data: '***' }), 'MALFORMED_VAULT');
  await rejectsCode(decryptJson(PASSWORD, { ...payload, keyMetadata: { algorithm: 'scrypt', params: {} } }), 'MALFORMED_VAULT');
  await rejectsCode(decryptJson(PASSWORD, { ...payload, keyMetadata: PBKDF2(1e12) }), 'MALFORMED_VAULT');
});

test('a settings payload the earlier JavaScript implementation wrote opens in the core', async () => {
  const fixture = JSON.parse(readFileSync(new URL('../vectors/backup-settings-v1.json', import.meta.url), 'utf8'));
  assert.deepEqual(fixture.payload.keyMetadata, PBKDF2(600_000));
  assert.deepEqual(await decryptJson(fixture.password, fixture.payload), fixture.value);
  assert.deepEqual(await decrypt(fixture.password, JSON.stringify(fixture.payload)), fixture.value, 'browser-passworder agrees');
  await rejectsCode(decryptJson(`${fixture.password}!`, fixture.payload), 'INCORRECT_PASSWORD');
});

test('any JSON value survives both ways: sealed by the core, opened by browser-passworder, and back', async () => {
  // Low counts keep the random cases cheap; the count is the payload's own (keyMetadata).
  for (let i = 0; i < 40; i++) {
    const value = randomValue();
    const password = rng.pick([PASSWORD, 'pässwörd 🦊', 'x']);
    const params = { ...newVaultKeyParams(), iterations: rng.range(1, 2000) };
    const sealed = sealPayload(value, params, await kdf.deriveVaultKey(password, params));
    assert.deepEqual(await decrypt(password, sealed), value, `sealed by the core, case ${i}`);
    assert.deepEqual(JSON.parse(sealed).keyMetadata, PBKDF2(params.iterations));
    const theirs = await encrypt(password, value, undefined, undefined, PBKDF2(rng.range(1, 2000)));
    assert.deepEqual(await decryptJson(password, theirs), value, `browser-passworder's, case ${i}`);
  }
});

test('keys are zeroed once copied; keys, params and values of the wrong shape are INVALID_ARGUMENT', async () => {
  const params = { ...newVaultKeyParams(), iterations: 1000 };
  const key = await kdf.deriveVaultKey(PASSWORD, params);
  const sealed = sealPayload({ a: 1 }, params, key);
  assert.ok(key.every((b) => b === 0), 'the seal key array is zeroed');
  const openKey = await kdf.deriveVaultKey(PASSWORD, vaultKeyParams(sealed));
  assert.deepEqual(openPayload(sealed, openKey), { a: 1 });
  assert.ok(openKey.every((b) => b === 0), 'the open key array is zeroed');

  const short = new Uint8Array(31).fill(7);
  throwsCode(() => openPayload(sealed, short), 'INVALID_ARGUMENT');
  assert.ok(short.every((b) => b === 0), 'a short key is zeroed too');
  throwsCode(() => openPayload(sealed, new Uint8Array(32).fill(7)), 'INCORRECT_PASSWORD');
  throwsCode(() => sealPayload({ a: 1 }, params, new Uint8Array(33)), 'INVALID_ARGUMENT');
  throwsCode(() => sealPayload({ a: 1 }, { salt: params.salt }, new Uint8Array(32)), 'INVALID_ARGUMENT');
  throwsCode(() => sealPayload({ a: 1 }, { ...params, iterations: 0 }, new Uint8Array(32)), 'INVALID_ARGUMENT');
  throwsCode(() => sealPayload({ a: 1 }, { ...params, salt: '***' }, new Uint8Array(32)), 'INVALID_ARGUMENT');
  const cyclic = {};
  cyclic.self = cyclic;
  for (const [what, value] of [['undefined', undefined], ['a function', () => 1], ['a BigInt', 1n], ['a cycle', cyclic]]) {
    const k = new Uint8Array(32).fill(1);
    throwsCode(() => sealPayload(value, params, k), 'INVALID_ARGUMENT', what);
    assert.ok(k.every((b) => b === 0), `the key is zeroed (${what})`);
  }
  throwsCode(() => openPayload('not json', new Uint8Array(32)), 'MALFORMED_VAULT');
});

test('a payload whose plaintext is not UTF-8 JSON is MALFORMED_VAULT, with nothing of it in the message', async () => {
  const { subtle } = globalThis.crypto;
  const params = { ...newVaultKeyParams(), iterations: 1000 };
  for (const [what, plain] of [
    ['text that is not JSON', new TextEncoder().encode('secret-ish words, not json')],
    ['bytes that are not UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])],
  ]) {
    const raw = await kdf.deriveVaultKey(PASSWORD, params);
    const aes = await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
    const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, aes, plain));
    const payload = JSON.stringify({
      data: Buffer.from(data).toString('base64'),
      iv: Buffer.from(iv).toString('base64'),
      keyMetadata: PBKDF2(params.iterations),
      salt: params.salt,
    });
    const err = throwsCode(() => openPayload(payload, raw), 'MALFORMED_VAULT', what);
    assert.ok(!err.message.includes('secret') && !err.message.includes('words'), err.message);
  }
});
