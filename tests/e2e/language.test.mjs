// Switching the language in Settings (issue 18 item 1): `language-select` draws the open screen
// again in the chosen language without reloading the page, and the choice is kept when the popup
// is closed and opened again. The expected words come from both catalogs, read here directly
// (msg() speaks only the run's language).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startAnvil, launch, createWallet, openPopup, LANG } from './harness.mjs';

const catalog = (lang) => JSON.parse(fs.readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const CATALOGS = { en: catalog('en'), nl: catalog('nl') };
/** The Settings screen's title in `lang`. */
const title = (lang) => CATALOGS[lang].settings_title.message;

let chain, browser, popup;

before(async () => {
  chain = await startAnvil();
  browser = await launch();
  ({ popup } = await createWallet(browser));
});

after(async () => {
  await browser?.close();
  chain?.stop();
});

/** Waits until the page's heading reads `text`. */
const headingIs = (page, text) => page.waitForFunction((want) => document.querySelector('h1')?.textContent === want, text);

test('language-select switches en → nl → en without reloading the page, and the choice survives reopening the popup', async () => {
  assert.notEqual(title('en'), title('nl'), 'the two catalogs differ where this test looks');
  await popup.getByTestId('settings').click();
  await headingIs(popup, title(LANG)); // the browser's language until one is chosen
  assert.equal(await popup.getByTestId('language-select').inputValue(), LANG);
  // A mark on this page: a reload (or another page) would not have it.
  await popup.evaluate(() => { window.sameDocument = 'still here'; });

  for (const lang of ['en', 'nl', 'en']) {
    await popup.getByTestId('language-select').selectOption(lang);
    await headingIs(popup, title(lang));
    assert.equal(await popup.locator('h1').textContent(), title(lang), `the heading in ${lang}`);
    assert.equal(await popup.getByTestId('language-select').inputValue(), lang);
    assert.equal(await popup.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await popup.evaluate(() => window.sameDocument), 'still here', `switching to ${lang} did not reload the page`);
  }

  // The language that is not the browser's, so that keeping it is told apart from the default.
  const chosen = LANG === 'nl' ? 'en' : 'nl';
  await popup.getByTestId('language-select').selectOption(chosen);
  await headingIs(popup, title(chosen));
  await popup.close();
  popup = await openPopup(browser);
  await popup.getByTestId('settings').click();
  await headingIs(popup, title(chosen));
  assert.equal(await popup.getByTestId('language-select').inputValue(), chosen, 'the choice is kept');
  assert.equal(await popup.evaluate(() => document.documentElement.lang), chosen);
});
