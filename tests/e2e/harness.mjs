// End-to-end harness: a real anvil chain, the demo dApp served on localhost, and Debian's
// Chromium driven by playwright-core with the built extension (dist/) loaded.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createPublicClient, http } from 'viem';
import { serve } from '../../scripts/serve.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const PASSWORD = 'correct horse battery staple';
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The browser's language for the whole run (`E2E_LANG=nl make test-e2e`): en unless told. */
export const LANG = process.env.E2E_LANG ?? 'en';
const CATALOG = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales', LANG, 'messages.json'), 'utf8'));

/** The run's language's thousands separator and decimal mark, as a person reads and types them. */
export const [GROUP, POINT] = { en: [',', '.'], nl: ['.', ','] }[LANG];

/**
 * A decimal in code notation ("1234.5") as the popup writes it in the run's language: "1,234.5"
 * (en), "1.234,5" (nl); every digit kept.
 */
export function shown(decimal) {
  const [whole, fraction] = String(decimal).split('.');
  const locale = LANG === 'nl' ? 'nl-NL' : 'en-GB';
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  return fraction === undefined ? grouped : `${whole.startsWith('-') && BigInt(whole) === 0n ? '-' : ''}${grouped}${POINT}${fraction}`;
}

/** shown() undone: an amount as the popup writes it back in code notation ("1.234,5" → "1234.5"). */
export const plain = (text) => text.replaceAll(GROUP, '').replace(POINT, '.');

/**
 * The message `key` of the run's language with `{name}` placeholders filled from `params`: what
 * a test expects a screen to say, in the language the browser runs in.
 */
export function msg(key, params = {}) {
  const entry = CATALOG[key];
  if (!entry) throw new Error(`no message ${key} in the ${LANG} catalog`);
  return entry.message.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/**
 * A pattern of what catalog message `key` says in the run's language (harness.mjs msg), whole:
 * each `{name}` is `params[name]` (a string taken literally, a RegExp as a pattern), and a
 * placeholder not given matches anything.
 */
export function said(key, params = {}) {
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = msg(key).split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return literal(part);
    if (!Object.hasOwn(params, name)) return '.+?';
    const value = params[name];
    return value instanceof RegExp ? `(?:${value.source})` : literal(String(value));
  }).join('');
  return new RegExp(`^${source}$`, 'su');
}

/** said(key, params) as a part of a longer text (unanchored), e.g. inside another message's placeholder. */
export const inner = (key, params) => new RegExp(said(key, params).source.slice(1, -1), 'su');

function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts anvil on 127.0.0.1:port; resolves once it answers. `args`: more of anvil's options (e.g.
 * `['--hardfork', 'berlin']` for a legacy chain without base fees). Returns { rpcUrl, client, stop }.
 */
export async function startAnvil(port = 8545, chainId = 31337, { args = [] } = {}) {
  if (await portTaken(port)) throw new Error(`127.0.0.1:${port} is in use: stop the other anvil (make start?) before the end-to-end tests`);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/anvil'),
    ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent', ...args],
    { stdio: 'ignore' });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const client = createPublicClient({ transport: http(rpcUrl) });
  for (let i = 0; i < 100; i++) {
    if (await portTaken(port)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.getChainId();
  return { rpcUrl, client, stop: () => child.kill('SIGTERM') };
}

/** Serves dist-demo/ on a random port; the demo is reachable as two origins (127.0.0.1 and localhost). */
export async function startDemo() {
  const server = serve(path.join(ROOT, 'dist-demo'), 0);
  await once(server, 'listening');
  const port = server.address().port;
  return { url: `http://127.0.0.1:${port}/`, otherOriginUrl: `http://localhost:${port}/`, stop: () => server.close() };
}

/**
 * Another web site on 127.0.0.1 (an attacker's, a fake node): `routes` maps a path to an HTML
 * page, or to `(request) => ({ status?, headers?, body })` where request is { method, path, body }.
 * Every request is recorded in `requests`. Reached as http://localhost:PORT (`origin`), and as
 * http://127.0.0.1:PORT (`otherOrigin`), a second origin. Returns { origin, otherOrigin, requests, stop }.
 */
export async function startSite(routes) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const request = { method: req.method, path: new URL(req.url, 'http://localhost').pathname, body: Buffer.concat(chunks).toString() };
    requests.push(request);
    const route = routes[request.path];
    const answer = typeof route === 'function' ? await route(request)
      : typeof route === 'string' ? { headers: { 'content-type': 'text/html; charset=utf-8' }, body: route }
        : { status: 404, body: 'not found' };
    res.writeHead(answer.status ?? 200, { 'cache-control': 'no-store', ...answer.headers });
    res.end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return { origin: `http://localhost:${port}`, otherOrigin: `http://127.0.0.1:${port}`, requests, stop: () => { server.closeAllConnections(); server.close(); } };
}

/**
 * A JSON-RPC node in front of `chain` that forwards every request and keeps its body: what the
 * extension asks the node, request by request. Listens on 127.0.0.1:`port` (0: any free port;
 * 8545 puts it in place of the built-in network's node). `posts()` lists the JSON-RPC bodies
 * received (a batch is one array); CORS preflights are answered and not listed. A method for
 * which `refuse(method)` (asked at each request) is true gets -32601 "method not found", as
 * from a node without it. `answer(body)`, when given, may answer a request itself (a JSON-RPC
 * response body) instead of anvil: a node with a limit anvil does not have; `undefined` forwards
 * it.
 */
export async function startCountingNode(chain, port = 0, { refuse = () => false, answer } = {}) {
  if (port && await portTaken(port)) throw new Error(`127.0.0.1:${port} is in use: stop the other anvil (make start?) before the end-to-end tests`);
  const posts = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };
  const server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString();
    const parsed = JSON.parse(body);
    posts.push(parsed);
    const own = answer?.(parsed);
    if (own !== undefined) {
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify(own));
      return;
    }
    const missing = (call) => ({ jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `the method ${call.method} does not exist/is not available` } });
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    let text;
    let status = 200;
    if (calls.some((call) => refuse(call.method))) {
      // Forwarded one by one, the refused ones answered here.
      const answers = await Promise.all(calls.map(async (call) => (refuse(call.method) ? missing(call)
        : (await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call) })).json())));
      text = JSON.stringify(Array.isArray(parsed) ? answers : answers[0]);
    } else {
      const forwarded = await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      status = forwarded.status;
      text = await forwarded.text();
    }
    res.writeHead(status, { ...cors, 'content-type': 'application/json' });
    res.end(text);
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    rpcUrl: `http://127.0.0.1:${server.address().port}`,
    posts: () => posts.slice(),
    reset: () => posts.splice(0),
    stop: () => { server.closeAllConnections(); server.close(); },
  };
}

/** A 127.0.0.1 port on which nothing listens (it was free a moment ago). */
export async function closedPort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Chromium with the extension loaded in a fresh profile, or in `profile` (a directory the
 * caller owns and removes: launching it again is a browser restart).
 */
export async function launch({ profile: kept } = {}) {
  const profile = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keystead-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: LANG,
    args: [`--lang=${LANG}`, `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    if (!kept) fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, popupUrl: `chrome-extension://${extensionId}/popup.html`, close };
}

/** Browsers with fresh profiles, one per test that needs its own: `fresh()` launches one, `closeAll()` closes them. */
export function browserPool() {
  const browsers = [];
  return {
    fresh: async () => {
      const browser = await launch();
      browsers.push(browser);
      return browser;
    },
    closeAll: async () => {
      for (const browser of browsers) await browser.close();
    },
  };
}

/** A popup method of the worker, called from an extension page: `{ result }` or `{ error: { code, message } }`. */
export function popupCall(page, method, params = {}) {
  return page.evaluate(([m, p]) => chrome.runtime.sendMessage({ kind: 'popup', method: m, params: p }), [method, params]);
}

/** Opens `url` in a new tab and waits until Keystead's provider there is connected. */
export async function openPage(browser, url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ethereum?.isConnected());
  return page;
}

/** Opens the popup page in a tab (the same page the toolbar button shows). */
export async function openPopup(browser) {
  const page = await browser.context.newPage();
  await page.goto(browser.popupUrl);
  return page;
}

/** Waits for the next approval window, checks its origin, clicks approve or reject. */
export async function answerApproval(browser, action, { origin, expect } = {}) {
  const page = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  await page.waitForLoadState();
  await page.getByTestId(action).waitFor();
  const shown = { origin: await page.getByTestId('approval-origin').textContent() };
  if (origin && shown.origin !== origin) throw new Error(`approval shows origin ${shown.origin}, expected ${origin}`);
  if (expect) await expect(page);
  const closed = page.waitForEvent('close');
  // The window closes itself as soon as the answer is in, possibly before the click returns.
  await page.getByTestId(action).click({ noWaitAfter: true }).catch((e) => {
    if (!page.isClosed()) throw e;
  });
  await closed;
  return shown;
}

/**
 * On a page showing the welcome screen (the popup, or an approval window of a site that asked
 * before any wallet existed): creates a wallet as a new user would, up to the confirmed phrase,
 * then waits for `landing`. Returns the phrase's words.
 */
export async function onboard(page, { password = PASSWORD, landing = 'account-address' } = {}) {
  const words = await beginCreate(page, password);
  await confirmWords(page, words, landing);
  return words;
}

/** Creates a wallet through the popup as a new user would; returns the first account's address. */
export async function createWallet(browser, password = PASSWORD) {
  const popup = await openPopup(browser);
  const words = await onboard(popup, { password });
  const address = await popup.getByTestId('account-address').textContent();
  return { popup, address, words };
}

/**
 * Takes what `page` collected in the array `window[name]` (e.g. the provider events it heard),
 * leaving it empty, once every message already posted to the page has been delivered: a marker
 * posted now arrives after them.
 */
export function takeCollected(page, name = 'heard') {
  return page.evaluate((name) => new Promise((resolve) => {
    const marker = `flush-${Math.random()}`;
    addEventListener('message', function done(event) {
      if (event.data !== marker) return;
      removeEventListener('message', done);
      resolve(window[name].splice(0));
    });
    postMessage(marker, location.origin);
  }), name);
}

/** Everything the extension keeps in chrome.storage (local and session), read from an extension page. */
export async function readStorage(page) {
  return page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

/**
 * The auto-lock alarm's scheduled time, read through `target` (an extension page or the worker)
 * once it has stopped moving: the popup's own calls (balance, tokens) push it back as they finish.
 */
export async function settledAutoLock(target) {
  const read = () => target.evaluate(async () => (await chrome.alarms.get('keystead-autolock'))?.scheduledTime ?? null);
  let time = await read();
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const next = await read();
    if (next === time) return time;
    time = next;
  }
}

/** Stops the extension's service worker through CDP, as Chrome does after ~30 s idle. */
export async function stopServiceWorker(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Anvil, Chromium with the extension and no wallet yet, and the popup open in a tab. */
export async function startPopup() {
  const scene = { chain: await startAnvil() };
  scene.browser = await launch();
  scene.popup = await openPopup(scene.browser);
  scene.stop = async () => {
    await scene.browser.close();
    scene.chain.stop();
  };
  return scene;
}

/**
 * The usual scene: anvil, the demo served, Chromium with the extension, a wallet created in the
 * popup, and the demo open with Keystead discovered. `stop()` tears all of it down.
 */
export async function startScene() {
  const scene = { chain: await startAnvil(), demo: await startDemo() };
  scene.browser = await launch();
  scene.wallet = await createWallet(scene.browser);
  scene.dapp = await scene.browser.context.newPage();
  await scene.dapp.goto(scene.demo.url);
  await scene.dapp.waitForFunction(() => window.keysteadDemo?.provider);
  scene.stop = async () => {
    await scene.browser.close();
    scene.demo.stop();
    scene.chain.stop();
  };
  return scene;
}

// Onboarding helpers (the create flow: show the phrase, then confirm 3 of its words).

/** On the welcome screen: Create, the password, the phrase shown; leaves the confirmation screen open. Returns the words. */
export async function beginCreate(popup, password = PASSWORD) {
  await popup.getByTestId('create-wallet').click();
  await popup.getByTestId('password').fill(password);
  await popup.getByTestId('password-confirm').fill(password);
  await popup.getByTestId('onboarding-next').click();
  const words = await showPhrase(popup);
  await popup.getByTestId('onboarding-next').click();
  return words;
}

/** On the phrase screen: clicks Show and reads the numbered words. */
export async function showPhrase(popup) {
  await popup.getByTestId('srp-show').click();
  await popup.getByTestId('srp-word-12').waitFor();
  const words = [];
  for (let i = 1; i <= 12; i++) words.push(await popup.getByTestId(`srp-word-${i}`).textContent());
  return words;
}

/** The 1-based positions the confirmation screen asks for (from its srp-confirm-<i> inputs). */
export async function askedPositions(popup) {
  await popup.getByTestId('srp-confirm-submit').waitFor();
  const ids = await popup.locator('input[data-testid^=srp-confirm-]')
    .evaluateAll((inputs) => inputs.map((input) => input.dataset.testid));
  return ids.map((id) => Number(id.slice('srp-confirm-'.length)));
}

/** On the confirmation screen: types the asked words and submits; waits for `landing` (the home screen). */
export async function confirmWords(popup, words, landing = 'account-address') {
  for (const position of await askedPositions(popup)) await popup.getByTestId(`srp-confirm-${position}`).fill(words[position - 1]);
  await popup.getByTestId('srp-confirm-submit').click();
  await popup.getByTestId(landing).waitFor();
}

/**
 * Presses and holds the hold-to-reveal button (popup/ui/hold.js, 2 s) with the real mouse, as a
 * person would, then lets go.
 */
export async function holdToReveal(page, testid = 'hold-to-reveal') {
  const button = page.getByTestId(testid);
  await button.hover();
  await page.mouse.down();
  await page.waitForTimeout(2100);
  await page.mouse.up();
}

/** On the restore-from-file screen: picks `text` as the file and submits `password`. */
export async function submitFile(page, text, password) {
  await page.getByTestId('restore-file-input').setInputFiles({ name: 'keystead-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('gate-password').fill(password);
  await page.getByTestId('gate-submit').click();
}

/**
 * From home: Settings → the emergency move, the password, the new phrase shown and read, then its
 * words confirmed as onboarding's; leaves the plan open. Returns the new phrase's words.
 * `beforeConfirm(popup)` runs on the confirmation screen first.
 */
export async function beginEmergencyMove(popup, { beforeConfirm } = {}) {
  await popup.getByTestId('settings').click();
  await popup.getByTestId('emergency-move').click();
  await popup.getByTestId('emergency-password').fill(PASSWORD);
  await popup.getByTestId('emergency-begin').click();
  const words = await showPhrase(popup);
  await popup.getByTestId('onboarding-next').click();
  await beforeConfirm?.(popup);
  await confirmWords(popup, words, 'emergency-start');
  return words;
}
