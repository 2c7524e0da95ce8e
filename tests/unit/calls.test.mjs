// EIP-5792 (extension/background/wallet/call-status.js, dapp/calls-params.js): how a batch sent
// as separate transactions stands from its calls, and the checks on wallet_sendCalls' params,
// each refusal with its own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchStatus, receiptOf } from '../../extension/background/wallet/call-status.js';
import { parseSendCalls, parseGetCapabilities, parseBatchId, MAX_CALLS } from '../../extension/background/dapp/calls-params.js';

const A = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const request = (over = {}) => [{ version: '2.0.0', chainId: '0x7a69', from: A, atomicRequired: false, calls: [{ to: A, value: '0x1' }, { to: A, data: '0xabcd' }], ...over }];
const code = (fn) => {
  try {
    fn();
  } catch (e) {
    return e.code;
  }
  return null;
};

test('a batch is pending while a call is queued or unmined, confirmed when all succeeded', () => {
  assert.equal(batchStatus(['success', 'pending']), 100);
  assert.equal(batchStatus(['success', 'queued']), 100);
  assert.equal(batchStatus(['success', 'success']), 200);
});

test('failures: none mined is 400, all mined ones reverted is 500, some through is 600', () => {
  assert.equal(batchStatus(['failed', 'unsent']), 400);
  assert.equal(batchStatus(['unsent']), 400);
  assert.equal(batchStatus(['reverted', 'unsent']), 500);
  assert.equal(batchStatus(['reverted', 'reverted']), 500);
  assert.equal(batchStatus(['success', 'reverted']), 600);
  assert.equal(batchStatus(['success', 'failed']), 600);
  assert.equal(batchStatus(['success', 'unsent']), 600);
});

test('a receipt keeps only the fields EIP-5792 names', () => {
  const r = { status: '0x1', blockHash: '0xb', blockNumber: '0x2', gasUsed: '0x5208', transactionHash: '0xt', from: A, cumulativeGasUsed: '0x1', logs: [{ address: A, data: '0x', topics: ['0x1'], logIndex: '0x0' }] };
  assert.deepEqual(receiptOf(r), { status: '0x1', blockHash: '0xb', blockNumber: '0x2', gasUsed: '0x5208', transactionHash: '0xt', logs: [{ address: A, data: '0x', topics: ['0x1'] }] });
});

test('wallet_sendCalls params: normalized calls; atomicRequired true is 5760', () => {
  const parsed = parseSendCalls(request());
  assert.deepEqual(parsed.calls, [{ to: A, data: '0x', value: '0x1' }, { to: A, data: '0xabcd', value: '0x0' }]);
  assert.equal(parsed.chainId, '0x7a69');
  assert.equal(code(() => parseSendCalls(request({ atomicRequired: true }))), 5760);
});

test('wallet_sendCalls params: each wrong one has its own error', () => {
  assert.equal(code(() => parseSendCalls(request({ version: '1.0' }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ chainId: 'mainnet' }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ atomicRequired: undefined }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ calls: [] }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ calls: [{ value: '0x1' }] }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ calls: [{ to: '0x12' }] }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ from: 'me' }))), -32602);
  assert.equal(code(() => parseSendCalls(request({ calls: Array.from({ length: MAX_CALLS + 1 }, () => ({ to: A })) }))), 5740);
  assert.equal(code(() => parseSendCalls(request({ capabilities: { paymasterService: { url: 'https://x' } } }))), 5700);
  assert.equal(code(() => parseSendCalls(request({ calls: [{ to: A, capabilities: { x: {} } }] }))), 5700);
  assert.equal(code(() => parseSendCalls(request({ capabilities: { paymasterService: { url: 'https://x', optional: true } } }))), null);
});

test('wallet_getCapabilities and the batch id params', () => {
  assert.deepEqual(parseGetCapabilities([A]), { address: A });
  assert.deepEqual(parseGetCapabilities([A, ['0x7A69', '0x1']]), { address: A, chainIds: ['0x7a69', '0x1'] });
  assert.equal(code(() => parseGetCapabilities([A, ['x']])), -32602);
  assert.equal(code(() => parseGetCapabilities([])), -32602);
  assert.equal(parseBatchId(['0xabc']), '0xabc');
  assert.equal(code(() => parseBatchId([''])), -32602);
  assert.equal(code(() => parseBatchId([7])), -32602);
});
