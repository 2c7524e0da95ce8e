// The emergency move's resume rule (extension/background/wallet/emergency-resume.js): what a
// step does at its turn from its stored state and what the chain says, so that no step is sent
// twice whatever the moment the worker stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAction, remaining } from '../../extension/background/wallet/emergency-resume.js';

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
