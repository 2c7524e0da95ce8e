// A transaction as every review shows it (a dApp's approval window, the popup's Send review,
// Speed up and Cancel), from the worker's description (background/wallet/transaction-view.js):
// network, from, to, amount, the most the fee and the total can be, nonce, data, and for an
// ERC-20 transfer of a listed token, the token, its recipient and the amount; every digit exact.
// In a dApp's approval window also what it does (call-view.js), its warnings and the
// balance-change preview (balance-preview.js), from the worker's insight (wallet/insight/).
import { h, row } from '../ui/dom.js';
import { exactEth, exactAmount } from '../ui/format.js';
import { namedAddress } from '../ui/address.js';
import { callSummary, callDetails, callWarnings } from './call-view.js';
import { balancePreview } from './balance-preview.js';
import { warningList } from './approval-warnings.js';

/** The rows (a <dl>) of the worker's review `d`; `nameOf` names the user's accounts. */
export function transactionRows(d, nameOf) {
  const symbol = d.network.symbol;
  const t = d.transfer;
  return h('dl', {},
    row('Network', `${d.network.name} (${Number(d.network.chainId)})`),
    row('From', namedAddress(d.account, nameOf, { testid: 'approval-from' })),
    row('To', d.to ? namedAddress(d.to, nameOf, { testid: 'approval-to' }) : h('span', { testid: 'approval-to' }, 'new contract')),
    t ? row('Transfers', `${exactAmount(t.amount, t.decimals)} ${t.symbol}`, 'approval-token-amount') : null,
    t ? row('To (token)', namedAddress(t.to, nameOf, { testid: 'approval-token-to' })) : null,
    row('Amount', `${exactEth(d.value)} ${symbol}`, 'approval-value'),
    row('Max fee', `${exactEth(BigInt(d.maxCost) - BigInt(d.value))} ${symbol}`, 'approval-fee'),
    row('Max total', `${exactEth(d.maxCost)} ${symbol}`),
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
    d.unreachable ? h('p', { class: 'notice' }, `${d.network.name}'s node did not answer every question about the contracts: what it did not say is shown as unknown.`) : null,
    h('h2', {}, 'Transaction'),
    transactionRows(d, nameOf),
  ].filter(Boolean);
}
