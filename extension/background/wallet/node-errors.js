// A node's refusal of a signed transaction (eth_sendRawTransaction), in words that say what
// happened and what to do: the one vocabulary of every broadcast (a dApp's transaction, a Send,
// a Speed up or Cancel: transactions.js). The node's own message is matched as geth, reth,
// Erigon, Nethermind and anvil word it, and kept at the end for reference. Nothing was sent
// when the node refuses.
import { ProviderError, CHAIN_DISCONNECTED, DISCONNECTED } from '../../shared/rpc-errors.js';

const NOTHING_SENT = 'Nothing was sent.';

/**
 * [pattern of the node's message, its words for `{ symbol, replacing }`, and for some the kind
 * of refusal a caller may act on (`refusal` 'fee': the fee is below what the node takes now)],
 * the first match wins. A node that already holds the very transaction sent gives `refusal` 'known'.
 * `replacing`: the transaction was a Speed up or Cancel of a pending one (same nonce), for which
 * a used nonce means the pending one is already mined, and "underpriced" a fee too low to replace it.
 */
const KNOWN = [
  [/nonce too low|nonce.*(already (been )?used|is lower than)|oldnonce/i,
    ({ replacing }) => (replacing
      ? `A transaction with this nonce is already mined, so there is nothing left to replace (nonce too low). ${NOTHING_SENT} Activity shows how the original ended in a moment.`
      : `The network already has a transaction with this nonce from the account (nonce too low): another wallet, or an earlier send, used it. ${NOTHING_SENT} Review the transaction again to use the next nonce.`)],
  [/replacement.*underpriced|underpriced.*replacement|already known|known transaction/i,
    ({ replacing }) => (replacing
      ? `The node already has this replacement, or its fee is too low to replace the pending transaction with the same nonce (replacement underpriced). ${NOTHING_SENT} Open it again to get fees from the current market.`
      : `A pending transaction of the account already uses this nonce, and this one does not pay enough more to replace it (replacement underpriced). ${NOTHING_SENT} Wait for the pending one to confirm, or choose a higher fee.`)],
  [/insufficient funds|not enough (funds|balance)|balance too low/i,
    ({ symbol }) => `The account does not have enough ${symbol} for the amount plus the maximum fee (insufficient funds). ${NOTHING_SENT} Send less, choose a lower fee, or add ${symbol} to the account.`],
  [/less than (the )?block base ?fee|fee ?cap.*(less|lower) than.*base ?fee|max ?fee ?per ?gas.*(less|lower|too low)/i,
    () => `The maximum fee is below what the network charges now (its base fee rose). ${NOTHING_SENT} Review the transaction again for a current fee, or choose a higher one.`, 'fee'],
  [/underpriced|gas price (too low|below)|fee too low|tip.*too low/i,
    ({ replacing }) => (replacing
      ? `The fee is too low to replace the pending transaction with the same nonce (underpriced). ${NOTHING_SENT} Open it again to get fees from the current market.`
      : `The fee is below the least this network's node accepts (underpriced). ${NOTHING_SENT} Choose a higher fee and try again.`), 'fee'],
  [/intrinsic gas too low|gas (limit )?too low|out of gas/i,
    () => `The gas limit is too low for this transaction. ${NOTHING_SENT} Review it again so the gas is estimated anew.`],
  [/exceeds block gas limit|gas limit reached/i,
    () => `The transaction needs more gas than a block holds. ${NOTHING_SENT} It cannot be sent as it is.`],
];

/**
 * The error to report for a broadcast the node refused (`error`, from networks.rpc): a
 * ProviderError with the node's code (what a dApp expects) and a message in words (what the popup
 * shows); an unreachable node's error is kept as it is (it already says what to do). `symbol`:
 * the network's currency; `replacing`: a Speed up or Cancel.
 */
export function broadcastError(error, symbol = 'ETH', { replacing = false } = {}) {
  if (!(error instanceof ProviderError) || [CHAIN_DISCONNECTED, DISCONNECTED].includes(error.code)) return error;
  const said = String(error.message ?? '').slice(0, 200);
  const known = KNOWN.find(([pattern]) => pattern.test(said));
  const words = known ? known[1]({ symbol, replacing }) : `The network refused the transaction. ${NOTHING_SENT} Check the amount, the fee and the recipient, and try again.`;
  const out = new ProviderError(error.code, `${words} (The node said: “${said}”.)`, error.data);
  if (/already (known|imported)|known transaction/i.test(said)) out.refusal = 'known';
  else if (known?.[2]) out.refusal = known[2];
  return out;
}
