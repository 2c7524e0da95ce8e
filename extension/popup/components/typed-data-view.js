// The body of a typed-data approval (eth_signTypedData_v4): exactly what the core hashes, from
// its typedDataView: the fields that types declares, in declared order, with their values as
// hashed. Nothing of the dApp's JSON is read here, so nothing can be shown that is not signed.
import { h } from '../ui/dom.js';

/** One declared field (or array item when `name` is absent) as a labelled row. */
function field(node) {
  return h('div', { class: 'row', testid: 'typed-field' },
    h('dt', {}, h('span', { class: 'name' }, node.name ?? ''), ' ', h('small', { class: 'type' }, node.type)),
    h('dd', {}, value(node)));
}

/** A value: a struct's fields, an array's items, or the atomic value as hashed. */
function value(node) {
  if (node.fields) return h('dl', { class: 'fields' }, node.fields.map(field));
  if (node.items) {
    if (node.items.length === 0) return h('span', { class: 'empty' }, 'empty list');
    return h('ol', { class: 'items' }, node.items.map((item) => h('li', {}, value(item))));
  }
  if (node.value === null) return h('span', { class: 'empty' }, 'null (an empty struct)');
  return h('span', { class: 'value' }, node.value);
}

const list = (nodes, testid) => h('dl', { class: 'fields', testid }, nodes.map(field));

/**
 * The approval body for `{ account, view }`, as a flat list of nodes. `row(label, value, testid)`
 * is the approval window's label/value row.
 */
export function typedDataBody({ account, view }, row) {
  const body = [h('dl', {},
    row('Account', account),
    row('Type', view.primaryType, 'approval-primary-type'),
    row('Chain', view.chainId ?? 'any chain: no chainId is signed', 'approval-chain'))];
  if (view.domainOnly) body.push(h('p', { class: 'warning', testid: 'approval-domain-only' }, 'This signs only the domain: no message is signed.'));
  body.push(h('h2', {}, 'Domain'), list(view.domain, 'approval-domain'));
  if (!view.domainOnly) body.push(h('h2', {}, 'Message'), h('div', { testid: 'approval-message' }, list(view.message, 'approval-message-fields')));
  return body;
}
