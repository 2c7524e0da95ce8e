// wallet_requestPermissions as EIP-2255 says (issue 17 item 3), through the real popup and
// approval windows: a connected site asking again always gets the account picker, ticked with
// the accounts it has now; what the user ticks replaces them (adding a second account, then
// taking the first away), and the site hears accountsChanged; a rejection changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startScene, openPopup, answerApproval, takeCollected, msg } from './harness.mjs';

let scene, browser, dapp, first, second;

before(async () => {
  scene = await startScene();
  ({ browser, dapp } = scene);
  first = scene.wallet.address;
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: first }).waitFor();
  // A second account, which the site does not see yet (adding it selects it).
  const popup = await openPopup(browser);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  second = await popup.getByTestId('account-item').nth(1).getAttribute('title');
  await popup.close();
  await dapp.evaluate(() => {
    window.heard = [];
    window.keysteadDemo.provider.on('accountsChanged', (accounts) => window.heard.push(accounts));
  });
});

after(() => scene?.stop());

const lower = (a) => a.toLowerCase();
const request = () => dapp.evaluate(() => window.keysteadDemo.provider
  .request({ method: 'wallet_requestPermissions', params: [{ eth_accounts: {} }] })
  .then((result) => ({ result }), (e) => ({ code: e.code })));
const accounts = () => dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_accounts' }));
const heard = () => takeCollected(dapp);

/** The picker's boxes as [address, ticked]. */
const boxes = (win) => win.getByTestId('connect-account').evaluateAll((all) => all.map((b) => [b.value, b.checked]));

test('a connected site asking again gets the picker ticked with its account; ticking a second adds it, and the site hears it', async () => {
  const approval = answerApproval(browser, 'approve', {
    expect: async (win) => {
      assert.equal(await win.locator('h1').textContent(), msg('approve_title_choose_accounts'));
      assert.deepEqual(await boxes(win), [[first, true], [second, false]]);
      await win.getByTestId('connect-account').nth(1).check();
    },
  });
  const answer = request();
  await approval;
  const { result } = await answer;
  assert.equal(result.length, 1);
  assert.equal(result[0].parentCapability, 'eth_accounts');
  assert.deepEqual(result[0].caveats[0].value, [lower(first), lower(second)]);
  // The selected account (the second, just added) comes first.
  assert.deepEqual(await accounts(), [lower(second), lower(first)]);
  assert.deepEqual(await heard(), [[lower(second), lower(first)]]);
});

test('unticking the first account in the picker takes it away', async () => {
  const approval = answerApproval(browser, 'approve', {
    expect: async (win) => {
      assert.deepEqual(await boxes(win), [[first, true], [second, true]]);
      await win.getByTestId('connect-account').nth(0).uncheck();
    },
  });
  const answer = request();
  await approval;
  assert.deepEqual((await answer).result[0].caveats[0].value, [lower(second)]);
  assert.deepEqual(await accounts(), [lower(second)]);
  assert.deepEqual(await heard(), [[lower(second)]]);
});

test('rejecting the picker gives 4001 and changes nothing', async () => {
  const approval = answerApproval(browser, 'reject');
  const answer = request();
  await approval;
  assert.deepEqual(await answer, { code: 4001 });
  assert.deepEqual(await accounts(), [lower(second)]);
  assert.deepEqual(await heard(), []);
});
