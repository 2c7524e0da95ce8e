// Filters served by the wallet over plain HTTP nodes (eth_newFilter, eth_newBlockFilter,
// eth_newPendingTransactionFilter, eth_getFilterChanges, eth_getFilterLogs,
// eth_uninstallFilter), as a node serves them, fed by the network's shared block poller
// (block-poller.js) instead of one node filter per site:
// - a filter belongs to the origin that made it (another origin's id is "filter not found") and
//   to that document: it goes when the tab closes or shows another document;
// - it starts at the block the node was at when it was made, and buffers what came after (at most
//   MAX_BUFFERED items, the oldest dropped first) until the site polls it; a poll first brings
//   the poller up to the node's head (block-poller.js catchUp), so it answers every block the
//   node already has, as a node's filter does;
// - like a node's, it expires when not polled for FILTER_TIMEOUT_MS;
// - it lives on the network it was made on, and ends when the wallet switches network;
// - an origin has at most MAX_FILTERS_PER_ORIGIN (more: -32005);
// - it lives in this worker's memory: after a restart (or for any id it does not know) the
//   answer is the node's own error, -32000 "filter not found", on which ethers and viem make a
//   new filter.
// eth_newPendingTransactionFilter gives a filter that always answers [] (a wallet over HTTP sees
// no mempool).
import * as poller from './block-poller.js';
import * as networks from './networks.js';
import { matches, boundOf, asQuery } from './log-filter.js';
import { registry } from './watchers.js';
import { ProviderError } from '../../shared/rpc-errors.js';

export const FILTER_TIMEOUT_MS = 5 * 60 * 1000;
export const MAX_FILTERS_PER_ORIGIN = 100;
export const MAX_BUFFERED = 10_000;

// Each filter: { id, origin, tabId, documentId, kind, criteria, network, items, polledAt, stop }.
const filters = registry({ limit: MAX_FILTERS_PER_ORIGIN, what: 'filters', freeBy: 'Uninstall some (eth_uninstallFilter)' });

/** The node's answer for a filter id it does not know. */
export const notFound = () => new ProviderError(-32000, 'filter not found');

function expired(filter, now) {
  return now - filter.polledAt > FILTER_TIMEOUT_MS;
}

function sweep(now = Date.now()) {
  for (const filter of filters.values()) if (expired(filter, now)) filters.drop(filter);
}

function push(filter, items) {
  if (items.length === 0) return;
  if (expired(filter, Date.now())) {
    filters.drop(filter);
    return;
  }
  filter.items.push(...items);
  if (filter.items.length > MAX_BUFFERED) filter.items.splice(0, filter.items.length - MAX_BUFFERED);
}

/** Which logs of a poller batch a log filter keeps: its addresses and topics, within its block range. */
function logsFor(filter, logs, start) {
  const { criteria } = filter;
  if (criteria.blockHash) return []; // a past block: nothing new ever comes
  const low = boundOf(criteria.fromBlock, start);
  const high = boundOf(criteria.toBlock, start);
  return logs.filter((log) => {
    const n = Number(BigInt(log.blockNumber));
    return (low === null || n >= low) && (high === null || n <= high) && matches(criteria, log);
  });
}

/**
 * A new filter for `source` ({ origin, tabId, documentId }): kind 'logs' (with `criteria` from
 * log-filter.js parseCriteria), 'blocks' or 'pending'; returns its id.
 */
export async function create(source, kind, criteria = null) {
  sweep();
  const network = await networks.selected();
  const start = kind === 'pending' ? null : await poller.blockNumber(network);
  const filter = filters.add(source, { kind, criteria, network, items: [], polledAt: Date.now() });
  if (kind !== 'pending') {
    filter.stop = poller.listen(network, {
      logs: kind === 'logs' ? criteria : null,
      blocks: kind === 'blocks',
      push: false,
      deliver: (batch) => push(filter, kind === 'logs' ? logsFor(filter, batch.logs, start) : batch.blocks.map((b) => b.hash)),
      ended: () => filters.drop(filter),
    }, start);
  }
  return filter.id;
}

/** The origin's live filter with that id (on the selected network), or the node's "filter not found". */
async function find(origin, id) {
  const filter = filters.find(origin, id);
  if (!filter) throw notFound();
  const selected = await networks.selected();
  if (expired(filter, Date.now()) || selected.chainId !== filter.network.chainId || selected.rpcUrl !== filter.network.rpcUrl) {
    filters.drop(filter);
    throw notFound();
  }
  filter.polledAt = Date.now();
  return filter;
}

/** eth_getFilterChanges: what came since the last poll (log objects, or block hashes). */
export async function changes(origin, id) {
  const filter = await find(origin, id);
  if (filter.kind !== 'pending') await poller.catchUp(filter.network);
  if (!filters.has(filter)) throw notFound(); // ended meanwhile (a network switch)
  return filter.items.splice(0);
}

/** eth_getFilterLogs: every log the filter's criteria match, asked of its node. */
export async function logs(origin, id) {
  const filter = await find(origin, id);
  if (filter.kind !== 'logs') throw notFound();
  return networks.rpc('eth_getLogs', [asQuery(filter.criteria)], filter.network);
}

/** eth_uninstallFilter: true when the origin had that filter. */
export const uninstall = (origin, id) => filters.remove(origin, id);

/** Drops the filters of tab `tabId`, except those of its document `keep` (the one it shows now). */
export const forgetDocuments = (tabId, keep) => filters.forgetDocuments(tabId, keep);
