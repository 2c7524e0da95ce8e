// Receive, as a new user meets it: from home, the selected account's full EIP-55 address, a QR
// code of that address alone, and a copy button whose copy is exactly the address (and, an
// address being no secret, schedules no clipboard clear). The address, on home and on Receive,
// never leaves a character alone on a line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import QRCode from 'qrcode';
import { getAddress } from 'viem';
import { msg, startScene, openPopup } from './harness.mjs';
import { QR_OPTIONS } from '../../extension/popup/ui/qr.js';

const CLEAR_ALARM = 'keystead-clipboard-clear';
let scene, browser, wallet;

before(async () => {
  scene = await startScene();
  ({ browser, wallet } = scene);
  // Read from the demo page: headless Chromium refuses clipboard-read to extension pages.
  await browser.context.grantPermissions(['clipboard-read'], { origin: new URL(scene.demo.url).origin });
});

after(() => scene?.stop());

/**
 * The rendered lines of the element `testid` (its characters grouped by the top of their boxes),
 * with `body` set `width` px wide: e.g. ['0xAbC…', '…123'].
 */
const renderedLines = (page, testid, width) => page.evaluate(([id, w]) => {
  document.body.style.width = `${w}px`;
  const el = document.querySelector(`[data-testid="${id}"]`);
  const lines = new Map();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const top = Math.round(range.getClientRects()[0].top);
      lines.set(top, (lines.get(top) ?? '') + node.data[i]);
    }
  }
  document.body.style.width = '';
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}, [testid, width]);

/** Asserts that `testid` shows `address` whole, at the popup's width and narrower, never one character alone on a line. */
async function neverOneCharacterAlone(page, testid, address) {
  for (const width of [360, 300, 260]) {
    const lines = await renderedLines(page, testid, width);
    assert.equal(lines.join(''), address, `${testid} at ${width}px shows the whole address`);
    assert.ok(lines.every((line) => line.length > 1), `${testid} at ${width}px: no line with a single character: ${JSON.stringify(lines)}`);
    assert.ok(lines.length <= 2, `${testid} at ${width}px: one line or two halves: ${JSON.stringify(lines)}`);
    if (lines.length === 2) assert.deepEqual(lines.map((l) => l.length), [21, 21], `${testid} at ${width}px wraps in two even halves`);
  }
}

async function readClipboard(back) {
  await scene.dapp.bringToFront();
  const text = await scene.dapp.evaluate(() => navigator.clipboard.readText());
  await back.bringToFront();
  return text;
}

test('home shows the selected account\'s full EIP-55 address, never with a character alone on a line', async () => {
  const { popup, address } = wallet;
  assert.equal(address, getAddress(address), 'EIP-55 checksummed');
  await neverOneCharacterAlone(popup, 'account-address', address);
});

test('Receive: the full address, its QR code (the address alone), and Copy puts exactly the address on the clipboard with no clear scheduled', async () => {
  // A popup opened afresh, watched for CSP violations and page errors while Receive draws.
  const popup = await browser.context.newPage();
  const problems = [];
  popup.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text()); });
  popup.on('pageerror', (e) => problems.push(e.message));
  await popup.goto(browser.popupUrl);

  await popup.getByTestId('receive').click();
  const shown = popup.getByTestId('receive-address');
  await shown.waitFor();
  assert.equal(await shown.textContent(), wallet.address);
  await neverOneCharacterAlone(popup, 'receive-address', wallet.address);

  // The QR code is what the qrcode library draws for the address and nothing else: its module
  // paths are exactly those of the address's own QR code (a QR of anything more would differ).
  const qr = popup.getByTestId('receive-qr').locator('svg');
  await qr.waitFor();
  const drawn = await qr.evaluate((svg) => [...svg.querySelectorAll('path')].map((p) => p.getAttribute('d')));
  const expected = [...(await QRCode.toString(wallet.address, { ...QR_OPTIONS })).matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(expected.length > 0);
  assert.deepEqual(drawn, expected, 'the QR code encodes the address');
  const other = [...(await QRCode.toString(`ethereum:${wallet.address}`, { ...QR_OPTIONS })).matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
  assert.notDeepEqual(drawn, other, 'a QR of other text draws differently');
  assert.ok((await qr.boundingBox()).width >= 150, 'large enough to scan');

  await popup.getByTestId('copy-address').click();
  await popup.getByTestId('copy-address').filter({ hasText: msg('common_copied') }).waitFor();
  assert.equal(await readClipboard(popup), wallet.address, 'the clipboard holds exactly the address');
  assert.equal(await popup.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM), undefined, 'an address schedules no clipboard clear');
  assert.deepEqual(problems, [], 'no CSP violation or page error');

  await popup.getByTestId('receive-back').click();
  await popup.getByTestId('account-address').waitFor();
  await popup.close();
});

test('Receive shows the account selected in the popup', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).click();
  await popup.waitForFunction(() => document.querySelectorAll('[data-testid=account-item]')[1]?.classList.contains('selected'));
  const second = await popup.getByTestId('account-address').textContent();
  assert.notEqual(second, wallet.address);
  await popup.getByTestId('receive').click();
  await popup.getByTestId('receive-address').filter({ hasText: second }).waitFor();
  assert.equal(await popup.getByTestId('receive-address').textContent(), second);
  await popup.close();
});
