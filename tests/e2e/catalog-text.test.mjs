// Every word a screen shows comes from the catalog (issue 18 item 1): on each screen and approval
// window of the walk in screens.mjs (the same one the accessibility test audits), every visible
// text node, and every aria-label, placeholder, title and alt, is either a message of the run's
// language (E2E_LANG) with its {placeholders} filled in, or data: the narrow patterns below
// (addresses, hex, amounts, dates, word-list words…) or what the wallet or the site named
// (account and network names, the site's origin, what a site asked to sign). Anything else is
// English (or Dutch) text written into the code, and is listed per screen.
//
// CATALOG_SCREENS=approve-*,home (names of screens.mjs, `*` a wildcard) checks only those screens;
// the walk still passes through all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { walkScreens, SCREEN_NAMES } from './screens.mjs';
import { LANG, popupCall } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CATALOG = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales', LANG, 'messages.json'), 'utf8'));
const WORDS = new Set(['src/bip39-english.txt', 'src/slip39-english.txt']
  .flatMap((file) => fs.readFileSync(path.join(ROOT, file), 'utf8').split(/\s+/).filter(Boolean)));

/** The screens to check: CATALOG_SCREENS's comma-separated names (with `*`), else all. */
const chosen = (process.env.CATALOG_SCREENS ?? '*').split(',').map((glob) => new RegExp(`^${glob.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`));
const checked = (name) => chosen.some((re) => re.test(name));

const squash = (text) => text.replace(/\s+/g, ' ').trim();
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each message as a pattern, its placeholders wildcards. A message with no letters of its own
 * ("{label}, {kind}", "{name} ({chainId})") would match almost anything, so what fills its
 * placeholders must itself be data or a message (`strict`).
 */
const MESSAGES = Object.values(CATALOG).map(({ message }) => {
  const text = squash(message);
  const literal = text.replace(/\{\w+\}/g, '');
  return {
    re: new RegExp(`^${text.split(/\{\w+\}/).map(escape).join('(.+?)')}$`, 'su'),
    strict: !/\p{L}/u.test(literal),
  };
});

/**
 * Data: what no catalog holds, each kind named. Deliberately narrow: a sentence never matches.
 */
const DATA = [
  ['address or hex', /^0x[0-9a-fA-F]*$/],
  ['second half of an address or hash', /^[0-9a-fA-F]{16,}$/],
  ['short address', /^0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}$/],
  ['address placeholder', /^0x[0-9a-fA-F]*…$/],
  ['number or amount, with a token symbol', /^[+−-]?\d[\d.,\u00a0\u202f]*( ?[A-Z][A-Z0-9]{1,10})?$/],
  ['token symbol', /^[A-Z][A-Z0-9]{1,10}$/],
  ['token id', /^#\d+(, #\d+)*$/],
  ['ISO date or time', /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?( UTC)?$/],
  ['date (Intl)', /^\d{1,2} \p{L}{3,5}\.? \d{4}(,? (om )?\d{1,2}:\d{2})?$/u],
  ['web origin or URL', /^(https?|chrome-extension):\/\/\S+$/],
  ['code point mark', /^⟨U\+[0-9A-F]{4,6}⟩$/],
  ['list number', /^\d+[.)]?$/],
  ['no letters or digits (punctuation, symbols)', /^[^\p{L}\p{N}]+$/u],
  ['Solidity type', /^(u?int\d*|address|bool|bytes\d*|string|tuple)(\[\d*\])*$/],
  ['EIP-712 / ABI identifier', /^[A-Za-z_$][A-Za-z0-9_$]*$/, 'identifier'],
];

/**
 * Elements whose text is data as a whole: what a site asked to sign (the message, the typed
 * fields' names, types and values, the primary type), the ABI's argument names and the
 * function signature, the site's origin, the network a site proposes (its name), account names.
 */
const DATA_SELECTORS = [
  '[data-testid=approval-message]', '[data-testid=typed-field] .name', '[data-testid=typed-field] .type', '[data-testid=typed-field] .value',
  '[data-testid=approval-primary-type]', '[data-testid=call-signature]', '[data-testid=call-arg] > dt', '[data-testid=approval-origin]',
  '[data-testid=approval-network]',
  '.account-label', 'code.address', 'code.hex', 'svg',
];

/** Why `text` is allowed (a key or a data kind), or null. `names`: what the wallet and the site named. */
function allowed(text, names, depth = 0) {
  if (names.has(text)) return 'a name';
  if (WORDS.has(text)) return 'a word-list word';
  for (const [kind, re, only] of DATA) if (re.test(text) && (only !== 'identifier' || depth > 0)) return kind;
  if (depth > 1) return null;
  for (const { re, strict } of MESSAGES) {
    const m = re.exec(text);
    if (m && (!strict || m.slice(1).every((part) => allowed(squash(part), names, depth + 1)))) return 'message';
  }
  return null;
}

/** The visible texts of `page`: text nodes and the attributes people hear or see; data elements left out. */
function visibleTexts(page) {
  return page.evaluate((selectors) => {
    const out = [];
    const skip = (el) => !el.checkVisibility() || selectors.some((s) => el.closest(s)) || el.closest('script, style, noscript');
    // A sentence with selects inside it ("any [2] of [3] shares") is read whole, each select as
    // its chosen option, so it must be one message filled in.
    const sentences = [...document.body.querySelectorAll('p')].filter((el) => [...el.children].some((c) => c.matches('select')));
    for (const el of sentences) {
      if (skip(el)) continue;
      const text = [...el.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? c.textContent : c.matches?.('select') ? c.selectedOptions[0]?.textContent ?? '' : c.textContent)).join('');
      out.push({ text, where: `${el.tagName.toLowerCase()} (with its selects)` });
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (sentences.includes(node.parentElement)) continue;
      if (node.textContent.trim() && !skip(node.parentElement)) out.push({ text: node.textContent, where: node.parentElement.tagName.toLowerCase() });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (skip(el) && !(el.checkVisibility() && el.matches('svg, img'))) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) out.push({ text: value, where: `${el.tagName.toLowerCase()}[${attr}]` });
      }
    }
    return out;
  }, DATA_SELECTORS);
}

/** The tokens the walk deploys (screens.mjs, erc20.mjs), as the chain names them. */
const TOKENS = ['Keystead Test Token', 'KST', 'Keystead Test Token (KST)', 'Another Token', 'ANT', 'Another Token (ANT)'];

/** What the wallet and this page name: account and network names, the walk's tokens. */
async function namesOn(page) {
  const names = new Set(TOKENS);
  const status = (await popupCall(page, 'status').catch(() => null))?.result;
  for (const a of status?.accounts ?? []) names.add(a.name);
  for (const n of status?.networks ?? []) names.add(n.name);
  if (status?.network?.name) names.add(status.network.name);
  return names;
}

test(`every text on every screen is a ${LANG} catalog message or data`, async () => {
  const visited = [];
  const offending = new Map();
  let texts = 0;
  await walkScreens(async (name, page) => {
    visited.push(name);
    if (!checked(name)) return;
    const names = await namesOn(page);
    const bad = [];
    for (const { text, where } of await visibleTexts(page)) {
      texts += 1;
      const clean = squash(text);
      if (!allowed(clean, names)) bad.push(`${where}: “${clean.slice(0, 140)}”`);
    }
    if (bad.length > 0) offending.set(`${name} [drawn in “${await page.evaluate(() => document.documentElement.lang)}”]`, [...new Set(bad)]);
  });
  assert.deepEqual(visited, SCREEN_NAMES, 'every screen was reached');
  assert.ok(texts > 0, 'some screen was checked');
  const report = [...offending].map(([name, list]) => `${name} (${list.length}):\n  ${list.join('\n  ')}`).join('\n');
  assert.equal(offending.size, 0, `texts not from the ${LANG} catalog, by screen:\n${report}`);
});
