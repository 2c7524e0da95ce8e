// A site asks to connect before any wallet exists (issue 17 item 4), against the built
// extension in fresh profiles: the request opens onboarding in its own window; after the user
// creates (or imports) a wallet there, the same request continues to the account picker and the
// site gets the new address; closing the window gives 4001 and creates nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAnvil, startDemo, browserPool, onboard, openPopup, popupCall, ANVIL_MNEMONIC, PASSWORD } from './harness.mjs';

let chain, demo, pool;

before(async () => {
  chain = await startAnvil();
  demo = await startDemo();
  pool = browserPool();
});

after(async () => {
  await pool?.closeAll();
  demo?.stop();
  chain?.stop();
});

/** A fresh profile with the demo open; no wallet. */
async function freshDemo() {
  const browser = await pool.fresh();
  const dapp = await browser.context.newPage();
  await dapp.goto(demo.url);
  await dapp.waitForFunction(() => window.keysteadDemo?.provider);
  return { browser, dapp };
}

const approvalWindow = (browser) => browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });

/** In a fresh profile, the demo asks for accounts: `{ browser, dapp, win, answer }` once its window opened. */
async function askBeforeAnyWallet() {
  const { browser, dapp } = await freshDemo();
  const opened = approvalWindow(browser);
  const answer = dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_requestAccounts' })
    .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })));
  return { browser, dapp, answer, win: await opened };
}

test('closing the onboarding window answers 4001 and creates nothing', async () => {
  const { browser, answer, win } = await askBeforeAnyWallet();
  await win.getByTestId('onboarding-for-site').waitFor();
  await win.getByTestId('create-wallet').waitFor();
  await win.close();
  assert.equal((await answer).code, 4001);
  const popup = await openPopup(browser);
  assert.equal((await popupCall(popup, 'status')).result.state, 'new');
});

test('a first-ever connect goes through onboarding (create) and returns the new address', async () => {
  const { browser, dapp } = await freshDemo();
  const opened = approvalWindow(browser);
  await dapp.getByTestId('demo-connect').click();
  const win = await opened;
  assert.match(await win.getByTestId('onboarding-for-site').textContent(), new RegExp(new URL(demo.url).origin.replace(/[.]/g, '\\.')));
  await onboard(win, { landing: 'approve' });
  // The same window now asks which accounts the site sees: the new account, ticked.
  const shown = await win.getByTestId('approval-account').textContent();
  assert.match(shown, /^0x[0-9a-fA-F]{40}$/);
  assert.equal(await win.getByTestId('connect-account').isChecked(), true);
  const closed = win.waitForEvent('close');
  await win.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
  await closed;
  await dapp.getByTestId('demo-account').filter({ hasText: shown }).waitFor();
  assert.deepEqual(await dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_accounts' })), [shown.toLowerCase()]);
  const popup = await openPopup(browser);
  assert.equal(await popup.getByTestId('account-address').textContent(), shown);
});

test('a first-ever connect goes through onboarding (import) and returns the imported phrase\'s account', async () => {
  const { answer, win } = await askBeforeAnyWallet();
  await win.getByTestId('import-wallet').click();
  for (const [i, word] of ANVIL_MNEMONIC.split(' ').entries()) await win.getByTestId(`srp-import-word-${i + 1}`).fill(word);
  await win.getByTestId('password').fill(PASSWORD);
  await win.getByTestId('password-confirm').fill(PASSWORD);
  await win.getByTestId('onboarding-next').click();
  await win.getByTestId('approve').waitFor();
  const closed = win.waitForEvent('close');
  await win.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
  await closed;
  // anvil's account #0 of the test phrase (the discovery finds the used ones; #0 is selected).
  assert.deepEqual((await answer).result?.[0], '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
});
