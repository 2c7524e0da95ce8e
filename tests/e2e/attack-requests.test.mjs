// Attacks through provider requests from web pages on other origins (a site served on
// localhost next to the demo dApp on 127.0.0.1), against the built extension: probing URLs
// through wallet_addEthereumChain, oversized params, floods, params Chrome cannot carry, and a
// sandboxed page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startScene, startSite, closedPort, answerApproval, openPopup } from './harness.mjs';

let scene, browser, wallet, dapp, site, attacker;

const PAGE = '<!doctype html><meta charset="utf-8"><title>attacker</title><p>attacker</p>';
const CHAIN_ID = '0x4d2'; // 1234

/** A fake node answering eth_chainId with `chainId`. */
const node = (chainId) => ({ body }) => ({
  headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
  body: JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(body || '{}').id ?? 1, result: chainId }),
});

before(async () => {
  scene = await startScene();
  ({ browser, wallet, dapp } = scene);
  site = await startSite({
    '/': PAGE,
    '/sandboxed.html': () => ({ headers: { 'content-type': 'text/html', 'content-security-policy': 'sandbox allow-scripts' }, body: PAGE }),
    '/rpc-right': node(CHAIN_ID),
    '/rpc-wrong': node('0x1'),
    '/rpc-broken': () => ({ status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>router admin</h1>' }),
    '/rpc-silent': () => new Promise(() => {}), // never answers
  });
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
  attacker = await browser.context.newPage();
  await attacker.goto(`${site.origin}/`);
  await attacker.waitForFunction(() => window.ethereum?.isKeystead);
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

/** `{ result }` or `{ code, message }` of a request made by `page`'s own provider. */
const ask = (page, method, params) => page.evaluate(({ method, params }) => window.ethereum.request({ method, params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), { method, params });

const addChain = (rpcUrl) => ask(attacker, 'wallet_addEthereumChain', [{
  chainId: CHAIN_ID, chainName: 'Probe', rpcUrls: [rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
}]);

const hits = (path) => site.requests.filter((r) => r.path === path).length;

test('wallet_addEthereumChain contacts the page\'s URL only after the user approved', async () => {
  const windowOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const answer = addChain(`${site.origin}/rpc-right`);
  const window = await windowOpened;
  await window.getByTestId('reject').waitFor();
  const contactedBefore = hits('/rpc-right');
  const closed = window.waitForEvent('close');
  await window.getByTestId('reject').click({ noWaitAfter: true }).catch(() => {});
  await closed;
  assert.equal(contactedBefore, 0, 'the worker contacted the URL before the user said anything');
  assert.equal((await answer).code, 4001);
  assert.equal(hits('/rpc-right'), 0, 'a rejected network was contacted');
});

test('wallet_addEthereumChain: whatever answers at the URL (or nothing, or never), the page gets the same generic error', async () => {
  const urls = [`${site.origin}/rpc-wrong`, `${site.origin}/rpc-broken`, `http://127.0.0.1:${await closedPort()}/`, `${site.origin}/rpc-silent`];
  const errors = [];
  // The user approves every window that asks about these networks.
  const approve = (page) => {
    if (page.url().includes('#/approve/')) page.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
  };
  browser.context.on('page', approve);
  try {
    for (const url of urls) errors.push(await addChain(url));
  } finally {
    browser.context.off('page', approve);
  }
  for (const path of ['/rpc-wrong', '/rpc-broken', '/rpc-silent']) assert.equal(hits(path), 1, `the approved ${path} was checked`);
  const [first] = errors;
  assert.equal(typeof first.code, 'number');
  for (const error of errors) assert.deepEqual(error, first, 'the errors tell the answers apart');
  assert.doesNotMatch(first.message, /0x1\b|500|router|JSON|HTTP|reach/i);
  assert.deepEqual(await ask(dapp, 'eth_chainId'), { result: '0x7a69' }, 'no network was added or selected');
});

test('an unconnected page gets 4100 before its params are read; 10 MB of params are refused unread', async () => {
  const garbage = 'x'.repeat(500_000); // under the cap, not valid for either method
  assert.equal((await ask(attacker, 'eth_signTypedData_v4', [wallet.address, `{${garbage}`])).code, 4100);
  assert.equal((await ask(attacker, 'personal_sign', [garbage, wallet.address])).code, 4100);
  const huge = await attacker.evaluate((account) => window.ethereum
    .request({ method: 'eth_signTypedData_v4', params: [account, `{${'x'.repeat(10_000_000)}`] })
    .then(() => ({}), (e) => ({ code: e.code, message: e.message })), wallet.address);
  assert.equal(huge.code, -32005);
  assert.match(huge.message, /at most 1048576/);
});

test('a connected page\'s over-cap params are refused with a clear error and open no window', async () => {
  const windows = [];
  const onPage = (p) => {
    if (!p.url().includes('#/approve/')) return;
    windows.push(p);
    p.close().catch(() => {});
  };
  browser.context.on('page', onPage);
  try {
    const message = `0x${'ab'.repeat(600_000)}`; // 1.2 MB of valid hex
    const outcome = await ask(dapp, 'personal_sign', [message, wallet.address]);
    assert.equal(outcome.code, -32005);
    assert.match(outcome.message, /personal_sign.*at most 1048576/);
  } finally {
    browser.context.off('page', onPage);
  }
  assert.equal(windows.length, 0, 'an approval window opened for an over-cap request');
});

test('params Chrome cannot carry (BigInt, a cycle) get -32602 and the provider stays connected', async () => {
  const outcome = await dapp.evaluate(async () => {
    const { provider } = window.keysteadDemo;
    const disconnects = [];
    provider.on('disconnect', (e) => disconnects.push(e.code));
    const code = (params) => provider.request({ method: 'eth_call', params }).then(() => 'ok', (e) => e.code);
    const cycle = [{}];
    cycle[0].self = cycle;
    const result = {
      bigint: await code([{ to: '0x0000000000000000000000000000000000000001', value: 1n }, 'latest']),
      cycle: await code(cycle),
    };
    return { ...result, connected: provider.isConnected(), chainId: await provider.request({ method: 'eth_chainId' }), disconnects };
  });
  assert.deepEqual(outcome, { bigint: -32602, cycle: -32602, connected: true, chainId: '0x7a69', disconnects: [] });
});

test('a page in a CSP sandbox (opaque origin) gets an error, not a request that never settles', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/sandboxed.html`);
  assert.equal(await page.evaluate(() => self.origin), 'null');
  const outcome = await page.evaluate(() => Promise.race([
    window.ethereum.request({ method: 'eth_requestAccounts' }).then(() => 'answered', (e) => e.code),
    new Promise((resolve) => setTimeout(() => resolve('no answer after 10 s'), 10_000)),
  ]));
  assert.equal(outcome, 4100);
  await page.close();
});

test('a flood from one origin is cut off with -32005 while another origin and the popup still get answers', async () => {
  const flooder = await browser.context.newPage();
  await flooder.goto(`${site.otherOrigin}/`);
  await flooder.waitForFunction(() => window.ethereum?.isKeystead);
  const flood = flooder.evaluate(() => Promise.all(Array.from({ length: 5000 }, () => window.ethereum
    .request({ method: 'eth_chainId' }).then(() => 'ok', (e) => `${e.code} ${e.message}`))));
  const popup = await openPopup(browser);
  const [codes, other, status] = await Promise.all([
    flood,
    ask(dapp, 'eth_chainId'),
    popup.evaluate(() => chrome.runtime.sendMessage({ kind: 'popup', method: 'status' })),
  ]);
  const limited = codes.filter((c) => c.startsWith('-32005 '));
  assert.ok(limited.length > 0, 'no request of the flood was refused');
  assert.ok(codes.filter((c) => c === 'ok').length > 0, 'the flood\'s first requests are answered');
  assert.equal(limited.length + codes.filter((c) => c === 'ok').length, codes.length, `other answers: ${codes.find((c) => c !== 'ok' && !c.startsWith('-32005'))}`);
  assert.match(limited[0], /more than \d+ requests .* Wait a moment and send it again/);
  assert.deepEqual(other, { result: '0x7a69' });
  assert.equal(status.result?.state, 'unlocked');
  await popup.close();
  await flooder.close();
});
