// Attacks on the stored vault and the session, the way they were found: the worker driven over
// CDP (its storage calls patched from Playwright's worker.evaluate, then a real stop with
// ServiceWorker.stopAllWorkers), bytes of the stored vault changed, the storage filled to
// Chrome's quota, and password guessing through the real unlock screen.
//   - A stop between the vault write and the session write never resumes an older keyring.
//   - A damaged vault is not "a wrong password": the previous copy is offered, and a restore
//     never overwrites a readable previous copy with a vault that never opened.
//   - A write that fails (storage full) changes nothing in memory and says what to do.
//   - Repeated wrong passwords bring a growing wait that survives a worker restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { privateKeyToAccount } from 'viem/accounts';
import {
  PASSWORD, startAnvil, browserPool, popupCall, openPopup, createWallet, readStorage, stopServiceWorker, msg,
} from './harness.mjs';

/** The unlock screen's wait message, in the run's language, for any number of seconds. */
const WAIT_SHOWN = new RegExp(msg('unlock_wait', { wait: msg('unlock_wait_seconds_other', { count: '\u0000' }) })
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '\\d+'));

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const IMPORTED = privateKeyToAccount(KEY).address;

// Each test has its own profile; anvil answers the balance and account-discovery calls.
const { fresh, closeAll } = browserPool();
let chain;

before(async () => {
  chain = await startAnvil();
});

after(async () => {
  await closeAll();
  chain?.stop();
});

async function accountsOf(page) {
  const { result } = await popupCall(page, 'status');
  return (result.accounts ?? []).map((a) => a.address);
}

/** The extension's service worker as Playwright sees it (woken by `page`'s status call if stopped). */
async function workerOf(browser, page) {
  await popupCall(page, 'status');
  const [worker] = browser.context.serviceWorkers();
  return worker ?? browser.context.waitForEvent('serviceworker');
}

async function until(check, what, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function importKey(page, key = KEY) {
  await page.getByTestId('settings').click();
  await page.getByTestId('import-private-key').click();
  await page.getByTestId('private-key-input').fill(key);
  await page.getByTestId('import-private-key-submit').click();
}

async function addAccount(page) {
  const count = await page.getByTestId('account-item').count();
  await page.getByTestId('add-account').click();
  await page.getByTestId('account-item').nth(count).waitFor();
}

async function unlock(page, password = PASSWORD) {
  await page.getByTestId('unlock-password').fill(password);
  await page.getByTestId('unlock-submit').click();
}

/** Waits for the home or the unlock screen; unlocks if asked. Returns whether the password was asked. */
async function unlockIfAsked(page) {
  await page.locator('[data-testid=unlock-password], [data-testid=account-address]').first().waitFor();
  if (await page.getByTestId('unlock-password').count() === 0) return false;
  await unlock(page);
  await page.getByTestId('account-address').waitFor();
  return true;
}

/** In the live worker: every storage.session write of a snapshot hangs forever (a stalled write). */
async function hangSnapshotWrites(browser, page) {
  const worker = await workerOf(browser, page);
  await worker.evaluate(() => {
    const area = chrome.storage.session;
    const set = area.set.bind(area);
    area.set = (items, ...rest) => (items && 'sessionSnapshot' in items ? new Promise(() => {}) : set(items, ...rest));
  });
}

/** Starts a popup method whose answer never comes (the worker is stopped under it); resolves once the vault changed. */
async function startAndWaitForVaultWrite(page, method, params) {
  const before = (await readStorage(page)).local.vault;
  popupCall(page, method, params).catch(() => {});
  await until(async () => (await readStorage(page)).local.vault !== before, 'the vault write');
}

test('a worker stopped between the vault write and the session write: the imported key is not lost', async () => {
  const browser = await fresh();
  const { popup } = await createWallet(browser);
  await hangSnapshotWrites(browser, popup);
  await startAndWaitForVaultWrite(popup, 'importPrivateKey', { privateKey: KEY });
  await stopServiceWorker(browser, popup);
  await popup.close();

  const page = await openPopup(browser);
  const asked = await unlockIfAsked(page);
  // What the attack showed: two more accounts wrote the resumed keyring over vault and vaultPrevious.
  await addAccount(page);
  await addAccount(page);
  await page.getByTestId('lock').click();
  await unlock(page);
  await page.getByTestId('account-address').waitFor();
  assert.ok((await accountsOf(page)).includes(IMPORTED), 'the imported key is still in the wallet');
  assert.ok(asked, 'the snapshot older than the stored vault was not resumed: the password was asked');
});

test('a worker stopped between the vault write and the session write: a removed key does not come back', async () => {
  const browser = await fresh();
  const { popup } = await createWallet(browser);
  await importKey(popup);
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  await hangSnapshotWrites(browser, popup);
  await startAndWaitForVaultWrite(popup, 'removeAccount', { address: IMPORTED });
  await stopServiceWorker(browser, popup);
  await popup.close();

  const page = await openPopup(browser);
  await unlockIfAsked(page);
  assert.ok(!(await accountsOf(page)).includes(IMPORTED), 'the removed key stays removed');
  await addAccount(page);
  await page.getByTestId('lock').click();
  await unlock(page);
  await page.getByTestId('account-address').waitFor();
  assert.ok(!(await accountsOf(page)).includes(IMPORTED), 'and the stored vault does not have it');
});

const flip = (text, i) => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
const DAMAGES = {
  data: (v) => ({ ...v, data: flip(v.data, 20) }),
  iv: (v) => ({ ...v, iv: flip(v.iv, 4) }),
  salt: (v) => ({ ...v, salt: flip(v.salt, 4) }),
  keyMetadata: ({ keyMetadata: _, ...v }) => v,
};

/** A wallet with an imported key in both the vault and its previous copy; locked. */
async function walletWithImportedKey() {
  const browser = await fresh();
  const { popup, words } = await createWallet(browser);
  await importKey(popup);
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  await addAccount(popup);
  const { vault, vaultPrevious } = (await readStorage(popup)).local;
  await popup.getByTestId('lock').click();
  await popup.getByTestId('unlock-password').waitFor();
  const worker = await workerOf(browser, popup);
  const setVault = (text) => worker.evaluate((v) => chrome.storage.local.set({ vault: v }), text);
  return { browser, popup, words, vault, vaultPrevious, setVault };
}

test('a vault with one damaged field is not "a wrong password": the previous copy is offered and opens', async () => {
  const { popup, vault, vaultPrevious, setVault } = await walletWithImportedKey();
  let damaged;
  for (const [part, damage] of Object.entries(DAMAGES)) {
    damaged = JSON.stringify(damage(JSON.parse(vault)));
    await setVault(damaged);
    await popup.reload();
    await unlock(popup);
    const error = popup.getByTestId('unlock-error');
    await error.waitFor();
    assert.ok((await error.textContent()).includes(msg('error_previous_copy_opens')), `damaged ${part}: the right password is not called wrong`);
    assert.equal(await popup.getByTestId('unlock-previous').isVisible(), true);
    assert.equal((await readStorage(popup)).local.vault, damaged, 'nothing is changed before the user chooses');
  }
  await popup.getByTestId('unlock-previous').click();
  await popup.getByTestId('account-address').waitFor();
  assert.ok((await accountsOf(popup)).includes(IMPORTED), 'the previous copy holds the imported key');
  const { local } = await readStorage(popup);
  assert.equal(local.vault, vaultPrevious);
  assert.equal(local.vaultCorrupt, damaged, 'the damaged vault is kept aside');
});

test('forgot password over a damaged vault: the restore keeps the readable previous copy, and every replaced vault aside', async () => {
  const { popup, words, vault, vaultPrevious, setVault } = await walletWithImportedKey();
  const damaged = JSON.stringify(DAMAGES.data(JSON.parse(vault)));
  await setVault(damaged);
  await popup.reload();
  await popup.getByTestId('forgot-password').click();
  await popup.getByTestId('restore-continue').click();
  for (const [i, word] of words.entries()) await popup.getByTestId(`srp-import-word-${i + 1}`).fill(word);
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('account-address').waitFor();
  let { local } = await readStorage(popup);
  assert.equal(local.vaultPrevious, vaultPrevious, 'the readable previous copy (with the imported key) is not overwritten by a vault that never opened');
  const aside = () => (local.vaultsAside ?? []).map((e) => e.vault);
  assert.ok(aside().includes(damaged), 'the damaged vault is kept aside');

  // Until the user unlocks the new wallet, no replaced vault is dropped, even by further writes.
  await addAccount(popup);
  ({ local } = await readStorage(popup));
  assert.ok(aside().includes(vaultPrevious) && aside().includes(damaged), 'both replaced vaults are still aside');
  await popup.getByTestId('lock').click();
  await unlock(popup);
  await popup.getByTestId('account-address').waitFor();
  ({ local } = await readStorage(popup));
  assert.equal(local.vaultsAside, undefined, 'unlocking the new wallet drops the copies set aside');
});

test('a missing vault with a previous copy leads to recovery, not the welcome screen; a newer schema is not restored as this one', async () => {
  const browser = await fresh();
  const { popup, address } = await createWallet(browser);
  await addAccount(popup);
  const worker = await workerOf(browser, popup);
  await worker.evaluate(() => chrome.storage.local.remove('vault'));
  await popup.reload();
  await popup.locator('[data-testid=recover-previous], [data-testid=create-wallet]').first().waitFor();
  assert.equal(await popup.getByTestId('create-wallet').count(), 0, 'not offered to create a new wallet');
  await popup.getByTestId('recover-previous').click();
  await unlock(popup);
  await popup.getByTestId('account-address').filter({ hasText: address }).waitFor();

  const before = (await readStorage(popup)).local;
  await worker.evaluate(() => chrome.storage.local.set({ schemaVersion: 2 }));
  await popup.reload();
  await popup.getByText(msg('recovery_why_newer_schema')).waitFor();
  assert.equal(await popup.getByTestId('recover-previous').count(), 0, 'no "restore the previous copy" across versions');
  const reply = await popupCall(popup, 'recoverPreviousVault');
  assert.equal(reply.error?.code, 'INVALID_ARGUMENT');
  assert.deepEqual((await readStorage(popup)).local, { ...before, schemaVersion: 2 }, 'nothing changed');
});

test('storage full: a failed write changes nothing in memory and says what to do', async () => {
  const browser = await fresh();
  const { popup } = await createWallet(browser);
  const worker = await workerOf(browser, popup);
  const left = await worker.evaluate(async () => {
    const area = chrome.storage.local;
    for (let spare = 0; spare < 4096; spare += 8) {
      const used = await area.getBytesInUse(null);
      try {
        await area.set({ filler: 'x'.repeat(area.QUOTA_BYTES - used - spare - 'filler'.length - 2) });
        return area.QUOTA_BYTES - (await area.getBytesInUse(null));
      } catch {
        // a little less
      }
    }
    return -1;
  });
  assert.ok(left >= 0 && left < 4096, `storage filled (${left} bytes left)`);
  const before = (await readStorage(popup)).local;

  await importKey(popup);
  const error = popup.getByTestId('error');
  await error.waitFor();
  const message = await error.textContent();
  assert.doesNotMatch(message, /kQuotaBytes/, 'not Chrome\'s raw error');
  assert.ok(message.includes(msg('error_storage_full')), message);
  assert.deepEqual(await accountsOf(popup), [before.selectedAddress], 'the worker does not show an account the vault lacks');
  assert.deepEqual((await readStorage(popup)).local, before);

  // With room again, the same import works: the keyring was put back whole.
  await worker.evaluate(() => chrome.storage.local.remove('filler'));
  await popup.getByTestId('import-private-key-submit').click();
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  assert.deepEqual(await accountsOf(popup), [before.selectedAddress, IMPORTED]);
});

test('repeated wrong passwords bring a growing wait, shown on the unlock screen, that a worker restart does not reset', async () => {
  const browser = await fresh();
  const { popup, address } = await createWallet(browser);
  await popup.getByTestId('lock').click();
  for (let i = 0; i < 3; i++) {
    await popup.reload();
    await unlock(popup, `wrong password ${i}`);
    await popup.getByTestId('unlock-error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  }
  const wait = popup.getByTestId('unlock-wait');
  await wait.waitFor({ timeout: 10_000 });
  assert.match(await wait.textContent(), WAIT_SHOWN);
  assert.equal(await popup.getByTestId('unlock-submit').isDisabled(), true);

  await stopServiceWorker(browser, popup);
  await popup.reload();
  await wait.waitFor();
  assert.match(await wait.textContent(), WAIT_SHOWN, 'the count survived the worker restart');
  // Past the screen, straight to the worker, even the right password waits.
  const reply = await popupCall(popup, 'unlock', { password: PASSWORD });
  assert.equal(reply.error?.code, 'UNLOCK_THROTTLED');
  assert.match(reply.error.message, /Wait \d+ seconds/);
  const { local } = await readStorage(popup);
  assert.equal(local.unlockThrottle.failures, 3);

  // The wait is over (moved into the past rather than waited out): the right password unlocks and the count resets.
  await popup.evaluate(() => chrome.storage.local.get('unlockThrottle').then(({ unlockThrottle: t }) => chrome.storage.local.set({ unlockThrottle: { ...t, lastAt: t.lastAt - 3_600_000 } })));
  await popup.reload();
  await unlock(popup);
  await popup.getByTestId('account-address').filter({ hasText: address }).waitFor();
  assert.equal((await readStorage(popup)).local.unlockThrottle, undefined);
});
