// A transaction as every review shows it (a dApp's approval window, Speed up and Cancel): the
// network, from, to, amount, maximum fee and total, nonce and data, every digit exact; in a
// dApp's approval window also what it does (call-view.js), its warnings and the balance-change
// preview (balance-preview.js), from the worker's insight (wallet/insight/).
import { h, row } from '../ui/dom.js';
import { exactEth } from '../ui/format.js';
import { namedAddress } from '../ui/address.js';
import { callSummary, callDetails, callWarnings } from './call-view.js';
import { balancePreview } from './balance-preview.js';
import { warningList } from './approval-warnings.js';

/** The rows of the worker's review `d` (wallet/transaction-view.js); `nameOf` names the user's accounts. */
export function transactionRows(d, nameOf) {
  return h('dl', {},
    row('Network', `${d.network.name} (${Number(d.network.chainId)})`),
    row('From', namedAddress(d.account, nameOf, { testid: 'approval-from' })),
    row('To', d.to ? namedAddress(d.to, nameOf, { testid: 'approval-to' }) : h('span', { testid: 'approval-to' }, 'new contract')),
    row('Amount', `${exactEth(d.value)} ${d.network.symbol}`, 'approval-value'),
    row('Max fee', `${exactEth(BigInt(d.maxCost) - BigInt(d.value))} ${d.network.symbol}`, 'approval-fee'),
    row('Max total', `${exactEth(d.maxCost)} ${d.network.symbol}`),
    row('Nonce', String(Number(d.nonce)), 'approval-nonce'),
    d.data !== '0x' ? row('Data', h('code', { class: 'hex', testid: 'approval-data' }, d.data)) : null);
}

/**
 * A dApp transaction's approval body: the sentence, the warnings, the balance changes, the
 * decoded call, then the rows. A review without insight (Speed up, Cancel) is the rows alone.
 */
export function transactionReview(d, nameOf) {
  if (!d.call) return [transactionRows(d, nameOf)];
  return [
    callSummary(d, nameOf),
    ...warningList(d.warnings, { nameOf, network: d.network }),
    ...callWarnings(d, nameOf),
    ...balancePreview(d, nameOf),
    ...callDetails(d, nameOf),
    d.unreachable ? h('p', { class: 'note' }, `${d.network.name}'s node did not answer every question about the contracts: what it did not say is shown as unknown.`) : null,
    h('h2', {}, 'Transaction'),
    transactionRows(d, nameOf),
  ].filter(Boolean);
}
