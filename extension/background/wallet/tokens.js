// Tokens the user added, per chain (store.js `tokens`): an ERC-20 contract is checked on the
// network's node before it is kept (code at the address, symbol() and decimals() answered), and
// balances are read with balanceOf. Only public data: addresses, symbols, decimals.
import * as store from '../platform/store.js';
import * as networks from './networks.js';
import * as core from './core.js';
import { CHAIN_DISCONNECTED } from '../../shared/rpc-errors.js';
import { isAddress, isHexData, hexToBytes, bytesToHex } from './hex.js';
import { userError } from '../../shared/wallet-errors.js';

const SYMBOL = '0x95d89b41'; // symbol()
const DECIMALS = '0x313ce567'; // decimals()
const BALANCE_OF = '0x70a08231'; // balanceOf(address)
const TRANSFER = '0xa9059cbb'; // transfer(address,uint256)
// The backup file's check (backup-settings.js) accepts symbols up to this length.
const SYMBOL_MAX = 16;
const DECIMALS_MAX = 36;

/** The known network with that chain id; INVALID_ARGUMENT otherwise. */
export async function network(chainId) {
  const found = await networks.find(networks.normalizeChainId(chainId));
  if (!found) throw userError('error_unknown_network');
  return found;
}

/** The EIP-55 address, or an error that says what an address looks like. */
export async function checksummed(address) {
  const text = typeof address === 'string' ? address.trim() : '';
  if (!isAddress(text)) {
    throw userError('error_not_contract_address');
  }
  try {
    return await core.toChecksumAddress(text);
  } catch {
    throw userError('error_address_checksum');
  }
}

const listOn = (tokens, chainId) => tokens[chainId] ?? [];
const same = (a, b) => a.toLowerCase() === b.toLowerCase();

function refuseDuplicate(tokens, chainId, address) {
  const known = listOn(tokens, chainId).find((t) => same(t.address, address));
  if (known) throw userError('error_token_already_added', { symbol: known.symbol, address: known.address });
}

/** An eth_call's result; a revert or node error (other than an unreachable node) becomes `notToken`. */
async function call(net, to, data, notToken) {
  try {
    return await networks.rpc('eth_call', [{ to, data }, 'latest'], net);
  } catch (e) {
    if (e?.code === CHAIN_DISCONNECTED) throw e;
    throw notToken;
  }
}

/** The bytes of a `0x` hex string, or null. */
function bytes(hex) {
  return isHexData(hex) ? hexToBytes(hex) : null;
}

const word = (b, at) => BigInt(bytesToHex(b.subarray(at, at + 32)));

/**
 * A symbol() return: an ABI `string` (offset, length, bytes), or the old `bytes32` form (MKR,
 * SAI) padded with zeros. Null when it is neither or is not readable text.
 */
export function decodeSymbol(hex) {
  const b = bytes(hex);
  if (!b) return null;
  let raw;
  if (b.length === 32) {
    const end = b.indexOf(0);
    raw = b.subarray(0, end === -1 ? 32 : end);
  } else if (b.length >= 64) {
    const offset = word(b, 0);
    if (offset > BigInt(b.length - 32)) return null;
    const length = word(b, Number(offset));
    const start = Number(offset) + 32;
    if (length > BigInt(b.length - start)) return null;
    raw = b.subarray(start, start + Number(length));
  } else {
    return null;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw).trim();
  } catch {
    return null;
  }
  if (text.length === 0 || text.length > SYMBOL_MAX || /[\u0000-\u001f\u007f]/.test(text)) return null;
  return text;
}

/** A decimals() return: one 32-byte word holding 0..36; null otherwise. */
export function decodeDecimals(hex) {
  const b = bytes(hex);
  if (!b || b.length !== 32) return null;
  const value = word(b, 0);
  return value <= BigInt(DECIMALS_MAX) ? Number(value) : null;
}

/** Checks the contract on the chain's node and keeps it; returns the stored token. */
export async function add(chainId, address) {
  const net = await network(chainId);
  const checked = await checksummed(address);
  refuseDuplicate((await store.read()).tokens, net.chainId, checked);
  const token = await read(net, checked);
  // Checked again in the write's turn: another popup may have added it meanwhile.
  await store.update(({ tokens }) => {
    refuseDuplicate(tokens, net.chainId, checked);
    return { tokens: { ...tokens, [net.chainId]: [...listOn(tokens, net.chainId), token] } };
  });
  return token;
}

/**
 * `{ address (EIP-55), symbol, decimals, added }` of the ERC-20 at `address` on that chain, as
 * its contract answers (nothing is stored); `added` tells whether the list already has it.
 */
export async function inspect(chainId, address) {
  const net = await network(chainId);
  const checked = await checksummed(address);
  const added = listOn((await store.read()).tokens, net.chainId).some((t) => same(t.address, checked));
  return { ...(await read(net, checked)), added };
}

/** The token as the contract at `checked` answers symbol() and decimals(); INVALID_ARGUMENT when it is none. */
async function read(net, checked) {
  const code = await networks.rpc('eth_getCode', [checked, 'latest'], net);
  if (code === '0x' || code === '0x0') {
    throw userError('error_token_no_contract', { address: checked, network: net.name });
  }
  const notToken = userError('error_not_erc20', { address: checked, network: net.name });
  const symbol = decodeSymbol(await call(net, checked, SYMBOL, notToken));
  const decimals = decodeDecimals(await call(net, checked, DECIMALS, notToken));
  if (symbol === null) throw userError('error_token_bad_symbol', { address: checked, max: SYMBOL_MAX });
  if (decimals === null) throw userError('error_token_bad_decimals', { address: checked, max: DECIMALS_MAX });
  return { address: checked, symbol, decimals };
}

/** Forgets a token on a chain; INVALID_ARGUMENT (nothing changed) when it is not in the list. */
export async function remove(chainId, address) {
  const net = await network(chainId);
  await store.update(({ tokens }) => {
    const list = listOn(tokens, net.chainId);
    const rest = typeof address === 'string' ? list.filter((t) => !same(t.address, address)) : list;
    if (rest.length === list.length) throw userError('error_token_not_listed');
    const { [net.chainId]: _removed, ...others } = tokens;
    return { tokens: rest.length ? { ...others, [net.chainId]: rest } : others };
  });
}

const word32 = (hex) => hex.slice(2).toLowerCase().padStart(64, '0');

/** The eth_call of `owner`'s balanceOf at `token`. */
const balanceCall = (token, owner) => ['eth_call', [{ to: token.address, data: `${BALANCE_OF}${word32(owner)}` }, 'latest']];

/** A balanceOf return as a bigint; throws when the answer is not an amount. */
function amountIn(result, token) {
  const b = bytes(result);
  if (!b || b.length !== 32) throw new Error(`${token.symbol} answered balanceOf with something that is not an amount.`);
  return word(b, 0);
}

/** `owner`'s balanceOf at `token` on `net`, as a bigint; throws when the answer is not an amount. */
export async function balanceOf(net, token, owner) {
  return amountIn(await networks.rpc(...balanceCall(token, owner), net), token);
}

/**
 * The chain's tokens with `owner`'s balanceOf as `0x` hex, read in one JSON-RPC batch (one
 * request to the node however many tokens). A token whose call fails gets `balance: null` and
 * the reason, so one broken contract does not hide the others; an unreachable node fails them all.
 */
export async function balances(chainId, owner) {
  const net = await network(chainId);
  const holder = await checksummed(owner);
  const list = listOn((await store.read()).tokens, net.chainId);
  let answers;
  try {
    answers = await networks.batch(list.map((token) => balanceCall(token, holder)), net);
  } catch (e) {
    return list.map((token) => ({ ...token, balance: null, error: String(e?.message ?? e) }));
  }
  return list.map((token, i) => {
    const { result, error } = answers[i];
    try {
      if (error) throw error;
      return { ...token, balance: `0x${amountIn(result, token).toString(16)}` };
    } catch (e) {
      return { ...token, balance: null, error: String(e?.message ?? e) };
    }
  });
}

/** The token of the list on `chainId` at `address` (any case), or null. */
export async function find(chainId, address) {
  if (typeof address !== 'string') return null;
  return listOn((await store.read()).tokens, chainId).find((t) => same(t.address, address)) ?? null;
}

/** The call data of ERC-20 `transfer(to, amount)` (`amount` a bigint). */
export function transferData(to, amount) {
  return `${TRANSFER}${word32(to)}${amount.toString(16).padStart(64, '0')}`;
}

/** `{ to, amount }` (to lower case, amount a bigint) when `data` is exactly an ERC-20 transfer call; else null. */
export function decodeTransfer(data) {
  if (typeof data !== 'string' || data.length !== 2 + 8 + 128 || data.slice(0, 10).toLowerCase() !== TRANSFER) return null;
  const to = data.slice(10, 74).toLowerCase();
  if (!/^0{24}[0-9a-f]{40}$/.test(to) || !/^[0-9a-fA-F]{64}$/.test(data.slice(74))) return null;
  return { to: `0x${to.slice(24)}`, amount: BigInt(`0x${data.slice(74)}`) };
}
