// Popup methods for the tokens the user added (background/wallet/tokens.js) and the NFTs sites
// added through wallet_watchAsset (wallet/nfts.js). Merged into the worker's popup method table
// by popup/api.js.
import * as tokens from '../wallet/tokens.js';
import * as nfts from '../wallet/nfts.js';
import { text } from './params.js';

export const TOKEN_METHODS = Object.freeze({
  /** Checks the contract on that chain's node and keeps it; returns the stored { address, symbol, decimals }. */
  addToken: ({ chainId, address }) => tokens.add(text(chainId, 'a chain id'), text(address, 'a contract address')),
  removeToken: async ({ chainId, address }) => {
    await tokens.remove(text(chainId, 'a chain id'), text(address, 'a contract address'));
    return true;
  },
  /** The chain's tokens, each with `owner`'s balance (`0x` hex, or null and `error`). */
  tokenBalances: ({ chainId, owner }) => tokens.balances(text(chainId, 'a chain id'), text(owner, 'an address')),
  /** The chain's NFTs `[{ address, tokenId, symbol }]`. */
  nfts: ({ chainId }) => nfts.list(text(chainId, 'a chain id')),
  removeNft: async ({ chainId, address, tokenId }) => {
    await nfts.remove(text(chainId, 'a chain id'), text(address, 'a contract address'), text(tokenId, 'a token id'));
    return true;
  },
});
