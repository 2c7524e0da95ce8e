// `make screenshots`: a PNG of every screen of the popup and every kind of approval window, in
// English and Dutch, in the light and the dark colour scheme, written to target/screenshots/
// (git-ignored) for review, named <n>-<screen>-<language>-<scheme>.png. The screens are walked by
// tests/e2e/screens.mjs (the walk the accessibility test audits), against anvil, the demo dApp and
// Chromium with dist/ loaded (build it first: `make dist`). Each language is one run of this
// script with E2E_LANG set (the harness starts Chromium with --lang); without it, the script runs
// itself once per language.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const OUT = path.resolve(import.meta.dirname, '../target/screenshots');
const LANGUAGES = ['en', 'nl'];

if (!process.env.E2E_LANG) {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  for (const language of LANGUAGES) {
    const run = spawnSync(process.execPath, [import.meta.filename], { stdio: 'inherit', env: { ...process.env, E2E_LANG: language } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  console.log(`all screenshots in ${path.relative(process.cwd(), OUT) || OUT}/`);
  process.exit(0);
}

const language = process.env.E2E_LANG;
const { walkScreens } = await import('../tests/e2e/screens.mjs');
fs.mkdirSync(OUT, { recursive: true });
let n = 0;
await walkScreens(async (name, page) => {
  n += 1;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(OUT, `${String(n).padStart(2, '0')}-${name}-${language}-${colorScheme}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  console.log(`${language} ${String(n).padStart(2, '0')} ${name}`);
});
console.log(`${language}: ${n * 2} screenshots`);
