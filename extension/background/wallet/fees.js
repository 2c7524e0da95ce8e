// Fees: three choices, low / market / high, from the node. On an EIP-1559 network the tips are
// the 10th, 50th and 90th percentile of what the last blocks' transactions paid (eth_feeHistory),
// and the maximum fee per gas is the next block's base fee with headroom for it to rise, plus the
// tip. On a legacy network (its blocks have no baseFeePerGas) the choices are gas prices around
// the node's eth_gasPrice. Integers (BigInt) only.
import * as networks from './networks.js';

export const LEVELS = Object.freeze(['low', 'market', 'high']);

/** How many past blocks eth_feeHistory is asked about, and the tip percentile of each level. */
const BLOCKS = 10;
const PERCENTILES = [10, 50, 90];
/** The max fee per gas of each level: the next base fee × num / 4 (+ the tip). A base fee rises at most 12.5% a block. */
const BASE_HEADROOM = { low: 5n, market: 8n, high: 12n };
/** A legacy gas price: eth_gasPrice × num / 20. */
const LEGACY_FACTOR = { low: 18n, market: 20n, high: 25n };
/** The tip when the node suggests none and no recent block paid any. */
const FALLBACK_TIP = 1_000_000_000n;

const hex = (n) => `0x${n.toString(16)}`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * The three EIP-1559 choices (as `0x` hex per gas) for a next block of base fee `nextBaseFee`,
 * from `rewards` (eth_feeHistory's `reward`: one [p10, p50, p90] per block) of the blocks whose
 * `gasUsedRatio` is above 0 (an empty block's rewards are 0 and say nothing). With no such block
 * the tips are half, once and twice `suggestedTip` (the node's eth_maxPriorityFeePerGas). Each
 * level's tip is at least the level below's.
 */
export function feeLevels({ nextBaseFee, rewards, gasUsedRatio, suggestedTip }) {
  const used = rewards.filter((_, i) => Number(gasUsedRatio?.[i] ?? 1) > 0).map((r) => r.map((v) => BigInt(v)));
  const tips = used.length > 0
    ? PERCENTILES.map((_, i) => median(used.map((r) => r[i] ?? 0n)))
    : [suggestedTip / 2n, suggestedTip, suggestedTip * 2n];
  for (let i = 1; i < tips.length; i++) if (tips[i] < tips[i - 1]) tips[i] = tips[i - 1];
  const base = BigInt(nextBaseFee);
  return Object.fromEntries(LEVELS.map((level, i) => {
    const maxFee = (base * BASE_HEADROOM[level] + 3n) / 4n + tips[i];
    return [level, { maxFeePerGas: hex(maxFee), maxPriorityFeePerGas: hex(tips[i]) }];
  }));
}

/** The three legacy choices (`{ gasPrice }`, `0x` hex) around the node's gas price. */
export function legacyLevels(gasPrice) {
  const price = BigInt(gasPrice);
  return Object.fromEntries(LEVELS.map((level) => [level, { gasPrice: hex((price * LEGACY_FACTOR[level] + 19n) / 20n) }]));
}

/** The fee per gas a filled choice may cost at most: maxFeePerGas, or the legacy gasPrice. */
export const perGas = (fee) => BigInt(fee.maxFeePerGas ?? fee.gasPrice);

/**
 * `{ legacy, low, market, high }` for `network`, read from its node now. A node without
 * eth_feeHistory (or eth_maxPriorityFeePerGas) falls back to the latest block's base fee and a
 * 1 gwei tip.
 */
export async function options(network) {
  const call = (method, params) => networks.rpc(method, params, network);
  const block = await call('eth_getBlockByNumber', ['latest', false]);
  if (!block?.baseFeePerGas) return { legacy: true, ...legacyLevels(await call('eth_gasPrice', [])) };
  const [history, suggested] = await Promise.all([
    call('eth_feeHistory', [hex(BLOCKS), 'latest', PERCENTILES]).catch(() => null),
    call('eth_maxPriorityFeePerGas', []).then(BigInt, () => FALLBACK_TIP),
  ]);
  const bases = Array.isArray(history?.baseFeePerGas) ? history.baseFeePerGas : [];
  return {
    legacy: false,
    ...feeLevels({
      nextBaseFee: bases.length > 0 ? bases[bases.length - 1] : block.baseFeePerGas,
      rewards: Array.isArray(history?.reward) ? history.reward : [],
      gasUsedRatio: history?.gasUsedRatio,
      suggestedTip: suggested,
    }),
  };
}
