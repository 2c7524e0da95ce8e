// Filters and subscriptions (issue 17 item 1), against the built extension and anvil: real dApp
// libraries each on its own page (demo/libraries/: ethers v6 over window.ethereum, viem over
// custom(window.ethereum) in poll and subscription mode) hear the Transfers of an OpenZeppelin
// ERC-20 mined on anvil and the new blocks; the raw methods answer as a node does; an unknown
// filter after a worker restart is the node's "filter not found", on which viem makes a new one;
// a subscription's messages reach the document that subscribed and no other (another tab of the
// same site, another site, the next document of the same tab); per-origin limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startScene, startSite, startAnvil, openPopup, popupCall, stopServiceWorker, openPage } from './harness.mjs';
import { deployToken, sendToken, DEPLOYER } from './erc20.mjs';

const R1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const R2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

// A page that records the subscription messages its provider emits, and every raw event the
// bridge posts to it.
const RECORDER = `<!doctype html><meta charset="utf-8"><title>recorder</title><script>
  window.messages = [];
  window.recorded = [];
  window.ethereum.on('message', (m) => window.messages.push(m));
  addEventListener('message', ({ data }) => { if (data?.channel === 'keystead:bridge' && data.event) window.recorded.push(data); });
</script><p>recorder</p>`;

let scene, chain, browser, token, site;

before(async () => {
  scene = await startScene();
  ({ chain, browser } = scene);
  token = await deployToken(chain);
  site = await startSite({ '/': RECORDER, '/next.html': RECORDER });
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

/** Opens a library page of the demo (demo/libraries/<name>.html). */
async function libraryPage(name) {
  const page = await openPage(browser, new URL(`libraries/${name}.html`, scene.demo.url).href);
  await page.waitForFunction(() => window.libraryPage?.ready);
  return page;
}

const heard = (page, kind, mode) => page.evaluate(({ kind, mode }) => window.libraryPage.heard
  .filter((e) => e.kind === kind && (mode === undefined || e.mode === mode)), { kind, mode });

/** Waits until `page` heard `count` events of `kind` (and `mode`). */
const hear = (page, kind, count, mode) => page.waitForFunction(({ kind, count, mode }) => window.libraryPage.heard
  .filter((e) => e.kind === kind && (mode === undefined || e.mode === mode)).length >= count, { kind, count, mode });

const ask = (page, method, params) => page.evaluate(({ method, params }) => window.ethereum.request({ method, params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), { method, params });

test('ethers v6: contract.on("Transfer") and provider.on("block") receive the transfers mined on anvil', async () => {
  const page = await libraryPage('ethers');
  await page.evaluate((token) => Promise.all([window.libraryPage.watchTransfers(token), window.libraryPage.watchBlocks()]), token);
  // ethers installs its filter on its first poll; let it.
  await page.waitForTimeout(1500);
  const first = await sendToken(chain, token, R1, 5n);
  const second = await sendToken(chain, token, R2, 7n);
  await hear(page, 'transfer', 2);
  const transfers = await heard(page, 'transfer');
  assert.deepEqual(transfers.map((t) => [t.from, t.to, t.value, t.tx]), [
    [DEPLOYER, R1, '5', first.transactionHash],
    [DEPLOYER, R2, '7', second.transactionHash],
  ]);
  await page.waitForFunction((n) => window.libraryPage.heard.some((e) => e.kind === 'block' && e.number >= n), Number(second.blockNumber));
  await page.evaluate(() => window.libraryPage.stop());
  await page.close();
});

for (const poll of [true, false]) {
  const mode = poll ? 'poll' : 'subscribe';
  test(`viem over custom(window.ethereum), ${mode} mode: watchContractEvent and watchBlocks hear the transfers and their blocks`, async () => {
    const page = await libraryPage('viem');
    await page.evaluate(() => { window.seen = []; window.ethereum.on('message', (m) => window.seen.push(m)); });
    await page.evaluate(({ token, poll }) => {
      window.libraryPage.watchTransfers(token, { poll });
      window.libraryPage.watchBlocks({ poll });
    }, { token, poll });
    // viem installs its filter or subscription on start; give it a round.
    await page.waitForTimeout(1500);
    const first = await sendToken(chain, token, R1, 11n);
    const second = await sendToken(chain, token, R2, 13n);
    await hear(page, 'transfer', 2, mode);
    const transfers = await heard(page, 'transfer', mode);
    assert.deepEqual(transfers.map((t) => [t.from, t.to, t.value, t.tx]), [
      [DEPLOYER, R1, '11', first.transactionHash],
      [DEPLOYER, R2, '13', second.transactionHash],
    ]);
    await page.waitForFunction((n) => window.libraryPage.heard.some((e) => e.kind === 'block' && e.number >= n), Number(second.blockNumber));
    const blocks = await heard(page, 'block', mode);
    const byNumber = new Map(blocks.map((b) => [b.number, b.hash]));
    assert.equal(byNumber.get(Number(second.blockNumber)), second.blockHash);
    assert.deepEqual(await heard(page, 'error'), []);
    const subscriptionMessages = await page.evaluate(() => window.seen.filter((m) => m.type === 'eth_subscription').length);
    if (poll) assert.equal(subscriptionMessages, 0, 'poll mode uses no subscription');
    else assert.ok(subscriptionMessages >= 3, `subscription mode heard eth_subscription messages (${subscriptionMessages})`);
    await page.evaluate(() => window.libraryPage.stop());
    await page.close();
  });
}

test('the raw filter methods answer as a node does', async () => {
  const page = await libraryPage('viem');
  const logs = (await ask(page, 'eth_newFilter', [{ address: token, topics: [TRANSFER] }])).result;
  const blocks = (await ask(page, 'eth_newBlockFilter', [])).result;
  const pending = (await ask(page, 'eth_newPendingTransactionFilter', [])).result;
  for (const id of [logs, blocks, pending]) assert.match(id, /^0x[0-9a-f]{32}$/);
  const receipt = await sendToken(chain, token, R1, 3n);
  await page.waitForTimeout(1500); // one poll of the shared block poller
  const changes = (await ask(page, 'eth_getFilterChanges', [logs])).result;
  assert.deepEqual(changes.map((l) => [l.transactionHash, l.address.toLowerCase()]), [[receipt.transactionHash, token.toLowerCase()]]);
  assert.deepEqual((await ask(page, 'eth_getFilterChanges', [logs])).result, [], 'each log once');
  assert.ok((await ask(page, 'eth_getFilterChanges', [blocks])).result.includes(receipt.blockHash));
  assert.deepEqual((await ask(page, 'eth_getFilterChanges', [pending])).result, []);
  // eth_getFilterLogs asks the node for everything the criteria match (fromBlock latest: the head).
  const all = (await ask(page, 'eth_getFilterLogs', [logs])).result;
  assert.ok(Array.isArray(all));
  assert.equal((await ask(page, 'eth_uninstallFilter', [logs])).result, true);
  assert.equal((await ask(page, 'eth_uninstallFilter', [logs])).result, false);
  assert.deepEqual(await ask(page, 'eth_getFilterChanges', [logs]), { code: -32000, message: 'filter not found' });
  assert.equal((await ask(page, 'eth_newFilter', [{ address: 'nope' }])).code, -32602);
  assert.equal((await ask(page, 'eth_subscribe', ['syncing'])).code, -32602);

  // A network switch ends the filters made on the old network.
  const second = await startAnvil(8546, 1337);
  try {
    const popup = await openPopup(browser);
    assert.equal((await popupCall(popup, 'addNetwork', { name: 'Second anvil', rpcUrl: 'http://127.0.0.1:8546', chainId: '0x539', symbol: 'ETH' })).error, undefined);
    assert.deepEqual(await ask(page, 'eth_getFilterChanges', [blocks]), { code: -32000, message: 'filter not found' });
    await popupCall(popup, 'selectNetwork', { chainId: '0x7a69' });
    await popup.close();
  } finally {
    second.stop();
  }
  await page.close();
});

test('after the worker restarts, a filter it made is the node\'s "filter not found"; viem then makes a new one and keeps hearing', async () => {
  const page = await libraryPage('viem');
  const raw = (await ask(page, 'eth_newBlockFilter', [])).result;
  await page.evaluate((token) => window.libraryPage.watchTransfers(token, { poll: true }), token);
  await page.waitForTimeout(1500);
  const before = await sendToken(chain, token, R1, 21n);
  await hear(page, 'transfer', 1, 'poll');

  await stopServiceWorker(browser, page);
  assert.deepEqual(await ask(page, 'eth_getFilterChanges', [raw]), { code: -32000, message: 'filter not found' });
  // viem's next poll gets the same error (InvalidInputRpcError, -32000) and installs a new
  // filter on the poll after; what is mined in between is lost, as with a restarted node.
  await hear(page, 'error', 1);
  await page.waitForTimeout(1500);
  const afterRestart = await sendToken(chain, token, R2, 22n);
  await hear(page, 'transfer', 2, 'poll');
  const transfers = await heard(page, 'transfer', 'poll');
  assert.deepEqual(transfers.map((t) => t.tx), [before.transactionHash, afterRestart.transactionHash]);
  await page.evaluate(() => window.libraryPage.stop());
  await page.close();
});

test('a subscription\'s messages reach only the document that subscribed: not another tab of the site, not another site, not the next document of its tab', async () => {
  const subscriber = await openPage(browser, `${site.origin}/`);
  const sibling = await openPage(browser, `${site.origin}/`);
  const stranger = await openPage(browser, `${site.otherOrigin}/`);
  const heads = (await ask(subscriber, 'eth_subscribe', ['newHeads'])).result;
  const transfers = (await ask(subscriber, 'eth_subscribe', ['logs', { address: token, topics: [TRANSFER] }])).result;
  assert.match(heads, /^0x[0-9a-f]{32}$/);

  const receipt = await sendToken(chain, token, R1, 9n);
  await subscriber.waitForFunction((id) => window.messages.some((m) => m.data.subscription === id), transfers);
  await subscriber.waitForFunction(({ id, hash }) => window.messages.some((m) => m.data.subscription === id && m.data.result.hash === hash), { id: heads, hash: receipt.blockHash });
  const log = await subscriber.evaluate((id) => window.messages.find((m) => m.data.subscription === id).data.result, transfers);
  assert.equal(log.transactionHash, receipt.transactionHash);
  assert.equal(log.topics[0], TRANSFER);

  // The same site's other tab and another site heard nothing at all.
  for (const page of [sibling, stranger]) {
    assert.deepEqual(await page.evaluate(() => window.recorded.filter((e) => e.event === 'message')), []);
    assert.deepEqual(await page.evaluate(() => window.messages), []);
  }
  // The subscriber's tab moves on to the site's next page: that document hears nothing either.
  await subscriber.goto(`${site.origin}/next.html`);
  await subscriber.waitForFunction(() => window.ethereum?.isConnected());
  await sendToken(chain, token, R2, 10n);
  await twoPollRounds(sibling);
  assert.deepEqual(await subscriber.evaluate(() => window.recorded.filter((e) => e.event === 'message')), []);
  // eth_unsubscribe from the same site answers false: the subscriptions ended with their document.
  assert.equal((await ask(subscriber, 'eth_unsubscribe', [heads])).result, false);
  for (const page of [subscriber, sibling, stranger]) await page.close();
});

/** Two poll rounds of the block poller pass (a block mined before is handled by then). */
async function twoPollRounds(page) {
  await page.waitForTimeout(2500);
}

test('an origin may have 100 subscriptions; the next is -32005; eth_unsubscribe frees one', async () => {
  const page = await openPage(browser, `${site.origin}/`);
  const ids = await page.evaluate(async () => Promise.all(Array.from({ length: 100 }, () => window.ethereum.request({ method: 'eth_subscribe', params: ['newHeads'] }))));
  assert.equal(new Set(ids).size, 100);
  const refused = await ask(page, 'eth_subscribe', ['newHeads']);
  assert.equal(refused.code, -32005);
  assert.equal((await ask(page, 'eth_unsubscribe', [ids[0]])).result, true);
  assert.match((await ask(page, 'eth_subscribe', ['newHeads'])).result, /^0x/);
  await page.close();
});
