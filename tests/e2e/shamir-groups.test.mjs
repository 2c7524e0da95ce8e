// Shamir (SLIP-39) backups with groups, the advanced choice (issue 15 part 2): a wallet whose
// shares are in two groups — group 1 any 2 of 3, group 2 its single share — and both groups
// needed. Every share is shown alone and confirmed; a fresh profile restores the same first
// account from two shares of group 1 and the share of group 2, and refuses group 1's three
// shares alone (one group is not enough), creating nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startAnvil, launch, openPopup, readStorage, browserPool, popupCall } from './harness.mjs';

let chain, browser, popup, pool;
const shares = [];
let address;

before(async () => {
  chain = await startAnvil();
  browser = await launch();
  popup = await openPopup(browser);
  pool = browserPool();
});

after(async () => {
  await pool?.closeAll();
  await browser?.close();
  chain?.stop();
});

/** On a share's screen: Show, read its words, "I wrote it down", then type the asked words. */
async function readAndConfirm(page) {
  await page.getByTestId('share-show').click();
  await page.getByTestId('share-word-20').waitFor();
  const words = await page.locator('[data-testid^=share-word-]').allTextContents();
  await page.getByTestId('share-written').click();
  await page.getByTestId('share-confirm-submit').waitFor();
  const ids = await page.locator('input[data-testid^=share-confirm-]').evaluateAll((inputs) => inputs.map((i) => i.dataset.testid));
  for (const id of ids) await page.getByTestId(id).fill(words[Number(id.slice('share-confirm-'.length)) - 1]);
  await page.getByTestId('share-confirm-submit').click();
  return words;
}

// The backup flow shows group 1's three shares, then group 2's one.
test('create with two groups (2 of 3, and 1 of 1; both needed): four shares, each confirmed', async () => {
  await popup.getByTestId('create-shamir').click();
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.locator('details summary').click();
  await popup.getByTestId('group-count').selectOption('2');
  await popup.getByTestId('group-threshold').selectOption('2');
  await popup.getByTestId('group-2-threshold').selectOption('1');
  await popup.getByTestId('group-2-count').selectOption('1');
  await popup.getByTestId('onboarding-next').click();
  for (let i = 0; i < 4; i++) {
    await popup.getByTestId('share-title').waitFor();
    shares.push(await readAndConfirm(popup));
  }
  await popup.getByTestId('account-address').waitFor();
  address = await popup.getByTestId('account-address').textContent();
  assert.equal(await popup.getByTestId('backup-reminder').count(), 0, 'no reminder once every share is confirmed');
  assert.equal(new Set(shares.map((s) => s.join(' '))).size, 4, 'four different shares');
  const { result: status } = await popupCall(popup, 'status');
  assert.equal(status.shareSet.groupThreshold, 2);
  assert.deepEqual(status.shareSet.groups, [[2, 3], [1, 1]]);
});

test('restore in a fresh profile: group 1 alone is refused; two of group 1 and group 2 restore the same account', async () => {
  const fresh = await openPopup(await pool.fresh());
  await fresh.getByTestId('restore-shares').click();
  await fresh.getByTestId('share-add').click();
  for (const [i, share] of shares.slice(0, 3).entries()) await fresh.getByTestId('share-input').nth(i).fill(share.join(' '));
  await fresh.getByTestId('password').fill(PASSWORD);
  await fresh.getByTestId('password-confirm').fill(PASSWORD);
  await fresh.getByTestId('onboarding-next').click();
  await fresh.locator('[role=alert]:not([hidden])').filter({ hasText: /\S/ }).first().waitFor();
  assert.equal((await readStorage(fresh)).local.vault, undefined, 'nothing was created from one group');

  await fresh.getByTestId('share-input').nth(0).fill(shares[1].join(' '));
  await fresh.getByTestId('share-input').nth(1).fill(shares[2].join(' '));
  await fresh.getByTestId('share-input').nth(2).fill(shares[3].join(' '));
  await fresh.getByTestId('password').fill(PASSWORD);
  await fresh.getByTestId('password-confirm').fill(PASSWORD);
  await fresh.getByTestId('onboarding-next').click();
  await fresh.getByTestId('account-address').waitFor();
  assert.equal(await fresh.getByTestId('account-address').textContent(), address, 'the same first account');
});
