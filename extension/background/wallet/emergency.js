// The emergency move as the popup drives it: a new phrase made in the core (held aside, its
// backup confirmed like onboarding's), the plan for every old account on the selected network,
// one start with the password, then the executor (emergency-run.js) with the stored record
// (emergency-record.js) as its progress; the report file at the end.
import * as core from './core.js';
import * as networks from './networks.js';
import * as fees from './fees.js';
import * as record from './emergency-record.js';
import { run } from './emergency-run.js';
import { accountFacts } from './emergency-facts.js';
import { buildPlan } from './emergency-plan.js';
import { previewPlan } from './emergency-preview.js';
import { heldElsewhere } from './emergency-elsewhere.js';
import { userError } from '../../shared/wallet-errors.js';

const WORD_COUNTS = [12, 15, 18, 21, 24];
let planned = null; // { id, plan, unmovable } the last plan built for the stored move
let reopening = Promise.resolve(); // afterUnlock getting the new keyring back: the run waits for it

/** The record as the popup may see it: no vault, no signed bytes. */
function visible(move) {
  if (!move) return null;
  const { newVault: _v, ...rest } = move;
  const plan = rest.plan ? { ...rest.plan, steps: rest.plan.steps.map(({ raw: _r, ...s }) => s) } : null;
  return { ...rest, plan };
}

/** The stored move (`state` confirming | running | done) or null; a running one is (re)started. */
export async function status() {
  await reopening;
  const move = await record.read();
  if (move?.state === 'running' && (await core.current())) run().catch(() => {});
  return visible(move);
}

/**
 * After an unlock with `password`: a running move whose new keyring a browser restart lost gets
 * it back from the stored vault (the same password opens it), so that the end leaves the new
 * wallet unlocked; then the move goes on.
 */
export async function afterUnlock(password) {
  const move = await record.read();
  if (move?.state === 'running' && typeof move.newVault === 'string') {
    reopening = core.asideKeyring().catch(() => core.reopenAside(move.newVault, password)).then(() => {}, () => {});
  }
  return status();
}

/**
 * Makes the new phrase (after the password): old account i of the wallet (HD in order, then
 * imported) goes to the new phrase's HD account i. → `{ pairs }`.
 */
export async function begin({ password, wordCount = 12 }) {
  if (!WORD_COUNTS.includes(wordCount)) throw userError('error_phrase_word_count');
  const old = (await core.unlocked()).accounts().map((a) => a.address);
  const network = await networks.selected();
  const { vault, accounts } = await core.createAside(password, wordCount, old.length);
  const pairs = old.map((from, i) => ({ from, to: accounts[i] }));
  await record.begin({ chainId: network.chainId, newVault: vault, pairs });
  planned = null;
  return { pairs };
}

/** The new keyring, reopened from the stored vault with the password after a restart lost it. */
async function aside(password) {
  try {
    return await core.asideKeyring();
  } catch {
    const move = await record.read();
    if (move?.state !== 'confirming' || typeof password !== 'string') throw userError('error_move_password_again');
    await core.reopenAside(move.newVault, password);
    return core.asideKeyring();
  }
}

/** The new phrase's words, to write down (the core re-checks the password). */
export async function phrase(password) {
  return { words: (await aside(password)).revealPhrase(password).split(' ') };
}

/** Whether the typed phrase is the new one (onboarding's confirmation). */
export async function confirmPhrase(typed) {
  return { ok: (await aside()).verifyPhrase(typed) };
}

/**
 * The plan for every pair on the move's network, checked by the node's simulation:
 * `{ plan, unmovable, preview, elsewhere }` (emergency-preview.js's per account; what the old
 * accounts hold on the wallet's other networks, which this move leaves: emergency-elsewhere.js).
 */
export async function plan() {
  const move = await record.read();
  if (move?.state !== 'confirming') throw userError('error_move_start_first');
  const network = await networks.find(move.chainId);
  const facts = [];
  for (const { from, to } of move.pairs) facts.push(await accountFacts(network, from, to));
  const options = await fees.options(network);
  const built = buildPlan({ chainId: network.chainId, fee: options.legacy ? { gasPrice: options.market.gasPrice } : options.market, accounts: facts });
  planned = { id: move.id, plan: built, unmovable: facts.flatMap((f) => f.unmovable.map((u) => ({ ...u, account: f.from }))) };
  const [preview, elsewhere] = await Promise.all([previewPlan(built, network), heldElsewhere(network.chainId, move.pairs)]);
  return { plan: built, unmovable: planned.unmovable, preview, elsewhere };
}

/** Runs the plan on the password (checked by the core first); resolves once it is stored and started. */
export async function start(password) {
  await core.checkPassword(password);
  const move = await record.read();
  if (move?.state !== 'confirming') throw userError('error_move_none_waiting');
  if (planned?.id !== move.id) await plan();
  await record.start(planned.plan);
  run().catch(() => {});
  return visible(await record.read());
}

/** The report file's text (JSON). */
export async function report() {
  const move = await record.read();
  if (!move?.plan) throw userError('error_move_none_run');
  return { name: `keystead-emergency-move-${move.id}.json`, text: record.report(move) };
}

/** Leaves a move whose phrase was not confirmed yet. */
export async function abandon() {
  planned = null;
  const move = await record.read();
  if (move?.state !== 'confirming') throw userError('error_move_not_leavable');
  await record.abandon();
  await core.dropAside();
}
