// The live token approvals of an account on a network, from its own node: every ERC-20
// allowance, every ERC-721 single-token approval and every ERC-721/1155 operator approval the
// account ever set, found from the Approval and ApprovalForAll logs with the owner as topic 1
// (logs.js reads them in ranges the node accepts), then confirmed by reading the chain now
// (allowance, getApproved with ownerOf, isApprovedForAll): an approval since spent or reset is
// not listed. Each comes with what a revoke sends (`revoke`: { to, data }). Public data only.
import * as networks from './networks.js';
import * as core from './core.js';
import { getLogs } from './logs.js';
import { decodeSymbol, decodeDecimals } from './tokens.js';

/** keccak256("Approval(address,address,uint256)"): ERC-20 (3 topics) and ERC-721 (4 topics). */
export const APPROVAL = '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925';
/** keccak256("ApprovalForAll(address,address,bool)"): ERC-721 and ERC-1155. */
export const APPROVAL_FOR_ALL = '0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31';

const ALLOWANCE = '0xdd62ed3e'; // allowance(address,address)
const GET_APPROVED = '0x081812fc'; // getApproved(uint256)
const OWNER_OF = '0x6352211e'; // ownerOf(uint256)
const IS_APPROVED_FOR_ALL = '0xe985e9c5'; // isApprovedForAll(address,address)
const APPROVE = '0x095ea7b3'; // approve(address,uint256): ERC-20 and ERC-721
const SET_APPROVAL_FOR_ALL = '0xa22cb465'; // setApprovalForAll(address,bool)
const SYMBOL = '0x95d89b41'; // symbol()
const DECIMALS = '0x313ce567'; // decimals()
const ZERO = '0x0000000000000000000000000000000000000000';

/** An allowance at or above this is shown as unlimited: no token's supply comes near it. */
export const UNLIMITED = 2n ** 255n;

const word = (value) => BigInt(value).toString(16).padStart(64, '0');
const addressWord = (address) => address.slice(2).toLowerCase().padStart(64, '0');
const topicAddress = (topic) => `0x${topic.slice(-40)}`;
const same = (a, b) => a.toLowerCase() === b.toLowerCase();

/** An ABI word read as an address (null when it is not one) and as a number. */
function readAddress(result) {
  if (typeof result !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(result)) return null;
  return /^0x0{24}/.test(result) ? topicAddress(result) : null;
}
const readNumber = (result) => (typeof result === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(result) ? BigInt(result) : null);

/** What revoking the approval sends: to the token, no value. */
export function revokeCall(kind, token, spender, tokenId) {
  if (kind === 'erc20') return { to: token, data: `${APPROVE}${addressWord(spender)}${word(0)}` };
  if (kind === 'nft') return { to: token, data: `${APPROVE}${addressWord(ZERO)}${word(tokenId)}` };
  return { to: token, data: `${SET_APPROVAL_FOR_ALL}${addressWord(spender)}${word(0)}` };
}

/**
 * The last approval each log set, by what it approves: an ERC-20 allowance per (token,
 * spender), a single NFT per (token, tokenId), an operator per (token, operator).
 */
function candidates(logs) {
  const found = new Map();
  for (const log of logs) {
    const topics = log.topics ?? [];
    const token = log.address;
    let entry;
    if (topics[0] === APPROVAL_FOR_ALL && topics.length === 3) {
      entry = { kind: 'operator', token, spender: topicAddress(topics[2]) };
      entry.key = `operator:${token}:${entry.spender}`.toLowerCase();
    } else if (topics[0] === APPROVAL && topics.length === 3) {
      entry = { kind: 'erc20', token, spender: topicAddress(topics[2]) };
      entry.key = `erc20:${token}:${entry.spender}`.toLowerCase();
    } else if (topics[0] === APPROVAL && topics.length === 4) {
      entry = { kind: 'nft', token, spender: topicAddress(topics[2]), tokenId: BigInt(topics[3]) };
      entry.key = `nft:${token}:${entry.tokenId}`.toLowerCase();
    } else {
      continue;
    }
    entry.block = BigInt(log.blockNumber);
    found.set(entry.key, entry); // logs come in block order: the later one wins
  }
  return [...found.values()];
}

/** The calls that confirm `c` is live now, for a batch. */
export function checks(c, owner) {
  const call = (to, data) => ['eth_call', [{ to, data }, 'latest']];
  if (c.kind === 'erc20') return [call(c.token, `${ALLOWANCE}${addressWord(owner)}${addressWord(c.spender)}`)];
  if (c.kind === 'nft') return [call(c.token, `${GET_APPROVED}${word(c.tokenId)}`), call(c.token, `${OWNER_OF}${word(c.tokenId)}`)];
  return [call(c.token, `${IS_APPROVED_FOR_ALL}${addressWord(owner)}${addressWord(c.spender)}`)];
}

/**
 * The approval `c` as it stands now from its check results, or null when it is no longer live
 * (spent, reset, the NFT approved to someone else or no longer the owner's).
 */
export function live(c, results, owner) {
  if (results.some((r) => r.error)) return null;
  const [first, second] = results.map((r) => r.result);
  if (c.kind === 'erc20') {
    const allowance = readNumber(first);
    if (!allowance) return null;
    return { ...c, allowance, amount: allowance >= UNLIMITED ? 'unlimited' : allowance.toString() };
  }
  if (c.kind === 'nft') {
    const approved = readAddress(first);
    const holder = readAddress(second);
    if (!approved || same(approved, ZERO) || !holder || !same(holder, owner)) return null;
    return { ...c, spender: approved, amount: '1' };
  }
  return readNumber(first) === 1n ? { ...c, amount: 'unlimited' } : null;
}

/**
 * The live approvals of `owner` on `network`, newest first: `{ kind: 'erc20' | 'nft' |
 * 'operator', token, spender, tokenId? (decimal), amount ('unlimited' or the raw allowance in
 * decimal; '1' for a single NFT), unlimited, block (decimal), symbol (null when unreadable),
 * decimals (ERC-20 only, null when unreadable), spenderHasCode, revoke: { to, data } }`,
 * addresses EIP-55. An unreachable node, or one that refuses eth_getLogs even for one block,
 * rejects with its error.
 */
export async function scan(network, owner, { onRange } = {}) {
  const logs = await getLogs(network, { topics: [[APPROVAL, APPROVAL_FOR_ALL], `0x${addressWord(owner)}`] }, { onRange });
  const found = candidates(logs);
  const tokens = [...new Set(found.map((c) => c.token.toLowerCase()))];
  const spenders = [...new Set(found.map((c) => c.spender.toLowerCase()))];
  const calls = [
    ...found.flatMap((c) => checks(c, owner)),
    ...tokens.flatMap((t) => [['eth_call', [{ to: t, data: SYMBOL }, 'latest']], ['eth_call', [{ to: t, data: DECIMALS }, 'latest']]]),
    ...spenders.map((s) => ['eth_getCode', [s, 'latest']]),
  ];
  const answers = await networks.batch(calls, network);
  let at = 0;
  const confirmed = found.map((c) => {
    const n = c.kind === 'nft' ? 2 : 1;
    const results = answers.slice(at, at + n);
    at += n;
    return live(c, results, owner);
  });
  const meta = new Map(tokens.map((t) => {
    const [symbol, decimals] = [answers[at++], answers[at++]];
    return [t, { symbol: symbol.error ? null : decodeSymbol(symbol.result), decimals: decimals.error ? null : decodeDecimals(decimals.result) }];
  }));
  const code = new Map(spenders.map((s) => {
    const answer = answers[at++];
    return [s, !answer.error && typeof answer.result === 'string' && answer.result.length > 2 && answer.result !== '0x0'];
  }));
  const out = [];
  for (const c of confirmed.filter(Boolean)) {
    const { symbol, decimals } = meta.get(c.token.toLowerCase());
    const [token, spender] = await Promise.all([core.toChecksumAddress(c.token), core.toChecksumAddress(c.spender)]);
    out.push({
      kind: c.kind,
      token,
      spender,
      ...(c.kind === 'nft' ? { tokenId: c.tokenId.toString() } : {}),
      amount: c.amount,
      unlimited: c.amount === 'unlimited',
      block: c.block.toString(),
      symbol,
      decimals: c.kind === 'erc20' ? decimals : null,
      spenderHasCode: code.get(c.spender.toLowerCase()),
      revoke: revokeCall(c.kind, token, spender, c.tokenId),
    });
  }
  return out.sort((a, b) => (BigInt(b.block) > BigInt(a.block) ? 1 : BigInt(b.block) < BigInt(a.block) ? -1 : 0));
}
