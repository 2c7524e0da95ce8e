// The emergency move's stored record (extension/background/wallet/emergency-record.js): what it
// keeps after the move (no vault, no signed bytes), the report file, and what home and the
// backup health panel read of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doneFields, report, movedIn } from '../../extension/background/wallet/emergency-record.js';

const pairs = [{ from: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94', to: '0x2715B2Aa07BDA6Bf3D5FC950cb4EbEbb5C5275ee' }];
const move = {
  id: 'move-1', state: 'running', chainId: '0x7a69', createdAt: '2026-12-04T10:00:00.000Z', startedAt: '2026-12-04T10:01:00.000Z', newVault: '{"data":"x"}', pairs,
  plan: { totalFee: '1', accounts: [], steps: [
    { id: 's0', account: pairs[0].from, kind: 'token', to: '0xtoken', token: '0xtoken', amount: '5', sent: '6', state: 'confirmed', nonce: '0x1', raw: '0x02aa', hash: '0xh1' },
    { id: 's1', account: pairs[0].from, kind: 'eth', to: pairs[0].to, state: 'skipped', note: 'nothing was left to do' },
  ] },
};

test('the record kept after the move has no vault and no signed bytes, and is done', () => {
  const done = doneFields(move);
  assert.equal(done.state, 'done');
  assert.equal(done.newVault, undefined);
  assert.ok(done.plan.steps.every((s) => s.raw === undefined));
  assert.ok(!Number.isNaN(Date.parse(done.finishedAt)));
  assert.deepEqual(movedIn({ emergencyMove: done }), { at: done.finishedAt, chainId: '0x7a69', pairs });
  assert.equal(movedIn({ emergencyMove: move }), null, 'a running move is not a moved wallet');
  assert.equal(movedIn({ emergencyMove: null }), null);
});

test('the report lists every step with its hash and what it sent, and no signed bytes', () => {
  const text = report(doneFields(move));
  const r = JSON.parse(text);
  assert.equal(r.kind, 'keystead-emergency-move');
  assert.deepEqual(r.steps.map((s) => [s.id, s.kind, s.state, s.hash, s.amount]), [['s0', 'token', 'confirmed', '0xh1', '6'], ['s1', 'eth', 'skipped', null, null]]);
  assert.doesNotMatch(text, /0x02aa|newVault/);
});
