// A node's refusal of a signed transaction (eth_sendRawTransaction), in words that say what
// happened and what to do: the one vocabulary of every broadcast (a dApp's transaction, a Send,
// a Speed up or Cancel: transactions.js). The node's own message is matched as geth, reth,
// Erigon, Nethermind and anvil word it, and kept at the end for reference. Nothing was sent
// when the node refuses.
import { ProviderError, CHAIN_DISCONNECTED, DISCONNECTED } from '../../shared/rpc-errors.js';
import { userProviderError } from '../../shared/wallet-errors.js';

/**
 * [pattern of the node's message, the catalog key of its words for `{ replacing }`, and for
 * some the kind of refusal a caller may act on (`refusal` 'fee': the fee is below what the node
 * takes now)], the first match wins. A node that already holds the very transaction sent gives
 * `refusal` 'known'. `replacing`: the transaction was a Speed up or Cancel of a pending one (same
 * nonce), for which a used nonce means the pending one is already mined, and "underpriced" a
 * fee too low to replace it. Each message ends with what the node said ({said}); {symbol} is
 * the network's currency.
 */
const KNOWN = [
  [/nonce too low|nonce.*(already (been )?used|is lower than)|oldnonce/i, ({ replacing }) => (replacing ? 'error_node_nonce_low_replacing' : 'error_node_nonce_low')],
  [/replacement.*underpriced|underpriced.*replacement|already known|known transaction/i,
    ({ replacing }) => (replacing ? 'error_node_replacement_underpriced_replacing' : 'error_node_replacement_underpriced')],
  [/insufficient funds|not enough (funds|balance)|balance too low/i, () => 'error_node_insufficient_funds'],
  [/less than (the )?block base ?fee|fee ?cap.*(less|lower) than.*base ?fee|max ?fee ?per ?gas.*(less|lower|too low)/i, () => 'error_node_base_fee', 'fee'],
  [/underpriced|gas price (too low|below)|fee too low|tip.*too low/i, ({ replacing }) => (replacing ? 'error_node_underpriced_replacing' : 'error_node_underpriced'), 'fee'],
  [/intrinsic gas too low|gas (limit )?too low|out of gas/i, () => 'error_node_gas_low'],
  [/exceeds block gas limit|gas limit reached/i, () => 'error_node_gas_block'],
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
  const key = known ? known[1]({ replacing }) : 'error_node_refused';
  // The message in English for a dApp; key and params for the popup, which words it in its language.
  const out = userProviderError(error.code, key, { symbol, said }, error.data);
  if (/already (known|imported)|known transaction/i.test(said)) out.refusal = 'known';
  else if (known?.[2]) out.refusal = known[2];
  return out;
}
