// Send's pure parts: amounts read as text into exact integers (shared/amounts.js), the three fee
// levels from eth_feeHistory and from a legacy gas price (wallet/fees.js), the look-alike
// address check (wallet/lookalike.js) and a node's refusal in words (wallet/node-errors.js).
// The end-to-end behaviour is tests/e2e/send.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, formatAmount, exactAmount } from '../../extension/shared/amounts.js';
import { feeLevels, legacyLevels, perGas } from '../../extension/background/wallet/fees.js';
import { lookalike } from '../../extension/background/wallet/lookalike.js';
import { broadcastError } from '../../extension/background/wallet/node-errors.js';
import { ProviderError } from '../../extension/shared/rpc-errors.js';

const GWEI = 1_000_000_000n;

test('amounts are read by string with the asset’s decimals, never through a float', () => {
  assert.equal(parseAmount('0.1', 18, 'ETH') + parseAmount('0.2', 18, 'ETH'), parseAmount('0.3', 18, 'ETH'));
  assert.equal(parseAmount('0.3', 18, 'ETH'), 300_000_000_000_000_000n);
  assert.equal(parseAmount(' 1.5 ', 18, 'ETH'), 1_500_000_000_000_000_000n);
  assert.equal(parseAmount('.5', 6, 'USDC'), 500_000n);
  assert.equal(parseAmount('7.', 6, 'USDC'), 7_000_000n);
  assert.equal(parseAmount('0.000000000000000001', 18, 'ETH'), 1n);
  assert.equal(parseAmount('1234567890123456789.123456789012345678', 18, 'ETH'), 1_234_567_890_123_456_789_123_456_789_012_345_678n);
  assert.equal(parseAmount('12', 0, 'NFT'), 12n);
  // Numbers a float would round: 2^53 + 1 units, and 0.1 + 0.2 in floats.
  assert.equal(parseAmount('9007199254740993', 0, 'X'), 9_007_199_254_740_993n);
  assert.notEqual(Number(parseAmount('0.3', 18, 'ETH')), (0.1 + 0.2) * 1e18);
});

test('amounts that are not one are refused with what to type', () => {
  for (const [text, decimals, words] of [
    ['', 18, /Enter the amount of ETH/],
    ['   ', 18, /Enter the amount/],
    ['1,5', 18, /Use a point for the decimals/],
    ['1,000', 18, /Use a point/],
    ['-1', 18, /not an amount/],
    ['+1', 18, /not an amount/],
    ['1e18', 18, /not an amount/],
    ['0x10', 18, /not an amount/],
    ['.', 18, /not an amount/],
    ['1.2.3', 18, /not an amount/],
    ['Infinity', 18, /not an amount/],
    ['0.0000001', 6, /USDC has 6 decimals, and 0.0000001 has 7/],
    ['1.5', 0, /no decimals: send a whole number/],
    ['0', 18, /greater than 0/],
    ['0.000', 18, /greater than 0/],
    [undefined, 18, /Enter the amount/],
  ]) {
    assert.throws(() => parseAmount(text, decimals, decimals === 6 ? 'USDC' : 'ETH'), (e) => e.code === 'INVALID_ARGUMENT' && words.test(e.message), String(text));
  }
});

test('amounts are shown exactly, and read back to the same integer', () => {
  for (const [value, decimals] of [[1n, 18], [10n ** 18n, 18], [123_456_789n, 6], [5n, 0], [10n ** 40n + 7n, 18]]) {
    const text = exactAmount(value, decimals);
    assert.equal(parseAmount(text, decimals, 'X'), value, text);
  }
  assert.equal(exactAmount(300_000_000_000_000_000n, 18), '0.3');
  assert.equal(formatAmount(1_234_567_000_000_000_000n, 18), '1.2345');
  assert.equal(formatAmount('0x1', 18), '0.000000000000000001');
});

test('fee levels: tips are the median 10th/50th/90th percentiles of blocks that had transactions; max fee = base × headroom + tip', () => {
  const levels = feeLevels({
    nextBaseFee: `0x${(10n * GWEI).toString(16)}`,
    rewards: [['0x1', '0x2', '0x3'], ['0x0', '0x0', '0x0'], [`0x${GWEI.toString(16)}`, `0x${(2n * GWEI).toString(16)}`, `0x${(5n * GWEI).toString(16)}`], [`0x${GWEI.toString(16)}`, `0x${(3n * GWEI).toString(16)}`, `0x${(4n * GWEI).toString(16)}`]],
    gasUsedRatio: [0.5, 0, 0.9, 0.3],
    suggestedTip: 7n * GWEI,
  });
  const tip = (level) => BigInt(levels[level].maxPriorityFeePerGas);
  assert.equal(tip('low'), GWEI, 'the empty block (ratio 0) is left out');
  assert.equal(tip('market'), 2n * GWEI);
  assert.equal(tip('high'), 4n * GWEI);
  assert.equal(BigInt(levels.low.maxFeePerGas), 10n * GWEI * 5n / 4n + GWEI);
  assert.equal(BigInt(levels.market.maxFeePerGas), 20n * GWEI + 2n * GWEI);
  assert.equal(BigInt(levels.high.maxFeePerGas), 30n * GWEI + 4n * GWEI);
  assert.ok(perGas(levels.low) < perGas(levels.market) && perGas(levels.market) < perGas(levels.high));
});

test('fee levels: with only empty blocks the node’s suggested tip is used; a base fee that does not divide rounds up', () => {
  const levels = feeLevels({ nextBaseFee: '0x7', rewards: [['0x0', '0x0', '0x0']], gasUsedRatio: [0], suggestedTip: 10n });
  assert.deepEqual(Object.values(levels).map((l) => BigInt(l.maxPriorityFeePerGas)), [5n, 10n, 20n]);
  assert.equal(BigInt(levels.low.maxFeePerGas), 9n + 5n, '7 × 5/4 = 8.75, rounded up to 9');
  // Percentiles that fall (a block with a high 10th and low 90th) still give low ≤ market ≤ high.
  const odd = feeLevels({ nextBaseFee: '0x0', rewards: [['0x9', '0x5', '0x1']], gasUsedRatio: [1], suggestedTip: 0n });
  assert.deepEqual(Object.values(odd).map((l) => BigInt(l.maxPriorityFeePerGas)), [9n, 9n, 9n]);
});

test('legacy levels: 0.9×, 1× and 1.25× the node’s gas price, rounded up', () => {
  const levels = legacyLevels('0x3b9aca01'); // 1 gwei + 1 wei
  assert.deepEqual(Object.keys(levels), ['low', 'market', 'high']);
  assert.equal(BigInt(levels.low.gasPrice), (1_000_000_001n * 18n + 19n) / 20n);
  assert.equal(BigInt(levels.market.gasPrice), 1_000_000_001n);
  assert.equal(BigInt(levels.high.gasPrice), (1_000_000_001n * 25n + 19n) / 20n);
  assert.equal(perGas(levels.high), BigInt(levels.high.gasPrice));
});

test('look-alike: same first 4 and last 4 hex digits with another middle; the same address or another start/end is not', () => {
  const mine = '0x1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcd';
  const known = ['0x9999999999999999999999999999999999999999', mine];
  assert.equal(lookalike('0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbabcd', known), mine);
  assert.equal(lookalike('0x1234BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBABCD', known), mine, 'case does not matter');
  assert.equal(lookalike(mine.toUpperCase().replace('0X', '0x'), known), null, 'the same address is not a look-alike');
  assert.equal(lookalike('0x1235bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbabcd', known), null, 'another start');
  assert.equal(lookalike('0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbabce', known), null, 'another end');
  assert.equal(lookalike('0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbabcd', []), null);
  assert.equal(lookalike('not an address', known), null);
  assert.equal(lookalike('0x1234bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbabcd', ['0x1234', null]), null, 'entries that are not addresses are skipped');
});

test('a node’s refusal in words, keeping its code; an unreachable node’s error is kept as it is', () => {
  const said = (message, code = -32000) => broadcastError(new ProviderError(code, message));
  for (const [message, words] of [
    ['nonce too low', /nonce too low.*Nothing was sent.*next nonce/],
    ['nonce too low: next nonce 5, tx nonce 3', /nonce too low/],
    ['replacement transaction underpriced', /replacement underpriced.*higher fee/],
    ['already known', /replacement underpriced/],
    ['Insufficient funds for gas * price + value', /not have enough ETH.*insufficient funds.*Nothing was sent/],
    ['max fee per gas less than block base fee', /base fee rose/],
    ['transaction underpriced', /underpriced.*higher fee/],
    ['intrinsic gas too low', /gas limit is too low/],
    ['something else entirely', /The network refused the transaction\. Nothing was sent/],
  ]) {
    const e = said(message);
    assert.equal(e.code, -32000);
    assert.match(e.message, words, message);
    assert.ok(e.message.includes(`“${message}”`), 'the node’s own words are kept');
  }
  assert.match(broadcastError(new ProviderError(-32000, 'insufficient funds'), 'MATIC').message, /enough MATIC/);
  const unreachable = new ProviderError(4901, 'Keystead cannot reach Localhost 8545 at http://127.0.0.1:8545. Check that the node is running, or switch network.');
  assert.equal(broadcastError(unreachable), unreachable);
});

test('a Speed up’s or Cancel’s refusal is worded for a replacement, in the same vocabulary (the node’s code, its words kept)', () => {
  const replacing = (message) => broadcastError(new ProviderError(-32000, message), 'ETH', { replacing: true });
  for (const [message, words] of [
    ['nonce too low', /already mined, so there is nothing left to replace.*Nothing was sent.*Activity/],
    ['already known', /already has this replacement.*Nothing was sent/],
    ['replacement transaction underpriced', /too low to replace the pending transaction.*Nothing was sent.*current market/],
    ['transaction underpriced', /too low to replace the pending transaction/],
    ['fee too low', /too low to replace/],
    ['gas tip too low', /too low to replace/],
    ['Insufficient funds for gas * price + value', /not have enough ETH/],
  ]) {
    const e = replacing(message);
    assert.ok(e instanceof ProviderError);
    assert.equal(e.code, -32000);
    assert.match(e.message, words, message);
    assert.ok(e.message.includes(`“${message}”`));
  }
  assert.doesNotMatch(broadcastError(new ProviderError(-32000, 'nonce too low')).message, /nothing left to replace/, 'a send is not told about replacing');
});
