// The emergency move runs on one network. What the old accounts hold as the native currency on
// the wallet's other networks is read here (each node asked once, in one batch, with a short
// wait; a node that does not answer is named as unchecked), so the plan can say before the
// move starts what it will leave behind. Public data only.
import * as networks from './networks.js';

const TIMEOUT_MS = 5_000;

/**
 * `[{ chainId, name, symbol, balances: [{ from, to, wei }] (only non-zero), unchecked }]` for
 * every network of the wallet but the move's (`chainId`), for `pairs` ([{ from, to }]); a
 * network is listed when it holds something or could not be read.
 */
export async function heldElsewhere(chainId, pairs) {
  const others = (await networks.list()).filter((n) => n.chainId !== chainId);
  const read = await Promise.all(others.map(async (network) => {
    try {
      const answers = await networks.batch(pairs.map((p) => ['eth_getBalance', [p.from, 'latest']]), network, { timeoutMs: TIMEOUT_MS });
      const balances = pairs.map((p, i) => ({ ...p, wei: answers[i]?.error ? null : BigInt(answers[i].result) }));
      const unchecked = balances.some((b) => b.wei === null);
      const held = balances.filter((b) => b.wei > 0n).map((b) => ({ ...b, wei: b.wei.toString() }));
      return { chainId: network.chainId, name: network.name, symbol: network.symbol, balances: held, unchecked };
    } catch {
      return { chainId: network.chainId, name: network.name, symbol: network.symbol, balances: [], unchecked: true };
    }
  }));
  return read.filter((n) => n.balances.length > 0 || n.unchecked);
}
