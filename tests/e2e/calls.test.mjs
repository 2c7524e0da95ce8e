// EIP-5792 batches (issue 17 item 5) against the built extension, anvil, a real OpenZeppelin
// ERC-20 and the real approval window, driven by a page written with @wagmi/core
// (demo/libraries/wagmi.html): sendCalls of an ETH and a token transfer (atomicRequired false)
// opens one review listing both, sends them one after another and ends with two receipts from
// getCallsStatus and the balances changed on anvil; atomicRequired true is 5760 and sends
// nothing; getCapabilities says atomic is unsupported per chain; showCallsStatus opens Activity;
// a stopped worker still answers getCallsStatus; wrong params get their own error and change
// nothing; another site never sees the batch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { erc20Abi, getAddress } from 'viem';
import { startScene, startSite, openPage, answerApproval, readStorage, stopServiceWorker, shown } from './harness.mjs';
import { deployToken, sendToken } from './erc20.mjs';

const R1 = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const R2 = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const ETH_SENT = 10n ** 15n; // 0.001 ETH
const TOKENS_SENT = 12345n;

let scene, chain, browser, wallet, token, page, site, me;

before(async () => {
  scene = await startScene();
  ({ chain, browser, wallet } = scene);
  me = wallet.address.toLowerCase();
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, '0x56bc75e2d63100000'] });
  token = getAddress(await deployToken(chain));
  await sendToken(chain, token, wallet.address, 10n ** 20n);
  page = await openPage(browser, new URL('libraries/wagmi.html', scene.demo.url).href);
  await page.waitForFunction(() => window.libraryPage?.ready);
  const approval = answerApproval(browser, 'approve');
  const connected = await page.evaluate(() => window.libraryPage.connect());
  await approval;
  assert.deepEqual(connected.accounts.map((a) => a.toLowerCase()), [me]);
  site = await startSite({ '/': '<!doctype html><meta charset="utf-8"><title>other</title><p>other</p>' });
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

const lib = (name, ...args) => page.evaluate(({ name, args }) => window.libraryPage[name](...args), { name, args });
const ask = (target, method, params) => target.evaluate(({ method, params }) => window.ethereum.request({ method, params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), { method, params });
const ethBalance = (address) => chain.client.getBalance({ address });
const tokenBalance = (address) => chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
const nonce = () => chain.client.getTransactionCount({ address: wallet.address });
const storedBatches = async () => (await readStorage(wallet.popup)).local.callBatches ?? [];
const TWO_TRANSFERS = () => [{ to: R1, value: String(ETH_SENT) }, { token, to: R2, amount: String(TOKENS_SENT) }];
const batchRequest = (over = {}) => [{ version: '2.0.0', chainId: '0x7a69', from: me, atomicRequired: false, calls: [{ to: R1, value: '0x1' }], ...over }];

/** The review of a batch: one window, one section per call, in order. */
const reviewOfTwo = async (win) => {
  const calls = win.getByTestId('approval-call');
  assert.equal(await calls.count(), 2);
  assert.equal((await calls.nth(0).getByTestId('approval-to').textContent()).toLowerCase(), R1.toLowerCase());
  assert.equal(await calls.nth(0).getByTestId('approval-value').textContent(), `${shown('0.001')} ETH`);
  assert.equal((await calls.nth(1).getByTestId('approval-to').textContent()).toLowerCase(), token.toLowerCase());
  assert.equal(await calls.nth(1).getByTestId('approval-value').textContent(), `${shown('0')} ETH`);
  const nonces = [await calls.nth(0).getByTestId('approval-nonce').textContent(), await calls.nth(1).getByTestId('approval-nonce').textContent()];
  assert.equal(Number(nonces[1]), Number(nonces[0]) + 1);
  // Each call with what it does, as a single transaction's window says it: the token transfer
  // decoded, and its balance change.
  assert.equal(await calls.nth(0).getByTestId('approval-summary').count(), 1);
  assert.equal(await calls.nth(1).getByTestId('approval-summary').count(), 1);
  const changes = await calls.nth(1).getByTestId('balance-change')
    .evaluateAll((rows) => rows.map((r) => [r.dataset.asset.toLowerCase(), r.dataset.delta]));
  assert.ok(changes.some(([asset, delta]) => asset === token.toLowerCase() && delta === `-${TOKENS_SENT}`), JSON.stringify(changes));
};

/** Sends TWO_TRANSFERS through wagmi's sendCalls, approving the one review; returns the batch id. */
async function sendTwo() {
  const approval = answerApproval(browser, 'approve', { origin: new URL(page.url()).origin, expect: reviewOfTwo });
  const sent = lib('sendCalls', TWO_TRANSFERS());
  await approval;
  const answer = await sent;
  assert.ok(!answer.error, JSON.stringify(answer.error));
  assert.match(answer.id, /^0x[0-9a-f]{64}$/);
  return answer.id;
}

test('wagmi getCapabilities, and wallet_getCapabilities per chain: atomic unsupported', async () => {
  assert.deepEqual(await lib('getCapabilities'), { 31337: { atomic: { status: 'unsupported' } } });
  assert.deepEqual(await ask(page, 'wallet_getCapabilities', [me, ['0x7a69', '0x1']]), { result: { '0x7a69': { atomic: { status: 'unsupported' } } } });
  assert.deepEqual(await ask(page, 'wallet_getCapabilities', [me]), { result: { '0x7a69': { atomic: { status: 'unsupported' } } } });
  assert.equal((await ask(page, 'wallet_getCapabilities', [R1])).code, 4100);
});

test('wagmi sendCalls of two transfers (non-atomic): one review lists both; two receipts; the balances moved on anvil', async () => {
  const before = { eth: await ethBalance(R1), tokens: await tokenBalance(R2), nonce: await nonce() };
  const id = await sendTwo();
  const done = await lib('waitForCallsStatus', id);
  assert.equal(done.status, 'success');
  assert.equal(done.statusCode, 200);
  assert.equal(done.atomic, false);
  assert.equal(done.receipts.length, 2);
  assert.deepEqual(done.receipts.map((r) => r.status), ['success', 'success']);
  assert.equal(await ethBalance(R1), before.eth + ETH_SENT);
  assert.equal(await tokenBalance(R2), before.tokens + TOKENS_SENT);
  assert.equal(await nonce(), before.nonce + 2);
  // The raw answer, in the spec's shape; each receipt is a transaction Activity recorded.
  const { result } = await ask(page, 'wallet_getCallsStatus', [id]);
  assert.deepEqual(Object.keys(result).sort(), ['atomic', 'chainId', 'id', 'receipts', 'status', 'version']);
  assert.equal(result.version, '2.0.0');
  assert.equal(result.chainId, '0x7a69');
  assert.equal(result.status, 200);
  for (const r of result.receipts) assert.deepEqual(Object.keys(r).sort(), ['blockHash', 'blockNumber', 'gasUsed', 'logs', 'status', 'transactionHash']);
  const transferLog = result.receipts[1].logs[0];
  assert.equal(transferLog.address.toLowerCase(), token.toLowerCase());
  const hashes = result.receipts.map((r) => r.transactionHash);
  const { local } = await readStorage(wallet.popup);
  const recorded = local.activity['0x7a69'][wallet.address].map((e) => e.hash);
  for (const h of hashes) assert.ok(recorded.includes(h), `Activity has ${h}`);
  const stored = local.callBatches.find((b) => b.id === id);
  assert.deepEqual(stored.calls, hashes.map((hash) => ({ state: 'sent', hash })));
  assert.equal(JSON.stringify(stored).includes('0x02f8'), false); // no raw transaction kept
});

test('atomicRequired true (wagmi forceAtomic) is 5760: no window, nothing sent, nothing stored', async () => {
  const pages = browser.context.pages().length;
  const before = { nonce: await nonce(), batches: (await storedBatches()).length };
  const answer = await lib('sendCalls', TWO_TRANSFERS(), { forceAtomic: true });
  assert.equal(answer.error.code, 5760);
  const raw = await ask(page, 'wallet_sendCalls', batchRequest({ atomicRequired: true }));
  assert.equal(raw.code, 5760);
  assert.match(raw.message, /atomically/);
  assert.equal(browser.context.pages().length, pages);
  assert.equal(await nonce(), before.nonce);
  assert.equal((await storedBatches()).length, before.batches);
});

test('wrong params each get their own error and change nothing', async () => {
  const pages = browser.context.pages().length;
  const before = { nonce: await nonce(), batches: JSON.stringify(await storedBatches()) };
  const cases = [
    [batchRequest({ chainId: '0x1' }), 5710, /chain 0x1/],
    [batchRequest({ from: R1.toLowerCase() }), 4100, /may not use account/],
    [batchRequest({ version: '1.0' }), -32602, /version 2\.0\.0/],
    [batchRequest({ calls: [] }), -32602, /calls/],
    [batchRequest({ calls: [{ to: 'nowhere' }] }), -32602, /calls\[0\]\.to/],
    [batchRequest({ capabilities: { paymasterService: { url: 'https://paymaster.example' } } }), 5700, /paymasterService/],
    [batchRequest({ calls: Array.from({ length: 21 }, () => ({ to: R1 })) }), 5740, /at most 20/],
  ];
  for (const [params, code, message] of cases) {
    const answer = await ask(page, 'wallet_sendCalls', params);
    assert.equal(answer.code, code, JSON.stringify(answer));
    assert.match(answer.message, message);
  }
  assert.equal(browser.context.pages().length, pages);
  assert.equal(await nonce(), before.nonce);
  assert.equal(JSON.stringify(await storedBatches()), before.batches);
});

test('rejecting the review sends nothing and stores no batch', async () => {
  const before = { nonce: await nonce(), batches: (await storedBatches()).length };
  const approval = answerApproval(browser, 'reject', { expect: reviewOfTwo });
  const sent = lib('sendCalls', TWO_TRANSFERS());
  await approval;
  assert.equal((await sent).error.code, 4001);
  assert.equal(await nonce(), before.nonce);
  assert.equal((await storedBatches()).length, before.batches);
});

test('a worker stopped after the batch was sent still answers getCallsStatus with both receipts', async () => {
  const id = await sendTwo();
  await stopServiceWorker(browser, wallet.popup);
  const answer = await lib('getCallsStatus', id);
  assert.ok(!answer.error, JSON.stringify(answer.error));
  assert.equal(answer.statusCode, 200);
  assert.equal(answer.receipts.length, 2);
  // And an id the site never got is the spec's 5730.
  assert.equal((await ask(page, 'wallet_getCallsStatus', [`0x${'ab'.repeat(32)}`])).code, 5730);
});

test('another site cannot read or show this site\'s batch', async () => {
  const [{ id }] = await storedBatches();
  const other = await openPage(browser, `${site.origin}/`);
  assert.equal((await ask(other, 'wallet_getCallsStatus', [id])).code, 5730);
  assert.equal((await ask(other, 'wallet_showCallsStatus', [id])).code, 5730);
  await other.close();
});

test('wagmi showCallsStatus opens Activity in a window, listing the batch\'s transactions', async () => {
  const [{ id, calls }] = await storedBatches();
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('popup.html') && !p.url().includes('#/approve/') });
  const answer = await lib('showCallsStatus', id);
  assert.ok(!answer?.error, JSON.stringify(answer?.error));
  const win = await opened;
  await win.getByTestId('activity-list').waitFor();
  for (const { hash } of calls) await win.locator(`[data-testid="activity-item"][data-hash="${hash}"]`).waitFor();
  await win.close();
});
