// The native-currency balances of the wallet's accounts, read in one JSON-RPC batch (one request
// to the node for up to networks.BATCH_MAX accounts), for the home screen's account list; with
// the selected account's code in the same batch, to say whether it is delegated (EIP-7702).
import * as networks from './networks.js';
import { codeCall, delegateIn } from './delegation.js';
import { isAddress } from './hex.js';
import { argument } from '../../shared/wallet-errors.js';

/** Accounts one call may ask for: more than any wallet shows at once. */
const MAX = 1000;

/**
 * `{ balances: { [address]: balance }, delegate }` on the selected network, each balance `0x`
 * hex wei, or null when the node refused that one call; `delegate`, when `delegationOf` is
 * given, its EIP-7702 delegate (EIP-55) or null, undefined when its code could not be read. An
 * unreachable node rejects (4901).
 */
export async function ethBalances(addresses, { delegationOf } = {}) {
  if (!Array.isArray(addresses) || addresses.length > MAX || !addresses.every(isAddress)) {
    throw argument(`addresses must be a list of at most ${MAX} addresses`);
  }
  if (delegationOf !== undefined && !isAddress(delegationOf)) throw argument('delegationOf must be an address');
  const network = await networks.selected();
  const calls = addresses.map((a) => ['eth_getBalance', [a, 'latest']]);
  if (delegationOf) calls.push(codeCall(delegationOf));
  const answers = await networks.batch(calls, network);
  const balances = Object.fromEntries(addresses.map((a, i) => [a, answers[i].error ? null : answers[i].result]));
  if (!delegationOf) return { balances };
  const code = answers[addresses.length];
  return { balances, delegate: code.error ? undefined : await delegateIn(code.result) };
}
