// The approval window's body for wallet_watchAsset: the token as its contract on the chain
// describes it (never the site's own image or words), and the list it will join.
import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/** Rows for `d` = { network, asset: { type, address, symbol, decimals? | tokenId, owner } }; `row` draws one. */
export function assetBody(d, row) {
  const { network, asset } = d;
  const rows = asset.type === 'ERC721'
    ? [
      row(t('asset_collection'), asset.symbol ?? t('asset_no_symbol'), 'approval-token-symbol'),
      row(t('asset_token_id'), asset.tokenId, 'approval-token-id'),
      row(t('asset_owner'), asset.owner, 'approval-token-owner'),
    ]
    : [
      row(t('asset_symbol'), asset.symbol, 'approval-token-symbol'),
      row(t('asset_decimals'), String(asset.decimals), 'approval-token-decimals'),
    ];
  return [
    h('p', {}, asset.type === 'ERC721'
      ? t('asset_watch_nft')
      : t('asset_watch_token')),
    h('dl', {},
      row(t('asset_network'), `${network.name} (${Number(network.chainId)})`),
      row(t('asset_contract'), asset.address, 'approval-token-address'),
      ...rows),
  ];
}
