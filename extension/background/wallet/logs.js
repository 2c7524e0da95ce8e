// eth_getLogs over a long block range in pieces the node accepts. Public nodes cap the range of
// one eth_getLogs (and the number of logs it returns) and say so with an error; the range is
// halved after each refusal until the node answers, and the pieces after that keep the size
// that worked. Used for the owner's Approval / ApprovalForAll logs (approval-scan.js), and by
// any scan of an account's history by topic.
import * as networks from './networks.js';
import { CHAIN_DISCONNECTED, INTERNAL_ERROR } from '../../shared/rpc-errors.js';
import { userProviderError } from '../../shared/wallet-errors.js';

const hex = (n) => `0x${n.toString(16)}`;

/**
 * Every log of `filter` ({ topics, address? }) in blocks `fromBlock`..`toBlock` (BigInt; to the
 * latest block when absent) on `network`, in block order. Each refused request halves the
 * range asked; a node that refuses even one block, or is unreachable, rejects with its error.
 * `onRange({ from, to, span })`, when given, hears of every piece the node answered.
 */
export async function getLogs(network, filter, { fromBlock = 0n, toBlock, onRange } = {}) {
  const last = toBlock ?? BigInt(await networks.rpc('eth_blockNumber', [], network));
  const logs = [];
  let span = last - fromBlock + 1n;
  let from = fromBlock;
  while (from <= last) {
    const to = from + span - 1n < last ? from + span - 1n : last;
    let answer;
    try {
      answer = await networks.rpc('eth_getLogs', [{ ...filter, fromBlock: hex(from), toBlock: hex(to) }], network);
    } catch (e) {
      if (e?.code === CHAIN_DISCONNECTED || span === 1n) throw e;
      span = (span + 1n) / 2n; // refused: ask for half as many blocks
      continue;
    }
    if (!Array.isArray(answer)) throw userProviderError(INTERNAL_ERROR, 'error_node_bad_logs', { network: network.name });
    logs.push(...answer);
    onRange?.({ from, to, span });
    from = to + 1n;
  }
  return logs;
}
