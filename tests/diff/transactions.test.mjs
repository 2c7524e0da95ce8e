// Transaction signing (legacy/EIP-155, EIP-2930, EIP-1559): the core's raw signed transactions
// against viem's parser, signer recovery and viem's own signer, byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { parseTransaction, recoverTransactionAddress, getAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { Keyring, importRandomKeys, seededRng, toHex, throwsCode, quietly, PASSWORD } from './core.mjs';

const rng = seededRng('transactions.test.mjs');
// BIP39 reference vector (trezor/python-mnemonic vectors.json), used here only as a fixed SRP.
const PHRASE = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
const N = secp256k1.Point.CURVE().n;
const U256_MAX = 2n ** 256n - 1n;
const U64_MAX = 2n ** 64n - 1n;

let keyring;
const accounts = [];

before(() => {
  keyring = Keyring.restore(PASSWORD, PHRASE);
  keyring.addAccount();
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(PHRASE));
  for (const a of keyring.accounts()) {
    accounts.push({ address: a.address, key: toHex(root.derive(`m/44'/60'/0'/0/${a.index}`).privateKey) });
  }
  importRandomKeys(keyring, rng, accounts, 30, N);
});

after(() => quietly(() => keyring?.free()));

const q = (x) => '0x' + BigInt(x).toString(16); // JSON-RPC quantity

function randomAccessList() {
  return Array.from({ length: rng.pick([0, 0, 1, 2, 3]) }, () => ({
    address: getAddress(toHex(rng.bytes(20))),
    storageKeys: Array.from({ length: rng.int(4) }, () => toHex(rng.bytes(32))),
  }));
}

/** A random request: `{ rpc }` for the core (JSON-RPC names, 0x quantities) and `{ viem }`. */
function randomRequest() {
  const type = rng.pick(['legacy', 'eip2930', 'eip1559']);
  const chainId = rng.pick([1, 1, 31337, 11155111, rng.range(1, 2 ** 32 - 1), rng.range(1, 1000)]);
  const nonce = rng.pick([0, 1, rng.int(1000), rng.range(0, 2 ** 32 - 1), Number.MAX_SAFE_INTEGER]);
  const gas = rng.pick([21000n, 2n ** 24n, BigInt(rng.range(21000, 30_000_000)), rng.bigInt(64) | 21000n]);
  const value = rng.bigInt(256);
  const to = rng.bool(0.85) ? toHex(rng.bytes(20)) : null;
  const dataLen = rng.pick([0, 0, 4, 36, 68, rng.int(300), rng.bool(0.05) ? 5000 : 1]);
  const data = toHex(rng.bytes(dataLen));
  const viem = { type, chainId, nonce, gas, value, data };
  const rpc = { type: { legacy: '0x0', eip2930: '0x1', eip1559: '0x2' }[type], chainId: q(chainId), nonce: q(nonce), gas: q(gas), value: q(value), data };
  if (to !== null) {
    viem.to = getAddress(to);
    rpc.to = rng.bool() ? to : getAddress(to);
  } else if (rng.bool()) {
    rpc.to = null; // contract creation, spelled either way
  }
  if (type === 'legacy' || type === 'eip2930') {
    viem.gasPrice = rng.bigInt(256);
    rpc.gasPrice = q(viem.gasPrice);
  } else {
    viem.maxFeePerGas = rng.bigInt(256);
    viem.maxPriorityFeePerGas = rng.bool(0.2) ? viem.maxFeePerGas : rng.bigInt(256) % (viem.maxFeePerGas + 1n);
    rpc.maxFeePerGas = q(viem.maxFeePerGas);
    rpc.maxPriorityFeePerGas = q(viem.maxPriorityFeePerGas);
  }
  if (type !== 'legacy') {
    viem.accessList = randomAccessList();
    if (viem.accessList.length > 0 || rng.bool()) rpc.accessList = viem.accessList;
  }
  return { rpc, viem };
}

test('EIP-155 example (eips.ethereum.org/EIPS/eip-155): the signed bytes of the EIP text', () => {
  // "Consider a transaction with nonce = 9, gasprice = 20 * 10**9, startgas = 21000,
  //  to = 0x3535353535353535353535353535353535353535, value = 10**18, data='' ", key 0x46…46, chain 1.
  const key = '0x' + '46'.repeat(32);
  const signed =
    '0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000' +
    '8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83';
  const addr = keyring.importPrivateKey(key);
  assert.equal(addr, '0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F');
  try {
    const tx = { type: '0x0', chainId: '0x1', nonce: '0x9', gasPrice: '0x4a817c800', gas: '0x5208', to: '0x3535353535353535353535353535353535353535', value: '0xde0b6b3a7640000', data: '0x' };
    assert.equal(keyring.signTransaction(addr, tx), signed);
    assert.equal(keyring.signTransaction(addr, JSON.stringify(tx)), signed, 'as a JSON string');
  } finally {
    quietly(() => keyring.removeAccount(addr)); // never hide the assertion that failed
  }
});

test('random legacy, EIP-2930 and EIP-1559 transactions: viem parses them back, recovers the signer, signs the same bytes', async () => {
  const cases = 200;
  const seen = { legacy: 0, eip2930: 0, eip1559: 0 };
  for (let n = 0; n < cases; n++) {
    const { rpc, viem } = randomRequest();
    const acct = rng.pick(accounts);
    const ctx = `tx #${n} by ${acct.address}: ${JSON.stringify(rpc)}`;
    const raw = keyring.signTransaction(rng.bool(0.1) ? acct.address.toLowerCase() : acct.address, rng.bool(0.2) ? JSON.stringify(rpc) : rpc);
    assert.match(raw, /^0x[0-9a-f]+$/, ctx);
    seen[viem.type]++;

    const p = parseTransaction(raw);
    assert.equal(p.type, viem.type, ctx);
    assert.equal(p.chainId, viem.chainId, ctx);
    assert.equal(p.nonce ?? 0, viem.nonce, ctx);
    assert.equal(p.gas ?? 0n, viem.gas, ctx);
    assert.equal(p.value ?? 0n, viem.value, ctx);
    assert.equal(p.data ?? '0x', viem.data, ctx);
    assert.equal(p.to ? getAddress(p.to) : null, viem.to ?? null, ctx);
    if (viem.type === 'eip1559') {
      assert.equal(p.maxFeePerGas ?? 0n, viem.maxFeePerGas, ctx);
      assert.equal(p.maxPriorityFeePerGas ?? 0n, viem.maxPriorityFeePerGas, ctx);
    } else {
      assert.equal(p.gasPrice ?? 0n, viem.gasPrice, ctx);
    }
    if (viem.type !== 'legacy') {
      const got = (p.accessList ?? []).map((e) => ({ address: getAddress(e.address), storageKeys: e.storageKeys }));
      assert.deepEqual(got, viem.accessList, ctx);
      assert.ok(p.yParity === 0 || p.yParity === 1, ctx);
    } else {
      // EIP-155: v = chainId * 2 + 35 + yParity.
      assert.ok(p.v === BigInt(viem.chainId) * 2n + 35n || p.v === BigInt(viem.chainId) * 2n + 36n, `EIP-155 v: ${ctx}`);
    }
    assert.ok(BigInt(p.s) <= N >> 1n, `low s: ${ctx}`);

    assert.equal(await recoverTransactionAddress({ serializedTransaction: raw }), acct.address, `signer: ${ctx}`);
    assert.equal(raw, await privateKeyToAccount(acct.key).signTransaction(viem), `viem bytes: ${ctx}`);
  }
  for (const t of Object.keys(seen)) assert.ok(seen[t] > 20, `enough ${t} cases: ${JSON.stringify(seen)}`);
});

test('malformed transaction requests throw INVALID_TRANSACTION', () => {
  const from = accounts[0].address;
  const base = { type: '0x2', chainId: '0x1', nonce: '0x0', gas: '0x5208', maxFeePerGas: '0x3b9aca00', maxPriorityFeePerGas: '0x1', to: '0x' + '35'.repeat(20), value: '0x1', data: '0x' };
  // The base request is fine: the cases below each break one thing.
  assert.match(keyring.signTransaction(from, base), /^0x02/);
  const cases = [
    ['bad JSON string', '{"type": "0x2", '],
    ['not hex quantity', { ...base, value: '0xzz' }],
    ['value of 2^256', { ...base, value: q(U256_MAX + 1n) }],
    ['maxFeePerGas of 2^256', { ...base, maxFeePerGas: q(U256_MAX + 1n) }],
    ['19-byte to', { ...base, to: '0x' + '35'.repeat(19) }],
    ['non-hex to', { ...base, to: '0x' + 'zz'.repeat(20) }],
    ['odd-length data', { ...base, data: '0x123' }],
    ['non-hex data', { ...base, data: '0xhello' }],
    ['unknown type 0x7', { ...base, type: '0x7' }],
    ['type 2 without maxFeePerGas', (({ maxFeePerGas, ...r }) => r)(base)],
    ['type 0 without gasPrice', { ...(({ maxFeePerGas, maxPriorityFeePerGas, ...r }) => r)(base), type: '0x0' }],
    ['without gas', (({ gas, ...r }) => r)(base)],
    ['without chainId', (({ chainId, ...r }) => r)(base)],
    ['31-byte storage key', { ...base, accessList: [{ address: '0x' + '11'.repeat(20), storageKeys: ['0x' + '22'.repeat(31)] }] }],
    ['access list entry with a bad address', { ...base, accessList: [{ address: '0x1234', storageKeys: [] }] }],
    ['nonce of 2^64 (EIP-2681)', { ...base, nonce: q(U64_MAX + 1n) }],
    ['gas of 2^64', { ...base, gas: q(U64_MAX + 1n) }],
    ['chainId 0', { ...base, chainId: '0x0' }],
    ['blob type 0x3 (not supported)', { ...base, type: '0x3' }],
    ['type 1 with EIP-1559 fee fields', { ...base, type: '0x1', gasPrice: '0x1' }],
    ['legacy with a non-empty access list', { ...(({ maxFeePerGas, maxPriorityFeePerGas, ...r }) => r)(base), type: '0x0', gasPrice: '0x1', accessList: [{ address: '0x' + '11'.repeat(20), storageKeys: [] }] }],
    ['data and input that differ', { ...base, data: '0x12', input: '0x34' }],
    ['from naming another account', { ...base, from: accounts[1].address }],
    ['decimal quantity', { ...base, value: '100' }],
    ['quantity as a JSON number', { ...base, nonce: 5 }],
  ];
  for (const [what, tx] of cases) throwsCode(() => keyring.signTransaction(from, tx), 'INVALID_TRANSACTION', what);
});

test('other spellings dApps send (no type, input, gasLimit, from, leading zeros) sign as viem does', async () => {
  const acct = accounts[2];
  const viemAcct = privateKeyToAccount(acct.key);
  const to = getAddress(toHex(rng.bytes(20)));
  const cases = [
    // No `type`: EIP-1559 fee fields mean type 2; gasPrice + access list type 1; gasPrice alone legacy.
    [{ chainId: '0x1', nonce: '0x3', gas: '0x5208', maxFeePerGas: '0x64', maxPriorityFeePerGas: '0x2', to, value: '0x5' },
      { type: 'eip1559', chainId: 1, nonce: 3, gas: 21000n, maxFeePerGas: 100n, maxPriorityFeePerGas: 2n, to, value: 5n }],
    [{ chainId: '0x1', nonce: '0x3', gas: '0x5208', gasPrice: '0x64', to, value: '0x5', accessList: [{ address: to, storageKeys: [] }] },
      { type: 'eip2930', chainId: 1, nonce: 3, gas: 21000n, gasPrice: 100n, to, value: 5n, accessList: [{ address: to, storageKeys: [] }] }],
    [{ chainId: '0x7a69', nonce: '0x3', gas: '0x5208', gasPrice: '0x64', to, value: '0x5' },
      { type: 'legacy', chainId: 31337, nonce: 3, gas: 21000n, gasPrice: 100n, to, value: 5n }],
    // `input` (the JSON-RPC name) for data, `gasLimit` for gas, `from` naming the signer, 0x01.
    [{ type: '0x2', chainId: '0x01', nonce: '0x00', gasLimit: '0x05208', maxFeePerGas: '0x64', maxPriorityFeePerGas: '0x2', to, value: '0x0', input: '0xabcdef', from: acct.address.toLowerCase() },
      { type: 'eip1559', chainId: 1, nonce: 0, gas: 21000n, maxFeePerGas: 100n, maxPriorityFeePerGas: 2n, to, value: 0n, data: '0xabcdef' }],
  ];
  for (const [rpc, viem] of cases) {
    assert.equal(keyring.signTransaction(acct.address, rpc), await viemAcct.signTransaction(viem), JSON.stringify(rpc));
  }
});

test('EIP-1559 request with maxPriorityFeePerGas above maxFeePerGas is refused (as viem does)', async () => {
  const acct = accounts[0];
  const tx = { type: 'eip1559', chainId: 1, nonce: 0, gas: 21000n, maxFeePerGas: 10n, maxPriorityFeePerGas: 11n, to: '0x' + '35'.repeat(20), value: 0n };
  await assert.rejects(privateKeyToAccount(acct.key).signTransaction(tx), 'viem refuses it');
  throwsCode(
    () => keyring.signTransaction(acct.address, { type: '0x2', chainId: '0x1', nonce: '0x0', gas: '0x5208', maxFeePerGas: '0xa', maxPriorityFeePerGas: '0xb', to: tx.to, value: '0x0' }),
    'INVALID_TRANSACTION',
  );
});

test('signTransaction for an address the keyring does not hold throws UNKNOWN_ACCOUNT', () => {
  const tx = { type: '0x2', chainId: '0x1', nonce: '0x0', gas: '0x5208', maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x1', value: '0x0' };
  throwsCode(() => keyring.signTransaction(toHex(rng.bytes(20)), tx), 'UNKNOWN_ACCOUNT');
});
