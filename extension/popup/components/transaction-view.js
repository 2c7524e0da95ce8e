// A transaction as every review shows it (a dApp's approval window, Speed up and Cancel): the
// network, from, to, amount, maximum fee and total, nonce and data, every digit exact.
import { h, row } from '../ui/dom.js';
import { exactEth } from '../ui/format.js';

/** The rows of the worker's review `d` (wallet/transaction-view.js). */
export function transactionRows(d) {
  return h('dl', {},
    row('Network', `${d.network.name} (${Number(d.network.chainId)})`),
    row('From', d.account),
    row('To', d.to ?? 'new contract', 'approval-to'),
    row('Amount', `${exactEth(d.value)} ${d.network.symbol}`, 'approval-value'),
    row('Max fee', `${exactEth(BigInt(d.maxCost) - BigInt(d.value))} ${d.network.symbol}`, 'approval-fee'),
    row('Max total', `${exactEth(d.maxCost)} ${d.network.symbol}`),
    row('Nonce', String(Number(d.nonce)), 'approval-nonce'),
    d.data !== '0x' ? row('Data', h('code', { class: 'hex' }, d.data)) : null);
}
