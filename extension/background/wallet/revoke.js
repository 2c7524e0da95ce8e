// Revoking approvals from the Approvals screen: each revoke is a transaction to the token
// (approve(spender, 0), approve(0x0, tokenId), setApprovalForAll(operator, false)), prepared for
// the same review as a Send (transactions.fill, transaction-view.js) and then signed, broadcast
// and recorded through Send's confirm (send.js → transactions.js), one at a time, each with the
// account's next nonce. The approvals themselves are read by approval-scan.js.
import * as networks from './networks.js';
import * as accounts from './accounts.js';
import * as nonces from './nonces.js';
import * as transactions from './transactions.js';
import { describe } from './transaction-view.js';
import { scan, revokeCall } from './approval-scan.js';
import { argument, userError } from '../../shared/wallet-errors.js';
import { isAddress } from './hex.js';

const hex = (n) => `0x${n.toString(16)}`;
const KINDS = ['erc20', 'nft', 'operator'];

/** The selected network and account, or LOCKED. */
async function selection() {
  const [network, from] = await Promise.all([networks.selected(), accounts.selectedAddress()]);
  if (!from) throw Object.assign(new Error('the wallet is locked'), { code: 'LOCKED' });
  return { network, from };
}

/** The selected account's live approvals on the selected network (approval-scan.js). */
export async function list() {
  const { network, from } = await selection();
  return { network: network.name, chainId: network.chainId, owner: from, approvals: await scan(network, from) };
}

/** One approval the popup asks to revoke: `{ kind, token, spender, tokenId? }`, checked. */
function checked(item) {
  const ok = item && KINDS.includes(item.kind) && isAddress(item.token) && isAddress(item.spender)
    && (item.kind !== 'nft' || (typeof item.tokenId === 'string' && /^[0-9]{1,78}$/.test(item.tokenId)));
  if (!ok) throw userError('error_revoke_not_listed');
  return item;
}

/**
 * The revokes of `items` (approvals as `list` gave them) to review: `{ from, drafts: [{ item,
 * tx, view }] }`, each transaction filled from the node at the market fee, with the nonces they
 * will take in turn. A revoke the node says would fail is refused with its reason.
 */
export async function draft(items) {
  if (!Array.isArray(items) || items.length === 0 || items.length > 200) throw userError('error_revoke_choose');
  const { network, from } = await selection();
  const first = await nonces.next(network, from);
  const drafts = [];
  for (const [i, item] of items.map(checked).entries()) {
    const call = revokeCall(item.kind, item.token, item.spender, item.tokenId === undefined ? undefined : BigInt(item.tokenId));
    let tx;
    try {
      tx = await transactions.fill({ from, to: call.to, value: '0x0', data: call.data, nonce: hex(first + BigInt(i)) }, network);
    } catch (e) {
      throw userError('error_revoke_would_fail', { token: item.token, spender: item.spender, reason: String(e.message).slice(0, 160) });
    }
    drafts.push({ item, tx, view: await describe(tx, network, from) });
  }
  return { from, drafts };
}

/**
 * Waits for `hash` to be in a block on the selected network (up to `timeoutMs`): `{ status:
 * 'confirmed' | 'failed' | 'pending', block }`.
 */
export async function outcome(hash, { timeoutMs = 60_000, everyMs = 1000 } = {}) {
  if (typeof hash !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(hash)) throw argument('A transaction hash is 0x and 64 hex digits.');
  const network = await networks.selected();
  const end = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await networks.rpc('eth_getTransactionReceipt', [hash], network);
    if (receipt) return { status: receipt.status === '0x1' ? 'confirmed' : 'failed', block: BigInt(receipt.blockNumber).toString() };
    if (Date.now() >= end) return { status: 'pending', block: null };
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
