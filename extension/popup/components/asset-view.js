// The approval window's body for wallet_watchAsset: the token as its contract on the chain
// describes it (never the site's own image or words), and the list it will join.
import { h } from '../ui/dom.js';

/** Rows for `d` = { network, asset: { type, address, symbol, decimals? | tokenId, owner } }; `row` draws one. */
export function assetBody(d, row) {
  const { network, asset } = d;
  const rows = asset.type === 'ERC721'
    ? [
      row('Collection', asset.symbol ?? 'no symbol', 'approval-token-symbol'),
      row('Token id', asset.tokenId, 'approval-token-id'),
      row('Owner', asset.owner, 'approval-token-owner'),
    ]
    : [
      row('Symbol', asset.symbol, 'approval-token-symbol'),
      row('Decimals', String(asset.decimals), 'approval-token-decimals'),
    ];
  return [
    h('p', {}, asset.type === 'ERC721'
      ? 'The site asks Keystead to list this NFT. It is read from its contract on the network below.'
      : 'The site asks Keystead to list this token with your tokens. Its symbol and decimals are read from its contract on the network below.'),
    h('dl', {},
      row('Network', `${network.name} (${Number(network.chainId)})`),
      row('Contract', asset.address, 'approval-token-address'),
      ...rows),
  ];
}
