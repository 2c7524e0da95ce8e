// The emergency move's resume rule (extension/background/wallet/emergency-resume.js): what a
// step does at its turn from its stored state and what the chain says, so that no step is sent
// twice whatever the moment the worker stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAction, remaining, stuck, bumped, STUCK_BLOCKS } from '../../extension/background/wallet/emergency-resume.js';

const H = `0x${'ab'.repeat(32)}`;
const OTHER = `0x${'cd'.repeat(32)}`;
const signed = { state: 'signed', nonce: '0x5', raw: '0x02f8', block: '0x10' };

test('final steps are done; planned ones are checked, then signed or skipped', () => {
  for (const state of ['confirmed', 'failed', 'skipped']) assert.deepEqual(nextAction({ state }), { act: 'done' });
  assert.deepEqual(nextAction({ state: 'planned' }), { act: 'check' });
  assert.deepEqual(nextAction({ state: 'planned' }, { needed: true }), { act: 'sign' });
  assert.deepEqual(nextAction({ state: 'planned' }, { needed: false }), { act: 'skip' });
});

test('stopped after signing, before the node had it: its nonce is free, the same bytes go out', () => {
  assert.deepEqual(nextAction(signed, { pending: 5n, receipt: null, known: false }), { act: 'send' });
  assert.deepEqual(nextAction({ ...signed, state: 'sent', hash: H }, { pending: 5n, receipt: null, known: false }), { act: 'send' });
});

test('stopped after the broadcast, before the hash was stored: found by sender and nonce, never signed again', () => {
  assert.deepEqual(nextAction(signed, { pending: 6n, receipt: null, known: false, found: { hash: H, same: true } }), { act: 'receipt', hash: H });
  assert.deepEqual(nextAction(signed, { pending: 6n, receipt: null, known: false, found: null }), { act: 'wait' });
});

test('a sent step the node knows waits for its receipt, then settles by its status', () => {
  const sent = { ...signed, state: 'sent', hash: H };
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: null, known: true }), { act: 'receipt', hash: H });
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: { status: '0x1' }, known: true }), { act: 'settle', status: 'confirmed' });
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: { status: '0x0' }, known: true }), { act: 'settle', status: 'failed' });
});

test('its nonce went to another transaction (someone else holds the key): planned again, checked first', () => {
  assert.deepEqual(nextAction(signed, { pending: 6n, receipt: null, known: false, found: { hash: OTHER, same: false } }), { act: 'replan' });
  assert.deepEqual(nextAction({ ...signed, state: 'sent', hash: H }, { pending: 6n, receipt: null, known: false, found: { hash: OTHER, same: false } }), { act: 'replan' });
});

test('the steps left, in order, and when the move is over', () => {
  const steps = [{ id: 's0', state: 'confirmed' }, { id: 's1', state: 'sent' }, { id: 's2', state: 'planned' }];
  assert.deepEqual(remaining(steps).left.map((s) => s.id), ['s1', 's2']);
  assert.equal(remaining(steps).over, false);
  assert.equal(remaining([{ state: 'skipped' }, { state: 'failed' }]).over, true);
});

test('a sent step stuck in the node is signed again (same nonce); whichever of its transactions lands settles it', () => {
  const sent = { ...signed, state: 'sent', hash: H };
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: null, known: true, stuck: true }), { act: 'bump' });
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: null, known: true, stuck: false }), { act: 'receipt', hash: H });
  // A receipt always wins over being stuck; a nonce already taken by the step's earlier transaction is the step's.
  assert.deepEqual(nextAction(sent, { pending: 6n, receipt: { status: '0x1' }, known: true, stuck: true }), { act: 'settle', status: 'confirmed' });
  assert.deepEqual(nextAction({ ...sent, replaced: [OTHER] }, { pending: 6n, receipt: null, known: false, found: { hash: OTHER, same: true } }), { act: 'receipt', hash: OTHER });
});

test('stuck: only after STUCK_BLOCKS blocks, and only when its fee is below what the next block asks', () => {
  const step = { block: '0x10', paid: { maxFeePerGas: '0x64', maxPriorityFeePerGas: '0x1' } };
  const at = (n, baseFeePerGas) => ({ number: `0x${(0x10n + n).toString(16)}`, baseFeePerGas });
  assert.equal(stuck(step, at(STUCK_BLOCKS - 1n, '0x1000')), false, 'not yet: too few blocks');
  assert.equal(stuck(step, at(STUCK_BLOCKS, '0x1000')), true);
  assert.equal(stuck(step, at(STUCK_BLOCKS, '0x64')), false, 'its max fee still covers the base fee');
  assert.equal(stuck({ block: '0x10', paid: { gasPrice: '0x64' } }, at(STUCK_BLOCKS, undefined), '0x65'), true);
  assert.equal(stuck({ block: '0x10', paid: { gasPrice: '0x64' } }, at(STUCK_BLOCKS, undefined), '0x64'), false);
  assert.equal(stuck({ block: '0x10' }, at(100n, '0x1000')), false, 'a step signed before fees were kept is never bumped');
});

test('bumped fees: at least an eighth above what was paid, never below the market', () => {
  assert.deepEqual(bumped({ maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x1' }, { maxFeePerGas: '0x800', maxPriorityFeePerGas: '0x80' }),
    { maxFeePerGas: `0x${(0x900 + 1).toString(16)}`, maxPriorityFeePerGas: `0x${(0x90 + 1).toString(16)}` });
  assert.deepEqual(bumped({ maxFeePerGas: '0x10000', maxPriorityFeePerGas: '0x100' }, { maxFeePerGas: '0x800', maxPriorityFeePerGas: '0x80' }),
    { maxFeePerGas: '0x10000', maxPriorityFeePerGas: '0x100' });
  assert.deepEqual(bumped({ gasPrice: '0x10' }, { gasPrice: '0x64' }), { gasPrice: `0x${(Math.ceil(0x64 * 9 / 8) + 1).toString(16)}` });
});
