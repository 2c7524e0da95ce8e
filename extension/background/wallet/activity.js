// Activity: the transactions Keystead signed and broadcast (from the popup and from dApps), per
// account and network, newest first, each followed from `pending` to its end. What the send
// paths and the popup call; the stored record is activity-log.js's, the following is
// activity-tracker.js's, speed-up and cancel are activity-replace.js's.
import * as log from './activity-log.js';
import * as tracker from './activity-tracker.js';
import * as core from './core.js';
import { normalizeChainId } from './networks.js';

/**
 * Records a transaction the node accepted. `entry`: { chainId, from, hash, nonce, to, value,
 * data, gas, type, gasPrice?, maxFeePerGas?, maxPriorityFeePerGas?, asset?: { symbol, decimals,
 * address?, amount? } (what the user sent, for a token transfer), origin (the dApp's origin, or
 * 'keystead' for the popup), submittedAt (ms) }. Holds no secret.
 *
 * Never rejects: the transaction is on its way whatever happens here, so a failure to store it
 * (storage full) is logged rather than reported as a failed send.
 */
export async function record(entry) {
  try {
    const from = await core.toChecksumAddress(entry.from);
    await log.insert({ ...entry, from, chainId: normalizeChainId(entry.chainId) });
  } catch (e) {
    console.error('Keystead could not record a transaction it sent in Activity.', e);
    return;
  }
  tracker.checkSoon();
}

/** What the popup shows of an entry: everything but the pending transaction's data. */
function view(entry) {
  const { data, ...rest } = entry;
  return { ...rest, contractCall: Boolean(entry.selector) || (typeof data === 'string' && data !== '0x') };
}

/**
 * `address`'s transactions on `chainId`, newest first. When some are pending, a check of the
 * node starts (not awaited: the list answers at once; the popup asks again).
 */
export async function list(chainId, address) {
  const entries = await log.list(chainId, address);
  if (entries.some((e) => e.status === 'pending')) tracker.checkSoon();
  return entries.map(view);
}

/**
 * The addresses `account` sent to on `chainId`, from its recorded transactions (each one's
 * recipient: a token transfer's, else its `to`), once each, newest first. What Send's
 * address-poisoning check (recipient.js) compares a typed recipient with.
 */
export async function knownAddresses(chainId, account) {
  const entries = await log.list(normalizeChainId(chainId), await core.toChecksumAddress(account));
  const seen = new Set();
  return entries.map((e) => e.recipient).filter((address) => {
    if (typeof address !== 'string' || seen.has(address.toLowerCase())) return false;
    seen.add(address.toLowerCase());
    return true;
  });
}
