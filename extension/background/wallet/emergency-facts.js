// What each old account holds, read from the network's own node, for the emergency move's plan
// (emergency-plan.js): its ETH, its EIP-7702 delegation, every ERC-20 of the token list or
// received per the `Transfer` logs with a balance, every ERC-721 it received or the NFT list
// holds that it still owns, every ERC-1155 token it received (TransferSingle/TransferBatch logs)
// with a balance, its live approvals (approval-scan.js), and the node's gas estimate
// of each transfer and revoke. Public data only.
import * as networks from './networks.js';
import * as store from '../platform/store.js';
import { getLogs } from './logs.js';
import { scan } from './approval-scan.js';
import { delegateIn, CLEAR_GAS } from './delegation.js';
import { decodeSymbol, decodeDecimals } from './tokens.js';
import { TRANSFER, TRANSFER_SINGLE, TRANSFER_BATCH, addressTopic, receivedAssets, receivedMultiTokens } from './transfer-logs.js';
import { tokenTransferData, nftTransferData, multiTransferData } from './emergency-plan.js';

const BALANCE_OF = '0x70a08231'; // balanceOf(address)
const OWNER_OF = '0x6352211e'; // ownerOf(uint256)
const BALANCE_OF_ID = '0x00fdd58e'; // balanceOf(address,uint256): ERC-1155
const SYMBOL = '0x95d89b41';
const DECIMALS = '0x313ce567';

const word = (value) => BigInt(value).toString(16).padStart(64, '0');
const call = (to, data) => ['eth_call', [{ to, data }, 'latest']];
const amount = (answer) => (!answer.error && typeof answer.result === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(answer.result) ? BigInt(answer.result) : null);
const ownerIn = (answer) => (!answer.error && typeof answer.result === 'string' && /^0x0{24}[0-9a-fA-F]{40}$/.test(answer.result) ? `0x${answer.result.slice(-40)}`.toLowerCase() : null);

/** The node's gas estimate of each `{ from, to, data }`, in one batch (null where it would revert). */
async function estimates(network, txs) {
  const answers = await networks.batch(txs.map((t) => ['eth_estimateGas', [{ from: t.from, to: t.to, data: t.data, value: '0x0' }]]), network);
  return answers.map((a) => (a.error ? null : BigInt(a.result)));
}

/**
 * The facts of one old account `from` moving to `to` on `network`, as emergency-plan.js's
 * buildPlan takes them. A transfer or revoke the node says would revert is left out and listed
 * in `unmovable` ({ kind, token, tokenId?, reason, reasonKey }) for the plan screen to say (reasonKey:
 * the catalog's words for the English `reason`).
 */
export async function accountFacts(network, from, to) {
  const state = await store.read();
  const listedTokens = (state.tokens?.[network.chainId] ?? []).map((t) => t.address.toLowerCase());
  const listedNfts = (state.nfts?.[network.chainId] ?? []).map((n) => ({ token: n.address.toLowerCase(), tokenId: String(n.tokenId) }));
  const [logs, multiLogs, approvals, [balance, code]] = await Promise.all([
    getLogs(network, { topics: [TRANSFER, null, addressTopic(from)] }),
    getLogs(network, { topics: [[TRANSFER_SINGLE, TRANSFER_BATCH], null, null, addressTopic(from)] }),
    scan(network, from),
    networks.batch([['eth_getBalance', [from, 'latest']], ['eth_getCode', [from, 'latest']]], network),
  ]);
  const received = receivedAssets(logs);
  const tokens = [...new Set([...listedTokens, ...received.erc20])];
  const nftKeys = new Map([...received.nfts, ...listedNfts].map((n) => [`${n.token}:${n.tokenId}`, n]));
  const nfts = [...nftKeys.values()];
  const multi = receivedMultiTokens(multiLogs);
  const answers = await networks.batch([
    ...tokens.flatMap((t) => [call(t, `${BALANCE_OF}${addressTopic(from).slice(2)}`), call(t, SYMBOL), call(t, DECIMALS)]),
    ...nfts.flatMap((n) => [call(n.token, `${OWNER_OF}${word(n.tokenId)}`), call(n.token, SYMBOL)]),
    ...multi.flatMap((m) => [call(m.token, `${BALANCE_OF_ID}${addressTopic(from).slice(2)}${word(m.tokenId)}`), call(m.token, SYMBOL)]),
  ], network);
  let at = 0;
  const held = tokens.map((token) => {
    const [b, s, d] = answers.slice(at, at += 3);
    return { token, balance: amount(b) ?? 0n, symbol: s.error ? null : decodeSymbol(s.result), decimals: d.error ? null : decodeDecimals(d.result) };
  }).filter((t) => t.balance > 0n);
  const owned = nfts.map((n) => {
    const [o, s] = answers.slice(at, at += 2);
    return { ...n, owner: ownerIn(o), symbol: s.error ? null : decodeSymbol(s.result) };
  }).filter((n) => n.owner === from.toLowerCase());
  const heldMulti = multi.map((m) => {
    const [b, s] = answers.slice(at, at += 2);
    return { ...m, balance: amount(b) ?? 0n, symbol: s.error ? null : decodeSymbol(s.result) };
  }).filter((m) => m.balance > 0n);
  const txs = [
    ...held.map((t) => ({ from, to: t.token, data: tokenTransferData(to, t.balance) })),
    ...owned.map((n) => ({ from, to: n.token, data: nftTransferData(from, to, n.tokenId) })),
    ...heldMulti.map((m) => ({ from, to: m.token, data: multiTransferData(from, to, m.tokenId, m.balance) })),
    ...approvals.map((r) => ({ from, to: r.revoke.to, data: r.revoke.data })),
  ];
  const gas = await estimates(network, txs);
  const unmovable = [];
  const keep = (item, g, kind) => {
    if (g !== null) return { ...item, gas: g.toString() };
    unmovable.push({ kind, token: item.token, ...(item.tokenId !== undefined ? { tokenId: String(item.tokenId) } : {}), reason: 'the node says this call would fail', reasonKey: 'error_move_call_would_fail' });
    return null;
  };
  at = 0;
  const tokenFacts = held.map((t) => keep({ ...t, balance: t.balance.toString() }, gas[at++], 'token')).filter(Boolean);
  const nftFacts = owned.map(({ owner: _o, ...n }) => keep(n, gas[at++], 'nft')).filter(Boolean);
  const multiFacts = heldMulti.map((m) => keep({ ...m, balance: m.balance.toString() }, gas[at++], 'nft')).filter(Boolean);
  const approvalFacts = approvals.map((r) => keep(r, gas[at++], 'revoke')).filter(Boolean);
  const delegate = code.error ? null : await delegateIn(code.result);
  return {
    from,
    to,
    balance: amount(balance) ?? 0n,
    delegation: delegate ? { delegate, gas: CLEAR_GAS.toString() } : null,
    tokens: tokenFacts,
    nfts: nftFacts,
    multi: multiFacts,
    approvals: approvalFacts,
    unmovable,
  };
}
