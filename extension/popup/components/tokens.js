// The home screen's Tokens section: the selected network's added tokens with the selected
// account's balances, a remove per token, and "Add token" (screens/add-token.js); then the NFTs
// sites added (wallet_watchAsset), each with a remove.
import { h, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { formatAmount, explain } from '../ui/format.js';
import { t } from '../../shared/i18n.js';

/** The section for `account` on the selected network of `ctx.status`; errors of remove go to `error`. */
export function tokensSection({ status, go, refresh }, account, error) {
  const chainId = status.network.chainId;
  const list = h('ul', { class: 'tokens', testid: 'token-list' }, h('li', { class: 'muted' }, t('token_loading')));
  const add = h('button', { testid: 'token-add', onclick: () => go('add-token') }, t('token_add'));

  const item = (token) => {
    const remove = h('button', { testid: 'token-remove', 'aria-label': t('token_remove_label', { symbol: token.symbol }) }, t('token_remove'));
    remove.onclick = () => busy(remove, error, async () => {
      await call('removeToken', { chainId, address: token.address });
      refresh();
    });
    const amount = token.balance === null
      ? h('span', { class: 'muted', title: token.error }, t('balance_unavailable'))
      : h('span', { testid: 'token-amount' }, formatAmount(token.balance, token.decimals));
    return h('li', { testid: 'token-item', title: token.address },
      h('strong', { testid: 'token-symbol' }, token.symbol), ' ', amount, ' ', remove);
  };

  call('tokenBalances', { chainId, owner: account.address }).then(
    (tokens) => list.replaceChildren(...(tokens.length
      ? tokens.map(item)
      : [h('li', { class: 'muted' }, t('token_none', { network: status.network.name }))])),
    (e) => list.replaceChildren(h('li', { class: 'error', role: 'alert' }, t('token_unavailable', { reason: explain(e) }))),
  );
  return h('section', {}, h('h2', {}, t('token_title')), list, add, nftList(chainId, refresh, error));
}

/** The chain's NFTs (shown only when there are some). */
function nftList(chainId, refresh, error) {
  const list = h('ul', { class: 'tokens', testid: 'nft-list', hidden: true });
  const item = (nft) => {
    const remove = h('button', { testid: 'nft-remove', 'aria-label': t('nft_remove_label', { name: nft.symbol ?? 'NFT', id: nft.tokenId }) }, t('token_remove'));
    remove.onclick = () => busy(remove, error, async () => {
      await call('removeNft', { chainId, address: nft.address, tokenId: nft.tokenId });
      refresh();
    });
    return h('li', { testid: 'nft-item', title: nft.address, 'data-token-id': nft.tokenId }, h('strong', {}, nft.symbol ?? 'NFT'), ` #${nft.tokenId} `, remove);
  };
  call('nfts', { chainId }).then((nfts) => {
    list.hidden = nfts.length === 0;
    list.replaceChildren(...nfts.map(item));
  }, () => {});
  return list;
}
