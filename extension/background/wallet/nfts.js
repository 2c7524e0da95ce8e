// ERC-721 NFTs the user added through wallet_watchAsset, per chain, and the owner of their
// stored record: nfts = { [chainId]: [{ address, tokenId, symbol }] } (EIP-55 address, tokenId in
// decimal, the contract's symbol() or null). Before one is kept its contract is read on the
// network's node: it must have code and say who owns the token (ownerOf). Only public data.
import * as store from '../platform/store.js';
import * as networks from './networks.js';
import { network, checksummed, decodeSymbol } from './tokens.js';
import { CHAIN_DISCONNECTED } from '../../shared/rpc-errors.js';
import { isHexData } from './hex.js';
import { userError } from '../../shared/wallet-errors.js';

const OWNER_OF = '0x6352211e'; // ownerOf(uint256)
const SYMBOL = '0x95d89b41'; // symbol()
const MAX_PER_CHAIN = 1000;

const listOn = (nfts, chainId) => nfts[chainId] ?? [];
const same = (a, b) => a.address.toLowerCase() === b.address.toLowerCase() && a.tokenId === b.tokenId;

/** A token id (decimal or 0x hex string, or a safe integer) as a decimal string; null if it is none. */
export function tokenIdOf(value) {
  let n;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) n = BigInt(value);
  else if (typeof value === 'string' && /^(0|[1-9][0-9]{0,77})$/.test(value)) n = BigInt(value);
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)) n = BigInt(value);
  else return null;
  return n < 2n ** 256n ? n.toString(10) : null;
}

/** An eth_call's result, or null when the contract reverts or answers nothing (an unreachable node throws). */
async function call(net, to, data) {
  try {
    const result = await networks.rpc('eth_call', [{ to, data }, 'latest'], net);
    return isHexData(result) && result !== '0x' ? result : null;
  } catch (e) {
    if (e?.code === CHAIN_DISCONNECTED) throw e;
    return null;
  }
}

/**
 * `{ address (EIP-55), tokenId, symbol, owner (EIP-55), added }` of token `tokenId` of the
 * ERC-721 contract at `address` on that chain, as the contract answers (nothing is stored).
 */
export async function inspect(chainId, address, tokenId) {
  const net = await network(chainId);
  const checked = await checksummed(address);
  const code = await networks.rpc('eth_getCode', [checked, 'latest'], net);
  if (code === '0x' || code === '0x0') throw userError('error_nft_no_contract', { address: checked, network: net.name });
  const owner = await call(net, checked, `${OWNER_OF}${BigInt(tokenId).toString(16).padStart(64, '0')}`);
  if (!owner || owner.length !== 66) throw userError('error_nft_no_owner', { address: checked, network: net.name, tokenId });
  const symbol = decodeSymbol(await call(net, checked, SYMBOL));
  const nft = { address: checked, tokenId, symbol };
  const added = listOn((await store.read()).nfts, net.chainId).some((n) => same(n, nft));
  return { ...nft, owner: await checksummed(`0x${owner.slice(-40)}`), added };
}

/** Keeps the NFT on that chain (nothing changes when it is already there). */
export async function add(chainId, { address, tokenId, symbol }) {
  const net = await network(chainId);
  const nft = { address, tokenId, symbol };
  await store.update(({ nfts }) => {
    const list = listOn(nfts, net.chainId);
    if (list.some((n) => same(n, nft))) return null;
    if (list.length >= MAX_PER_CHAIN) throw userError('error_nft_too_many', { max: MAX_PER_CHAIN });
    return { nfts: { ...nfts, [net.chainId]: [...list, nft] } };
  });
}

/** The chain's NFTs. */
export async function list(chainId) {
  const net = await network(chainId);
  return listOn((await store.read()).nfts, net.chainId);
}

/** Forgets an NFT; INVALID_ARGUMENT (nothing changed) when it is not in the list. */
export async function remove(chainId, address, tokenId) {
  const net = await network(chainId);
  await store.update(({ nfts }) => {
    const all = listOn(nfts, net.chainId);
    const rest = all.filter((n) => !(n.address.toLowerCase() === String(address).toLowerCase() && n.tokenId === tokenId));
    if (rest.length === all.length) throw userError('error_nft_not_listed');
    const { [net.chainId]: _removed, ...others } = nfts;
    return { nfts: rest.length ? { ...others, [net.chainId]: rest } : others };
  });
}
