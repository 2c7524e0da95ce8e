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
// Playwright stays attached to the worker (it re-attaches to each new instance), which adds its
// own set-up to every cold start; the figures include it.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** REPS timings of `fn()` (which returns milliseconds) after WARMUP untimed ones. */
async function sampled(fn) {
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
    await cdp.detach();

    const row = (op, samples, underMs) => ({ op, ms: { keystead: median(samples) }, samples, target: underMs ? { underMs } : null });
    return [
      row('cold start → eth_chainId answered', chainIdCold, 150),
      row('cold start → eth_accounts answered (resume)', accountsCold, 150),
      row('eth_chainId, worker running', warmChainId, null),
      row('popup open → home interactive', popupWarm, 200),
      row('popup open → home, worker stopped', popupCold, null),
    ];
  } finally {
    await browser.close();
    demo.stop();
    chain.stop();
  }
}
