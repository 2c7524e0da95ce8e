// The approval window's body for wallet_sendCalls (EIP-5792): every call of the batch, each as
// the transaction it will be with what it does, as a single transaction's window shows it
// (components/transaction-view.js: its sentence, warnings, balance changes, decoded call and
// rows), in the order they are sent, and what the whole batch can cost at most.
import { h, row } from '../ui/dom.js';
import { exactEth } from '../ui/format.js';
import { transactionReview } from './transaction-view.js';
import { t, tn } from '../../shared/i18n.js';

/**
 * The body for `d` = { account, network, calls: [the worker's review of each transaction] };
 * `nameOf` names the user's accounts.
 */
export function callsBody(d, nameOf) {
  const n = d.calls.length;
  const total = d.calls.reduce((sum, c) => sum + BigInt(c.maxCost), 0n);
  return [
    h('p', { testid: 'approval-calls-note' }, tn('calls_note', n)),
    ...d.calls.map((c, i) => h('section', { class: 'call', testid: 'approval-call', 'data-index': String(i) },
      h('h2', {}, t('calls_transaction_of', { index: i + 1, count: n })),
      ...transactionReview(c, nameOf))),
    h('dl', {}, row(t('calls_max_total'), `${exactEth(total)} ${d.network.symbol}`, 'approval-calls-total')),
  ];
}
