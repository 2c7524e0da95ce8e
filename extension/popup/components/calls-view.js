// The approval window's body for wallet_sendCalls (EIP-5792): every call of the batch, each as
// the transaction it will be with what it does, as a single transaction's window shows it
// (components/transaction-view.js: its sentence, warnings, balance changes, decoded call and
// rows), in the order they are sent, and what the whole batch can cost at most.
import { h, row } from '../ui/dom.js';
import { exactEth } from '../ui/format.js';
import { transactionReview } from './transaction-view.js';

/**
 * The body for `d` = { account, network, calls: [the worker's review of each transaction] };
 * `nameOf` names the user's accounts.
 */
export function callsBody(d, nameOf) {
  const n = d.calls.length;
  const total = d.calls.reduce((sum, c) => sum + BigInt(c.maxCost), 0n);
  return [
    h('p', { testid: 'approval-calls-note' }, `The site asks to send ${n} transaction${n === 1 ? '' : 's'}, one after another. `
      + 'They are not all-or-nothing: if one fails, those before it stay sent and those after it are not sent.'),
    ...d.calls.map((c, i) => h('section', { class: 'call', testid: 'approval-call', 'data-index': String(i) },
      h('h2', {}, `Transaction ${i + 1} of ${n}`),
      ...transactionReview(c, nameOf))),
    h('dl', {}, row('Max total, all', `${exactEth(total)} ${d.network.symbol}`, 'approval-calls-total')),
  ];
}
