// The emergency plan checked before it runs, by the same simulation as the approval windows
// (insight/): each old account's steps run in order on the network's own node, and the result
// is what the old and the new account would each gain or lose, and any step the node predicts
// to fail. The delegation clear is left out of the simulation (a simulated call cannot carry its
// authorization); the ETH step sends what the plan estimates. Nothing secret is involved.
import { forSequence } from './insight/index.js';

const hex = (n) => `0x${BigInt(n).toString(16)}`;

/** The calls of `from`'s steps, as a simulation takes them. */
function callsOf(plan, from) {
  return plan.steps.filter((s) => s.account === from && s.kind !== 'delegation')
    .map((s) => ({ step: s, tx: { to: s.to, data: s.data, gas: s.gas, value: s.kind === 'eth' ? hex(s.estimate ?? '0') : '0x0' } }));
}

/**
 * `[{ from, to, sender, receiver, reverts: [{ step, reason }] }]` for every account of `plan`
 * on `network`: `sender` and `receiver` are previews as the approval windows get them
 * (`{ status: 'ok', via, changes }` or `{ status: 'unavailable', why, message }`).
 */
export async function previewPlan(plan, network) {
  const out = [];
  for (const { from, to } of plan.accounts) {
    const calls = callsOf(plan, from);
    if (calls.length === 0) {
      out.push({ from, to, sender: { status: 'ok', via: null, changes: [] }, receiver: { status: 'ok', via: null, changes: [] }, reverts: [] });
      continue;
    }
    const { sender, receiver, reverts } = await forSequence(calls.map((c) => c.tx), from, to, network);
    out.push({ from, to, sender, receiver, reverts: reverts.map((r) => ({ step: calls[r.index].step.id, reason: r.reason })) });
  }
  return out;
}
