// What the emergency move does with a step at its turn, from the step's stored state and what
// the node says now; pure, so that "never sent twice" is decided in one place and tested. A
// step is signed only with a nonce the account has not used; its signed bytes are stored before
// they are broadcast, so after a restart they are sent again as they were (one nonce: at most
// one transaction can land), and a step is signed anew only when its nonce went to another
// transaction (found by sender and nonce) and the chain says there is still something to do.

/**
 * A step's state: 'planned' (nothing signed), 'signed' ({ nonce, raw, block }: stored, maybe
 * broadcast), 'sent' (+ hash: the node took it), 'confirmed' / 'failed' (its receipt), or
 * 'skipped' (nothing was left to do at its turn).
 */
export const STATES = Object.freeze(['planned', 'signed', 'sent', 'confirmed', 'failed', 'skipped']);
export const FINAL = Object.freeze(['confirmed', 'failed', 'skipped']);

/**
 * The action for `step` given `chain`: `{ needed (planned steps: whether the chain still has
 * something for it to do), receipt (of step.hash, or null), pending (the account's pending
 * transaction count), known (whether the node knows step.hash), found (the mined transaction
 * that holds step.nonce, looked up by sender and nonce: { hash, same: whether it is the stored
 * one }, or null), stuck (its transaction waits in the node at a fee the network no longer
 * takes, for a while: emergency-run.js) }`. Returns one of:
 *   { act: 'done' }                      the step is final
 *   { act: 'check' }                     planned: read whether it is still needed first
 *   { act: 'skip' }                      planned, and nothing is left to do
 *   { act: 'sign' }                      planned and needed: sign with the next nonce, store, send
 *   { act: 'send' }                      signed, its nonce still free: broadcast the stored bytes
 *   { act: 'receipt', hash }             its transaction holds the nonce: wait for the receipt
 *   { act: 'bump' }                      its transaction is stuck: sign the same nonce again at
 *                                        today's fee (one nonce: only one of them can land)
 *   { act: 'settle', status }            its receipt is in: 'confirmed' or 'failed'
 *   { act: 'replan' }                    its nonce went to another transaction: plan it again
 *                                        (planned → check → sign with a fresh nonce, or skip)
 *   { act: 'wait' }                      its nonce is taken by a transaction not found yet: ask again
 */
export function nextAction(step, chain = {}) {
  if (FINAL.includes(step.state)) return { act: 'done' };
  if (step.state === 'planned') {
    if (chain.needed === undefined) return { act: 'check' };
    return chain.needed ? { act: 'sign' } : { act: 'skip' };
  }
  if (chain.receipt) return { act: 'settle', status: chain.receipt.status === '0x1' ? 'confirmed' : 'failed' };
  if (chain.pending !== undefined && BigInt(chain.pending) <= BigInt(step.nonce)) return { act: 'send' };
  if (step.hash && chain.known) return chain.stuck ? { act: 'bump' } : { act: 'receipt', hash: step.hash };
  if (chain.found) return chain.found.same ? { act: 'receipt', hash: chain.found.hash } : { act: 'replan' };
  return { act: 'wait' };
}

/** The steps still to run, in order, and whether the move is over (every step final). */
export function remaining(steps) {
  const left = steps.filter((s) => !FINAL.includes(s.state));
  return { left, over: left.length === 0 };
}

/** Blocks a step's transaction may wait, under-priced, before it is signed again at today's fee. */
export const STUCK_BLOCKS = 10n;

const hex = (n) => `0x${BigInt(n).toString(16)}`;

/**
 * Whether a step's transaction, waiting in the node, is stuck: STUCK_BLOCKS have passed since it
 * was signed and its fee is below what the next block asks (the base fee, for an EIP-1559
 * transaction; the node's gas price, for a legacy one).
 */
export function stuck(step, latest, gasPrice) {
  if (!step.paid || !step.block || !latest?.number) return false;
  if (BigInt(latest.number) - BigInt(step.block) < STUCK_BLOCKS) return false;
  if (step.paid.gasPrice !== undefined) return typeof gasPrice === 'string' && BigInt(step.paid.gasPrice) < BigInt(gasPrice);
  return typeof latest.baseFeePerGas === 'string' && BigInt(step.paid.maxFeePerGas) < BigInt(latest.baseFeePerGas);
}

/** At least an eighth more than `paid` (what nodes ask of a replacement), and never below `market`. */
export function bumped(market, paid) {
  const more = (a, b) => hex(BigInt(a) > BigInt(b) ? BigInt(a) : BigInt(b));
  const up = (v) => (BigInt(v) * 9n + 7n) / 8n + 1n;
  if (market.gasPrice !== undefined) return { gasPrice: more(market.gasPrice, up(paid.gasPrice ?? 0)) };
  return { maxFeePerGas: more(market.maxFeePerGas, up(paid.maxFeePerGas ?? 0)), maxPriorityFeePerGas: more(market.maxPriorityFeePerGas, up(paid.maxPriorityFeePerGas ?? 0)) };
}
