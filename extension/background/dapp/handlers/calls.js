// EIP-5792: wallet_getCapabilities, wallet_sendCalls, wallet_getCallsStatus and
// wallet_showCallsStatus. Keystead has no smart account, so a batch's calls are sent one after
// another as separate transactions (atomic: unsupported) through the one transaction path of
// wallet/transactions.js: filled when the review opens, all listed in that one review (each
// with what it does, as a single transaction's window shows it: wallet/insight/), then
// each signed and broadcast with the account's next nonce in turn and recorded in Activity. The
// batch (its site, chain, account and each call's hash) is kept by wallet/call-batches.js, so a
// restarted worker still answers wallet_getCallsStatus.
import * as networks from '../../wallet/networks.js';
import * as nonces from '../../wallet/nonces.js';
import * as fees from '../../wallet/fees.js';
import * as transactions from '../../wallet/transactions.js';
import * as batches from '../../wallet/call-batches.js';
import { reviewed } from '../../wallet/transaction-view.js';
import * as approvals from '../../platform/approvals.js';
import { openPopupWindow } from '../../platform/popup-window.js';
import { ProviderError, UNSUPPORTED_CHAIN_ID } from '../../../shared/rpc-errors.js';
import { parseSendCalls, parseGetCapabilities, parseBatchId } from '../calls-params.js';

const hex = (n) => `0x${n.toString(16)}`;
const NO_ATOMICITY = Object.freeze({ atomic: Object.freeze({ status: 'unsupported' }) });

/** The calls `calls` from `account` filled for `network` (nonces in a row from the account's next). */
async function fillAll(calls, network, account) {
  const [first, feeOptions] = await Promise.all([nonces.next(network, account), fees.options(network)]);
  // A call the node says will revert still gets its review, which says so and why (each call's
  // estimate and preview are read from the chain as it is now, before the batch's earlier calls).
  return Promise.all(calls.map((c, i) => transactions.fill({ from: account.toLowerCase(), ...c, nonce: hex(first + BigInt(i)) }, network, { feeOptions, reverting: 'block-limit' })));
}

/**
 * Sends the filled calls in order as batch `id` of `ctx.origin`. A first call the node refuses
 * fails the request and leaves nothing stored; a later one ends the batch there (its status
 * then says what went through).
 */
async function sendAll(ctx, filled, network, id) {
  try {
    for (let i = 0; i < filled.length; i += 1) {
      let hash;
      try {
        hash = await transactions.send(filled[i], network, { account: ctx.account, origin: ctx.origin });
      } catch (e) {
        if (i === 0) {
          await batches.remove(ctx.origin, id).catch(() => {});
          throw e;
        }
        await batches.failed(ctx.origin, id, i).catch((err) => console.warn('keystead: batch record not updated', err));
        return;
      }
      await batches.sent(ctx.origin, id, i, hash).catch((err) => console.warn('keystead: batch record not updated', err));
    }
  } finally {
    batches.finished(ctx.origin, id);
  }
}

export const methods = {
  wallet_getCapabilities: {
    validate: parseGetCapabilities,
    account: ({ address }) => address,
    // Per chain Keystead knows (those asked for, or all): the atomic capability, unsupported.
    handler: async (ctx, { chainIds }) => {
      const known = (await networks.list()).map((n) => n.chainId);
      const chains = chainIds ? chainIds.filter((c) => known.includes(c)) : known;
      return Object.fromEntries(chains.map((c) => [c, NO_ATOMICITY]));
    },
  },
  wallet_sendCalls: {
    validate: async (p) => {
      const request = parseSendCalls(p);
      const network = await networks.selected();
      if (request.chainId !== network.chainId) {
        throw new ProviderError(UNSUPPORTED_CHAIN_ID, `The batch is for chain ${request.chainId}, but Keystead is on chain ${network.chainId} (${network.name}). `
          + 'Switch network first (wallet_switchEthereumChain); nothing was sent.');
      }
      return { ...request, network };
    },
    // No `from`: the site's first account, as eth_requestAccounts gave it.
    account: ({ from }) => from ?? null,
    // As eth_sendTransaction: the calls are filled when the review opens, and sent before the
    // origin's next request gets its turn.
    handler: async (ctx, { id: asked, calls, network }) => {
      if (asked !== undefined && (await batches.find(ctx.origin, asked))) throw batches.duplicate(asked);
      let filled;
      let id;
      const prepare = async () => {
        filled = await fillAll(calls, network, ctx.account);
        const shown = await Promise.all(filled.map((f) => reviewed(f, network, ctx.account)));
        return { account: ctx.account, network: shown[0].network, calls: shown };
      };
      const send = async () => {
        id = await batches.create({ id: asked, origin: ctx.origin, chainId: network.chainId, account: ctx.account, count: filled.length });
        await sendAll(ctx, filled, network, id);
      };
      await approvals.request(ctx.origin, 'calls', prepare, { commit: send });
      return { id };
    },
  },
  wallet_getCallsStatus: {
    validate: parseBatchId,
    handler: (ctx, id) => batches.status(ctx.origin, id),
  },
  wallet_showCallsStatus: {
    validate: parseBatchId,
    // Activity of the batch's account, in a window: the site learns nothing from it.
    handler: async (ctx, id) => {
      const batch = await batches.find(ctx.origin, id);
      if (!batch) throw batches.unknownBatch(id);
      await openPopupWindow(`#/activity/${batch.account}`);
      return null;
    },
  },
};
