// EIP-7702: the core's authorization hashes and signatures, and its type-4 transactions, against
// viem's hashAuthorization, signAuthorization, parseTransaction / recoverTransactionAddress and
// signTransaction (type 'eip7702'), byte for byte, on random inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { parseTransaction, recoverTransactionAddress, getAddress, serializeTransaction } from 'viem';
import { hashAuthorization as viemHashAuthorization, recoverAuthorizationAddress } from 'viem/utils';
import { privateKeyToAccount } from 'viem/accounts';
import { Keyring, importRandomKeys, hashAuthorization, seededRng, toHex, throwsCode, quietly, PASSWORD } from './core.mjs';

const rng = seededRng('authorizations.test.mjs');
// BIP39 reference vector (trezor/python-mnemonic vectors.json), used here only as a fixed SRP.
const PHRASE = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
const N = secp256k1.Point.CURVE().n;
const ZERO = '0x0000000000000000000000000000000000000000';
const q = (x) => '0x' + BigInt(x).toString(16); // JSON-RPC quantity

let keyring;
const accounts = [];

before(() => {
  keyring = Keyring.restore(PASSWORD, PHRASE);
  importRandomKeys(keyring, rng, accounts, 20, N);
});

after(() => quietly(() => keyring?.free()));

/** A random authorization: `{ rpc }` for the core, `{ viem }` for viem (numbers). */
function randomAuthorization() {
  const chainId = rng.pick([0, 1, 31337, 11155111, rng.range(1, 2 ** 32 - 1), Number.MAX_SAFE_INTEGER]);
  const nonce = rng.pick([0, 1, rng.int(1000), rng.range(0, 2 ** 32 - 1), Number.MAX_SAFE_INTEGER]);
  const address = rng.bool(0.2) ? ZERO : getAddress(toHex(rng.bytes(20)));
  const rpc = { chainId: q(chainId), address: rng.bool() ? address.toLowerCase() : address, nonce: q(nonce) };
  return { rpc, viem: { chainId, address, nonce } };
}

/** The core's signed authorization (JSON-RPC quantities) in viem's form. */
function toViem(signed) {
  return {
    chainId: Number(signed.chainId),
    address: signed.address,
    nonce: Number(signed.nonce),
    yParity: Number(signed.yParity),
    r: '0x' + BigInt(signed.r).toString(16).padStart(64, '0'),
    s: '0x' + BigInt(signed.s).toString(16).padStart(64, '0'),
  };
}

test('random authorizations: the same hash as viem, the same signature as viem, and it recovers', async () => {
  for (let n = 0; n < 150; n++) {
    const { rpc, viem } = randomAuthorization();
    const acct = rng.pick(accounts);
    const ctx = `authorization #${n} by ${acct.address}: ${JSON.stringify(rpc)}`;
    const hash = hashAuthorization(rng.bool(0.2) ? JSON.stringify(rpc) : rpc);
    assert.equal(hash, viemHashAuthorization(viem), ctx);
    const signed = keyring.signAuthorization(acct.address, rng.bool(0.2) ? JSON.stringify(rpc) : rpc);
    assert.deepEqual(Object.keys(signed), ['chainId', 'address', 'nonce', 'yParity', 'r', 's'], ctx);
    assert.equal(signed.address, viem.address, `checksummed: ${ctx}`);
    for (const k of ['chainId', 'nonce', 'yParity', 'r', 's']) assert.match(signed[k], /^0x(0|[1-9a-f][0-9a-f]*)$/, `${k} is a minimal quantity: ${ctx}`);
    const theirs = await privateKeyToAccount(acct.key).signAuthorization(viem);
    const ours = toViem(signed);
    assert.deepEqual(ours, { chainId: theirs.chainId, address: getAddress(theirs.address), nonce: theirs.nonce, yParity: theirs.yParity, r: theirs.r, s: theirs.s }, ctx);
    assert.ok(BigInt(signed.s) <= N >> 1n, `low s: ${ctx}`);
    assert.equal(await recoverAuthorizationAddress({ authorization: ours }), acct.address, `signer: ${ctx}`);
  }
});

test('random type-4 transactions: viem parses them back, recovers the signer and signs the same bytes', async () => {
  for (let n = 0; n < 120; n++) {
    const acct = rng.pick(accounts);
    const chainId = rng.pick([1, 31337, rng.range(1, 2 ** 32 - 1)]);
    const nonce = rng.pick([0, rng.int(1000), rng.range(0, 2 ** 32 - 1)]);
    const list = Array.from({ length: rng.pick([1, 1, 2, 3]) }, () => {
      const { rpc } = randomAuthorization();
      return keyring.signAuthorization(rng.pick(accounts).address, rpc);
    });
    const maxFeePerGas = rng.bigInt(256);
    const maxPriorityFeePerGas = rng.bigInt(256) % (maxFeePerGas + 1n);
    const to = getAddress(toHex(rng.bytes(20)));
    const gas = rng.bigInt(64) | 21000n;
    const value = rng.bigInt(256);
    const data = toHex(rng.bytes(rng.pick([0, 4, 68, rng.int(300)])));
    const accessList = Array.from({ length: rng.pick([0, 0, 1, 2]) }, () => ({
      address: getAddress(toHex(rng.bytes(20))),
      storageKeys: Array.from({ length: rng.int(3) }, () => toHex(rng.bytes(32))),
    }));
    const rpc = { type: '0x4', chainId: q(chainId), nonce: q(nonce), gas: q(gas), maxFeePerGas: q(maxFeePerGas), maxPriorityFeePerGas: q(maxPriorityFeePerGas), to, value: q(value), data, authorizationList: list };
    if (accessList.length > 0 || rng.bool()) rpc.accessList = accessList;
    if (rng.bool(0.2)) delete rpc.type; // inferred from the authorization list
    const viem = { type: 'eip7702', chainId, nonce, gas, maxFeePerGas, maxPriorityFeePerGas, to, value, data, accessList, authorizationList: list.map(toViem) };
    const ctx = `tx #${n} by ${acct.address}: ${JSON.stringify(rpc)}`;

    const raw = keyring.signTransaction(acct.address, rng.bool(0.2) ? JSON.stringify(rpc) : rpc);
    assert.match(raw, /^0x04[0-9a-f]+$/, ctx);
    const p = parseTransaction(raw);
    assert.equal(p.type, 'eip7702', ctx);
    assert.equal(p.chainId, chainId, ctx);
    assert.equal(p.nonce ?? 0, nonce, ctx);
    assert.equal(getAddress(p.to), to, ctx);
    assert.equal(p.value ?? 0n, value, ctx);
    assert.equal(p.maxFeePerGas ?? 0n, maxFeePerGas, ctx);
    assert.equal(p.maxPriorityFeePerGas ?? 0n, maxPriorityFeePerGas, ctx);
    assert.deepEqual(p.authorizationList.map((a) => ({ ...toViem({ chainId: q(a.chainId), address: getAddress(a.address), nonce: q(a.nonce), yParity: q(a.yParity), r: a.r, s: a.s }) })), viem.authorizationList, ctx);
    assert.equal(await recoverTransactionAddress({ serializedTransaction: raw }), acct.address, `signer: ${ctx}`);
    assert.equal(raw, await privateKeyToAccount(acct.key).signTransaction(viem), `viem bytes: ${ctx}`);
    // viem's serializeTransaction of the same fields with the core's signature gives the same bytes.
    assert.equal(serializeTransaction(viem, { r: p.r, s: p.s, yParity: p.yParity }), raw, `serializeTransaction: ${ctx}`);
  }
});

test('a delegation cleared by its own sender: authorization nonce = transaction nonce + 1, to the zero address', async () => {
  const acct = accounts[0];
  const auth = keyring.signAuthorization(acct.address, { chainId: '0x7a69', address: ZERO, nonce: '0x6' });
  const rpc = { type: '0x4', chainId: '0x7a69', nonce: '0x5', gas: '0x186a0', maxFeePerGas: '0x77359400', maxPriorityFeePerGas: '0x3b9aca00', to: acct.address, value: '0x0', data: '0x', authorizationList: [auth] };
  const raw = keyring.signTransaction(acct.address, rpc);
  const viem = { type: 'eip7702', chainId: 31337, nonce: 5, gas: 100000n, maxFeePerGas: 2000000000n, maxPriorityFeePerGas: 1000000000n, to: acct.address, value: 0n, data: '0x', authorizationList: [toViem(auth)] };
  assert.equal(raw, await privateKeyToAccount(acct.key).signTransaction(viem));
  assert.equal(await recoverAuthorizationAddress({ authorization: toViem(auth) }), acct.address);
});

test('malformed authorizations and type-4 requests are refused with their codes', () => {
  const from = accounts[0].address;
  const good = { chainId: '0x1', address: ZERO, nonce: '0x0' };
  const cases = [
    ['bad JSON', '{"chainId": '],
    ['missing nonce', { chainId: '0x1', address: ZERO }],
    ['nonce of 2^64', { ...good, nonce: q(2n ** 64n) }],
    ['chainId as a number', { ...good, chainId: 1 }],
    ['19-byte address', { ...good, address: '0x' + '35'.repeat(19) }],
    ['a signature field', { ...good, yParity: '0x0' }],
    ['an unknown field', { ...good, contractAddress: ZERO }],
  ];
  for (const [what, a] of cases) {
    throwsCode(() => keyring.signAuthorization(from, a), 'INVALID_AUTHORIZATION', what);
    throwsCode(() => hashAuthorization(a), 'INVALID_AUTHORIZATION', what);
  }
  throwsCode(() => hashAuthorization(42), 'INVALID_ARGUMENT', 'not json text or an object');
  throwsCode(() => keyring.signAuthorization(toHex(rng.bytes(20)), good), 'UNKNOWN_ACCOUNT');
  const signed = keyring.signAuthorization(from, good);
  const tx = { type: '0x4', chainId: '0x1', nonce: '0x0', gas: '0x186a0', maxFeePerGas: '0x2', maxPriorityFeePerGas: '0x1', to: from, value: '0x0', authorizationList: [signed] };
  assert.match(keyring.signTransaction(from, tx), /^0x04/);
  const bad = [
    ['no to', (({ to, ...r }) => r)(tx)],
    ['empty list', { ...tx, authorizationList: [] }],
    ['unsigned entry', { ...tx, authorizationList: [good] }],
    ['yParity 2', { ...tx, authorizationList: [{ ...signed, yParity: '0x2' }] }],
    ['type 2 with a list', { ...tx, type: '0x2' }],
    ['gasPrice', { ...(({ maxFeePerGas, maxPriorityFeePerGas, ...r }) => r)(tx), gasPrice: '0x1' }],
  ];
  for (const [what, t] of bad) throwsCode(() => keyring.signTransaction(from, t), 'INVALID_TRANSACTION', what);
});
