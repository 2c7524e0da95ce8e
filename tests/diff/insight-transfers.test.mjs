// How the worker reads a simulation (extension/background/wallet/insight/transfers.js): the
// Transfer, TransferSingle and TransferBatch logs viem encodes, eth_simulateV1's native-ETH
// logs, a callTracer tree whose failed frames took their moves back, and the account's net
// change per asset, checked against a plain tally of seeded random moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeEventTopics, encodeAbiParameters, parseAbiItem } from 'viem';
import { movesOfLog, movesOfLogs, movesOfTrace, netChanges, NATIVE } from '../../extension/background/wallet/insight/transfers.js';
import { seededRng } from './core.mjs';

const rng = seededRng('insight-transfers.test.mjs');
const TRANSFER20 = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');
const TRANSFER721 = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)');
const SINGLE = parseAbiItem('event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)');
const BATCH = parseAbiItem('event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)');

const ME = '0x3f48ff07e7b3b0f6b33df5cf002431351b8938b5';
const OTHERS = ['0x70997970c51812dc3a010c7d01b50e0d17dc79c8', '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'];
const TOKENS = ['0x5fbdb2315678afecb367f032d93f642f64180aa3', '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'];

const erc20 = (token, from, to, value) => ({ address: token, topics: encodeEventTopics({ abi: [TRANSFER20], args: { from, to } }), data: encodeAbiParameters([{ type: 'uint256' }], [value]) });
const eth = (from, to, value) => ({ ...erc20(NATIVE, from, to, value), address: NATIVE });
const erc721 = (token, from, to, tokenId) => ({ address: token, topics: encodeEventTopics({ abi: [TRANSFER721], args: { from, to, tokenId } }), data: '0x' });
const single = (token, from, to, id, value) => ({
  address: token,
  topics: encodeEventTopics({ abi: [SINGLE], args: { operator: from, from, to } }),
  data: encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [id, value]),
});
const batch = (token, from, to, ids, values) => ({
  address: token,
  topics: encodeEventTopics({ abi: [BATCH], args: { operator: from, from, to } }),
  data: encodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], [ids, values]),
});

test('each standard\'s log is one move (or one per batch item); other shapes none', () => {
  assert.deepEqual(movesOfLog(erc20(TOKENS[0], ME, OTHERS[0], 5n)), [{ asset: TOKENS[0], standard: 'erc20', from: ME, to: OTHERS[0], amount: 5n }]);
  assert.deepEqual(movesOfLog(eth(ME, OTHERS[0], 7n)), [{ asset: 'ETH', standard: 'native', from: ME, to: OTHERS[0], amount: 7n }]);
  assert.deepEqual(movesOfLog(erc721(TOKENS[1], OTHERS[0], ME, 42n)), [{ asset: TOKENS[1], standard: 'erc721', tokenId: 42n, from: OTHERS[0], to: ME, amount: 1n }]);
  assert.deepEqual(movesOfLog(single(TOKENS[1], ME, OTHERS[1], 3n, 10n)), [{ asset: TOKENS[1], standard: 'erc1155', tokenId: 3n, from: ME, to: OTHERS[1], amount: 10n }]);
  assert.deepEqual(movesOfLog(batch(TOKENS[1], OTHERS[1], ME, [1n, 2n], [5n, 6n])).map((m) => [m.tokenId, m.amount]), [[1n, 5n], [2n, 6n]]);
  // A Transfer with data where an ERC-721's id should be indexed, truncated data, a batch whose
  // lists differ in length, an Approval event: nothing.
  assert.deepEqual(movesOfLog({ ...erc721(TOKENS[1], ME, OTHERS[0], 1n), data: encodeAbiParameters([{ type: 'uint256' }], [1n]) }), []);
  assert.deepEqual(movesOfLog({ ...erc20(TOKENS[0], ME, OTHERS[0], 5n), data: '0x05' }), []);
  assert.deepEqual(movesOfLog(batch(TOKENS[1], ME, OTHERS[0], [1n, 2n], [5n])), []);
  assert.deepEqual(movesOfLog({ address: TOKENS[0], topics: ['0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925'], data: '0x' }), []);
  assert.deepEqual(movesOfLogs(undefined), []);
});

test('net changes equal a plain tally of random moves; zero changes are left out', () => {
  for (let round = 0; round < 100; round++) {
    const logs = [];
    const tally = new Map();
    const add = (key, n) => tally.set(key, (tally.get(key) ?? 0n) + n);
    for (let i = 0; i < rng.range(0, 12); i++) {
      const [from, to] = rng.range(0, 1) ? [ME, rng.pick(OTHERS)] : [rng.pick(OTHERS), rng.range(0, 3) ? ME : rng.pick(OTHERS)];
      const amount = BigInt(rng.range(1, 1000));
      const sign = (to === ME ? 1n : 0n) - (from === ME ? 1n : 0n);
      const kind = rng.range(0, 3);
      if (kind === 0) { logs.push(eth(from, to, amount)); add('ETH#', sign * amount); }
      if (kind === 1) { const t = rng.pick(TOKENS); logs.push(erc20(t, from, to, amount)); add(`${t}#`, sign * amount); }
      if (kind === 2) { const id = BigInt(rng.range(0, 3)); logs.push(erc721(TOKENS[1], from, to, id)); add(`${TOKENS[1]}#${id}`, sign); }
      if (kind === 3) { const id = BigInt(rng.range(0, 3)); logs.push(single(TOKENS[0], from, to, id, amount)); add(`${TOKENS[0]}#${id}`, sign * amount); }
    }
    const changes = netChanges(movesOfLogs(logs), ME.toUpperCase().replace('0X', '0x'));
    const expected = [...tally].filter(([, n]) => n !== 0n);
    assert.equal(changes.length, expected.length);
    for (const c of changes) assert.equal(c.delta, tally.get(`${c.asset}#${c.tokenId ?? ''}`));
    if (changes.some((c) => c.asset === 'ETH')) assert.equal(changes[0].asset, 'ETH', 'ETH first');
  }
});

test('a trace: frame values are ETH moves, logs count, failed frames and their children do not', () => {
  const frame = {
    type: 'CALL', from: ME, to: OTHERS[0], value: '0x10',
    logs: [erc20(TOKENS[0], ME, OTHERS[0], 100n)],
    calls: [
      { type: 'CALL', from: OTHERS[0], to: ME, value: '0x3', logs: [] },
      { type: 'DELEGATECALL', from: OTHERS[0], to: OTHERS[1], value: '0x99' },
      { type: 'STATICCALL', from: OTHERS[0], to: ME, value: '0x99' },
      {
        type: 'CALL', from: OTHERS[0], to: OTHERS[1], value: '0x0', error: 'execution reverted',
        logs: [erc20(TOKENS[1], OTHERS[1], ME, 1000n)],
        calls: [{ type: 'CALL', from: OTHERS[1], to: ME, value: '0x500' }],
      },
    ],
  };
  assert.deepEqual(netChanges(movesOfTrace(frame), ME), [
    { asset: 'ETH', standard: 'native', delta: -0x10n + 0x3n },
    { asset: TOKENS[0], standard: 'erc20', delta: -100n },
  ]);
  assert.deepEqual(movesOfTrace({ ...frame, error: 'out of gas' }), []);
});
