// Accessibility (issue 18 item 2): axe-core's WCAG 2.1 A and AA rules find no violation on any
// screen of the popup or any approval window (the walk in screens.mjs, the same one `make
// screenshots` photographs), in the light and the dark colour scheme; and none is wider than its
// window (reflow, WCAG 1.4.10), none shows a stray "null" or "undefined", and every account
// entry has its identicon (decorative: aria-hidden).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { walkScreens, SCREEN_NAMES } from './screens.mjs';
import { audit } from './axe.mjs';

test('every screen and approval window: zero WCAG 2.1 AA violations (axe), light and dark', async () => {
  const visited = [];
  const found = [];
  const withIcons = new Set();
  await walkScreens(async (name, page) => {
    visited.push(name);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      for (const v of await audit(page)) found.push(`${name} (${colorScheme}): ${v.id} [${v.impact}] ${v.help} — ${v.targets.slice(0, 4).join(', ')}`);
    }
    // No value drawn as JavaScript's placeholder words ("null" where nothing was meant).
    const stray = (await page.evaluate(() => document.body.innerText)).match(/\b(null|undefined|NaN)\b|\[object \w+\]/);
    if (stray) found.push(`${name}: shows "${stray[0]}"`);
    // Each account entry (home's list, the connect picker) has its identicon, hidden from screen readers.
    const icons = await page.evaluate(() => ({
      entries: [...document.querySelectorAll('[data-testid=account-item], label.connect-account')].map((e) => e.querySelector('.identicon') !== null),
      shown: [...document.querySelectorAll('.identicon')].map((i) => i.getAttribute('aria-hidden') === 'true'),
    }));
    if (icons.entries.includes(false)) found.push(`${name}: an account entry without its identicon`);
    if (icons.shown.includes(false)) found.push(`${name}: an identicon not aria-hidden`);
    if (icons.entries.length > 0) withIcons.add(name);
    // Reflow (WCAG 1.4.10): nothing wider than the popup or the window, so nothing scrolls sideways.
    const wide = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
    if (wide.scroll > wide.width) found.push(`${name}: ${wide.scroll} px wide in a ${wide.width} px window (scrolls sideways)`);
    await page.emulateMedia({ colorScheme: 'light' });
  });
  assert.deepEqual(visited, SCREEN_NAMES, 'every screen was reached');
  for (const name of ['home', 'approve-connect']) assert.ok(withIcons.has(name), `${name} lists accounts`);
  assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`);
});
