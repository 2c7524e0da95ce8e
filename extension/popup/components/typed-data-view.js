// The body of a typed-data approval (eth_signTypedData_v4): exactly what the core hashes, from
// its typedDataView: the fields that types declares, in declared order, with their values as
// hashed. Nothing of the dApp's JSON is read here, so nothing can be shown that is not signed.
// Above them: one sentence saying what it is, and for a permit (EIP-2612, Permit2) what it
// allows (spender, token, amount, until when), read by the worker from the same view
// (wallet/insight/typed.js), with the warnings. Hidden characters in any text are marked.
import { h } from '../ui/dom.js';
import { namedAddress, addressWords } from '../ui/address.js';
import { tokenAmount, formatDeadline } from '../ui/format.js';
import { t } from '../../shared/i18n.js';
import { expiry } from './call-view.js';
import { markHidden } from './message-view.js';
import { warningList, warningLine, hiddenTokenText, hiddenCharsText } from './approval-warnings.js';

/** Text with each hidden character marked; `count.n` counts them. */
function marked(text, count) {
  const { nodes, count: n } = markHidden(text);
  count.n += n;
  return nodes;
}

/** One declared field (or array item when `name` is absent) as a labelled row. */
function field(node, count) {
  return h('div', { class: 'row', testid: 'typed-field' },
    h('dt', {}, h('span', { class: 'name' }, marked(node.name ?? '', count)), ' ', h('small', { class: 'type' }, marked(node.type, count))),
    h('dd', {}, value(node, count)));
}

/** A value: a struct's fields, an array's items, or the atomic value as hashed. */
function value(node, count) {
  if (node.fields) return h('dl', { class: 'fields' }, node.fields.map((f) => field(f, count)));
  if (node.items) {
    if (node.items.length === 0) return h('span', { class: 'empty' }, t('typed_empty_list'));
    return h('ol', { class: 'items' }, node.items.map((item) => h('li', {}, value(item, count))));
  }
  if (node.value === null) return h('span', { class: 'empty' }, t('typed_empty_struct'));
  return h('span', { class: 'value' }, marked(node.value, count));
}

const list = (nodes, testid, count) => h('dl', { class: 'fields', testid }, nodes.map((n) => field(n, count)));

const domainValue = (view, name) => view.domain.find((f) => f.name === name && typeof f.value === 'string')?.value ?? null;
const tokenWords = (token, nameOf) => token.symbol ?? token.name ?? addressWords(token.address, nameOf);

/** The plain sentence of typed data: what a permit allows, else what is signed for whom. */
function sentence(view, permit, nameOf) {
  const who = addressWords(permit?.spender ?? '', nameOf);
  const grants = (permit?.grants ?? []).map((g) => tokenAmount(g.amount, g.token, g.bits)).join(', ');
  switch (permit?.kind) {
    case 'permit':
      return t('typed_permit', { spender: who, grants, deadline: formatDeadline(permit.deadline) });
    case 'permit2-allowance':
      return permit.grants.length === 1
        ? t('typed_permit2_allowance_until', { spender: who, grants, until: expiry(permit.grants[0].expiration) })
        : t('typed_permit2_allowance', { spender: who, grants });
    case 'permit2-transfer':
      return t('typed_permit2_transfer', { spender: who, grants, deadline: formatDeadline(permit.deadline) });
    default: {
      const app = domainValue(view, 'name');
      const contract = domainValue(view, 'verifyingContract');
      const params = { type: view.primaryType, app, contract: contract ? addressWords(contract, nameOf) : null };
      // Keys: typed_sign_domain, typed_sign_domain_app, typed_sign_domain_contract, typed_sign_domain_app_contract,
      // typed_sign, typed_sign_app, typed_sign_contract, typed_sign_app_contract.
      const where = `${app ? '_app' : ''}${contract ? '_contract' : ''}`;
      return t(`${view.domainOnly ? 'typed_sign_domain' : 'typed_sign'}${where}`, params);
    }
  }
}

/** A token's name and symbol as the node gives them, or what is unknown about it. */
function tokenLabel(token) {
  const label = [token.name, token.symbol && token.symbol !== token.name ? `(${token.symbol})` : null].filter(Boolean).join(' ');
  if (label) return h('span', { class: 'token-label' }, label);
  return h('span', { class: 'muted small' }, t(token.code === false ? 'typed_token_no_contract' : 'typed_token_unnamed'));
}

/** What a permit allows, as rows: spender, each token and amount (and expiry), the deadline. */
function permitRows(permit, nameOf, row) {
  const grants = permit.grants.flatMap((g, i) => {
    // Keys: typed_token, typed_amount, typed_expires, and their _n forms (one of several grants).
    const label = (key) => (permit.grants.length > 1 ? t(`${key}_n`, { n: i + 1 }) : t(key));
    return [
      row(label('typed_token'), h('span', {}, tokenLabel(g.token), namedAddress(g.token.address, nameOf, { testid: 'permit-token' }))),
      row(label('typed_amount'), h('span', { testid: 'permit-amount' }, tokenAmount(g.amount, g.token, g.bits))),
      g.expiration !== undefined ? row(label('typed_expires'), h('span', { testid: 'permit-expiration' }, expiry(g.expiration))) : null,
    ];
  });
  const deadline = t(permit.kind === 'permit2-allowance' ? 'typed_signature_valid_until' : 'typed_valid_until');
  return h('dl', { testid: 'permit-details' },
    row(t('typed_spender'), namedAddress(permit.spender, nameOf, { testid: 'permit-spender' })),
    grants,
    row(deadline, h('span', { testid: 'permit-deadline' }, formatDeadline(permit.deadline))),
    permit.witness ? row(t('typed_also_signed'), t('typed_witness')) : null);
}

/**
 * The approval body for `{ account, view, insight }`, as a flat list of nodes. `row(label,
 * value, testid)` is the approval window's label/value row; `nameOf` names the user's accounts.
 */
export function typedDataBody({ account, view, insight }, row, nameOf, network) {
  const count = { n: 0 };
  const domain = list(view.domain, 'approval-domain', count);
  const message = view.domainOnly ? null : list(view.message, 'approval-message-fields', count);
  const permit = insight?.permit ?? null;
  const body = [h('p', { class: 'summary', testid: 'approval-summary' }, sentence(view, permit, nameOf))];
  body.push(...warningList(insight?.warnings, { nameOf, network }));
  if (count.n > 0) {
    body.push(warningLine('hidden-characters', hiddenCharsText('request', count.n)));
  }
  for (const g of permit?.grants ?? []) if (g.token.hidden) body.push(warningLine('hidden-characters', hiddenTokenText(g.token, nameOf)));
  if (permit) body.push(h('h2', {}, t('typed_what_it_allows')), permitRows(permit, nameOf, row));
  body.push(h('dl', {},
    row(t('typed_account'), namedAddress(account, nameOf, { testid: 'approval-account' })),
    row(t('typed_type'), view.primaryType, 'approval-primary-type'),
    row(t('typed_chain'), view.chainId ?? t('typed_any_chain'), 'approval-chain')));
  if (view.domainOnly) body.push(h('p', { class: 'warning', testid: 'approval-domain-only' }, t('typed_domain_only')));
  body.push(h('h2', {}, t('typed_domain')), domain);
  if (message) body.push(h('h2', {}, t('typed_message')), h('div', { testid: 'approval-message' }, message));
  if (insight?.unreachable) body.push(h('p', { class: 'notice' }, t('typed_unreachable')));
  return body;
}
