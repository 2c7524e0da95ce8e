// Follows pending transactions (activity-log.js) to their end: confirmed, failed, replaced or
// dropped (activity-status.js). Each check asks each network's node once, in one JSON-RPC batch
// (the account's nonce and every pending receipt), plus a second batch only for the receipts of
// transactions the nonce has passed. While something is pending the worker checks every
// POLL_MS, and the ALARM wakes a stopped worker (it survives worker restarts); index.js also
// resumes on every worker start and browser start. Works while locked: it needs no key.
import * as log from './activity-log.js';
import * as networks from './networks.js';
import { outcomes } from './activity-status.js';

export const ALARM = 'keystead-activity';
/** How often a running worker asks the node while something is pending. */
export const POLL_MS = 3000;
/** How often the alarm wakes a stopped worker while something is pending (Chrome's minimum). */
const ALARM_MINUTES = 0.5;

let running = null; // the check in progress
let again = false; // asked for while one was running
let timer = null;

/** Checks every pending transaction now, or right after the check in progress. */
export function checkSoon() {
  if (running) {
    again = true;
    return running;
  }
  clearTimeout(timer);
  timer = null;
  running = checkAll()
    .catch((e) => console.warn('Keystead could not check pending transactions; it tries again later.', e))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        checkSoon();
      }
    });
  return running;
}

/** On a worker or browser start: picks up whatever was pending. */
export const resume = () => checkSoon();
export const onAlarm = () => checkSoon();

async function checkAll() {
  const byChain = new Map();
  for (const account of await log.withPending()) {
    byChain.set(account.chainId, [...(byChain.get(account.chainId) ?? []), account]);
  }
  let waiting = false;
  for (const [chainId, accounts] of byChain) {
    const network = await networks.find(chainId);
    if (!network) continue; // a removed network: nothing to ask
    try {
      await checkChain(network, accounts);
    } catch {
      // The node is unreachable or answered nonsense: the next check asks again.
    }
    waiting ||= (await log.withPending()).some((a) => a.chainId === chainId);
  }
  await schedule(waiting);
}

const pendingOf = (entries) => entries.filter((e) => e.status === 'pending');

async function checkChain(network, accounts) {
  const calls = [];
  for (const { address, entries } of accounts) {
    calls.push(['eth_getTransactionCount', [address, 'latest']]);
    for (const e of pendingOf(entries)) calls.push(['eth_getTransactionReceipt', [e.hash]]);
  }
  const answers = await networks.batch(calls, network);
  let at = 0;
  const checked = accounts.map(({ address, entries }) => {
    const count = answers[at++];
    const nonce = count.error || typeof count.result !== 'string' ? null : BigInt(count.result);
    const receipts = new Map(pendingOf(entries).map((e) => {
      const answer = answers[at++];
      return [e.hash, answer.error ? undefined : (answer.result ?? null)];
    }));
    return { address, entries, nonce, receipts, ...outcomes(entries, receipts, nonce) };
  });
  // The nonce passed these without a receipt: ask again, in case one was mined between answers.
  const unsure = checked.flatMap((c) => c.unsure);
  if (unsure.length > 0) {
    const again = await networks.batch(unsure.map((hash) => ['eth_getTransactionReceipt', [hash]]), network);
    const second = new Map(unsure.map((hash, i) => [hash, again[i].error ? undefined : (again[i].result ?? null)]));
    for (const c of checked) {
      if (c.unsure.length === 0) continue;
      const receipts = new Map([...c.receipts, ...c.unsure.map((hash) => [hash, second.get(hash)])]);
      c.patches = outcomes(c.entries, receipts, c.nonce, { confirmDrops: true }).patches;
    }
  }
  for (const c of checked) await log.settle(network.chainId, c.address, c.patches);
}

async function schedule(waiting) {
  clearTimeout(timer);
  timer = null;
  if (!waiting) {
    await chrome.alarms.clear(ALARM);
    return;
  }
  timer = setTimeout(checkSoon, POLL_MS);
  if (!(await chrome.alarms.get(ALARM))) await chrome.alarms.create(ALARM, { periodInMinutes: ALARM_MINUTES });
}
