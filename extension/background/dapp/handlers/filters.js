// Filters and subscriptions (wallet/filters.js, wallet/subscriptions.js): eth_newFilter,
// eth_newBlockFilter, eth_newPendingTransactionFilter, eth_getFilterChanges, eth_getFilterLogs,
// eth_uninstallFilter, eth_subscribe ("newHeads", "logs") and eth_unsubscribe. Like the
// forwarded read-only methods, they need no account: they tell a site only what the node would.
import * as filters from '../../wallet/filters.js';
import * as subscriptions from '../../wallet/subscriptions.js';
import { parseCriteria } from '../../wallet/log-filter.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray } from '../validate.js';

const noParams = (p) => paramsArray(p ?? [], 0, 0, '[]');

function filterId(p) {
  const [id] = paramsArray(p, 1, 1, '[filterId]');
  if (typeof id !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(id)) throw invalidParams('The filter id must be the 0x quantity eth_newFilter returned.');
  return id;
}

function subscription(p) {
  const [kind, criteria] = paramsArray(p, 1, 2, '["newHeads"] or ["logs", { address?, topics? }]');
  if (kind === 'newHeads') {
    if (criteria !== undefined && criteria !== null && (typeof criteria !== 'object' || Object.keys(criteria).length > 0)) {
      throw invalidParams('newHeads takes no options.');
    }
    return { kind, criteria: null };
  }
  if (kind === 'logs') return { kind, criteria: parseCriteria(criteria, { ranged: false }) };
  throw invalidParams(`Keystead serves the subscriptions "newHeads" and "logs", not ${JSON.stringify(String(kind).slice(0, 40))}.`);
}

export const methods = {
  eth_newFilter: {
    validate: (p) => parseCriteria(paramsArray(p, 1, 1, '[{ address?, topics?, fromBlock?, toBlock? }]')[0]),
    handler: ({ source }, criteria) => filters.create(source, 'logs', criteria),
  },
  eth_newBlockFilter: { validate: noParams, handler: ({ source }) => filters.create(source, 'blocks') },
  eth_newPendingTransactionFilter: { validate: noParams, handler: ({ source }) => filters.create(source, 'pending') },
  eth_getFilterChanges: { validate: filterId, handler: ({ origin }, id) => filters.changes(origin, id) },
  eth_getFilterLogs: { validate: filterId, handler: ({ origin }, id) => filters.logs(origin, id) },
  eth_uninstallFilter: { validate: filterId, handler: ({ origin }, id) => filters.uninstall(origin, id) },
  eth_subscribe: {
    validate: subscription,
    handler: ({ source }, { kind, criteria }) => subscriptions.subscribe(source, kind, criteria),
  },
  eth_unsubscribe: {
    validate: (p) => {
      const [id] = paramsArray(p, 1, 1, '[subscriptionId]');
      if (typeof id !== 'string') throw invalidParams('The subscription id must be the string eth_subscribe returned.');
      return id;
    },
    handler: ({ origin }, id) => subscriptions.unsubscribe(origin, id),
  },
};
