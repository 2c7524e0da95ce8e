// A node's refusal of a signed transaction (eth_sendRawTransaction), in words that say what
// happened and what to do. Nothing was sent when the node refuses.
import { walletError } from '../../shared/wallet-errors.js';
import { CHAIN_DISCONNECTED } from '../../shared/rpc-errors.js';

const REASONS = [
  [/underpriced|fee too low|gas price too low|max fee per gas less than|tip.*too low/i,
    'The node refused it: the fee is too low to replace the pending transaction with the same nonce. Nothing was sent. Open it again to get fees from the current market.'],
  [/nonce too low|already known|known transaction|nonce has already been used/i,
    'The node refused it: a transaction with this nonce is already mined or known, so there is nothing left to replace. Nothing was sent. Activity shows how the original ended in a moment.'],
  [/insufficient funds/i,
    'The node refused it: this account does not have enough for the amount plus the maximum fee. Nothing was sent. Add funds or choose a lower fee.'],
];

/** The error to show for a failed broadcast: NODE_REFUSED with the reason in words, or the unreachable node's own. */
export function refusal(error) {
  if (error?.code === CHAIN_DISCONNECTED) return walletError('NODE_UNREACHABLE', `${error.message} Nothing was sent.`);
  const message = String(error?.message ?? error).slice(0, 200);
  const known = REASONS.find(([pattern]) => pattern.test(message));
  return walletError('NODE_REFUSED', known ? known[1] : `The node refused the transaction (it said: ${message}). Nothing was sent.`);
}
