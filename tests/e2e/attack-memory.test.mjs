// An attacker who can read the service worker's memory (DevTools protocol, a memory dump) after
// the wallet locked must find no secret in the core's WebAssembly memory: not the phrase (as
// entropy, text or seed), not the vault key, not a BIP32 key, not an imported key, not the
// password, not the session key. Both ways a keyring comes to be: made in this worker (create,
// unlock) and resumed from the session snapshot after Chrome stopped the worker.
//
// The scan is calibrated: while unlocked it must find the secrets the keyring holds (so a scan
// that finds nothing after lock means they were wiped, not that the scanner is blind).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { HDKey } from '@scure/bip32';
import { mnemonicToEntropy, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { PASSWORD, startScene, answerApproval, readStorage, stopServiceWorker } from './harness.mjs';
import { readWorkerMemories, scan } from './worker-memory.mjs';

const IMPORTED_KEY = '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'; // anvil's account #2
const IMPORTED = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

let scene, browser, wallet, popup, dapp;
const sessionKeys = [];

before(async () => {
  scene = await startScene();
  ({ browser, wallet, dapp } = scene);
  popup = wallet.popup;
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
});

after(() => scene?.stop());

/** A request from the popup to the worker, exactly as popup/api.js sends it. */
async function call(method, params = {}) {
  const response = await popup.evaluate(([method, params]) => chrome.runtime.sendMessage({ kind: 'popup', method, params }), [method, params]);
  if (response?.error) throw Object.assign(new Error(response.error.message), { code: response.error.code });
  return response.result;
}

/** personal_sign from the dApp, approved in the approval window. */
async function sign() {
  const approval = answerApproval(browser, 'approve');
  const signature = dapp.evaluate((address) => window.keysteadDemo.provider.request({
    method: 'personal_sign', params: ['0x6d656d6f72792073636174', address],
  }), wallet.address);
  await approval;
  assert.match(await signature, /^0x[0-9a-f]{130}$/);
}

/** Uses every secret: reveals the phrase, exports the HD and the imported key, signs. */
async function useSecrets() {
  assert.deepEqual((await call('revealPhrase', { password: PASSWORD })).words, wallet.words);
  assert.equal((await call('exportPrivateKey', { address: IMPORTED, password: PASSWORD })).privateKey, `0x${IMPORTED_KEY}`);
  assert.match((await call('exportPrivateKey', { address: wallet.address, password: PASSWORD })).privateKey, /^0x[0-9a-f]{64}$/);
  await sign();
}

/** Records the current session key (it changes at every unlock). */
async function noteSessionKey() {
  const { session } = await readStorage(popup);
  assert.ok(Array.isArray(session.sessionKey), 'unlocked: a session key is stored');
  sessionKeys.push(Buffer.from(session.sessionKey));
}

/** A 32-byte big-endian number in both byte orders (the core's scalars are little-endian limbs). */
const bothOrders = (name, bytes) => ({ [name]: Buffer.from(bytes), [`${name} (reversed)`]: Buffer.from(bytes).reverse() });

/** Every form of every secret this wallet has, as the byte strings to look for. */
async function secretForms() {
  const phrase = wallet.words.join(' ');
  const seed = mnemonicToSeedSync(phrase);
  const account = HDKey.fromMasterSeed(seed).derive("m/44'/60'/0'/0");
  const { local } = await readStorage(popup);
  const vault = JSON.parse(local.vault);
  const vaultKey = crypto.pbkdf2Sync(PASSWORD, Buffer.from(vault.salt, 'base64'), vault.keyMetadata.params.iterations, 32, 'sha256');
  const forms = {
    'phrase entropy': Buffer.from(mnemonicToEntropy(phrase, wordlist)),
    'phrase text': Buffer.from(phrase),
    'BIP39 seed': Buffer.from(seed),
    ...bothOrders('vault key', vaultKey),
    ...bothOrders('account-level key', account.privateKey),
    'account-level chain code': Buffer.from(account.chainCode),
    ...bothOrders('address-level key 0', account.deriveChild(0).privateKey),
    ...bothOrders('imported key', Buffer.from(IMPORTED_KEY, 'hex')),
    'imported key hex': Buffer.from(IMPORTED_KEY),
    password: Buffer.from(PASSWORD),
  };
  for (const [i, key] of sessionKeys.entries()) Object.assign(forms, bothOrders(`session key ${i}`, key));
  return forms;
}

/** Scans while unlocked (calibration), locks, scans again: returns both findings. */
async function scanAroundLock() {
  const forms = await secretForms();
  const unlocked = scan(await readWorkerMemories(browser, popup), forms);
  await call('lock');
  const locked = scan(await readWorkerMemories(browser, popup), forms);
  return { unlocked, locked };
}

/** The scanner sees what an unlocked keyring must hold: the phrase, the vault key, the keys. */
function assertCalibrated(unlocked) {
  const has = (name) => Object.keys(unlocked).some((form) => form.startsWith(name));
  for (const name of ['phrase entropy', 'vault key', 'account-level key', 'address-level key 0', 'imported key']) {
    assert.ok(has(name), `calibration: while unlocked the scan finds the ${name} (found: ${JSON.stringify(unlocked)})`);
  }
  assert.equal(unlocked.password, undefined, 'the password is not kept in WASM memory after revealPhrase / exportPrivateKey');
}

test('fresh keyring (create, import, use): after lock the WASM memory holds no secret', async () => {
  await call('importPrivateKey', { privateKey: `0x${IMPORTED_KEY}` });
  await noteSessionKey();
  await useSecrets();
  const { unlocked, locked } = await scanAroundLock();
  assertCalibrated(unlocked);
  assert.deepEqual(locked, {}, 'after lock no secret is left in WASM memory');
});

/**
 * Unlocks, has Chrome stop the worker, wakes a new one with a popup request (it resumes the
 * keyring from the session snapshot), runs `use`, then scans around lock.
 */
async function resumedThenLocked(use) {
  await call('unlock', { password: PASSWORD });
  await noteSessionKey();
  await stopServiceWorker(browser, popup);
  assert.equal((await call('status')).state, 'unlocked', 'the new worker resumed the keyring');
  await use();
  const { unlocked, locked } = await scanAroundLock();
  assertCalibrated(unlocked);
  assert.deepEqual(locked, {}, 'after lock no secret is left in WASM memory');
  return unlocked;
}

test('resumed keyring, locked right after the worker woke: no secret is left', async () => {
  await resumedThenLocked(async () => {});
});

test('resumed keyring, sign then reveal: one copy of the phrase while unlocked, no password; none after lock', async () => {
  const unlocked = await resumedThenLocked(async () => {
    await sign();
    assert.deepEqual((await call('revealPhrase', { password: PASSWORD })).words, wallet.words);
  });
  assert.equal(unlocked['phrase entropy'], 1, 'the keyring holds the phrase once; revealing it leaves no extra copy');
});

test('resumed keyring (reveal, export, sign): after lock the WASM memory holds no secret', async () => {
  await resumedThenLocked(useSecrets);
});
