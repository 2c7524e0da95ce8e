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
import { t } from '../../shared/i18n.js';

/** The rows (a <dl>) of the worker's review `d`; `nameOf` names the user's accounts. */
export function transactionRows(d, nameOf) {
  const symbol = d.network.symbol;
  const transfer = d.transfer;
  return h('dl', {},
    row(t('tx_network'), t('tx_network_value', { name: d.network.name, chainId: Number(d.network.chainId) })),
    row(t('tx_from'), namedAddress(d.account, nameOf, { testid: 'approval-from' })),
    row(t('tx_to'), d.to ? namedAddress(d.to, nameOf, { testid: 'approval-to' }) : h('span', { testid: 'approval-to' }, t('tx_new_contract'))),
    transfer ? row(t('tx_transfers'), `${exactAmount(transfer.amount, transfer.decimals)} ${transfer.symbol}`, 'approval-token-amount') : null,
    transfer ? row(t('tx_token_to'), namedAddress(transfer.to, nameOf, { testid: 'approval-token-to' })) : null,
    row(t('tx_amount'), `${exactEth(d.value)} ${symbol}`, 'approval-value'),
    row(t('tx_max_fee'), `${exactEth(BigInt(d.maxCost) - BigInt(d.value))} ${symbol}`, 'approval-fee'),
    row(t('tx_max_total'), `${exactEth(d.maxCost)} ${symbol}`),
    row(t('tx_nonce'), String(Number(d.nonce)), 'approval-nonce'),
    d.data !== '0x' ? row(t('tx_data'), h('code', { class: 'hex', testid: 'approval-data' }, d.data)) : null);
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
    d.unreachable ? h('p', { class: 'notice' }, t('tx_unreachable', { network: d.network.name })) : null,
    h('h2', {}, t('tx_heading')),
    transactionRows(d, nameOf),
  ].filter(Boolean);
}
