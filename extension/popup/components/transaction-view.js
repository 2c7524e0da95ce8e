// A transaction as every review shows it (a dApp's approval window, the popup's Send review,
// Speed up and Cancel), from the worker's description (background/wallet/transaction-view.js):
// network, from, to, amount, the most the fee and the total can be, nonce, data, and for an
// ERC-20 transfer of a listed token, the token, its recipient and the amount; every digit exact.
import { h, row } from '../ui/dom.js';
import { exactEth, exactAmount } from '../ui/format.js';

/** The rows (a <dl>) of the worker's review `d`. */
export function transactionRows(d) {
  const symbol = d.network.symbol;
  const t = d.transfer;
  return h('dl', {},
    row('Network', `${d.network.name} (${Number(d.network.chainId)})`),
    row('From', d.account),
    row('To', d.to ?? 'new contract', 'approval-to'),
    t ? row('Transfers', `${exactAmount(t.amount, t.decimals)} ${t.symbol}`, 'approval-token-amount') : null,
    t ? row('To (token)', t.to, 'approval-token-to') : null,
    row('Amount', `${exactEth(d.value)} ${symbol}`, 'approval-value'),
    row('Max fee', `${exactEth(BigInt(d.maxCost) - BigInt(d.value))} ${symbol}`, 'approval-fee'),
    row('Max total', `${exactEth(d.maxCost)} ${symbol}`),
    row('Nonce', String(Number(d.nonce)), 'approval-nonce'),
    d.data !== '0x' ? row('Data', h('code', { class: 'hex' }, d.data)) : null);
}
