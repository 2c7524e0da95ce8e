// One block poller per network, shared by every filter and subscription of every site: for each
// range of new blocks it fetches once what its listeners need (each new block's header when one
// wants blocks; one eth_getLogs covering every log listener's addresses and first topics when
// one wants logs) and hands it to all of them. Twenty pages with a logs subscription therefore
// cost the node what one does. A round starts
// - on a timer, while some listener is pushed to (a subscription: `push` true), and
// - when a filter is polled (`catchUp`): eth_getFilterChanges must hold every block the node
//   already has, as a node's filter does (ethers polls its filter once per new block it sees),
//   so the answer waits for a round that started after the poll arrived; polls arriving together
//   share one round.
// The poller exists only while someone listens, and stops (its listeners each told `ended`) when
// the selected network is no longer its network: a site's filters follow the wallet's chain.
//
// A listener: { logs: criteria | null, blocks: boolean, push: boolean, deliver({ from, to,
// blocks, logs }), ended() }, added with the block number it starts after: it is given only later
// blocks, each once, in order. `blocks` are the new blocks (eth_getBlockByNumber, no
// transactions) when it wants them, `logs` every log of those blocks the union query returned
// (it picks its own).
//
// While timed rounds run, each also makes one extension API call: Chrome then does not stop the
// service worker between blocks (it would, after 30 s without events, and the subscriptions
// with it).
import * as networks from './networks.js';
import { unionQuery } from './log-filter.js';

/** Milliseconds between polls: local nodes (anvil, a dev node) answer at once and mine fast. */
export const LOCAL_INTERVAL_MS = 1000;
export const REMOTE_INTERVAL_MS = 4000;
/** Most blocks handled in one round; after a longer gap (a sleeping laptop) the rest is skipped. */
export const MAX_RANGE = 100;

const pollers = new Map(); // network key → poller
const hex = (n) => `0x${n.toString(16)}`;
const keyOf = (network) => `${network.chainId} ${network.rpcUrl}`;

function intervalFor(network) {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(network.rpcUrl).hostname) ? LOCAL_INTERVAL_MS : REMOTE_INTERVAL_MS;
  } catch {
    return REMOTE_INTERVAL_MS;
  }
}

/** The node's current block number. */
export async function blockNumber(network) {
  return Number(BigInt(await networks.rpc('eth_blockNumber', [], network)));
}

/**
 * Adds `listener` to `network`'s poller (making it), to be given the blocks after block `after`;
 * returns the function that removes it (the poller goes with the last one).
 */
export function listen(network, listener, after) {
  const key = keyOf(network);
  let poller = pollers.get(key);
  if (!poller) {
    poller = { key, network, listeners: new Map(), timer: null, current: null, queued: null };
    pollers.set(key, poller);
  }
  poller.listeners.set(listener, { after });
  schedule(poller);
  return () => remove(poller, listener);
}

function remove(poller, listener) {
  poller.listeners.delete(listener);
  if (poller.listeners.size === 0) stop(poller);
}

function stop(poller) {
  clearTimeout(poller.timer);
  poller.timer = null;
  if (pollers.get(poller.key) === poller) pollers.delete(poller.key);
}

/** The next timed round, while the poller lives and some listener is pushed to. */
function schedule(poller) {
  if (poller.timer !== null || pollers.get(poller.key) !== poller) return;
  if (![...poller.listeners.keys()].some((l) => l.push)) return;
  poller.timer = setTimeout(() => {
    poller.timer = null;
    requestRound(poller);
  }, intervalFor(poller.network));
}

/** A round that starts after this call: the one already waiting to start, or a new one. */
function requestRound(poller) {
  if (poller.queued) return poller.queued;
  const start = () => {
    poller.queued = null;
    poller.current = round(poller).catch(() => {}).finally(() => {
      poller.current = null;
      schedule(poller);
    });
    return poller.current;
  };
  poller.queued = (poller.current ?? Promise.resolve()).then(start);
  return poller.queued;
}

/**
 * Resolves once `network`'s listeners hold every block the node had when this was called (a round
 * that started after it has finished); at once when nobody listens there.
 */
export async function catchUp(network) {
  const poller = pollers.get(keyOf(network));
  if (poller) await requestRound(poller);
}

const numberOf = (item) => Number(BigInt(item.number ?? item.blockNumber));

async function round(poller) {
  const selected = await networks.selected();
  if (keyOf(selected) !== poller.key) {
    stop(poller);
    const ended = [...poller.listeners.keys()];
    poller.listeners.clear();
    for (const listener of ended) listener.ended();
    return;
  }
  if ([...poller.listeners.keys()].some((l) => l.push)) chrome.runtime.getPlatformInfo().catch(() => {}); // keeps the worker alive
  const latest = await blockNumber(poller.network);
  const entries = [...poller.listeners];
  const waiting = entries.filter(([, e]) => e.after < latest);
  if (waiting.length === 0) return;
  const from = Math.max(Math.min(...waiting.map(([, e]) => e.after)) + 1, latest - MAX_RANGE + 1);
  const to = latest;
  const logCriteria = waiting.filter(([l]) => l.logs).map(([l]) => l.logs);
  const call = (method, params) => networks.rpc(method, params, poller.network);
  const [blocks, logs] = await Promise.all([
    waiting.some(([l]) => l.blocks)
      ? Promise.all(Array.from({ length: to - from + 1 }, (_, i) => call('eth_getBlockByNumber', [hex(from + i), false])))
      : [],
    logCriteria.length > 0 ? call('eth_getLogs', [{ fromBlock: hex(from), toBlock: hex(to), ...unionQuery(logCriteria) }]) : [],
  ]);
  const allBlocks = blocks.filter((b) => b && typeof b === 'object');
  const allLogs = Array.isArray(logs) ? logs : [];
  for (const [listener, entry] of waiting) {
    if (poller.listeners.get(listener) !== entry) continue; // removed meanwhile
    const after = entry.after;
    entry.after = to;
    listener.deliver({
      from: Math.max(from, after + 1),
      to,
      blocks: allBlocks.filter((b) => numberOf(b) > after),
      logs: allLogs.filter((l) => numberOf(l) > after),
    });
  }
}

/** How many pollers run (the bench and the tests read it through the worker). */
export function running() {
  return pollers.size;
}
