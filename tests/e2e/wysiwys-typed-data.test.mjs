// What you see is what you sign, for signatures: a seeded generator makes CASES requests:
// EIP-2612 Permits, Permit2 PermitSingle, PermitBatch, PermitTransferFrom and its witness form,
// random EIP-712 typed data (tests/diff/typed-data-gen.mjs: nested structs, arrays, every atomic
// type, strings with control characters), and personal_sign messages (text with hidden
// characters, hex, exactly 32 bytes). Each window is read and approved; the values it displayed
// (the field tree, and for a permit the rows saying what it allows) are turned back into typed
// data, and viem must recover the account from the signature over them: so what was shown is
// exactly what was signed. Two dApp origins ask at once, each for its own account
// (wysiwys.mjs). KEYSTEAD_SEED replays a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getAddress, recoverTypedDataAddress, recoverMessageAddress, parseEther } from 'viem';
import { seededRng } from '../diff/core.mjs';
import { randomTypedData } from '../diff/typed-data-gen.mjs';
import { deployAll, PERMIT2 } from './contracts.mjs';
import { answer, readWindow } from './approval-window.mjs';
import { CASES, startRecordedScene, runStreams, streamRequest, readTypedFields, treeToValue, shownTypes, parseAmount, parseDate, unmark } from './wysiwys.mjs';

const rng = seededRng('wysiwys-typed-data.test.mjs');
let scene, c;

before(async () => {
  scene = await startRecordedScene();
  const { chain } = scene;
  c = await deployAll(chain);
});

after(() => scene?.stop());

const hex = (bytes) => `0x${Array.from({ length: bytes }, () => rng.range(0, 255).toString(16).padStart(2, '0')).join('')}`;
const max = (bits) => (1n << BigInt(bits)) - 1n;
const uint = (bits) => rng.pick([0n, 1n, max(bits), BigInt(hex(bits / 8)) & max(bits), parseEther(String(rng.range(1, 10 ** 6)))]) & max(bits);
const now = () => BigInt(Math.floor(Date.now() / 1000));
const date = (bits = 256) => rng.pick([0n, now() + BigInt(rng.range(60, 10 ** 8)), now() - BigInt(rng.range(60, 10 ** 6)), max(bits), 253402300799n, 253402300800n]) & max(bits);
const anyone = () => rng.pick([...scene.accounts.map((a) => a.address), '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', c.seller.address, getAddress(hex(20))]);
const token = () => rng.pick([c.token, c.uni.address, c.nft.address, getAddress(hex(20))]);

const DOMAIN = [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }];
const DETAILS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }];
const PERMISSIONS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint256' }];
const permit2Domain = () => ({ name: 'Permit2', chainId: 31337n, verifyingContract: rng.range(0, 3) ? PERMIT2 : getAddress(hex(20)) });
const details = () => ({ token: token(), amount: uint(160), expiration: Number(date(48)), nonce: rng.range(0, 1000) });

/** Random permits, each `{ types, primaryType, domain, message }` with integers as bigints. */
const PERMITS = {
  Permit: (owner) => {
    const contract = rng.pick([c.uni.address, c.token, getAddress(hex(20))]);
    return {
      types: { EIP712Domain: [DOMAIN[0], { name: 'version', type: 'string' }, DOMAIN[1], DOMAIN[2]], Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
      primaryType: 'Permit',
      domain: { name: contract === c.uni.address ? 'Uniswap V2' : 'Some Token', version: '1', chainId: 31337n, verifyingContract: contract },
      message: { owner, spender: anyone(), value: uint(256), nonce: uint(256), deadline: date() },
    };
  },
  PermitSingle: () => ({
    types: { EIP712Domain: DOMAIN, PermitDetails: DETAILS, PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }] },
    primaryType: 'PermitSingle',
    domain: permit2Domain(),
    message: { details: details(), spender: anyone(), sigDeadline: date() },
  }),
  PermitBatch: () => ({
    types: { EIP712Domain: DOMAIN, PermitDetails: DETAILS, PermitBatch: [{ name: 'details', type: 'PermitDetails[]' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }] },
    primaryType: 'PermitBatch',
    domain: permit2Domain(),
    message: { details: Array.from({ length: rng.range(1, 4) }, details), spender: anyone(), sigDeadline: date() },
  }),
  PermitTransferFrom: () => ({
    types: { EIP712Domain: DOMAIN, TokenPermissions: PERMISSIONS, PermitTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
    primaryType: 'PermitTransferFrom',
    domain: permit2Domain(),
    message: { permitted: { token: token(), amount: uint(256) }, spender: anyone(), nonce: uint(256), deadline: date() },
  }),
  PermitWitnessTransferFrom: () => ({
    types: {
      EIP712Domain: DOMAIN, TokenPermissions: PERMISSIONS, Order: [{ name: 'note', type: 'string' }, { name: 'id', type: 'uint256' }],
      PermitWitnessTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }, { name: 'witness', type: 'Order' }],
    },
    primaryType: 'PermitWitnessTransferFrom',
    domain: permit2Domain(),
    message: { permitted: { token: token(), amount: uint(256) }, spender: anyone(), nonce: uint(256), deadline: date(), witness: { note: 'fill \u202eorder', id: uint(256) } },
  }),
};

/** Random typed data the wallet accepts on chain 31337: a declared chainId is 31337; a contract needs one. */
function randomGeneric() {
  for (;;) {
    const { json, viem } = randomTypedData(rng);
    const names = json.types.EIP712Domain.map((f) => f.name);
    if (names.includes('verifyingContract') && !names.includes('chainId')) continue;
    if (names.includes('chainId')) {
      json.domain.chainId = 31337;
      viem.domain.chainId = 31337n;
    }
    return { json, viem };
  }
}

const json = (t) => JSON.stringify(t, (k, v) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * The permit rows of a window, read back into the message they stand for (the fields they do not
 * show, nonces and the witness, taken from `fromTree`): the message the window says is signed.
 */
async function messageFromPermitRows(window, primaryType, fromTree) {
  const all = async (testid) => window.getByTestId(testid).allTextContents();
  const [spender] = await all('permit-spender');
  const tokens = await all('permit-token');
  const amounts = await all('permit-amount');
  const expirations = await all('permit-expiration');
  const [deadline] = await all('permit-deadline');
  switch (primaryType) {
    case 'Permit':
      return { ...fromTree, spender, value: parseAmount(amounts[0]), deadline: parseDate(deadline) };
    case 'PermitSingle':
    case 'PermitBatch': {
      const rows = tokens.map((t, i) => ({ token: t, amount: parseAmount(amounts[i], 160), expiration: Number(parseDate(expirations[i])) }));
      const list = [fromTree.details].flat().map((d, i) => ({ ...rows[i], nonce: d.nonce }));
      return { ...fromTree, details: primaryType === 'PermitSingle' ? list[0] : list, spender, sigDeadline: parseDate(deadline) };
    }
    default:
      return { ...fromTree, permitted: { token: tokens[0], amount: parseAmount(amounts[0]) }, spender, deadline: parseDate(deadline) };
  }
}

/** A random personal_sign message: text (hidden characters among its letters), hex, or 32 bytes. */
function randomMessage() {
  const pick = rng.range(0, 3);
  if (pick === 0) return { raw: hex(32) };
  if (pick === 1) return { raw: hex(rng.range(1, 120)) };
  const chars = [...'Sign in to example.org\n nonce: 42 éß中🦊', '\u202e', '\u200b', '\ufeff', '\u0007', '\t'];
  const text = `Hello ${Array.from({ length: rng.range(1, 60) }, () => rng.pick(chars)).join('')}`;
  return { text };
}

async function signMessage(window, message, what) {
  const box = window.getByTestId('approval-message');
  await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await window.waitForFunction(() => !document.querySelector('[data-testid=approve]').disabled);
  const shown = { text: await box.textContent(), hex: await box.evaluate((el) => el.classList.contains('hex')), warnings: (await readWindow(window)).warnings };
  await answer(window, 'approve');
  const bytes = message.raw ? (message.raw.length - 2) / 2 : new TextEncoder().encode(message.text).length;
  assert.equal(shown.warnings.includes('blind-hash'), bytes === 32, `${what}: a blind-hash warning exactly for 32 bytes`);
  return shown.hex ? { raw: shown.text } : unmark(shown.text);
}

/** One random request for `account`: `{ kind, method, params, message? , viem? }`. */
function randomCase(account) {
  const kind = rng.pick(['personal', 'generic', 'generic', ...Object.keys(PERMITS), ...Object.keys(PERMITS)]);
  if (kind === 'personal') {
    const message = randomMessage();
    return { kind, method: 'personal_sign', params: [message.raw ?? message.text, account], message };
  }
  const { json: data, viem } = kind === 'generic' ? randomGeneric() : (() => { const t = PERMITS[kind](account); return { json: JSON.parse(json(t)), viem: t }; })();
  return { kind, method: 'eth_signTypedData_v4', params: [account, json(data)], viem };
}

test(`${CASES} random signature requests: what the window shows is what is signed`, async () => {
  const { streams } = scene;
  const cases = Array.from({ length: CASES }, (_, i) => randomCase(streams[i % streams.length].account));
  const counts = {};
  for (const { kind } of cases) counts[kind] = (counts[kind] ?? 0) + 1;
  console.log(`cases by kind: ${JSON.stringify(counts)}`);
  await runStreams(scene, cases, async (stream, { kind, method, params, message, viem }, i) => {
    const what = `case ${i} (${kind}) ${params[kind === 'personal' ? 0 : 1].slice(0, 400)}`;
    const { window, answer: signed } = await streamRequest(scene, stream, method, params);
    if (kind === 'personal') {
      const shownMessage = await signMessage(window, message, what);
      const { result } = await signed;
      assert.equal(await recoverMessageAddress({ message: shownMessage, signature: result }), stream.account, `${what}: the message shown was signed`);
      return;
    }
    const domainRows = await readTypedFields(window, 'approval-domain');
    const messageRows = await readTypedFields(window, 'approval-message-fields');
    const isPermit = await window.getByTestId('permit-details').count() === 1;
    const fromPermitRows = isPermit ? await messageFromPermitRows(window, viem.primaryType, treeToValue(messageRows)) : null;
    await answer(window, 'approve');
    const { result: signature, message: error } = await signed;
    assert.ok(signature, `${what}: signed (${error})`);
    assert.equal(isPermit, kind !== 'generic', `${what}: shown as a permit exactly when it is one`);
    // The declared fields as shown are the request's types, in order.
    const declared = (type) => viem.types[type].map((f) => [f.name, f.type, ...(viem.types[f.type] ? [declared(f.type)] : [])]);
    assert.deepEqual(shownTypes(domainRows), declared('EIP712Domain'), `${what}: domain fields`);
    assert.deepEqual(shownTypes(messageRows), declared(viem.primaryType), `${what}: message fields`);
    // The field tree as shown, signed: viem recovers the account from it.
    const shown = { types: viem.types, primaryType: viem.primaryType, domain: treeToValue(domainRows), message: treeToValue(messageRows) };
    assert.equal(await recoverTypedDataAddress({ ...shown, signature }), stream.account, `${what}: the fields shown are what was signed`);
    if (isPermit) {
      assert.equal(await recoverTypedDataAddress({ ...shown, message: fromPermitRows, signature }), stream.account, `${what}: what the permit rows say it allows is what was signed`);
    }
  });
});
