// lib/passworder.js (the backup file's encrypted settings) against @metamask/browser-passworder 6,
// both ways: what one encrypts the other decrypts, with the same layout; a wrong password or an
// altered byte is INCORRECT_PASSWORD, a payload of the wrong shape MALFORMED_VAULT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encrypt, decrypt, keyFromPassword, encryptWithKey, generateSalt } from '@metamask/browser-passworder';
import { encryptJson, decryptJson, ITERATIONS } from '../../lib/passworder.js';
import { seededRng, PASSWORD } from './core.mjs';

const rng = seededRng('passworder.test.mjs');
const PBKDF2 = (iterations) => ({ algorithm: 'PBKDF2', params: { iterations } });

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

async function rejectsCode(promise, code) {
  await assert.rejects(promise, (e) => {
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('lib/passworder.js output has browser-passworder’s layout and opens with its decrypt', async () => {
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

test('lib/passworder.js opens what browser-passworder encrypts: 600,000, its default 900,000, and legacy 10,000', async () => {
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
