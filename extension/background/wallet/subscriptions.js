// eth_subscribe / eth_unsubscribe served by the wallet over plain HTTP nodes: "newHeads" (each
// new block's header) and "logs" (each matching log), fed by the network's shared block poller
// (block-poller.js). Each notification goes, as an EIP-1193 `message` event
// ({ type: "eth_subscription", data: { subscription, result } }), to the one document that
// subscribed, addressed by its documentId (events.js), so no other page, not even another page
// of the same site, receives it. A subscription ends with eth_unsubscribe, when that document is
// gone (its tab closed or showing another document, or a message to it fails), and when the
// wallet switches network; an origin has at most MAX_SUBSCRIPTIONS_PER_ORIGIN. Subscriptions
// live in this worker's memory; the block poller keeps the worker running while one exists.
import * as poller from './block-poller.js';
import * as networks from './networks.js';
import * as events from './events.js';
import { matches } from './log-filter.js';
import { registry } from './watchers.js';

export const MAX_SUBSCRIPTIONS_PER_ORIGIN = 100;

// Each subscription: { id, origin, tabId, documentId, stop, queue }.
const subscriptions = registry({ limit: MAX_SUBSCRIPTIONS_PER_ORIGIN, what: 'subscriptions', freeBy: 'End some (eth_unsubscribe)' });

/** A block as newHeads gives it: the header fields, without the transaction and uncle lists. */
function header(block) {
  const { transactions: _t, uncles: _u, size: _s, ...rest } = block;
  return rest;
}

/**
 * Sends `results` one by one to the subscribing document, after what was already queued; the
 * subscription ends when the document no longer takes messages.
 */
function notify(sub, results) {
  if (results.length === 0) return;
  sub.queue = sub.queue.then(async () => {
    for (const result of results) {
      if (!subscriptions.has(sub)) return;
      const delivered = await events.toDocument(sub, 'message', { type: 'eth_subscription', data: { subscription: sub.id, result } });
      if (!delivered) {
        subscriptions.drop(sub);
        return;
      }
    }
  });
}

/**
 * A new subscription for `source` ({ origin, tabId, documentId }): kind 'newHeads', or 'logs'
 * with `criteria` (log-filter.js parseCriteria, unranged); returns its id.
 */
export async function subscribe(source, kind, criteria = null) {
  const network = await networks.selected();
  const start = await poller.blockNumber(network);
  const sub = subscriptions.add(source, { queue: Promise.resolve() });
  sub.stop = poller.listen(network, {
    logs: kind === 'logs' ? criteria : null,
    blocks: kind === 'newHeads',
    push: true,
    deliver: (batch) => notify(sub, kind === 'logs' ? batch.logs.filter((log) => matches(criteria, log)) : batch.blocks.map(header)),
    ended: () => subscriptions.drop(sub),
  }, start);
  return sub.id;
}

/** eth_unsubscribe: true when the origin had that subscription. */
export const unsubscribe = (origin, id) => subscriptions.remove(origin, id);

/** Ends the subscriptions of tab `tabId`, except those of its document `keep` (the one it shows now). */
export const forgetDocuments = (tabId, keep) => subscriptions.forgetDocuments(tabId, keep);
