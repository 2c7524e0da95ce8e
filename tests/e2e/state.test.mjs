// The worker's stored state has one owner with one write queue (extension/background/platform/
// store.js): concurrent read-modify-writes from the popup never lose an update, and what they
// wrote is what chrome.storage.local holds, also after Chrome stops the worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, launch, openPopup, popupCall, readStorage, stopServiceWorker } from './harness.mjs';

const COUNT = 50;
let browser;
let popup;

before(async () => {
  browser = await launch();
  popup = await openPopup(browser);
  const created = await popupCall(popup, 'create', { password: PASSWORD });
  assert.equal(created.result?.state, 'unlocked', JSON.stringify(created.error));
  for (let i = 1; i < COUNT; i++) {
    const added = await popupCall(popup, 'addAccount');
    assert.ok(added.result, JSON.stringify(added.error));
  }
});

after(() => browser?.close());

/** Sends every call at once from the page and waits for all the answers. */
const concurrently = (page, calls) => page.evaluate((list) => Promise.all(list.map(([method, params]) =>
  chrome.runtime.sendMessage({ kind: 'popup', method, params }))), calls);

test(`${COUNT} concurrent renames of ${COUNT} accounts all land, in storage and after a worker stop`, async () => {
  const { result: status } = await popupCall(popup, 'status');
  const addresses = status.accounts.map((a) => a.address);
  assert.equal(addresses.length, COUNT);
  const wanted = Object.fromEntries(addresses.map((a, i) => [a, `Renamed ${i}`]));
  // A backup date and the auto-lock choice change at the same time, in other records.
  const answers = await concurrently(popup, [
    ...addresses.map((address) => ['renameAccount', { address, name: wanted[address] }]),
    ['postponeBackup', {}],
    ['setAutoLock', { minutes: 30 }],
  ]);
  assert.deepEqual(answers.filter((a) => a.error), []);

  const { local } = await readStorage(popup);
  assert.deepEqual(local.accountNames, wanted);
  assert.equal(local.settings.autoLockMinutes, 30);
  assert.ok(local.backup.postponedAt);

  await stopServiceWorker(browser, popup);
  const after = await popupCall(popup, 'status');
  assert.equal(after.result.state, 'unlocked');
  assert.deepEqual(Object.fromEntries(after.result.accounts.map((a) => [a.address, a.name])), wanted);
  assert.equal(after.result.settings.autoLockMinutes, 30);
});

test(`${COUNT} concurrent private-key imports and renames: every key, its backup date and every name are kept`, async () => {
  const keys = Array.from({ length: 10 }, (_, i) => `0x${(i + 1).toString(16).padStart(64, '0')}`);
  const { result: status } = await popupCall(popup, 'status');
  const renames = status.accounts.slice(0, COUNT - keys.length).map((a, i) => ['renameAccount', { address: a.address, name: `Again ${i}` }]);
  const answers = await concurrently(popup, [...keys.map((privateKey) => ['importPrivateKey', { privateKey }]), ...renames]);
  assert.deepEqual(answers.filter((a) => a.error), []);

  await stopServiceWorker(browser, popup);
  const { local } = await readStorage(popup);
  const { result: after } = await popupCall(popup, 'status');
  const imported = after.accounts.filter((a) => a.type === 'imported').map((a) => a.address);
  assert.equal(imported.length, keys.length);
  assert.deepEqual(Object.keys(local.backup.keys).sort(), [...imported].sort());
  for (const [, { address, name }] of renames) assert.equal(local.accountNames[address], name);
});
