// The worker's filters and shared block poller (extension/background/wallet/filters.js,
// block-poller.js) in Node, against a fake node and Chrome's storage and runtime stubbed, with
// mocked timers and clock: the rules no end-to-end test can wait for (a filter not polled for 5
// minutes expires, as a node's does) and the counts a page cannot see (one eth_getLogs per new
// block for any number of filters; the poller stops when nobody listens).
import { test, beforeEach, afterEach, mock } from 'node:test';
import assert from 'node:assert/strict';

// A fake node: block numbers, one Transfer log per mined block, and a count of every call.
const node = { block: 100, logs: [], calls: [] };
const TOKEN = '0x' + '11'.repeat(20);
const OTHER = '0x' + '22'.repeat(20);
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const hex = (n) => `0x${n.toString(16)}`;

function mine(address = TOKEN) {
  node.block += 1;
  node.logs.push({ address, topics: [TRANSFER], data: '0x', blockNumber: hex(node.block), logIndex: '0x0' });
}

function answer(method, params) {
  if (method === 'eth_blockNumber') return hex(node.block);
  if (method === 'eth_getBlockByNumber') return { number: params[0], hash: `0x${BigInt(params[0]).toString(16).padStart(64, '0')}`, transactions: [] };
  if (method === 'eth_getLogs') {
    const [{ fromBlock, toBlock, address }] = params;
    return node.logs.filter((l) => BigInt(l.blockNumber) >= BigInt(fromBlock) && BigInt(l.blockNumber) <= BigInt(toBlock)
      && (!address || address.includes(l.address)));
  }
  throw new Error(`fake node: ${method}`);
}

globalThis.chrome = {
  storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
  runtime: { getPlatformInfo: async () => ({}) },
};
globalThis.fetch = async (_url, { body }) => {
  const { id, method, params } = JSON.parse(body);
  node.calls.push(method);
  return { status: 200, json: async () => ({ jsonrpc: '2.0', id, result: answer(method, params) }) };
};

const filters = await import('../../extension/background/wallet/filters.js');
const poller = await import('../../extension/background/wallet/block-poller.js');
const { parseCriteria } = await import('../../extension/background/wallet/log-filter.js');

const source = (origin, n = 1) => ({ origin, tabId: n, documentId: `doc-${n}` });
const A = 'https://a.example';
const B = 'https://b.example';

/** Lets the fake node's promises settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};
/** One poll interval passes, and the round it starts finishes. */
async function poll() {
  mock.timers.tick(poller.LOCAL_INTERVAL_MS);
  await settle();
}

beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
  node.calls = [];
});

afterEach(async () => {
  for (const tab of [1, 2]) filters.forgetDocuments(tab); // every filter of the test goes
  await settle();
  mock.timers.reset();
});

test('a log filter gets the matching logs of blocks mined after it was made, each once; a block filter gets their hashes', async () => {
  mine(); // before the filter: never reported
  const logs = await filters.create(source(A), 'logs', parseCriteria({ address: TOKEN, topics: [TRANSFER] }));
  const blocks = await filters.create(source(A), 'blocks');
  mine();
  mine(OTHER);
  await poll();
  const got = await filters.changes(A, logs);
  assert.deepEqual(got.map((l) => [l.blockNumber, l.address]), [[hex(node.block - 1), TOKEN]]);
  assert.deepEqual(await filters.changes(A, logs), [], 'each log once');
  assert.deepEqual((await filters.changes(A, blocks)).length, 2);
  assert.equal(poller.running(), 1);
});

test('a poll right after a block is mined answers that block: the filter catches up with the node first, no timer needed', async () => {
  const id = await filters.create(source(A), 'logs', parseCriteria({ address: TOKEN }));
  for (let i = 0; i < 3; i++) {
    mine();
    assert.deepEqual((await filters.changes(A, id)).map((l) => l.blockNumber), [hex(node.block)]);
  }
});

test('twenty filters polled together after each block cost the node one eth_blockNumber and one eth_getLogs per block; the poller goes with the last filter', async () => {
  const ids = [];
  for (let i = 0; i < 20; i++) ids.push([i % 2 ? A : B, await filters.create(source(i % 2 ? A : B, 1 + (i % 2)), 'logs', parseCriteria({ address: TOKEN }))]);
  node.calls = [];
  for (let round = 0; round < 5; round++) {
    mine();
    const got = await Promise.all(ids.map(([origin, id]) => filters.changes(origin, id)));
    assert.ok(got.every((logs) => logs.length === 1));
  }
  assert.equal(node.calls.filter((m) => m === 'eth_getLogs').length, 5);
  assert.equal(node.calls.filter((m) => m === 'eth_blockNumber').length, 5);
  assert.equal(node.calls.length, 10);
  for (const [origin, id] of ids) assert.equal(filters.uninstall(origin, id), true);
  assert.equal(poller.running(), 0);
  node.calls = [];
  await poll();
  assert.deepEqual(node.calls, [], 'nobody listens: the node is not asked');
});

test('a filter not polled for 5 minutes expires like a node\'s and answers "filter not found"; polling keeps it', async () => {
  const kept = await filters.create(source(A), 'blocks');
  const left = await filters.create(source(A), 'blocks');
  for (let minute = 0; minute < 6; minute++) {
    mock.timers.tick(60_000);
    await settle();
    await filters.changes(A, kept);
  }
  await assert.rejects(filters.changes(A, left), (e) => e.code === -32000 && e.message === 'filter not found');
  assert.deepEqual(await filters.changes(A, kept), []);
});

test('another origin\'s filter id, an unknown one and an uninstalled one are "filter not found"; uninstall answers false', async () => {
  const id = await filters.create(source(A), 'pending');
  assert.deepEqual(await filters.changes(A, id), []);
  await assert.rejects(filters.changes(B, id), (e) => e.code === -32000);
  assert.equal(filters.uninstall(B, id), false);
  assert.equal(filters.uninstall(A, id), true);
  assert.equal(filters.uninstall(A, id), false);
  await assert.rejects(filters.changes(A, id), (e) => e.code === -32000);
  await assert.rejects(filters.changes(A, '0x1234'), (e) => e.message === 'filter not found');
});

test('an origin may have 100 filters; the next is -32005, while another origin still gets one', async () => {
  for (let i = 0; i < filters.MAX_FILTERS_PER_ORIGIN; i++) await filters.create(source(A), 'pending');
  await assert.rejects(filters.create(source(A), 'pending'), (e) => e.code === -32005);
  assert.match(await filters.create(source(B, 2), 'pending'), /^0x[0-9a-f]{32}$/);
});

test('a filter goes with its document: when its tab shows another document, or closes', async () => {
  const first = await filters.create(source(A, 1), 'blocks');
  const second = await filters.create(source(A, 2), 'blocks');
  filters.forgetDocuments(1, 'doc-other');
  await assert.rejects(filters.changes(A, first), (e) => e.code === -32000);
  assert.deepEqual(await filters.changes(A, second), []);
  filters.forgetDocuments(2);
  await assert.rejects(filters.changes(A, second), (e) => e.code === -32000);
});

test('after a long gap (a sleeping laptop) only the last MAX_RANGE blocks are fetched', async () => {
  const id = await filters.create(source(A), 'blocks');
  node.block += poller.MAX_RANGE * 2; // a long gap: only the last MAX_RANGE blocks are fetched
  await poll();
  const got = await filters.changes(A, id);
  assert.equal(got.length, poller.MAX_RANGE);
  assert.equal(BigInt(got.at(-1)), BigInt(node.block));
});
