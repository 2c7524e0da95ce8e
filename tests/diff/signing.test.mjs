// EIP-191 personal_sign and EIP-712 v4 typed data: the core against @metamask/eth-sig-util and
// viem, byte for byte (RFC 6979 deterministic nonces, low s, v ∈ {27, 28}); eth_signTypedData_v3
// (the worker's V3 check, then the core's v4 signing) against eth-sig-util V3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { personalSign, recoverPersonalSignature as sigUtilRecover, signTypedData, TypedDataUtils } from '@metamask/eth-sig-util';
import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { verifyMessage, hashTypedData, getAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { Keyring, recoverPersonalSignature, hashTypedDataV4, typedDataView, seededRng, toHex, throwsCode, quietly, PASSWORD } from './core.mjs';
import { randomTypedData } from './typed-data-gen.mjs';
import { MAIL } from './eip712-mail.mjs';
import { v3Problem } from '../../extension/background/dapp/typed-data-v3.js';

const rng = seededRng('signing.test.mjs');
// BIP39 reference vector (trezor/python-mnemonic vectors.json), used here only as a fixed SRP.
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const N = secp256k1.Point.CURVE().n;
const HALF_N = N >> 1n;

/** @type {Keyring} */
let keyring;
/** [{ address, key: '0x…' }] for every account of the keyring (3 HD + ~100 imported). */
const accounts = [];

function randomPrivateKey() {
  for (;;) {
    const k = rng.bytes(32);
    const x = BigInt(toHex(k));
    if (x > 0n && x < N) return toHex(k);
  }
}

before(() => {
  keyring = Keyring.restore(PASSWORD, PHRASE);
  keyring.addAccount();
  keyring.addAccount();
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(PHRASE));
  for (const a of keyring.accounts()) {
    assert.equal(a.type, 'hd');
    accounts.push({ address: a.address, key: toHex(root.derive(`m/44'/60'/0'/0/${a.index}`).privateKey) });
  }
  // Edge keys 1 and n-1, then random ones, imported in several spellings.
  const keys = ['0x' + '0'.repeat(63) + '1', '0x' + (N - 1n).toString(16).padStart(64, '0')];
  while (keys.length < 100) keys.push(randomPrivateKey());
  for (const key of keys) {
    const spelling = rng.pick([key, key.slice(2), key.toUpperCase().replace('0X', '0x'), key.slice(2).toUpperCase()]);
    const address = keyring.importPrivateKey(spelling);
    assert.equal(address, privateKeyToAccount(key).address, `import of ${key}`);
    accounts.push({ address, key });
  }
  assert.equal(keyring.accounts().length, accounts.length);
});

after(() => quietly(() => keyring?.free()));

function assertSignatureForm(sig, ctx) {
  assert.match(sig, /^0x[0-9a-f]{130}$/, ctx);
  const s = BigInt('0x' + sig.slice(66, 130));
  assert.ok(s <= HALF_N, `low s: ${ctx}`);
  assert.ok(['1b', '1c'].includes(sig.slice(130)), `v ∈ {27, 28}: ${ctx}`);
}

test('personal_sign: random messages and accounts equal eth-sig-util and viem', async () => {
  const cases = 300;
  for (let n = 0; n < cases; n++) {
    const acct = rng.pick(accounts);
    const len = rng.pick([0, 1, 2, 20, 31, 32, 33, 64, rng.int(300)]);
    const data = rng.bool(0.2)
      ? toHex(new TextEncoder().encode(Array.from({ length: len }, () => rng.pick(['a', 'Z', ' ', '\n', 'é', '🦊'])).join('')))
      : toHex(rng.bytes(len));
    const ctx = `message ${data} by ${acct.address}`;
    const sig = keyring.signPersonalMessage(acct.address, data);
    assertSignatureForm(sig, ctx);
    assert.equal(sig, personalSign({ privateKey: Buffer.from(acct.key.slice(2), 'hex'), data }), `eth-sig-util: ${ctx}`);
    assert.equal(sig, await privateKeyToAccount(acct.key).signMessage({ message: { raw: data } }), `viem: ${ctx}`);
    assert.equal(recoverPersonalSignature(data, sig), acct.address, `core recover: ${ctx}`);
    assert.equal(getAddress(sigUtilRecover({ data, signature: sig })), acct.address, `eth-sig-util recover: ${ctx}`);
    assert.equal(await verifyMessage({ address: acct.address, message: { raw: data }, signature: sig }), true, ctx);
    // The address may be given in any case.
    if (n % 10 === 0) assert.equal(keyring.signPersonalMessage(acct.address.toLowerCase(), data), sig);
  }
});

test('recoverPersonalSignature of signatures made by viem', async () => {
  for (let n = 0; n < 50; n++) {
    const key = randomPrivateKey();
    const data = toHex(rng.bytes(rng.int(100)));
    const acct = privateKeyToAccount(key);
    const sig = await acct.signMessage({ message: { raw: data } });
    assert.equal(recoverPersonalSignature(data, sig), acct.address);
    // A different message recovers some other address (or fails), never the signer.
    const other = toHex(rng.bytes(33));
    let got;
    try {
      got = recoverPersonalSignature(other, sig);
    } catch {
      got = null;
    }
    assert.notEqual(got, acct.address);
  }
});

test('signPersonalMessage: unknown account throws UNKNOWN_ACCOUNT', () => {
  throwsCode(() => keyring.signPersonalMessage(toHex(rng.bytes(20)), '0x1234'), 'UNKNOWN_ACCOUNT');
});

// The example of the EIP-712 text (eips.ethereum.org/EIPS/eip-712, "Example.js" and its test):
// signer key keccak256("cow"), signing hash and signature (v = 28) as published there.
const MAIL_HASH = '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2';
const MAIL_SIG =
  '0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d' +
  '07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562' +
  '1c';

/**
 * Typed data rebuilt from nothing but the core's view (declared fields, values as shown), hashed
 * by eth-sig-util: equal to the original hash iff the window shows exactly what is signed.
 */
function sigUtilHashOfView(view, types) {
  const value = (node) => {
    if (node.fields) return Object.fromEntries(node.fields.map((f) => [f.name, value(f)]));
    if (node.items) return node.items.map(value);
    if (node.type === 'bool') return node.value === 'true';
    return node.value; // null (a null struct), or the text eth-sig-util reads as hashed
  };
  const struct = (fields) => Object.fromEntries(fields.map((f) => [f.name, value(f)]));
  const rebuilt = { types, primaryType: view.primaryType, domain: struct(view.domain), message: view.domainOnly ? {} : struct(view.message) };
  return toHex(TypedDataUtils.eip712Hash(rebuilt, 'V4'));
}

test('typedDataView of the Mail example: declared fields in declared order, chainId as declared', () => {
  const view = typedDataView(MAIL);
  assert.equal(view.primaryType, 'Mail');
  assert.equal(view.domainOnly, false);
  assert.equal(view.chainId, '1');
  assert.deepEqual(view.domain.map((f) => [f.name, f.value]), [
    ['name', 'Ether Mail'], ['version', '1'], ['chainId', '1'], ['verifyingContract', '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC'],
  ]);
  assert.deepEqual(view.message.map((f) => f.name), ['from', 'to', 'contents']);
  assert.deepEqual(view.message[0], { name: 'from', type: 'Person', fields: [
    { name: 'name', type: 'string', value: 'Cow' },
    { name: 'wallet', type: 'address', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
  ] });
  assert.equal(sigUtilHashOfView(view, MAIL.types), MAIL_HASH);
  const domainOnly = typedDataView({ ...MAIL, primaryType: 'EIP712Domain' });
  assert.equal(domainOnly.domainOnly, true);
  assert.equal(domainOnly.message, null);
});

test('EIP-712 Mail example: hash and signature as in the EIP, eth-sig-util and viem', async () => {
  const cowKey = toHex(keccak_256(new TextEncoder().encode('cow')));
  const cow = keyring.importPrivateKey(cowKey);
  assert.equal(cow, '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826');
  try {
    assert.equal(toHex(TypedDataUtils.eip712Hash(MAIL, 'V4')), MAIL_HASH, 'eth-sig-util agrees with the EIP');
    assert.equal(hashTypedDataV4(MAIL), MAIL_HASH);
    assert.equal(hashTypedDataV4(JSON.stringify(MAIL)), MAIL_HASH);
    assert.equal(hashTypedData(MAIL), MAIL_HASH);
    assert.equal(keyring.signTypedDataV4(cow, MAIL), MAIL_SIG);
    assert.equal(keyring.signTypedDataV4(cow, JSON.stringify(MAIL)), MAIL_SIG);
    assert.equal(signTypedData({ privateKey: Buffer.from(cowKey.slice(2), 'hex'), data: MAIL, version: 'V4' }), MAIL_SIG);
    assert.equal(await privateKeyToAccount(cowKey).signTypedData(MAIL), MAIL_SIG);
  } finally {
    quietly(() => keyring.removeAccount(cow)); // never hide the assertion that failed
  }
});

test('EIP-712 v4: random typed data hashes and signs like eth-sig-util and viem', async () => {
  const cases = 150;
  for (let n = 0; n < cases; n++) {
    const { json, viem } = randomTypedData(rng);
    const text = JSON.stringify(json);
    const ctx = `typed data #${n}: ${text}`;
    const want = toHex(TypedDataUtils.eip712Hash(json, 'V4'));
    assert.equal(hashTypedData(viem), want, `the two libraries agree (generator check): ${ctx}`);
    assert.equal(sigUtilHashOfView(typedDataView(text), json.types), want, `the view is what is signed: ${ctx}`);
    assert.equal(hashTypedDataV4(rng.bool() ? text : json), want, `hash: ${ctx}`);

    const acct = rng.pick(accounts);
    const sig = keyring.signTypedDataV4(acct.address, rng.bool() ? text : json);
    assertSignatureForm(sig, ctx);
    assert.equal(sig, signTypedData({ privateKey: Buffer.from(acct.key.slice(2), 'hex'), data: json, version: 'V4' }), `eth-sig-util: ${ctx}`);
    assert.equal(sig, await privateKeyToAccount(acct.key).signTypedData(viem), `viem: ${ctx}`);
  }
});

const sigUtilV3 = (json, key) => signTypedData({ privateKey: Buffer.from(key.slice(2), 'hex'), data: structuredClone(json), version: 'V3' });

test('EIP-712 v3: what the V3 check passes signs as eth-sig-util V3; what it refuses, eth-sig-util V3 cannot sign', () => {
  const cases = 150;
  let signed = 0;
  let refused = 0;
  for (let n = 0; n < cases; n++) {
    // A third without arrays, so that most cases sign; the rest with arrays now and then.
    const { json } = randomTypedData(rng, { arrays: n % 3 !== 0 });
    const ctx = `typed data #${n}: ${JSON.stringify(json)}`;
    const acct = rng.pick(accounts);
    const problem = v3Problem(json);
    if (problem === null) {
      const want = toHex(TypedDataUtils.eip712Hash(structuredClone(json), 'V3'));
      assert.equal(hashTypedDataV4(JSON.stringify(json)), want, `hash: ${ctx}`);
      assert.equal(keyring.signTypedDataV4(acct.address, JSON.stringify(json)), sigUtilV3(json, acct.key), `signature: ${ctx}`);
      signed += 1;
    } else {
      assert.match(problem, /array/, ctx);
      assert.throws(() => sigUtilV3(json, acct.key), /Arrays are unimplemented/, `eth-sig-util V3 signs what the check refused (${problem}): ${ctx}`);
      refused += 1;
    }
  }
  assert.ok(signed >= 50 && refused >= 10, `both kinds were drawn (${signed} signed, ${refused} refused)`);
});

test('EIP-712 v3: an empty struct value is refused; eth-sig-util V3 throws on null and leaves an absent one out of the hash', () => {
  const withStruct = (value) => {
    const d = structuredClone(MAIL);
    d.types.Extra = [{ name: 'note', type: 'string' }];
    d.types.Mail.push({ name: 'extra', type: 'Extra' });
    if (value !== undefined) d.message.extra = value;
    return d;
  };
  const [acct] = accounts;
  const present = withStruct({ note: 'hi' });
  assert.equal(v3Problem(present), null);
  assert.equal(keyring.signTypedDataV4(acct.address, JSON.stringify(present)), sigUtilV3(present, acct.key), 'a struct with a value signs as V3');

  const nulled = withStruct(null);
  assert.match(v3Problem(nulled), /Mail\.extra .*no value/);
  assert.throws(() => sigUtilV3(nulled, acct.key));

  const absent = withStruct(undefined);
  assert.match(v3Problem(absent), /Mail\.extra .*no value/);
  // V3 skips the field: its hash is neither V4's nor that of any data the window could show.
  assert.notEqual(toHex(TypedDataUtils.eip712Hash(structuredClone(absent), 'V3')), toHex(TypedDataUtils.eip712Hash(structuredClone(absent), 'V4')));

  const nestedArray = withStruct({ note: 'hi' });
  nestedArray.types.Extra.push({ name: 'tags', type: 'string[]' });
  nestedArray.message.extra.tags = ['a'];
  assert.match(v3Problem(nestedArray), /Extra\.tags is an array/);
  assert.throws(() => sigUtilV3(nestedArray, acct.key), /Arrays are unimplemented/);
});

test('EIP-712 v4: forms eth-sig-util accepts and encodes unambiguously hash the same', () => {
  const base = () => ({
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }],
      M: [{ name: 'b', type: 'bytes' }, { name: 'a', type: 'address' }, { name: 'u', type: 'uint256' }, { name: 'f', type: 'bytes4' }],
    },
    primaryType: 'M',
    domain: { name: 'x', chainId: 1 },
    message: { b: '0x01', a: '0x' + '11'.repeat(20), u: '1', f: '0x01020304' },
  });
  const variants = {
    'bytes given as UTF-8 text': (d) => (d.message.b = 'hello'),
    'empty bytes 0x': (d) => (d.message.b = '0x'),
    'chainId as a hex string': (d) => (d.domain.chainId = '0x1'),
    'chainId as a decimal string': (d) => (d.domain.chainId = '1'),
    'primaryType EIP712Domain (domain only)': (d) => (d.primaryType = 'EIP712Domain'),
    'empty EIP712Domain type (empty domain struct)': (d) => {
      d.types.EIP712Domain = [];
      d.domain = {};
    },
    'recursive struct': (d) => {
      d.types.M.push({ name: 'kids', type: 'M[]' });
      d.message.kids = [{ b: '0x', a: '0x' + '22'.repeat(20), u: 2, f: '0x00000000', kids: [] }];
    },
    'null struct value encodes as zero': (d) => {
      d.types.N = [{ name: 'x', type: 'uint8' }];
      d.types.M.push({ name: 'n', type: 'N' });
      d.message.n = null;
    },
    'struct with no fields': (d) => {
      d.types.M = [];
      d.message = {};
    },
    'uint256 max': (d) => (d.message.u = '0x' + 'f'.repeat(64)),
    'address with a wrong EIP-55 checksum': (d) => (d.message.a = '0x' + 'aA'.repeat(20)),
  };
  for (const [what, mutate] of Object.entries(variants)) {
    const d = base();
    mutate(d);
    const want = toHex(TypedDataUtils.eip712Hash(structuredClone(d), 'V4'));
    assert.equal(hashTypedDataV4(JSON.stringify(d)), want, what);
    assert.equal(sigUtilHashOfView(typedDataView(JSON.stringify(d)), d.types), want, `view: ${what}`);
  }
});

test('EIP-712 v4: what eth-sig-util signs but the window could not show truthfully is refused', () => {
  // eth-sig-util V4 (and viem, where it does not throw) sign each of these, but a window showing
  // the JSON would show something the signature does not cover, so Keystead refuses them
  // (INVALID_TYPED_DATA, -32602 for a dApp) and the approval window never opens.
  const base = () => structuredClone(MAIL);
  const refused = {
    // Both libraries ignore undeclared keys: "amount: 0" would be shown, not signed.
    'message field not in the type': [(d) => (d.message.amount = 0), 'undeclared field'],
    'nested struct field not in the type': [(d) => (d.message.from.nickname = 'moo'), 'undeclared field'],
    // Shown chainId and contract not signed: the signature is valid on every chain and contract.
    'domain fields not in EIP712Domain': [(d) => (d.types.EIP712Domain = [{ name: 'name', type: 'string' }]), 'undeclared field'],
    // eth-sig-util signs an empty domain, viem derives the type from the domain's keys.
    'no EIP712Domain type': [(d) => delete d.types.EIP712Domain, 'missing EIP712Domain type'],
    // eth-sig-util encodes an absent struct as zero; viem throws.
    'absent struct field': [(d) => delete d.message.to, 'missing value'],
    // eth-sig-util hashes the bytes of the number (10 as "\n"), not the digits shown.
    'number in a string field': [(d) => (d.message.contents = 10), 'number for a string value, use a json string'],
  };
  for (const [what, [mutate, reason]] of Object.entries(refused)) {
    const d = base();
    mutate(d);
    assert.match(toHex(TypedDataUtils.eip712Hash(structuredClone(d), 'V4')), /^0x[0-9a-f]{64}$/, `eth-sig-util signs: ${what}`);
    for (const call of [() => hashTypedDataV4(JSON.stringify(d)), () => typedDataView(JSON.stringify(d))]) {
      assert.throws(call, (e) => e.code === 'INVALID_TYPED_DATA' && e.message === `invalid typed data: ${reason}`, what);
    }
  }
  // The two libraries really disagree on a missing EIP712Domain type.
  const noDomainType = base();
  delete noDomainType.types.EIP712Domain;
  assert.notEqual(hashTypedData(noDomainType), toHex(TypedDataUtils.eip712Hash(structuredClone(noDomainType), 'V4')));
});

test('malformed typed data throws INVALID_TYPED_DATA', () => {
  const addr = accounts[0].address;
  const clone = () => structuredClone(MAIL);
  const bad = [];
  bad.push(['bad JSON', '{"types": {'], ['truncated JSON', JSON.stringify(MAIL).slice(0, -3)]);
  let d = clone();
  d.types.Person[1].type = 'wallet'; // unknown type
  bad.push(['unknown type', d]);
  d = clone();
  d.types.Person.push({ name: 'age', type: 'uint8' });
  d.message.from.age = 256; // uint8 of 256
  d.message.to.age = 1;
  bad.push(['uint8 of 256', d]);
  d = structuredClone(bad.at(-1)[1]);
  d.message.from.age = '256';
  bad.push(['uint8 of "256"', d]);
  d = structuredClone(bad.at(-1)[1]);
  d.message.from.age = -1;
  bad.push(['uint8 of -1', d]);
  d = clone();
  d.types.Person.push({ name: 'age', type: 'int8' });
  d.message.from.age = 128;
  d.message.to.age = -128;
  bad.push(['int8 of 128', d]);
  d = clone();
  d.primaryType = 'Letter';
  bad.push(['primaryType not among the types', d]);
  d = clone();
  d.message.from.wallet = '0x1234';
  bad.push(['short address', d]);
  d = clone();
  d.types.Person.push({ name: 'tag', type: 'bytes4' });
  d.message.from.tag = '0x0102030405';
  d.message.to.tag = '0x01020304';
  bad.push(['bytes4 of 5 bytes', d]);
  d = clone();
  d.types.Person.push({ name: 'n', type: 'uint7' });
  d.message.from.n = 1;
  d.message.to.n = 1;
  bad.push(['uint7 is no type', d]);
  d = clone();
  delete d.message.contents;
  bad.push(['missing string field', d]);
  for (const [what, data] of bad) {
    throwsCode(() => hashTypedDataV4(typeof data === 'string' ? data : JSON.stringify(data)), 'INVALID_TYPED_DATA', `hash: ${what}`);
    throwsCode(() => keyring.signTypedDataV4(addr, data), 'INVALID_TYPED_DATA', `sign: ${what}`);
  }
});
