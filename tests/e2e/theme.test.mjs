// The dark theme (issue 18 item 4) follows the system: with the browser's colour scheme set to
// dark, the popup is drawn light on dark, and in both schemes axe finds no text whose contrast
// is below WCAG AA on the screens a new user meets first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPopup, beginCreate, confirmWords } from './harness.mjs';
import { audit } from './axe.mjs';

let scene, popup;

before(async () => {
  scene = await startPopup();
  ({ popup } = scene);
});

after(() => scene?.stop());

/** Relative luminance (WCAG) of a computed `rgb(r, g, b)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const colours = () => popup.evaluate(() => {
  const body = getComputedStyle(document.body);
  const button = getComputedStyle(document.querySelector('button:not(.primary)'));
  return { background: body.backgroundColor, text: body.color, button: button.backgroundColor };
});

async function contrastProblems() {
  return audit(popup, { only: ['color-contrast'] });
}

test('light and dark: the scheme follows the system, and text contrast passes WCAG AA on welcome, create and home', async () => {
  await popup.getByTestId('create-wallet').waitFor();
  await popup.emulateMedia({ colorScheme: 'light' });
  const light = await colours();
  assert.ok(luminance(light.background) > 0.8 && luminance(light.text) < 0.1, `light: dark text on a light page (${JSON.stringify(light)})`);
  assert.deepEqual(await contrastProblems(), [], 'welcome, light');

  await popup.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  assert.ok(luminance(dark.background) < 0.05 && luminance(dark.text) > 0.6, `dark: light text on a dark page (${JSON.stringify(dark)})`);
  assert.ok(luminance(dark.button) < 0.1, `dark: buttons are dark too (${dark.button})`);
  assert.deepEqual(await contrastProblems(), [], 'welcome, dark');

  const words = await beginCreate(popup);
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await contrastProblems(), [], `confirm words, ${scheme}`);
  }
  await confirmWords(popup, words);
  await popup.getByTestId('account-balance').waitFor();
  for (const scheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await contrastProblems(), [], `home, ${scheme}`);
  }
});
