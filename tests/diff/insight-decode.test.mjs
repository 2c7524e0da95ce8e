// The worker's hand-written ABI decoding of the calls the approval window reads
// (extension/background/wallet/insight/decode.js, abi.js) against viem: every selector is the
// keccak of its signature, seeded random calls encoded by viem decode to the same values,
// calldata a contract would refuse (a dirty address or bool, a uint160 or uint48 out of range,
// truncated data, a bad offset) is not read at all, and revert reasons and token texts decode
// as viem encodes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFunctionData, decodeFunctionData, toFunctionSelector, parseAbiItem, encodeAbiParameters, stringToHex, encodeErrorResult } from 'viem';
import { FUNCTIONS, decodeCall, signatureOf } from '../../extension/background/wallet/insight/decode.js';
import { decodeText, revertReason } from '../../extension/background/wallet/insight/abi.js';
import { seededRng } from './core.mjs';

const rng = seededRng('insight-decode.test.mjs');
const hex = (bytes) => `0x${Array.from({ length: bytes }, () => rng.range(0, 255).toString(16).padStart(2, '0')).join('')}`;
const address = () => hex(20);
const uint = (bits) => {
  const pick = rng.range(0, 3);
  if (pick === 0) return 0n;
  if (pick === 1) return (1n << BigInt(bits)) - 1n;
  return BigInt(hex(Math.ceil(bits / 8))) & ((1n << BigInt(bits)) - 1n);
};

/** A random value of an ABI type (the types FUNCTIONS uses). */
function random(type) {
  if (type === 'address') return address();
  if (type === 'bool') return rng.range(0, 1) === 1;
  if (type === 'bytes32') return hex(32);
  if (type === 'bytes') return hex(rng.range(0, 70));
  if (type === 'uint256[]') return Array.from({ length: rng.range(0, 4) }, () => uint(256));
  if (type === '(address,address)[]') return Array.from({ length: rng.range(0, 4) }, () => ({ token: address(), spender: address() }));
  const bits = Number(type.slice(4));
  return uint(bits);
}

const abiOf = (fn) => parseAbiItem(`function ${fn.name}(${fn.args.map((a) => (a.type === '(address,address)[]' ? `(address token, address spender)[] ${a.name}` : `${a.type} ${a.name}`)).join(', ')})`);

/** Compares a decoded value with viem's (addresses in any case, integers as bigints). */
function same(ours, theirs, what) {
  if (typeof theirs === 'string') return assert.equal(ours, theirs.toLowerCase(), what);
  if (Array.isArray(theirs)) {
    assert.equal(ours.length, theirs.length, what);
    return theirs.forEach((t, i) => same(ours[i], t, `${what}[${i}]`));
  }
  if (typeof theirs === 'object') return Object.keys(theirs).forEach((k) => same(ours[k], theirs[k], `${what}.${k}`));
  if (typeof theirs === 'number') return assert.equal(ours, BigInt(theirs), what); // viem: uint48 and smaller as numbers
  return assert.equal(ours, theirs, what);
}

test('each selector is the keccak of its signature', () => {
  for (const [selector, fn] of Object.entries(FUNCTIONS)) assert.equal(toFunctionSelector(signatureOf(fn)), selector, signatureOf(fn));
});

test('random calls encoded by viem decode to the values viem decodes', () => {
  for (let i = 0; i < 400; i++) {
    const fn = rng.pick(Object.values(FUNCTIONS));
    const abi = [abiOf(fn)];
    const args = fn.args.map((a) => random(a.type));
    const data = encodeFunctionData({ abi, functionName: fn.name, args });
    const ours = decodeCall(data);
    assert.ok(ours, `decodes ${signatureOf(fn)} ${data}`);
    assert.equal(ours.signature, signatureOf(fn));
    const theirs = decodeFunctionData({ abi, data });
    fn.args.forEach((a, k) => same(ours.args[a.name], theirs.args[k], `${signatureOf(fn)} ${a.name}`));
    // Extra bytes after the arguments are ignored, as contracts ignore them.
    assert.ok(decodeCall(`${data}${'ab'.repeat(rng.range(1, 40))}`), 'trailing bytes');
    // Cut into its head (one word per argument): not read.
    assert.equal(decodeCall(data.slice(0, 10 + 64 * fn.args.length - 2 * rng.range(1, 32))), null, `truncated ${signatureOf(fn)}`);
  }
});

test('values a contract would refuse are not read', () => {
  const word = (n) => n.toString(16).padStart(64, '0');
  const to = '70997970c51812dc3a010c7d01b50e0d17dc79c8';
  assert.ok(decodeCall(`0xa9059cbb${'0'.repeat(24)}${to}${word(5n)}`));
  assert.equal(decodeCall(`0xa9059cbb${'0'.repeat(23)}1${to}${word(5n)}`), null, 'dirty upper bytes of an address');
  assert.equal(decodeCall(`0xa22cb465${'0'.repeat(24)}${to}${word(2n)}`), null, 'a bool of 2');
  assert.ok(decodeCall(`0xa22cb465${'0'.repeat(24)}${to}${word(1n)}`));
  const permit2 = (amount, expiration) => `0x87517c45${'0'.repeat(24)}${to}${'0'.repeat(24)}${to}${word(amount)}${word(expiration)}`;
  assert.ok(decodeCall(permit2((1n << 160n) - 1n, (1n << 48n) - 1n)));
  assert.equal(decodeCall(permit2(1n << 160n, 1n)), null, 'a uint160 out of range');
  assert.equal(decodeCall(permit2(1n, 1n << 48n)), null, 'a uint48 out of range');
  // lockdown with an offset past the end, and with a length longer than the data.
  assert.equal(decodeCall(`0xcc53287f${word(0x1000n)}`), null);
  assert.equal(decodeCall(`0xcc53287f${word(0x20n)}${word(3n)}${'0'.repeat(24)}${to}`), null);
  assert.equal(decodeCall('0xa9059cbb'), null, 'no arguments');
  assert.equal(decodeCall('0x12345678'), null, 'an unknown selector');
  assert.equal(decodeCall('0x'), null);
  assert.equal(decodeCall('0xa905'), null);
});

test('revert reasons: Error(string), Panic(uint256), a custom error, nothing', () => {
  const errorAbi = [parseAbiItem('error Error(string)'), parseAbiItem('error Panic(uint256)'), parseAbiItem('error Refused(uint256 code)')];
  // The reason as facts (the approval window words them in its language).
  assert.deepEqual(revertReason(encodeErrorResult({ abi: errorAbi, errorName: 'Error', args: ['ERC20: transfer amount exceeds balance'] })), { kind: 'text', text: 'ERC20: transfer amount exceeds balance' });
  assert.deepEqual(revertReason(encodeErrorResult({ abi: errorAbi, errorName: 'Panic', args: [0x11n] })), { kind: 'panic', code: '11' });
  assert.deepEqual(revertReason(encodeErrorResult({ abi: errorAbi, errorName: 'Refused', args: [7n] })), { kind: 'custom', selector: toFunctionSelector('Refused(uint256)') });
  assert.equal(revertReason('0x'), null);
  assert.equal(revertReason(undefined), null);
});

test('token texts: ABI strings and bytes32, with limits', () => {
  for (let i = 0; i < 100; i++) {
    const text = Array.from({ length: rng.range(1, 30) }, () => rng.pick([...'ABCxyz09 éß€🦊-'])).join('').trim() || 'X';
    assert.equal(decodeText(encodeAbiParameters([{ type: 'string' }], [text]), 64), text);
  }
  assert.equal(decodeText(stringToHex('MKR', { size: 32 }), 16), 'MKR');
  assert.equal(decodeText(encodeAbiParameters([{ type: 'string' }], ['A'.repeat(17)]), 16), null, 'too long');
  assert.equal(decodeText(encodeAbiParameters([{ type: 'string' }], ['A\u0085B']), 16), null, 'a C1 control');
  assert.equal(decodeText('0x1234', 16), null);
});
