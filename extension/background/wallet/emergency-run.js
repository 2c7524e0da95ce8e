// The emergency move's executor: runs the stored plan (emergency-record.js) one step at a time,
// in order, each to its receipt, deciding what to do with a step from its stored state and the
// chain (emergency-resume.js), so that a worker or browser restart goes on where it stopped and
// no step is ever sent twice. Before a step is signed the chain is read again (is there still a
// delegation, a balance, the NFT, the approval?) and its amount is what the account holds then;
// the ETH step sends the exact remainder at its turn. When every step is final, the new wallet
// becomes the wallet's (core.adoptAside) and the record says what moved where.
import * as networks from './networks.js';
import * as fees from './fees.js';
import * as transactions from './transactions.js';
import * as record from './emergency-record.js';
import * as core from './core.js';
import { delegateIn, clearTransaction } from './delegation.js';
import { checks, live } from './approval-scan.js';
import { tokenTransferData, multiTransferData, exactFee, ethRemainder } from './emergency-plan.js';
import { nextAction, remaining, stuck, bumped } from './emergency-resume.js';
import { addressTopic } from './transfer-logs.js';
import { CHAIN_DISCONNECTED, DISCONNECTED } from '../../shared/rpc-errors.js';

const BALANCE_OF = '0x70a08231';
const OWNER_OF = '0x6352211e';
const BALANCE_OF_ID = '0x00fdd58e'; // ERC-1155 balanceOf(address,uint256)
/** How many blocks after a step was signed are searched for the transaction that took its nonce. */
const LOOKUP_BLOCKS = 256n;
const POLL_MS = 500;

const hex = (n) => `0x${BigInt(n).toString(16)}`;
const word = (value) => BigInt(value).toString(16).padStart(64, '0');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const call = (to, data) => ['eth_call', [{ to, data }, 'latest']];

let running = null;

/**
 * Runs the stored move until every step is final and the new wallet is the wallet's, or until
 * the node cannot be reached or the wallet locks (it goes on at the next `run`). One run at a
 * time per worker; a second call joins the first. Resolves with the record.
 */
export function run() {
  running ??= loop().finally(() => {
    running = null;
  });
  return running;
}

async function loop() {
  for (;;) {
    const move = await record.read();
    if (!move || move.state !== 'running') return move;
    const network = await networks.find(move.chainId);
    if (!network) throw new Error('the network of the move is no longer in the wallet');
    const { left, over } = remaining(move.plan.steps);
    if (over) return finish(move);
    await advance(network, move, left[0]);
  }
}

/** What the chain says now of a step that was signed: its pending count, receipt, whether the node knows it. */
async function gather(network, step) {
  const calls = [['eth_getTransactionCount', [step.account, 'pending']]];
  if (step.hash) calls.push(['eth_getTransactionReceipt', [step.hash]], ['eth_getTransactionByHash', [step.hash]], ['eth_getBlockByNumber', ['latest', false]], ['eth_gasPrice', []]);
  const [pending, receipt, known, latest, gasPrice] = await networks.batch(calls, network);
  for (const a of [pending, receipt, known]) if (a?.error) throw a.error;
  const chain = { pending: BigInt(pending.result), receipt: receipt?.result ?? null, known: Boolean(known?.result) };
  if (step.hash && chain.known && !chain.receipt) chain.stuck = stuck(step, latest?.result, gasPrice?.result);
  if (!chain.receipt && chain.pending > BigInt(step.nonce) && !(step.hash && chain.known)) {
    chain.found = await holderOf(network, step);
  }
  return chain;
}

/** The fee fields a transaction pays by, as stored with its step. */
const paidOf = (tx) => (tx.gasPrice !== undefined ? { gasPrice: tx.gasPrice } : { maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas });

/** The mined transaction from the step's account with the step's nonce, from the block it was signed at on. */
async function holderOf(network, step) {
  const latest = BigInt(await networks.rpc('eth_blockNumber', [], network));
  const first = step.block ? BigInt(step.block) : latest;
  for (let b = first; b <= latest && b < first + LOOKUP_BLOCKS; b++) {
    const block = await networks.rpc('eth_getBlockByNumber', [hex(b), true], network);
    const tx = block?.transactions?.find((t) => same(t.from, step.account) && BigInt(t.nonce) === BigInt(step.nonce));
    const ours = (hash) => same(hash, step.hash) || (step.replaced ?? []).some((h) => same(hash, h));
    if (tx) return { hash: tx.hash, same: step.hash ? ours(tx.hash) : same(tx.to, step.sentTo ?? step.to) && same(tx.input, step.sentData ?? step.data) };
  }
  return null;
}

/** Whether the chain still has something for a planned step to do, and how much (tokens, ETH). */
async function needed(network, move, step) {
  const who = step.account;
  if (step.kind === 'delegation') return { needed: Boolean(await delegateIn(await networks.rpc('eth_getCode', [who, 'latest'], network))) };
  if (step.kind === 'token') {
    const b = BigInt(await networks.rpc(...call(step.to, `${BALANCE_OF}${addressTopic(who).slice(2)}`), network));
    return { needed: b > 0n, amount: b };
  }
  if (step.kind === 'nft' && step.standard === 'erc1155') {
    const b = BigInt(await networks.rpc(...call(step.to, `${BALANCE_OF_ID}${addressTopic(who).slice(2)}${word(step.tokenId)}`), network));
    return { needed: b > 0n, amount: b };
  }
  if (step.kind === 'nft') {
    const owner = await networks.rpc(...call(step.to, `${OWNER_OF}${word(step.tokenId)}`), network).catch(() => null);
    return { needed: typeof owner === 'string' && same(`0x${owner.slice(-40)}`, who) };
  }
  if (step.kind === 'revoke') {
    const c = { kind: step.approval, token: step.token, spender: step.spender, ...(step.tokenId !== undefined ? { tokenId: BigInt(step.tokenId) } : {}) };
    const results = await networks.batch(checks(c, who), network);
    return { needed: live(c, results, who) !== null };
  }
  const options = await fees.options(network);
  const fee = exactFee(options.legacy ? { gasPrice: options.market.gasPrice } : options.market);
  const value = ethRemainder(await networks.rpc('eth_getBalance', [who, 'latest'], network), fee);
  return { needed: value !== null };
}

/** The complete transaction of `step` with `nonce`, at the fees of now (above `paid` when it replaces a stuck one). */
async function build(network, move, step, nonce, amount, paid) {
  const options = await fees.options(network);
  const today = options.legacy ? { gasPrice: options.market.gasPrice } : options.market;
  const market = paid ? bumped(today, paid) : today;
  if (step.kind === 'delegation') return clearTransaction(network, step.account, nonce, market);
  const to = move.pairs.find((p) => same(p.from, step.account))?.to;
  let tx = { to: step.to, data: step.data, value: '0x0' };
  let fee = market;
  if (step.kind === 'token') tx.data = tokenTransferData(to, amount);
  if (step.kind === 'nft' && step.standard === 'erc1155') tx.data = multiTransferData(step.account, to, step.tokenId, amount);
  if (step.kind === 'eth') {
    fee = exactFee(market);
    const value = ethRemainder(await networks.rpc('eth_getBalance', [step.account, 'latest'], network), fee);
    if (value === null) throw Object.assign(new Error('nothing is left to send'), { code: 'NOTHING_LEFT' });
    tx = { to, data: '0x', value: hex(value) };
  }
  const base = { chainId: network.chainId, nonce: hex(nonce), gas: step.gas, ...tx };
  return fee.gasPrice !== undefined ? { ...base, type: '0x0', gasPrice: fee.gasPrice } : { ...base, type: '0x2', ...fee, accessList: [] };
}

const offline = (e) => [CHAIN_DISCONNECTED, DISCONNECTED].includes(e?.code) || e?.code === 'LOCKED';

/** One move forward for `step`. */
async function advance(network, move, step) {
  if (step.state === 'planned') {
    const check = await needed(network, move, step);
    const action = nextAction(step, { needed: check.needed });
    if (action.act === 'skip') return record.updateStep(step.id, { state: 'skipped', note: 'nothing was left to do' });
    const block = await networks.rpc('eth_blockNumber', [], network);
    try {
      const { hash } = await transactions.sendKept((nonce) => build(network, move, step, nonce, check.amount), network, {
        account: step.account,
        keep: ({ tx, raw }) => record.updateStep(step.id, { state: 'signed', nonce: tx.nonce, raw, block, paid: paidOf(tx), sentTo: tx.to, sentData: tx.data, sent: step.kind === 'token' || step.standard === 'erc1155' ? check.amount.toString() : step.kind === 'eth' ? BigInt(tx.value).toString() : undefined }),
      });
      return record.updateStep(step.id, { state: 'sent', hash });
    } catch (e) {
      if (offline(e)) throw e;
      if (e?.code === 'NOTHING_LEFT') return record.updateStep(step.id, { state: 'skipped', note: 'nothing was left to do' });
      return refused(network, step.id, e);
    }
  }
  const action = nextAction(step, await gather(network, step));
  switch (action.act) {
    case 'settle':
      return record.updateStep(step.id, { state: action.status });
    case 'send':
      try {
        return record.updateStep(step.id, { state: 'sent', hash: await transactions.broadcastRaw(step.raw, network) });
      } catch (e) {
        if (offline(e)) throw e;
        // The node dropped it and no longer takes its fee (the base fee rose): signed again, same nonce.
        if (e?.refusal === 'fee') return bump(network, move, step);
        return refused(network, step.id, e);
      }
    case 'bump':
      return bump(network, move, step);
    case 'receipt':
      if (action.hash !== step.hash) await record.updateStep(step.id, { state: 'sent', hash: action.hash });
      return sleep(POLL_MS);
    case 'replan':
      return record.updateStep(step.id, { state: 'planned', nonce: undefined, raw: undefined, hash: undefined, block: undefined, note: 'its nonce was used by another transaction' });
    default:
      return sleep(POLL_MS);
  }
}

/**
 * A step whose transaction the network no longer takes at its fee: the same nonce signed again
 * at today's fee (at least an eighth above the old one), the same transfer (the ETH step: what
 * is left at the new fee). Only one of the two can land; the old hash is kept (`replaced`), so
 * whichever lands settles the step.
 */
async function bump(network, move, step) {
  const amount = step.sent !== undefined && step.kind !== 'eth' ? BigInt(step.sent) : undefined;
  let tx;
  try {
    tx = await build(network, move, step, BigInt(step.nonce), amount, step.paid);
  } catch (e) {
    if (e?.code === 'NOTHING_LEFT') return sleep(POLL_MS); // the old one is still the only way
    throw e;
  }
  const raw = (await core.unlocked()).signTransaction(step.account, JSON.stringify(tx));
  const block = await networks.rpc('eth_blockNumber', [], network);
  await record.updateStep(step.id, {
    state: 'signed', raw, block, paid: paidOf(tx), replaced: [...(step.replaced ?? []), step.hash], sentTo: tx.to, sentData: tx.data,
    ...(step.kind === 'eth' ? { sent: BigInt(tx.value).toString() } : {}),
  });
  try {
    return record.updateStep(step.id, { state: 'sent', hash: await transactions.broadcastRaw(raw, network) });
  } catch (e) {
    if (offline(e)) throw e;
    return refused(network, step.id, e);
  }
}

/** A broadcast the node refused: failed when its nonce is still free (nothing of it can land), else looked at again. */
async function refused(network, id, error) {
  const step = (await record.read()).plan.steps.find((s) => s.id === id);
  if (error?.refusal === 'known') return sleep(POLL_MS); // the node holds it: its receipt is awaited
  if (step.state === 'signed') {
    const pending = BigInt(await networks.rpc('eth_getTransactionCount', [step.account, 'pending'], network));
    if (pending > BigInt(step.nonce)) return sleep(POLL_MS); // the nonce is taken: gather() finds by what
  }
  return record.updateStep(id, { state: 'failed', raw: undefined, note: String(error?.message ?? error).slice(0, 300) });
}

/** Every step is final: the new wallet becomes the wallet's, the old vault is kept as compromised. */
async function finish(move) {
  const done = record.doneFields(move);
  await core.adoptAside(move.newVault, { movedAt: done.finishedAt, movedTo: move.pairs.map((p) => p.to) }, { emergencyMove: done });
  return done;
}
