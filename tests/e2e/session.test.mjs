// The wallet across service-worker restarts, lock and auto-lock, and what storage holds:
// never a phrase, a private key or the password. Also the recovery screen for a damaged vault.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mnemonicToAccount } from 'viem/accounts';
import { bytesToHex } from 'viem';
import {
  PASSWORD, startScene, answerApproval, openPopup, readStorage, stopServiceWorker, settledAutoLock, msg } from './harness.mjs';

let scene, demo, browser, wallet, dapp;

before(async () => {
  scene = await startScene();
  ({ demo, browser, wallet, dapp } = scene);
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
});

after(() => scene?.stop());

const request = (method, params) => dapp.evaluate(
  ({ method, params }) => window.keysteadDemo.provider.request({ method, params }).then((result) => ({ result }), (e) => ({ code: e.code })),
  { method, params },
);

/** Every form in which a secret could sit in storage: plain, hex, base64, byte arrays, word runs. */
function secretForms() {
  const phrase = wallet.words.join(' ');
  const key = mnemonicToAccount(phrase).getHdKey().privateKey;
  const keyHex = bytesToHex(key).slice(2);
  const forms = [phrase, keyHex, Buffer.from(keyHex, 'hex').toString('base64'), JSON.stringify(Array.from(key)).slice(1, -1),
    PASSWORD, Buffer.from(PASSWORD).toString('base64'), JSON.stringify(Array.from(Buffer.from(phrase))).slice(1, 60)];
  for (let i = 0; i + 3 <= wallet.words.length; i++) forms.push(wallet.words.slice(i, i + 3).join(' '));
  return forms;
}

function assertNoSecrets(storage) {
  const text = JSON.stringify(storage);
  for (const form of secretForms()) assert.ok(!text.includes(form), `storage holds a secret form: ${form.slice(0, 12)}…`);
}

test('after Chrome stops the service worker, the next dApp request works without the password', async () => {
  const popup = await openPopup(browser);
  // Playwright keeps one Worker object across a restart (it re-binds to the new context).
  const [worker] = browser.context.serviceWorkers();
  await worker.evaluate(() => { globalThis.marker = 'before the stop'; });
  await stopServiceWorker(browser, popup);
  await popup.close();

  assert.deepEqual(await request('eth_accounts'), { result: [wallet.address.toLowerCase()] });
  assert.equal(await worker.evaluate(() => globalThis.marker), undefined, 'a new worker instance answered');

  // Signing still works and the approval window asks no password.
  const approval = answerApproval(browser, 'approve', {
    expect: async (page) => assert.equal(await page.getByTestId('unlock-password').count(), 0),
  });
  await dapp.getByTestId('demo-sign-message').click();
  await approval;
  await dapp.getByTestId('demo-message-valid').filter({ hasText: 'valid' }).waitFor();
  assert.equal(await dapp.getByTestId('demo-message-valid').textContent(), 'valid');
});

test('storage.local and storage.session hold no phrase, private key or password', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  const storage = await readStorage(popup);
  assert.equal(typeof storage.local.vault, 'string');
  assert.equal(storage.local.schemaVersion, 1);
  assert.equal(typeof storage.session.sessionSnapshot, 'string');
  assertNoSecrets(storage);
  await popup.close();
});

test('connect lets the user pick accounts; a duplicate request opens no second window; a flood is capped', async () => {
  const popup = await openPopup(browser);
  const second = (await popup.getByTestId('account-item').nth(1).getAttribute('title'));
  await popup.close();
  const other = await browser.context.newPage();
  await other.goto(demo.otherOriginUrl);
  await other.waitForFunction(() => window.keysteadDemo?.provider);
  const windows = [];
  const onPage = (p) => { if (p.url().includes('#/approve/')) windows.push(p); };
  browser.context.on('page', onPage);
  const both = other.evaluate(() => Promise.all([
    window.keysteadDemo.provider.request({ method: 'eth_requestAccounts' }),
    window.keysteadDemo.provider.request({ method: 'eth_requestAccounts' }),
  ]));
  const page = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const boxes = page.getByTestId('connect-account');
  await boxes.first().waitFor();
  assert.equal(await boxes.count(), 2);
  await boxes.nth(0).setChecked(false);
  await boxes.nth(1).setChecked(true);
  const closed = page.waitForEvent('close');
  await page.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
  await closed;
  assert.deepEqual(await both, [[second.toLowerCase()], [second.toLowerCase()]]); // dApps get lower case
  assert.equal(windows.length, 1, 'the second eth_requestAccounts was answered without a window');

  const flood = other.evaluate((account) => Promise.all(Array.from({ length: 12 }, () => window.keysteadDemo.provider
    .request({ method: 'personal_sign', params: ['0x6869', account] }).then(() => 'signed', (e) => e.code))), second);
  for (let i = 0; i < 10; i++) {
    const next = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
    await next.getByTestId('reject').waitFor();
    const gone = next.waitForEvent('close');
    await next.getByTestId('reject').click({ noWaitAfter: true }).catch(() => {});
    await gone;
  }
  const codes = await flood;
  browser.context.off('page', onPage);
  assert.deepEqual(codes.filter((c) => c === 4001).length, 10);
  assert.deepEqual(codes.filter((c) => c === -32002).length, 2);
  await other.close();
});

test('lock: the dApp sees no accounts, the session is gone, and signing needs the password again', async () => {
  const popup = await openPopup(browser);
  const changed = dapp.evaluate(() => new Promise((resolve) => window.keysteadDemo.provider.on('accountsChanged', resolve)));
  await popup.getByTestId('lock').click();
  await popup.getByTestId('unlock-password').waitFor();
  assert.deepEqual(await changed, []);
  assert.deepEqual(await request('eth_accounts'), { result: [] });
  const storage = await readStorage(popup);
  assert.equal(storage.session.sessionSnapshot, undefined);
  assert.equal(storage.session.sessionKey, undefined);

  // A sign request while locked opens an approval window that asks to unlock first.
  const windowOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const signed = request('personal_sign', ['0x6869', wallet.address]);
  const page = await windowOpened;
  await page.getByTestId('unlock-password').fill('not the password');
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('unlock-error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  await page.getByTestId('unlock-password').fill(PASSWORD);
  await page.getByTestId('unlock-submit').click();
  const closed = page.waitForEvent('close');
  await page.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
  await closed;
  const { result } = await signed;
  assert.match(result, /^0x[0-9a-f]{130}$/);
  assert.deepEqual(await request('eth_accounts'), { result: [wallet.address.toLowerCase()] });
  await popup.close();
});

test('a connected site asking while the wallet is locked gets a window that only asks to unlock', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('lock').click();
  await popup.getByTestId('unlock-password').waitFor();
  const windowOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const accounts = request('eth_requestAccounts');
  const page = await windowOpened;
  const closed = page.waitForEvent('close');
  await page.getByTestId('unlock-password').fill(PASSWORD);
  await page.getByTestId('unlock-submit').click({ noWaitAfter: true });
  await closed;
  assert.deepEqual(await accounts, { result: [wallet.address.toLowerCase()] });
  await popup.close();
});

test('auto-lock: an alarm at the chosen idle time, pushed back by the user\'s activity only', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('autolock-select').selectOption('5');
  await popup.waitForFunction(async () => (await chrome.storage.local.get('settings')).settings?.autoLockMinutes === 5);
  const alarm = () => popup.evaluate(async () => (await chrome.alarms.get('keystead-autolock')).scheduledTime);
  const first = await settledAutoLock(popup);
  const due = first - Date.now();
  assert.ok(due > 4 * 60_000 && due < 5 * 60_000 + 1000, `alarm due in ${due} ms`);
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(await request('eth_chainId'), { result: '0x7a69' });
  assert.equal(await alarm(), first, 'a dApp request is not the user\'s activity: the alarm stays');
  await popup.reload(); // the popup opened again asks the worker for its status
  await popup.getByTestId('account-address').waitFor();
  const pushed = await alarm();
  assert.ok(pushed >= first + 1000, `the popup pushed the alarm back (${first} → ${pushed})`);
  await popup.close();
});

test('a damaged vault leads to the recovery screen; the previous copy restores it and nothing is reset', async () => {
  const popup = await openPopup(browser);
  const { local } = await readStorage(popup);
  assert.equal(typeof local.vaultPrevious, 'string', 'adding an account kept the previous vault');
  await popup.evaluate(() => chrome.storage.local.set({ vault: '{"data": "truncat' }));
  await popup.reload();
  await popup.getByTestId('recover-previous').waitFor();
  assert.equal((await readStorage(popup)).local.vault, '{"data": "truncat', 'nothing was overwritten by opening the popup');
  await popup.getByTestId('recover-previous').click();
  // The restored copy is not what the unlocked keyring held: the wallet locks and asks for the password.
  await popup.getByTestId('unlock-password').fill(PASSWORD);
  await popup.getByTestId('unlock-submit').click();
  assert.equal(await popup.getByTestId('account-address').textContent(), wallet.address);
  const after = await readStorage(popup);
  assert.equal(after.local.vaultCorrupt, '{"data": "truncat', 'the damaged vault is kept aside');
  await popup.close();
});

test('a damaged vault with no usable copy: importing the phrase on the recovery screen brings the wallet back', async () => {
  const popup = await openPopup(browser);
  await popup.evaluate(() => chrome.storage.local.set({ vault: 'garbage', vaultPrevious: 'also garbage' }));
  await popup.reload();
  await popup.getByTestId('import-wallet').click();
  for (const [i, word] of wallet.words.entries()) await popup.getByTestId(`srp-import-word-${i + 1}`).fill(word);
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('account-address').filter({ hasText: wallet.address }).waitFor();
  const { local } = await readStorage(popup);
  assert.equal(local.vaultCorrupt, 'garbage');
  assert.equal(JSON.parse(local.vault).keyMetadata.params.iterations, 600000);
  await popup.close();
});
