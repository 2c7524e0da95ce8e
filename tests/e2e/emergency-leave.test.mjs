// The emergency move left before it started: the new phrase was made and shown, the popup was
// closed before it was confirmed. Opening the move again offers the same phrase again (behind
// the password) or leaving; leaving forgets the move and the new keyring — the stored record,
// its sealed copy in session storage — and leaves the wallet as it was. A move started again
// names, on its plan, what the old account holds on the wallet's other network (the move works
// on the selected one only) and the new account to send it to first.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startPopup, startAnvil, onboard, openPopup, popupCall, showPhrase, confirmWords } from './harness.mjs';

let scene, second, page, fresh, address;
after(async () => {
  await scene?.stop();
  second?.stop();
});

test('a move whose new phrase was not confirmed: shown again on the password, then left, nothing of it kept', async () => {
  scene = await startPopup();
  const { popup, browser } = scene;
  await onboard(popup);
  address = await popup.getByTestId('account-address').textContent();
  const before = await popup.evaluate(() => chrome.storage.local.get(['vault', 'vaultHash']));
  const { result: was } = await popupCall(popup, 'status');

  const openMove = async (page) => {
    await page.goto(browser.popupUrl);
    await page.getByTestId('settings').click();
    await page.getByTestId('emergency-move').click();
  };
  await openMove(popup);
  await popup.getByTestId('emergency-password').fill(PASSWORD);
  await popup.getByTestId('emergency-begin').click();
  const words = await showPhrase(popup);
  assert.notDeepEqual(words, [], 'a new phrase is shown');
  await popup.close();

  // Opened again: the move waits for its phrase's confirmation.
  page = await openPopup(browser);
  await openMove(page);
  await page.getByTestId('emergency-phrase-again').waitFor();
  await page.getByTestId('emergency-password').fill(PASSWORD);
  await page.getByTestId('emergency-phrase-again').click();
  assert.deepEqual(await showPhrase(page), words, 'the same new phrase, not another');
  const sealed = await page.evaluate(() => chrome.storage.session.get('sessionAside'));
  assert.equal(typeof sealed.sessionAside, 'string', 'the new keyring is sealed in session storage while the move waits');

  // Left: the record and the new keyring are gone, the wallet is as it was.
  await openMove(page);
  await page.getByTestId('emergency-abandon').click();
  await page.getByTestId('account-address').waitFor();
  const stored = await page.evaluate(() => chrome.storage.local.get(['emergencyMove', 'vault', 'vaultHash', 'vaultsCompromised']));
  assert.equal(stored.emergencyMove, undefined);
  assert.equal(stored.vaultsCompromised, undefined);
  assert.equal(stored.vault, before.vault);
  assert.equal(stored.vaultHash, before.vaultHash);
  assert.deepEqual(await page.evaluate(() => chrome.storage.session.get('sessionAside')), {}, 'the sealed new keyring is forgotten');
  const { result: now } = await popupCall(page, 'status');
  assert.deepEqual(now.accounts.map((a) => a.address), was.accounts.map((a) => a.address));
  // The phrase of the left move cannot be shown any more.
  const { error } = await popupCall(page, 'emergencyPhrase', { password: PASSWORD });
  assert.ok(error, 'no phrase to show once the move was left');

  // A new move starts from the beginning, with another phrase.
  await openMove(page);
  await page.getByTestId('emergency-password').fill(PASSWORD);
  await page.getByTestId('emergency-begin').click();
  fresh = await showPhrase(page);
  assert.notDeepEqual(fresh, words);
});

test('the plan names what the old account holds on the wallet\'s other network, and where to send it first', async () => {
  second = await startAnvil(8546, 1337);
  await second.client.request({ method: 'anvil_setBalance', params: [address, '0xde0b6b3a7640000'] }); // 1 ETH
  const added = await popupCall(page, 'addNetwork', { name: 'Second anvil', rpcUrl: 'http://127.0.0.1:8546', chainId: '0x539', symbol: 'ETH' });
  assert.ok(added.result, JSON.stringify(added.error));
  await page.getByTestId('onboarding-next').click();
  await confirmWords(page, fresh, 'emergency-start');
  const note = page.locator('[data-testid="emergency-elsewhere"][data-chain-id="0x539"]');
  await note.waitFor();
  const rows = await note.locator('li').evaluateAll((els) => els.map((e) => [e.dataset.from, e.dataset.wei]));
  assert.deepEqual(rows, [[address, '1000000000000000000']]);
  const to = await note.locator('li').first().getAttribute('data-to');
  const { result: move } = await popupCall(page, 'emergencyStatus');
  assert.equal(to, move.pairs[0].to, 'the new account the move goes to');
  assert.equal(await page.locator('[data-testid="emergency-elsewhere"]').count(), 1, 'only the network that holds something');
});
