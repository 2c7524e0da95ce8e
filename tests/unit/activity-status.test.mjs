// How pending transactions end (extension/background/wallet/activity-status.js): from receipts,
// the account's nonce and the other transactions of ours with the same nonce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomes, fromReceipt } from '../../extension/background/wallet/activity-status.js';

const hash = (n) => `0x${n.toString(16).padStart(64, '0')}`;
const entry = (n, nonce, status = 'pending') => ({ hash: hash(n), nonce: `0x${nonce.toString(16)}`, status });
const receipt = (status, gasUsed = 21000n, price = 3n) => ({ status, blockNumber: '0x5', gasUsed: `0x${gasUsed.toString(16)}`, effectiveGasPrice: `0x${price.toString(16)}` });

test('a receipt gives confirmed or failed, and the fee is gasUsed × effectiveGasPrice', () => {
  assert.deepEqual(fromReceipt(receipt('0x1', 21000n, 7n)), { status: 'confirmed', fee: `0x${(21000n * 7n).toString(16)}`, block: '0x5' });
  const { patches, unsure } = outcomes([entry(1, 0), entry(2, 1)], new Map([[hash(1), receipt('0x0')], [hash(2), receipt('0x1')]]), 2n);
  assert.equal(patches.get(hash(1)).status, 'failed');
  assert.equal(patches.get(hash(2)).status, 'confirmed');
  assert.deepEqual(unsure, []);
});

test('the one of a nonce that was mined makes the others of that nonce replaced', () => {
  const entries = [entry(3, 4), entry(2, 4), entry(1, 4)]; // a cancel, a speed-up, the original
  const { patches } = outcomes(entries, new Map([[hash(3), null], [hash(2), receipt('0x1')], [hash(1), null]]), 5n);
  assert.deepEqual(patches.get(hash(3)), { status: 'replaced', replacedBy: hash(2) });
  assert.deepEqual(patches.get(hash(1)), { status: 'replaced', replacedBy: hash(2) });
  assert.equal(patches.get(hash(2)).status, 'confirmed');
  // Mined in an earlier check: the stored status counts too.
  const later = outcomes([entry(5, 4), entry(2, 4, 'confirmed')], new Map([[hash(5), null]]), 5n);
  assert.deepEqual(later.patches.get(hash(5)), { status: 'replaced', replacedBy: hash(2) });
});

test('passed by the nonce without a receipt: unsure first, dropped only when confirmed', () => {
  const entries = [entry(1, 2)];
  const first = outcomes(entries, new Map([[hash(1), null]]), 3n);
  assert.deepEqual([...first.patches], []);
  assert.deepEqual(first.unsure, [hash(1)]);
  const second = outcomes(entries, new Map([[hash(1), null]]), 3n, { confirmDrops: true });
  assert.deepEqual(second.patches.get(hash(1)), { status: 'dropped' });
});

test('still pending: the nonce has not passed, the nonce is unknown, or the node did not answer', () => {
  assert.equal(outcomes([entry(1, 2)], new Map([[hash(1), null]]), 2n, { confirmDrops: true }).patches.size, 0);
  assert.equal(outcomes([entry(1, 2)], new Map([[hash(1), null]]), null, { confirmDrops: true }).patches.size, 0);
  assert.equal(outcomes([entry(1, 2)], new Map([[hash(1), undefined]]), 9n, { confirmDrops: true }).patches.size, 0);
  assert.equal(outcomes([entry(1, 2)], new Map([[hash(1), { status: '0x1', blockNumber: null }]]), 2n).patches.size, 0, 'a receipt without a block is not mined');
});
