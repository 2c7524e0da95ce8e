// The worker's decoding of an ERC-20's symbol() and decimals() returns (background/tokens.js)
// against viem's ABI encoder: random ABI strings decode to what was encoded, the old bytes32
// symbol form (MKR, SAI) too, and returns no token should give (too long, control characters,
// truncated, an offset or length past the end, decimals above 36) are refused. Its transfer()
// call data (Send) is viem's byte for byte, and decodes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAbiParameters, encodeFunctionData, erc20Abi, getAddress, stringToHex } from 'viem';
import { decodeSymbol, decodeDecimals, transferData, decodeTransfer } from '../../extension/background/wallet/tokens.js';
import { seededRng } from './core.mjs';

const rng = seededRng('token-abi.test.mjs');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefxyzéß€₿🦊.-_ ';
const asString = (s) => encodeAbiParameters([{ type: 'string' }], [s]);
const asUint = (n) => encodeAbiParameters([{ type: 'uint256' }], [n]);

function randomSymbol() {
  const chars = Array.from(LETTERS);
  let s = '';
  const n = rng.range(1, 8); // at most 16 UTF-16 units even if all are emoji
  for (let i = 0; i < n; i++) s += rng.pick(chars);
  return s.trim() || 'X';
}

test('symbol(): ABI strings and bytes32 symbols decode to the text that was encoded', () => {
  for (let i = 0; i < 300; i++) {
    const symbol = randomSymbol();
    assert.equal(decodeSymbol(asString(symbol)), symbol, symbol);
    if (new TextEncoder().encode(symbol).length <= 32) assert.equal(decodeSymbol(stringToHex(symbol, { size: 32 })), symbol, `bytes32 ${symbol}`);
  }
  assert.equal(decodeSymbol(stringToHex('MKR', { size: 32 })), 'MKR');
  // A string return with extra words after it (some proxies pad) still decodes.
  assert.equal(decodeSymbol(`${asString('KST')}${'00'.repeat(32)}`), 'KST');
});

test('symbol(): returns that are not a readable 1..16-character symbol are refused', () => {
  const kst = asString('KST');
  for (const bad of [
    '0x', '0x1234', `0x${'00'.repeat(32)}`, // empty, short, an empty bytes32
    asString(''), asString('A'.repeat(17)), asString('K\nST'), asString('\u0000KST'),
    stringToHex('A'.repeat(17), { size: 32 }),
    kst.slice(0, kst.length - 64), // the string's bytes cut off
    `0x${'00'.repeat(31)}60${kst.slice(66)}`, // offset past the end
    `0x${kst.slice(2, 66)}${'00'.repeat(31)}ff${kst.slice(130)}`, // length past the end
    `0x${kst.slice(2, 130)}ff${'00'.repeat(31)}`, // not UTF-8
    'not hex', null, undefined,
  ]) assert.equal(decodeSymbol(bad), null, String(bad));
});

test('decimals(): one word holding 0..36; anything else refused', () => {
  for (let d = 0n; d <= 36n; d++) assert.equal(decodeDecimals(asUint(d)), Number(d));
  for (let i = 0; i < 100; i++) assert.equal(decodeDecimals(asUint(37n + rng.bigBits(rng.range(1, 256)))), null);
  for (const bad of ['0x', '0x06', `${asUint(6n)}00`, asString('6'), null]) assert.equal(decodeDecimals(bad), null, String(bad));
});

test('transfer(to, amount): the call data is viem’s, and decodes back; other calls are not transfers', () => {
  const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;
  for (let i = 0; i < 300; i++) {
    const to = getAddress(hex(rng.bytes(20)));
    const amount = rng.bigBits(rng.range(0, 256));
    const data = transferData(to, amount);
    assert.equal(data, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }));
    assert.deepEqual(decodeTransfer(data), { to: to.toLowerCase(), amount });
  }
  const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const good = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, 5n] });
  for (const bad of [
    '0x', good.slice(0, -2), `${good}00`, // short, long
    encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [to, 5n] }),
    `${good.slice(0, 10)}ff${good.slice(12)}`, // an address word with bits above 160
    null,
  ]) assert.equal(decodeTransfer(bad), null, String(bad));
});
