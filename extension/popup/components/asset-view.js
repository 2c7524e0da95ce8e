// The approval window's body for wallet_watchAsset: the token as its contract on the chain
// describes it (never the site's own image or words), and the list it will join.
import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/** Rows for `d` = { network, asset: { type, address, symbol, decimals? | tokenId, owner } }; `row` draws one. */
export function assetBody(d, row) {
  const { network, asset } = d;
  const rows = asset.type === 'ERC721'
    ? [
      row(t('approve_asset_collection'), asset.symbol ?? t('approve_asset_no_symbol'), 'approval-token-symbol'),
      row(t('approve_asset_token_id'), asset.tokenId, 'approval-token-id'),
      row(t('approve_asset_owner'), asset.owner, 'approval-token-owner'),
    ]
    : [
      row(t('approve_asset_symbol'), asset.symbol, 'approval-token-symbol'),
      row(t('approve_asset_decimals'), String(asset.decimals), 'approval-token-decimals'),
    ];
  return [
    h('p', {}, t(asset.type === 'ERC721' ? 'approve_asset_nft_summary' : 'approve_asset_token_summary')),
    h('dl', {},
      row(t('tx_network'), t('tx_network_value', { name: network.name, chainId: Number(network.chainId) })),
      row(t('approve_asset_contract'), asset.address, 'approval-token-address'),
      ...rows),
  ];
}
