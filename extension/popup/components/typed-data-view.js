// The body of a typed-data approval (eth_signTypedData_v4): exactly what the core hashes, from
// its typedDataView: the fields that types declares, in declared order, with their values as
// hashed. Nothing of the dApp's JSON is read here, so nothing can be shown that is not signed.
// Above them: one sentence saying what it is, and for a permit (EIP-2612, Permit2) what it
// allows (spender, token, amount, until when), read by the worker from the same view
// (wallet/insight/typed.js), with the warnings. Hidden characters in any text are marked.
import { h } from '../ui/dom.js';
import { namedAddress, addressWords } from '../ui/address.js';
import { tokenAmount, formatDeadline } from '../ui/format.js';
import { markHidden } from './message-view.js';
import { warningList, warningLine, hiddenTokenText } from './approval-warnings.js';

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
    if (node.items.length === 0) return h('span', { class: 'empty' }, 'empty list');
    return h('ol', { class: 'items' }, node.items.map((item) => h('li', {}, value(item, count))));
  }
  if (node.value === null) return h('span', { class: 'empty' }, 'null (an empty struct)');
  return h('span', { class: 'value' }, marked(node.value, count));
}

const list = (nodes, testid, count) => h('dl', { class: 'fields', testid }, nodes.map((n) => field(n, count)));

const domainValue = (view, name) => view.domain.find((f) => f.name === name && typeof f.value === 'string')?.value ?? null;
const tokenWords = (token, nameOf) => token.symbol ?? token.name ?? addressWords(token.address, nameOf);
const expiry = (seconds) => (BigInt(seconds) === 0n ? 'this block only (0)' : formatDeadline(seconds));

/** The plain sentence of typed data: what a permit allows, else what is signed for whom. */
function sentence(view, permit, nameOf) {
  const who = addressWords(permit?.spender ?? '', nameOf);
  const grants = (permit?.grants ?? []).map((g) => tokenAmount(g.amount, g.token, g.bits)).join(', ');
  switch (permit?.kind) {
    case 'permit':
      return `Allow ${who} to spend ${grants} of yours, with this signature alone, until ${formatDeadline(permit.deadline)}.`;
    case 'permit2-allowance':
      return `Allow ${who} to spend ${grants} of yours through Permit2${permit.grants.length === 1 ? `, until ${expiry(permit.grants[0].expiration)}` : ''}.`;
    case 'permit2-transfer':
      return `Let ${who} take ${grants} from your account once, through Permit2, until ${formatDeadline(permit.deadline)}.`;
    default: {
      const app = domainValue(view, 'name');
      const contract = domainValue(view, 'verifyingContract');
      const where = [app ? `"${app}"` : null, contract ? `the contract ${addressWords(contract, nameOf)}` : null].filter(Boolean).join(' at ');
      return view.domainOnly ? `Sign only a domain${where ? ` for ${where}` : ''}.` : `Sign a ${view.primaryType} message${where ? ` for ${where}` : ''}.`;
    }
  }
}

/** A token's name and symbol as the node gives them, or what is unknown about it. */
function tokenLabel(token) {
  const label = [token.name, token.symbol && token.symbol !== token.name ? `(${token.symbol})` : null].filter(Boolean).join(' ');
  if (label) return h('span', { class: 'token-label' }, label);
  return h('span', { class: 'muted small' }, token.code === false ? 'no contract at this address on this network' : 'a token that does not give its name');
}

/** What a permit allows, as rows: spender, each token and amount (and expiry), the deadline. */
function permitRows(permit, nameOf, row) {
  const grants = permit.grants.flatMap((g, i) => {
    const n = permit.grants.length > 1 ? ` ${i + 1}` : '';
    return [
      row(`Token${n}`, h('span', {}, tokenLabel(g.token), namedAddress(g.token.address, nameOf, { testid: 'permit-token' }))),
      row(`Amount${n}`, h('span', { testid: 'permit-amount' }, tokenAmount(g.amount, g.token, g.bits))),
      g.expiration !== undefined ? row(`Expires${n}`, h('span', { testid: 'permit-expiration' }, expiry(g.expiration))) : null,
    ];
  });
  const deadline = permit.kind === 'permit2-allowance' ? 'Signature valid until' : 'Valid until';
  return h('dl', { testid: 'permit-details' },
    row('Spender', namedAddress(permit.spender, nameOf, { testid: 'permit-spender' })),
    grants,
    row(deadline, h('span', { testid: 'permit-deadline' }, formatDeadline(permit.deadline))),
    permit.witness ? row('Also signed', 'a witness: the extra field below, which the spender’s contract checks') : null);
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
    body.push(warningLine('hidden-characters', `This request contains ${count.n} invisible or control character${count.n === 1 ? '' : 's'}, marked ⟨U+…⟩ below. They can hide or reorder what you read. Reject unless you know why they are there.`));
  }
  for (const g of permit?.grants ?? []) if (g.token.hidden) body.push(warningLine('hidden-characters', hiddenTokenText(g.token, nameOf)));
  if (permit) body.push(h('h2', {}, 'What it allows'), permitRows(permit, nameOf, row));
  body.push(h('dl', {},
    row('Account', namedAddress(account, nameOf, { testid: 'approval-account' })),
    row('Type', view.primaryType, 'approval-primary-type'),
    row('Chain', view.chainId ?? 'any chain: no chainId is signed', 'approval-chain')));
  if (view.domainOnly) body.push(h('p', { class: 'warning', testid: 'approval-domain-only' }, 'This signs only the domain: no message is signed.'));
  body.push(h('h2', {}, 'Domain'), domain);
  if (message) body.push(h('h2', {}, 'Message'), h('div', { testid: 'approval-message' }, message));
  if (insight?.unreachable) body.push(h('p', { class: 'notice' }, 'The node did not answer every question about the contracts: what it did not say is shown as unknown.'));
  return body;
}
