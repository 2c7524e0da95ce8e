// The extension's own timings, in headless Chromium with the unpacked dist/ (the end-to-end
// harness's launch, anvil and demo server):
//
// - service-worker cold start: the worker is stopped over CDP (`ServiceWorker.stopAllWorkers`),
//   and the runner waits until CDP reports every version of it `stopped`
//   (`ServiceWorker.workerVersionUpdated`, polled, at most 5 s) plus 200 ms for the browser to
//   settle. Then the demo page times, with its own `performance.now()`, one
//   `provider.request(...)`: the page → content script → worker message wakes a new worker,
//   which loads the core and answers. `eth_chainId` needs no keyring; `eth_accounts` from the
//   connected demo origin needs the keyring resumed from the session snapshot
//   (`Keyring.resumeSession`). A new worker instance answers each time (checked).
// - popup interactive: a new tab opens `popup.html` while the wallet is unlocked. An init script
//   in the tab records `performance.now()` (milliseconds since the tab's navigation start) when
//   a MutationObserver first sees the home screen's `[data-testid=account-address]` holding an
//   address, i.e. when the home screen's controls are in the DOM; the tab is closed after each
//   sample. Measured with the worker running (the usual case) and, as an extra row, right after
//   a stop (the popup's first message then wakes the worker).
//
// - warm requests: with the worker running, the demo page times MANY `eth_chainId`s one after
//   another; and `eth_blockNumber` / `eth_call` through the provider against the same request as
//   a direct `fetch` from the same page to the same anvil, alternating, in the same run: the row
//   is the difference of the two medians (the provider's overhead). 1,000 concurrent `eth_call`s
//   through the provider against 1,000 concurrent direct fetches: the row is the ratio of the
//   medians (each sample starts with the origin's request budget full, rate-limit.js).
// - storage reads: how many `chrome.storage.local.get` calls one approved `personal_sign` costs,
//   on a warm worker and right after a stop (the request wakes the worker). Counted by a
//   bench-only instrument prepended to dist/background.js for the run (and removed after): it
//   wraps `chrome.storage.local.get` before any module of the worker runs.
//
// Playwright stays attached to the worker (it re-attaches to each new instance), which adds its
// own set-up to every cold start; the figures include it.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { REPS, WARMUP, median } from './common.mjs';

export const name = 'extension';

const root = path.resolve(import.meta.dirname, '..');
const ANVIL_PORT = 8545; // the built-in network's URL; the popup reads the balance there
const SETTLE_MS = 200;

/** Builds dist/ and dist-demo/ with the repository's webpack config (needs pkg/). */
export function buildExtension() {
  if (!existsSync(path.join(root, 'pkg/keystead_bg.wasm'))) throw new Error('bench: pkg/ is missing (scripts/build-pkg.sh)');
  execFileSync(path.join(root, 'node_modules/.bin/webpack'), ['--config', path.join(root, 'webpack.config.js')],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const MANY = 200; // samples of a warm sub-millisecond request
const CONCURRENT = 1000;
const CONCURRENT_SAMPLES = 5;
// rate-limit.js: the time a drained origin needs to have CONCURRENT requests again.
const REFILL_MS = 5500;

// The bench-only instrument: counts chrome.storage.local.get calls from the worker's first line.
const COUNTER = 'globalThis.__benchStorageReads=0;{const a=chrome.storage.local,g=a.get.bind(a);'
  + 'a.get=(...x)=>{globalThis.__benchStorageReads++;return g(...x);};}\n';

/** Prepends the read counter to dist/background.js; returns the function that takes it out. */
function instrumentWorker() {
  const file = path.join(root, 'dist/background.js');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, COUNTER + original);
  return () => writeFileSync(file, original);
}

/** Alternating timings of a provider request and the same request by direct fetch, from the page. */
const versusDirect = (page, method, params, count) => page.evaluate(async ({ method, params, count, url }) => {
  const direct = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    const body = await response.json();
    if (body.error) throw new Error(body.error.message);
    return body.result;
  };
  const provider = () => window.keysteadDemo.provider.request({ method, params });
  const time = async (fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const out = { provider: [], direct: [] };
  for (let i = 0; i < 10; i++) await Promise.all([provider(), direct()]); // warm-up
  for (let i = 0; i < count; i++) {
    out.provider.push(await time(provider));
    out.direct.push(await time(direct));
  }
  return out;
}, { method, params, count, url: `http://127.0.0.1:${ANVIL_PORT}` });

/** One sample of `n` concurrent eth_calls through the provider and `n` by direct fetch. */
const concurrentCalls = (page, params, n) => page.evaluate(async ({ params, n, url }) => {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params });
  const time = async (fn) => {
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: n }, fn));
    if (results.some((r) => r !== results[0])) throw new Error('bench: the concurrent calls answered differently');
    return performance.now() - t0;
  };
  const direct = await time(async () => (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()).result);
  const provider = await time(() => window.keysteadDemo.provider.request({ method: 'eth_call', params }));
  return { direct, provider };
}, { params, n, url: `http://127.0.0.1:${ANVIL_PORT}` });

/** Waits until CDP says no version of the extension's worker is running. */
async function stopWorker(cdp, versions, extensionId) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 5000;
  const ours = () => [...versions.values()].filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  if (ours().length === 0) throw new Error('bench: CDP reported no version of the extension\'s service worker');
  while (ours().some((v) => v.runningStatus !== 'stopped')) {
    if (Date.now() > deadline) throw new Error('bench: the service worker did not stop within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

const timedRequest = (page, method) => page.evaluate(async (method) => {
  const t0 = performance.now();
  const result = await window.keysteadDemo.provider.request({ method });
  return { ms: performance.now() - t0, result };
}, method);

/** REPS results of `fn()` (e.g. milliseconds) after WARMUP untimed ones. */
export async function sampled(fn) {
  const samples = [];
  for (let i = 0; i < WARMUP + REPS; i++) {
    const ms = await fn();
    if (i >= WARMUP) samples.push(ms);
  }
  return samples;
}

async function popupSample(context, popupUrl) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = () => {
      const el = document.querySelector('[data-testid=account-address]');
      if (el && /^0x[0-9a-fA-F]{40}$/.test(el.textContent.trim())) {
        window.__interactiveAt = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(popupUrl);
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 10_000 });
  const ms = await page.evaluate(() => window.__interactiveAt);
  await page.close();
  return ms;
}

/** Runs the extension rows; returns rows `{ op, ms: { keystead }, samples, target: { underMs } }`. */
export async function run({ log = () => {} } = {}) {
  const harness = await import('../tests/e2e/harness.mjs');
  let chain;
  try {
    chain = await harness.startAnvil(ANVIL_PORT);
  } catch (e) {
    throw new Error(`bench: the extension rows need anvil on 127.0.0.1:${ANVIL_PORT} (the built-in network): ${e.message}`);
  }
  const demo = await harness.startDemo();
  const uninstrument = instrumentWorker();
  const browser = await harness.launch();
  try {
    const { context, extensionId, popupUrl } = browser;
    const wallet = await harness.createWallet(browser);
    await wallet.popup.close();
    const dapp = await context.newPage();
    await dapp.goto(demo.url);
    await dapp.waitForFunction(() => window.keysteadDemo?.provider);
    const approval = harness.answerApproval(browser, 'approve');
    await dapp.getByTestId('demo-connect').click();
    await approval;
    await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();

    const cdp = await context.newCDPSession(dapp);
    const versions = new Map();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) => {
      for (const v of vs) versions.set(v.versionId, v);
    });
    await cdp.send('ServiceWorker.enable');
    const [worker] = context.serviceWorkers();

    const cold = async (method, expect) => {
      const samples = await sampled(async () => {
        await worker.evaluate(() => { globalThis.benchMarker = true; });
        await stopWorker(cdp, versions, extensionId);
        const { ms, result } = await timedRequest(dapp, method);
        if (JSON.stringify(result) !== JSON.stringify(expect)) throw new Error(`bench: ${method} answered ${JSON.stringify(result)}`);
        if (await worker.evaluate(() => globalThis.benchMarker)) throw new Error('bench: the old worker answered (not stopped)');
        return ms;
      });
      log(`${method} cold: ${samples.map((s) => s.toFixed(1)).join(', ')} ms`);
      return samples;
    };
    const warmChainId = await sampled(async () => (await timedRequest(dapp, 'eth_chainId')).ms);
    const chainIdCold = await cold('eth_chainId', '0x7a69');
    const accountsCold = await cold('eth_accounts', [wallet.address]);
    const popupWarm = await sampled(() => popupSample(context, popupUrl));
    const popupCold = await sampled(async () => {
      await stopWorker(cdp, versions, extensionId);
      return popupSample(context, popupUrl);
    });
    log(`popup: ${popupWarm.map((s) => s.toFixed(1)).join(', ')} ms; after a stop: ${popupCold.map((s) => s.toFixed(1)).join(', ')} ms`);

    // Warm requests, then the storage reads of one approved personal_sign.
    const manyChainId = [];
    for (let i = 0; i < MANY; i++) manyChainId.push((await timedRequest(dapp, 'eth_chainId')).ms);
    const callParams = [{ to: wallet.address, data: '0x' }, 'latest'];
    const blockNumber = await versusDirect(dapp, 'eth_blockNumber', [], MANY);
    const call = await versusDirect(dapp, 'eth_call', callParams, MANY);
    const concurrent = [];
    for (let i = 0; i < 1 + CONCURRENT_SAMPLES; i++) {
      await new Promise((r) => setTimeout(r, REFILL_MS));
      const sample = await concurrentCalls(dapp, callParams, CONCURRENT);
      if (i > 0) concurrent.push(sample);
    }
    const overhead = (s) => median(s.provider) - median(s.direct);
    log(`eth_blockNumber: provider ${median(blockNumber.provider).toFixed(2)} ms, direct ${median(blockNumber.direct).toFixed(2)} ms; `
      + `eth_call: provider ${median(call.provider).toFixed(2)} ms, direct ${median(call.direct).toFixed(2)} ms`);
    log(`${CONCURRENT} concurrent eth_call: provider ${concurrent.map((s) => s.provider.toFixed(0)).join(', ')} ms; `
      + `direct ${concurrent.map((s) => s.direct.toFixed(0)).join(', ')} ms`);

    const signReads = async () => {
      const [current] = context.serviceWorkers();
      const before = await current.evaluate(() => globalThis.__benchStorageReads);
      if (typeof before !== 'number') throw new Error('bench: the storage read counter is not in the worker');
      const approved = harness.answerApproval(browser, 'approve');
      const signed = dapp.evaluate((account) => window.keysteadDemo.provider.request({ method: 'personal_sign', params: ['0x6869', account] }), wallet.address);
      await approved;
      if (!/^0x[0-9a-f]{130}$/.test(await signed)) throw new Error('bench: personal_sign did not sign');
      return (await current.evaluate(() => globalThis.__benchStorageReads)) - before;
    };
    await signReads(); // the first signature after the stops above may resume the keyring
    const readsWarm = await signReads();
    await stopWorker(cdp, versions, extensionId);
    const coldApproved = harness.answerApproval(browser, 'approve');
    const coldSigned = dapp.evaluate((account) => window.keysteadDemo.provider.request({ method: 'personal_sign', params: ['0x6869', account] }), wallet.address);
    await coldApproved;
    if (!/^0x[0-9a-f]{130}$/.test(await coldSigned)) throw new Error('bench: personal_sign did not sign after the stop');
    const readsCold = await context.serviceWorkers()[0].evaluate(() => globalThis.__benchStorageReads);
    log(`chrome.storage.local reads for one approved personal_sign: warm ${readsWarm}, after a stop ${readsCold}`);
    await cdp.detach();

    const row = (op, samples, underMs) => ({ op, ms: { keystead: median(samples) }, samples, target: underMs ? { underMs } : null });
    const ratio = concurrent.map((s) => s.provider / s.direct);
    return [
      row('cold start → eth_chainId answered', chainIdCold, 150),
      row('cold start → eth_accounts answered (resume)', accountsCold, 150),
      row('eth_chainId, worker running', warmChainId, null),
      { op: `eth_chainId, worker running (median of ${MANY})`, ms: { keystead: median(manyChainId) }, target: { underMs: 1.5 } },
      { op: 'eth_blockNumber: provider − direct fetch', ms: { keystead: overhead(blockNumber) }, target: { underMs: 1 } },
      { op: 'eth_call: provider − direct fetch', ms: { keystead: overhead(call) }, target: { underMs: 1 } },
      {
        op: `${CONCURRENT} concurrent eth_call: provider`,
        ms: { keystead: median(concurrent.map((s) => s.provider)), 'direct fetch': median(concurrent.map((s) => s.direct)) },
        target: { noSlowerThan: 2 },
        ratios: ratio,
      },
      { op: 'storage.local reads, approved personal_sign (warm; target 0)', ms: { keystead: readsWarm }, unit: 'reads', target: { underMs: 0.5 } },
      { op: 'storage.local reads, approved personal_sign (cold; target 1)', ms: { keystead: readsCold }, unit: 'reads', target: { underMs: 1.5 } },
      row('popup open → home interactive', popupWarm, 200),
      row('popup open → home, worker stopped', popupCold, null),
    ];
  } finally {
    await browser.close();
    uninstrument();
    demo.stop();
    chain.stop();
  }
}
