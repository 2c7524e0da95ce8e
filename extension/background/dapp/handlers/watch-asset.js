// wallet_watchAsset (EIP-747): a site suggests a token for the wallet's list. Accepted in
// MetaMask's object form `{ type, options }` and in the array form `[{ type, options }]`:
// - ERC20 `{ address, symbol?, decimals?, image? }` (decimals as a number or a string of digits):
//   the contract is read on the selected network's node, and a symbol or decimals the site gives
//   that differ from the contract's are refused (-32602) before any window opens;
// - ERC721 `{ address, tokenId }`: the contract must say who owns the token (ownerOf), and that
//   owner must be an account of this wallet;
// - ERC1155: refused (-32602), as MetaMask refuses it.
// The approval window shows the token as the chain describes it (never the site's image, which
// is not loaded); approved, the token joins the list the popup shows (wallet/tokens.js, or
// wallet/nfts.js for an NFT). Answers true; an ERC-20 already in the list answers true at once.
import * as tokens from '../../wallet/tokens.js';
import * as nfts from '../../wallet/nfts.js';
import * as networks from '../../wallet/networks.js';
import * as accounts from '../../wallet/accounts.js';
import * as approvals from '../../platform/approvals.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { isAddress } from '../../wallet/hex.js';

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const USAGE = 'wallet_watchAsset expects { type: "ERC20", options: { address, symbol, decimals } } or { type: "ERC721", options: { address, tokenId } }.';

/** A decimals value: a number or a string of digits, 0 to 36; undefined when absent. */
function decimalsOf(value) {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^[0-9]{1,2}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (!Number.isInteger(n) || n < 0 || n > 36) throw invalidParams(`decimals must be a whole number from 0 to 36 (a number or a string of digits), not ${JSON.stringify(value).slice(0, 40)}.`);
  return n;
}

function parse(params) {
  const request = Array.isArray(params) && params.length === 1 ? params[0] : params;
  if (!isRecord(request) || !isRecord(request.options)) throw invalidParams(USAGE);
  const type = typeof request.type === 'string' ? request.type.toUpperCase() : '';
  const { options } = request;
  if (type === 'ERC1155') {
    throw invalidParams('Keystead does not keep ERC-1155 tokens: wallet_watchAsset adds ERC-20 tokens and ERC-721 NFTs. Nothing was added.');
  }
  if (type !== 'ERC20' && type !== 'ERC721') throw invalidParams(`Keystead cannot watch assets of type ${JSON.stringify(String(request.type)).slice(0, 40)}. ${USAGE}`);
  if (!isAddress(options.address)) throw invalidParams('options.address must be the token contract\'s 0x-prefixed 20-byte address.');
  if (type === 'ERC721') {
    const tokenId = nfts.tokenIdOf(options.tokenId);
    if (tokenId === null) throw invalidParams('options.tokenId must be the NFT\'s token id, a decimal string (or a 0x hex string).');
    return { type, address: options.address, tokenId };
  }
  if (options.symbol !== undefined && (typeof options.symbol !== 'string' || options.symbol.trim() === '')) throw invalidParams('options.symbol must be the token\'s symbol as a string.');
  return { type, address: options.address, symbol: options.symbol?.trim(), decimals: decimalsOf(options.decimals) };
}

/** The wallet layer's INVALID_ARGUMENT (not a token, no contract) as the dApp's -32602. */
async function read(work) {
  try {
    return await work();
  } catch (e) {
    if (e?.code === 'INVALID_ARGUMENT') throw invalidParams(e.message);
    throw e;
  }
}

async function watchToken(origin, network, asset) {
  const token = await read(() => tokens.inspect(network.chainId, asset.address));
  if (asset.symbol !== undefined && asset.symbol !== token.symbol) {
    throw invalidParams(`The site says the token at ${token.address} is "${asset.symbol.slice(0, 20)}", but its contract says "${token.symbol}". Nothing was added.`);
  }
  if (asset.decimals !== undefined && asset.decimals !== token.decimals) {
    throw invalidParams(`The site says the token at ${token.address} has ${asset.decimals} decimals, but its contract says ${token.decimals}. Nothing was added.`);
  }
  if (token.added) return true;
  const details = { network: { name: network.name, chainId: network.chainId }, asset: { type: 'ERC20', address: token.address, symbol: token.symbol, decimals: token.decimals } };
  await approvals.request(origin, 'watch-asset', details, {
    // A popup may have added it meanwhile: then it is there, which is what the site asked.
    commit: () => read(() => tokens.add(network.chainId, token.address)).catch(async (e) => {
      if (!(await tokens.inspect(network.chainId, token.address)).added) throw e;
    }),
  });
  return true;
}

async function watchNft(origin, network, asset) {
  const nft = await read(() => nfts.inspect(network.chainId, asset.address, asset.tokenId));
  const notOurs = () => invalidParams(`Token ${nft.tokenId} of ${nft.address} belongs to ${nft.owner}, which is not an account of this wallet. Nothing was added.`);
  const owned = async () => (await accounts.list()).some((a) => a.address === nft.owner);
  // While unlocked the owner is checked at once; while locked, once the window was answered.
  if ((await accounts.list()).length > 0 && !(await owned())) throw notOurs();
  if (nft.added) return true;
  const details = { network: { name: network.name, chainId: network.chainId }, asset: { type: 'ERC721', address: nft.address, tokenId: nft.tokenId, symbol: nft.symbol, owner: nft.owner } };
  await approvals.request(origin, 'watch-asset', details, {
    commit: async () => {
      if (!(await owned())) throw notOurs();
      await read(() => nfts.add(network.chainId, nft));
    },
  });
  return true;
}

export const methods = {
  wallet_watchAsset: {
    validate: parse,
    handler: async ({ origin }, asset) => {
      const network = await networks.selected();
      return asset.type === 'ERC721' ? watchNft(origin, network, asset) : watchToken(origin, network, asset);
    },
  },
};
