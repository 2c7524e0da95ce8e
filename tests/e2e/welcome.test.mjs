// First run (issue 18 item 5): installing Keystead opens its welcome screen in a tab, laid out
// for a full window, where a new user can create a wallet at once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let browser;
after(() => browser?.close());

test('on install the welcome screen opens in a tab, full-page, and a wallet can be started there', async () => {
  browser = await launch();
  const isWelcome = (page) => page.url().startsWith(`${browser.popupUrl}?view=tab`);
  const tab = browser.context.pages().find(isWelcome)
    ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  await tab.getByTestId('create-wallet').waitFor();
  const width = await tab.evaluate(() => document.querySelector('main').getBoundingClientRect().width);
  assert.ok(width > 480, `the welcome tab uses the window (main is ${width} px wide, the popup's 360 px column is not used)`);
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('create-wallet').waitFor();
  assert.equal(await popup.evaluate(() => document.body.classList.contains('tab')), false, 'the toolbar popup keeps its own layout');
  await tab.getByTestId('create-wallet').click();
  await tab.getByTestId('password').waitFor();
});
