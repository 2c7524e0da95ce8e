// The popup at scale, in headless Chromium with the unpacked dist/ (the end-to-end harness):
//
// - Home with 100 accounts and 50 tokens: anvil runs on 127.0.0.1:8547 and a counting node
//   (tests/e2e/harness.mjs startCountingNode) stands on 8545, the built-in network's URL, so
//   every request the extension sends the node is seen. The wallet gets 99 more accounts
//   (popup `addAccount`), 50 OpenZeppelin ERC-20s are deployed and added (`addToken`), and the
//   first account is selected. Each sample opens popup.html in a new tab; an init script's
//   MutationObserver records `performance.now()` (ms since the tab's navigation start) when the
//   home screen's `[data-testid=account-address]` holds an address (interactive) and when every
//   balance is drawn (the selected account's, the 100 in the account list, the 50 tokens'). The
//   requests the node received during the sample are counted (a JSON-RPC batch is one).
// - Activity with 1,000 stored entries: 1,000 finished transactions (ETH and token transfers,
//   confirmed, failed, replaced, dropped) are written to chrome.storage.local as `activity`:
//   200 for each of 5 accounts (the bound per account and network), and, as the worst case the
//   bound prevents, 1,000 for the selected account alone. Each sample opens the popup on home,
//   then times in the page from the click on `activity` to the list holding every item.
// 7 samples after 2 warm-ups each (bench/common.mjs).
import { WARMUP, median } from './common.mjs';
import { sampled } from './extension.mjs';

export const ACCOUNTS = 100;
export const TOKENS = 50;
export const ENTRIES = 1000;
const ANVIL_PORT = 8547;
const NODE_PORT = 8545; // the built-in network's URL
const LOCAL = '0x7a69';

/** One popup open: { interactive, balances } in ms since navigation start. */
async function homeSample(context, popupUrl) {
  const page = await context.newPage();
  await page.addInitScript(({ accounts, tokens }) => {
    const done = () => {
      const address = document.querySelector('[data-testid=account-address]');
      if (window.__interactiveAt === undefined && address && /^0x[0-9a-fA-F]{40}$/.test(address.textContent.trim())) {
        window.__interactiveAt = performance.now();
      }
      const listed = document.querySelectorAll('[data-testid=account-item-balance]');
      const amounts = document.querySelectorAll('[data-testid=token-amount]');
      const balance = document.querySelector('[data-testid=account-balance]');
      if (window.__balancesAt === undefined && balance && balance.textContent !== '…' && amounts.length === tokens
        && listed.length === accounts && [...listed].every((s) => s.textContent !== '…')) {
        window.__balancesAt = performance.now();
      }
      return window.__balancesAt !== undefined;
    };
    new MutationObserver((_, observer) => { if (done()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true, characterData: true });
  }, { accounts: ACCOUNTS, tokens: TOKENS });
  await page.goto(popupUrl);
  await page.waitForFunction(() => window.__balancesAt !== undefined, null, { timeout: 20_000 });
  const times = await page.evaluate(() => ({ interactive: window.__interactiveAt, balances: window.__balancesAt }));
  const amounts = await page.getByTestId('token-amount').allTextContents();
  if (amounts.some((a) => a !== '1')) throw new Error(`bench: a token balance is wrong: ${amounts.find((a) => a !== '1')}`);
  await page.close();
  return times;
}

/** `count` finished Activity entries of `address`, newest first, of every kind the list draws. */
function entries(count, address, token, salt) {
  const statuses = ['confirmed', 'confirmed', 'confirmed', 'failed', 'replaced', 'dropped'];
  return Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length];
    const isToken = i % 3 === 0;
    return {
      hash: `0x${salt.toString(16).padStart(8, '0')}${i.toString(16).padStart(56, '0')}`,
      nonce: `0x${(count - i).toString(16)}`,
      to: isToken ? token : '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: isToken ? '0x0' : `0x${(10n ** 15n * BigInt(i + 1)).toString(16)}`,
      gas: isToken ? '0xfde8' : '0x5208',
      type: '0x2',
      maxFeePerGas: '0x77359400',
      maxPriorityFeePerGas: '0x3b9aca00',
      ...(isToken ? { selector: '0xa9059cbb' } : {}),
      asset: isToken ? { symbol: 'T0', decimals: 18, address: token, amount: `0x${(10n ** 18n * BigInt(i + 1)).toString(16)}` }
        : { symbol: 'ETH', decimals: 18, amount: `0x${(10n ** 15n * BigInt(i + 1)).toString(16)}` },
      recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      origin: i % 2 ? 'keystead' : 'https://app.example.org',
      submittedAt: Date.UTC(2026, 0, 1) + (count - i) * 60_000,
      status,
      ...(status === 'confirmed' || status === 'failed' ? { fee: '0x1dcd65000', block: `0x${(count - i).toString(16)}` } : {}),
      ...(status === 'replaced' ? { replacedBy: `0x${'f'.repeat(64)}` } : {}),
      finishedAt: Date.UTC(2026, 0, 1) + (count - i) * 60_000 + 12_000,
    };
  });
}

/** One Activity open from home: ms from the click to the list holding `count` items. */
async function activitySample(context, popupUrl, count) {
  const page = await context.newPage();
  await page.goto(popupUrl);
  await page.getByTestId('activity').waitFor();
  const ms = await page.evaluate((n) => new Promise((resolve) => {
    const app = document.getElementById('app');
    const observer = new MutationObserver(() => {
      if (app.querySelectorAll('[data-testid=activity-item]').length === n) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(app, { childList: true, subtree: true });
    const t0 = performance.now();
    document.querySelector('[data-testid=activity]').click();
  }), count);
  await page.close();
  return ms;
}

/** The rows `{ op, ms: { keystead }, samples, target }`. */
export async function run({ log = () => {} } = {}) {
  const harness = await import('../tests/e2e/harness.mjs');
  const erc20 = await import('../tests/e2e/erc20.mjs');
  const chain = await harness.startAnvil(ANVIL_PORT);
  let node;
  let browser;
  try {
    node = await harness.startCountingNode(chain, NODE_PORT);
    browser = await harness.launch();
    const { context, popupUrl } = browser;
    const wallet = await harness.createWallet(browser);
    const { popup } = wallet;
    const call = async (method, params) => {
      const answer = await harness.popupCall(popup, method, params);
      if (answer.error) throw new Error(`bench: ${method}: ${answer.error.message}`);
      return answer.result;
    };
    for (let i = 1; i < ACCOUNTS; i++) await call('addAccount');
    const accounts = (await call('status')).accounts.map((a) => a.address);
    await call('selectAccount', { address: accounts[0] });
    const tokens = [];
    for (let i = 0; i < TOKENS; i++) {
      const token = await erc20.deployToken(chain, { symbol: `T${i}` });
      await erc20.sendToken(chain, token, accounts[0], 10n ** 18n);
      await call('addToken', { chainId: LOCAL, address: token });
      tokens.push(token);
    }
    log(`home: ${accounts.length} accounts, ${tokens.length} tokens`);

    const requests = [];
    const home = await sampled(async () => {
      node.reset();
      const times = await homeSample(context, popupUrl);
      requests.push(node.posts().length);
      return times;
    });
    const roundTrips = requests.slice(WARMUP);
    log(`home interactive: ${home.map((s) => s.interactive.toFixed(1)).join(', ')} ms; every balance drawn: `
      + `${home.map((s) => s.balances.toFixed(1)).join(', ')} ms; requests to the node per open: ${roundTrips.join(', ')}`);

    const store = (activity) => popup.evaluate((a) => chrome.storage.local.set({ activity: a }), activity);
    const listed = async (count) => {
      for (let i = 0; i < 50; i++) {
        if ((await call('activity', { address: accounts[0] })).entries.length === count) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`bench: the worker does not list ${count} Activity entries`);
    };
    const perAccount = ENTRIES / 5;
    await store({ [LOCAL]: Object.fromEntries(accounts.slice(0, 5).map((a, i) => [a, entries(perAccount, a, tokens[0], i)])) });
    await listed(perAccount);
    const bounded = await sampled(() => activitySample(context, popupUrl, perAccount));
    await store({ [LOCAL]: { [accounts[0]]: entries(ENTRIES, accounts[0], tokens[0], 9) } });
    await listed(ENTRIES);
    const single = await sampled(() => activitySample(context, popupUrl, ENTRIES));
    log(`Activity open (${ENTRIES} stored, ${perAccount} shown): ${bounded.map((s) => s.toFixed(1)).join(', ')} ms; `
      + `${ENTRIES} in one list: ${single.map((s) => s.toFixed(1)).join(', ')} ms`);

    const row = (op, samples, underMs) => ({ op, ms: { keystead: median(samples) }, samples, target: underMs ? { underMs } : null });
    return [
      row(`home, ${ACCOUNTS} accounts + ${TOKENS} tokens: popup open → interactive`, home.map((s) => s.interactive), 200),
      row(`home, ${ACCOUNTS} accounts + ${TOKENS} tokens: popup open → every balance drawn`, home.map((s) => s.balances), null),
      { op: `home, ${ACCOUNTS} accounts + ${TOKENS} tokens: requests to the node (target ≤ 2)`, ms: { keystead: Math.max(...roundTrips) }, samples: roundTrips, unit: 'requests', target: { underMs: 2.5 } },
      row(`Activity, ${ENTRIES} stored (${perAccount} per account): click → list drawn`, bounded, 100),
      row(`Activity, ${ENTRIES} in one list (past the bound): click → drawn`, single, null),
    ];
  } finally {
    await browser?.close();
    node?.stop();
    chain.stop();
  }
}
