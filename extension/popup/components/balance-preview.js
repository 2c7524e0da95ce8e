// The balance-change preview of a transaction: what the account sends and receives, simulated
// by the selected network's own node (wallet/insight/simulate.js). Each row is a
// balance-change element (data-asset ETH or the token's address, data-delta the signed change
// in the asset's smallest unit); when the node could not simulate, preview-unavailable says
// so, and nothing is guessed. The network fee is not in the rows: it is the "Max fee" below.
import { h } from '../ui/dom.js';
import { formatAmount } from '../ui/format.js';
import { addressWords } from '../ui/address.js';
import { t } from '../../shared/i18n.js';

/** A row's text: "+12.5 KST", "−0.01 ETH", "+1 NFT #42 of Collection". */
export function changeText(c, network, nameOf) {
  const delta = BigInt(c.delta);
  const sign = delta < 0n ? '−' : '+';
  const magnitude = delta < 0n ? -delta : delta;
  const label = c.token?.symbol ?? c.token?.name ?? (c.asset === 'ETH' ? network.symbol : addressWords(c.asset, nameOf));
  if (c.standard === 'native') return `${sign}${formatAmount(magnitude, 18, Infinity)} ${network.symbol}`;
  if (c.standard === 'erc721') return t('insight_change_nft', { sign, count: magnitude, id: c.tokenId, collection: c.token?.name ?? label });
  if (c.standard === 'erc1155') return t('insight_change_multi', { sign, count: magnitude, id: c.tokenId, collection: c.token?.name ?? label });
  if (c.token?.decimals === null || c.token?.decimals === undefined) return `${sign}${t('approve_amount_raw', { amount: magnitude, token: label })}`;
  return `${sign}${formatAmount(magnitude, c.token.decimals, Infinity)} ${label}`;
}

const UNAVAILABLE = {
  unsupported: (network) => t('insight_preview_unsupported', { network: network.name }),
  failed: (network, message) => t('insight_preview_failed', { network: network.name, reason: message }),
};

/** The preview section of review `d` (its `preview`, `revert`, `network`). */
export function balancePreview(d, nameOf) {
  const p = d.preview;
  if (!p) return [];
  if (p.status !== 'ok') return [h('p', { class: 'notice', testid: 'preview-unavailable' }, UNAVAILABLE[p.why]?.(d.network, p.message) ?? UNAVAILABLE.failed(d.network, p.message))];
  const title = h('h2', {}, t('insight_balance_changes'));
  if (d.revert) return [title, h('p', { class: 'muted', testid: 'balance-none' }, t('insight_balance_none_revert'))];
  if (p.changes.length === 0) return [title, h('p', { class: 'muted', testid: 'balance-none' }, t('insight_balance_none'))];
  return [title, h('ul', { class: 'changes', testid: 'balance-changes' }, p.changes.map((c) => h('li', {
    class: BigInt(c.delta) < 0n ? 'out' : 'in',
    testid: 'balance-change',
    'data-asset': c.asset,
    'data-delta': c.delta,
    'data-token-id': c.tokenId,
  }, changeText(c, d.network, nameOf)))),
  h('p', { class: 'muted small' }, t('insight_simulated_by', { network: d.network.name, via: p.via }))];
}
