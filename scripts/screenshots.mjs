// `make screenshots`: a PNG of every screen of the popup and every kind of approval window, in
// the light and the dark colour scheme, written to target/screenshots/ (git-ignored) for review.
// The screens are walked by tests/e2e/screens.mjs (the walk the accessibility test audits),
// against anvil, the demo dApp and Chromium with dist/ loaded (build it first: `make dist`).
// English only for now: the popup has one language until the message catalogs land.
import fs from 'node:fs';
import path from 'node:path';
import { walkScreens } from '../tests/e2e/screens.mjs';

const OUT = path.resolve(import.meta.dirname, '../target/screenshots');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

let n = 0;
await walkScreens(async (name, page) => {
  n += 1;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(OUT, `${String(n).padStart(2, '0')}-${name}-en-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  console.log(`${String(n).padStart(2, '0')} ${name}`);
});
console.log(`${n * 2} screenshots in ${path.relative(process.cwd(), OUT) || OUT}/`);
