// The native-currency balances of the wallet's accounts, read in one JSON-RPC batch (one request
// to the node for up to networks.BATCH_MAX accounts), for the home screen's account list.
import * as networks from './networks.js';
import { isAddress } from './hex.js';
import { argument } from '../../shared/wallet-errors.js';

/** Accounts one call may ask for: more than any wallet shows at once. */
const MAX = 1000;

/**
 * `{ [address]: balance }` on the selected network, each `0x` hex wei, or null when the node
 * refused that one call; an unreachable node rejects (4901).
 */
export async function ethBalances(addresses) {
  if (!Array.isArray(addresses) || addresses.length > MAX || !addresses.every(isAddress)) {
    throw argument(`addresses must be a list of at most ${MAX} addresses`);
  }
  const network = await networks.selected();
  const answers = await networks.batch(addresses.map((a) => ['eth_getBalance', [a, 'latest']]), network);
  return Object.fromEntries(addresses.map((a, i) => [a, answers[i].error ? null : answers[i].result]));
}
