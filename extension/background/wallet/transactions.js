// The one path of every transaction Keystead signs, from a dApp (eth_sendTransaction), from the
// popup's Send, or a Speed up / Cancel of a pending one (activity-replace.js): fill what the
// request leaves out (nonce, gas, fees) from the node, describe it for the review
// (transaction-view.js), then take the account's next nonce (a replacement keeps the nonce it
// replaces), sign in the core, broadcast, and record it in Activity, one transaction at a time
// per account and chain (nonces.js).
import * as core from './core.js';
import * as networks from './networks.js';
import * as fees from './fees.js';
import * as nonces from './nonces.js';
import * as activity from './activity.js';
import { broadcastError } from './node-errors.js';
import { invalidParams } from '../../shared/rpc-errors.js';

const hex = (n) => `0x${n.toString(16)}`;

/**
 * The request `tx` ({ from, to?, value, data, gas?, nonce?, gasPrice?, maxFeePerGas?,
 * maxPriorityFeePerGas? }, quantities as `0x` hex) completed from `network`'s node: the exact
 * fields the core signs. Fees the request leaves out are the `fee` level (fees.js; `feeOptions`
 * when the caller already read them). A legacy network, or a request with gasPrice, gets a type
 * 0 transaction; otherwise type 2. The nonce is the one the account's next transaction would
 * take now; `send` takes it again when its turn comes. A request whose gas estimate the node
 * says reverts is refused (the node's error), or with `reverting: 'block-limit'` (a dApp's, whose
 * window then says it will fail and why: wallet/insight/) gets the latest block's gas limit.
 */
export async function fill(tx, network, { fee = 'market', feeOptions, reverting = 'refuse' } = {}) {
  const [nonce, gas, options] = await Promise.all([
    tx.nonce ?? nonces.next(network, tx.from).then(hex),
    tx.gas ?? estimateGas(tx, network, reverting),
    tx.gasPrice ? null : (feeOptions ?? fees.options(network)),
  ]);
  const base = { chainId: network.chainId, nonce, to: tx.to, value: tx.value, data: tx.data, gas };
  if (tx.gasPrice) return { ...base, type: '0x0', gasPrice: tx.gasPrice };
  const choice = options[fee];
  if (options.legacy) return { ...base, type: '0x0', gasPrice: choice.gasPrice };
  const maxFeePerGas = tx.maxFeePerGas ?? choice.maxFeePerGas;
  let maxPriorityFeePerGas = tx.maxPriorityFeePerGas ?? choice.maxPriorityFeePerGas;
  if (BigInt(maxPriorityFeePerGas) > BigInt(maxFeePerGas)) {
    if (tx.maxPriorityFeePerGas) throw invalidParams('maxPriorityFeePerGas is higher than maxFeePerGas.');
    maxPriorityFeePerGas = maxFeePerGas; // the request's own max fee is below the chosen tip
  }
  return { ...base, type: '0x2', maxFeePerGas, maxPriorityFeePerGas, accessList: [] };
}

/** The node's gas estimate of `tx`; for a reverting call, see fill(). */
async function estimateGas(tx, network, reverting) {
  try {
    return await networks.rpc('eth_estimateGas', [{ from: tx.from, to: tx.to, value: tx.value, data: tx.data }], network);
  } catch (e) {
    const reverts = Number(e?.code) === 3 || /revert/i.test(String(e?.message));
    if (reverting !== 'block-limit' || !reverts) throw e;
    return (await networks.rpc('eth_getBlockByNumber', ['latest', false], network)).gasLimit;
  }
}

/**
 * Signs the filled transaction `f` for `account` in the core with the account's next nonce (or
 * `f.nonce` itself when `fixedNonce`: a dApp's own nonce), broadcasts it to `network` and
 * records it in Activity for `origin` (a dApp's origin, or 'keystead' for the popup). Resolves
 * with the hash. A refused broadcast throws the node's reason in words (node-errors.js), and
 * nothing is recorded: neither the nonce nor the transaction.
 *
 * `replacement` ({ kind: 'speed-up' | 'cancel', replaces: hash, asset?, recipient? }) makes `f`
 * a replacement of the pending transaction `replaces`: it keeps `f.nonce` (that transaction's),
 * takes its turn after the account's other sends like any transaction, and leaves the recorded
 * next nonce where it is (nonces.js never lowers it, and the replaced one already took it).
 */
export async function send(f, network, { account, origin, fixedNonce = false, replacement = null }) {
  const fixed = fixedNonce || replacement ? BigInt(f.nonce) : null;
  return nonces.withNext(network, account, fixed, async (nonce) => {
    const signed = { ...f, nonce: hex(nonce) };
    const raw = (await core.unlocked()).signTransaction(account, JSON.stringify(signed));
    let hash;
    try {
      hash = await networks.rpc('eth_sendRawTransaction', [raw], network);
    } catch (e) {
      throw broadcastError(e, network.symbol, { replacing: Boolean(replacement) });
    }
    const { accessList: _unrecorded, ...recorded } = signed;
    // The node has the transaction: record() never rejects, so a failure to store it does not
    // make the send a failure. What a token transfer sends is read from its data (activity-log.js).
    await activity.record({ ...recorded, from: account, hash, origin, submittedAt: Date.now(), ...(replacement ?? {}) });
    return hash;
  });
}

/**
 * The emergency move's path (emergency-run.js), which Send's `confirm` cannot take: it keeps
 * every field the core signs, a type-4 clear's `authorizationList` included. With the account's
 * next nonce on `network` (after its other sends, nonces.js), `build(nonce)` makes the complete
 * transaction; it is signed in the core, `keep({ tx, raw })` stores the signed bytes before they
 * are broadcast (so a restart sends the same bytes, never a second transaction), then it is
 * broadcast and recorded in Activity. Resolves with `{ hash, tx }`. A refused broadcast throws
 * the node's reason (node-errors.js) and leaves the nonce free; what was kept stays kept.
 */
export async function sendKept(build, network, { account, keep }) {
  let tx;
  const hash = await nonces.withNext(network, account, null, async (nonce) => {
    tx = await build(nonce);
    const raw = (await core.unlocked()).signTransaction(account, JSON.stringify(tx));
    await keep({ tx, raw });
    return broadcastRaw(raw, network);
  });
  const { accessList: _a, authorizationList: _l, ...recorded } = tx;
  await activity.record({ ...recorded, from: account, hash, origin: 'keystead', submittedAt: Date.now() });
  return { hash, tx };
}

/** Broadcasts signed bytes already kept (a restart's resend): the hash, or the node's reason. */
export async function broadcastRaw(raw, network) {
  try {
    return await networks.rpc('eth_sendRawTransaction', [raw], network);
  } catch (e) {
    throw broadcastError(e, network.symbol, { replacing: false });
  }
}
