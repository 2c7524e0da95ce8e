// What you see is what you sign, for transactions: a seeded generator makes CASES dApp
// transactions of every kind the approval window reads (ETH; ERC-20 transfer, transferFrom,
// approve, increase/decreaseAllowance; ERC-721 transferFrom, both safeTransferFroms, approve,
// setApprovalForAll; ERC-1155 transfers; EIP-2612 permit; Permit2 approve and lockdown; calldata
// Keystead cannot read), with random addresses (the user's own accounts among them), amounts
// (0, 1, the maximum, random), deadlines and fees. Each window is read, approved, and what it
// displayed is compared with the raw transaction the extension broadcast, decoded with viem:
// recipient, amount, fee, nonce, data, and every decoded argument. Two dApp origins ask at once,
// each for its own account (wysiwys.mjs). KEYSTEAD_SEED replays a run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFunctionData, decodeFunctionData, parseTransaction, recoverTransactionAddress, erc20Abi, formatEther, getAddress, parseEther, parseAbi, toFunctionSignature } from 'viem';
import { seededRng } from '../diff/core.mjs';
import { sendToken } from './erc20.mjs';
import { deployAll, PERMIT2 } from './contracts.mjs';
import { answer } from './approval-window.mjs';
import { msg, said, inner, shown as inLanguage } from './harness.mjs';
import { CASES, startRecordedScene, runStreams, streamRequest, broadcast, readTransaction, parseAmount, parseDate, short } from './wysiwys.mjs';

const rng = seededRng('wysiwys-transactions.test.mjs');
const ERC20_EXTRA = parseAbi(['function increaseAllowance(address spender, uint256 amount) returns (bool)', 'function decreaseAllowance(address spender, uint256 amount) returns (bool)', 'function transferFrom(address from, address to, uint256 amount) returns (bool)']);
const NFT_ABI = parseAbi([
  'function transferFrom(address from, address to, uint256 tokenId)',
  'function safeTransferFrom(address from, address to, uint256 tokenId)',
  'function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)',
  'function approve(address spender, uint256 tokenId)',
  'function setApprovalForAll(address operator, bool approved)',
]);
const MULTI_ABI = parseAbi([
  'function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)',
  'function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] amounts, bytes data)',
]);
const PERMIT_ABI = parseAbi(['function permit(address owner, address spender, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)']);
const PERMIT2_ABI = parseAbi(['function approve(address token, address spender, uint160 amount, uint48 expiration)', 'function lockdown((address token, address spender)[] approvals)']);

let scene, c;

before(async () => {
  scene = await startRecordedScene();
  const { chain, streams } = scene;
  c = await deployAll(chain);
  for (const { account } of streams) {
    await sendToken(chain, c.token, account, parseEther('1000000'));
    await c.nft.mintTo(account, 2);
    await c.multi.mint(account, 1n, 1000n);
  }
});

after(() => scene?.stop());

const hex = (bytes) => `0x${Array.from({ length: bytes }, () => rng.range(0, 255).toString(16).padStart(2, '0')).join('')}`;
const max = (bits) => (1n << BigInt(bits)) - 1n;
const uint = (bits) => rng.pick([0n, 1n, max(bits), BigInt(hex(bits / 8)) & max(bits), BigInt(rng.range(1, 10 ** 6)) * 10n ** BigInt(rng.range(0, 18))]) & max(bits);
const now = () => BigInt(Math.floor(Date.now() / 1000));
const date = (bits = 256) => rng.pick([0n, now() + BigInt(rng.range(60, 10 ** 7)), now() - BigInt(rng.range(60, 10 ** 6)), max(bits), 253402300799n, 253402300800n]) & max(bits);
function anyone() {
  const { accounts } = scene;
  return rng.pick([accounts[0].address, accounts[1].address, accounts[2].address, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', c.seller.address, getAddress(hex(20)), '0x0000000000000000000000000000000000000000']);
}

/** One random transaction from `me`: `{ kind, tx, abi }` (abi null for calldata Keystead cannot read). */
function randomCase(me) {
  const token = rng.pick([c.token, c.uni.address]);
  const kinds = {
    eth: () => ({ tx: { to: anyone() }, abi: null }),
    'erc20-transfer': () => ({ tx: { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [anyone(), uint(256)] }) }, abi: erc20Abi }),
    'erc20-transferFrom': () => ({ tx: { to: token, data: encodeFunctionData({ abi: ERC20_EXTRA, functionName: 'transferFrom', args: [anyone(), anyone(), uint(256)] }) }, abi: ERC20_EXTRA }),
    'erc20-approve': () => ({ tx: { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [anyone(), uint(256)] }) }, abi: erc20Abi }),
    'erc20-allowance': () => ({ tx: { to: token, data: encodeFunctionData({ abi: ERC20_EXTRA, functionName: rng.pick(['increaseAllowance', 'decreaseAllowance']), args: [anyone(), uint(256)] }) }, abi: ERC20_EXTRA }),
    'nft-transfer': () => {
      const fn = rng.pick([['transferFrom', []], ['safeTransferFrom', []], ['safeTransferFrom', [hex(rng.range(0, 40))]]]);
      return { tx: { to: c.nft.address, data: encodeFunctionData({ abi: NFT_ABI, functionName: fn[0], args: [rng.pick([me, anyone()]), anyone(), BigInt(rng.range(0, 5)), ...fn[1]] }) }, abi: NFT_ABI };
    },
    'nft-approve': () => ({ tx: { to: c.nft.address, data: encodeFunctionData({ abi: NFT_ABI, functionName: 'approve', args: [anyone(), uint(256)] }) }, abi: NFT_ABI }),
    'approve-all': () => ({ tx: { to: rng.pick([c.nft.address, c.multi.address]), data: encodeFunctionData({ abi: NFT_ABI, functionName: 'setApprovalForAll', args: [anyone(), rng.range(0, 1) === 1] }) }, abi: NFT_ABI }),
    'multi-transfer': () => (rng.range(0, 1)
      ? { tx: { to: c.multi.address, data: encodeFunctionData({ abi: MULTI_ABI, functionName: 'safeTransferFrom', args: [me, anyone(), uint(256), uint(256), hex(rng.range(0, 8))] }) }, abi: MULTI_ABI }
      : { tx: { to: c.multi.address, data: encodeFunctionData({ abi: MULTI_ABI, functionName: 'safeBatchTransferFrom', args: [me, anyone(), [1n, uint(256)], [uint(256), 1n], '0x'] }) }, abi: MULTI_ABI }),
    permit: () => ({ tx: { to: c.uni.address, data: encodeFunctionData({ abi: PERMIT_ABI, functionName: 'permit', args: [anyone(), anyone(), uint(256), date(), rng.range(0, 255), hex(32), hex(32)] }) }, abi: PERMIT_ABI }),
    'permit2-approve': () => ({ tx: { to: PERMIT2, data: encodeFunctionData({ abi: PERMIT2_ABI, functionName: 'approve', args: [rng.pick([c.token, c.nft.address, getAddress(hex(20))]), anyone(), uint(160), Number(date(48))] }) }, abi: PERMIT2_ABI }),
    'permit2-lockdown': () => ({ tx: { to: PERMIT2, data: encodeFunctionData({ abi: PERMIT2_ABI, functionName: 'lockdown', args: [Array.from({ length: rng.range(0, 4) }, () => ({ token: rng.pick([c.token, c.uni.address]), spender: anyone() }))] }) }, abi: PERMIT2_ABI }),
    unknown: () => ({ tx: { to: rng.pick([c.seller.address, anyone()]), data: hex(rng.range(4, 100)) }, abi: null }),
  };
  const kind = rng.pick(Object.keys(kinds));
  const made = kinds[kind]();
  const value = rng.range(0, 3) === 0 ? BigInt(rng.range(1, 10 ** 6)) * 10n ** BigInt(rng.range(0, 12)) : 0n;
  const tx = { ...made.tx, ...(value || kind === 'eth' ? { value: `0x${value.toString(16)}` } : {}) };
  if (kind !== 'eth' || rng.range(0, 1)) tx.gas = `0x${rng.range(60_000, 400_000).toString(16)}`;
  if (rng.range(0, 4) === 0) tx.gasPrice = `0x${(rng.range(2, 50) * 10 ** 9).toString(16)}`;
  return { kind, tx, abi: made.abi };
}

/** The value a call-arg row displayed, read back for its ABI input. */
function displayed(row, input) {
  if (input.type === 'address') return row.address;
  if (input.type === 'bool') return row.text === 'true';
  if (input.type === 'bytes' || input.type === 'bytes32') return row.text === msg('call_none_hex') ? '0x' : row.text;
  if (input.type === 'uint8') return Number(row.text);
  if (input.type === 'uint256[]') return row.text === msg('call_none') ? [] : row.text.split(', ').map((x) => BigInt(x.replace(/^#/, '')));
  if (input.type === 'tuple[]') return row.pairs.map(([token, spender]) => ({ token, spender }));
  if (/deadline|expiration/.test(input.name)) return parseDate(row.text);
  if (/^#\d+$/.test(row.text)) return BigInt(row.text.slice(1));
  if (/^\d+$/.test(row.text)) return BigInt(row.text);
  return parseAmount(row.text, Number(input.type.slice(4)));
}

/** viem's decoded argument in the form `displayed` gives. */
function signed(value, input) {
  if (input.type === 'address') return getAddress(value);
  if (input.type === 'tuple[]') return value.map((p) => ({ token: getAddress(p.token), spender: getAddress(p.spender) }));
  if (typeof value === 'number' && input.type !== 'uint8') return BigInt(value);
  return value;
}

test(`${CASES} random transactions: every displayed value is the signed one`, async () => {
  const { node, streams } = scene;
  const cases = Array.from({ length: CASES }, (_, i) => randomCase(streams[i % streams.length].account));
  const counts = {};
  for (const { kind } of cases) counts[kind] = (counts[kind] ?? 0) + 1;
  console.log(`cases by kind: ${JSON.stringify(counts)}`);
  await runStreams(scene, cases, async (stream, { kind, tx, abi }, i) => {
    const what = `case ${i} (${kind}) ${JSON.stringify(tx)}`;
    const { window, answer: sent } = await streamRequest(scene, stream, 'eth_sendTransaction', [{ from: stream.account, ...tx }]);
    const shown = await readTransaction(window);
    await answer(window, 'approve');
    const outcome = await sent;
    assert.ok(outcome.result, `${what}: sent (${outcome.message})`);
    const raw = broadcast(node, outcome.result);
    assert.ok(raw, `${what}: the raw transaction was broadcast`);
    const parsed = parseTransaction(raw);
    // The envelope: from, to, amount, fee, nonce, data.
    assert.equal(shown.from, await recoverTransactionAddress({ serializedTransaction: raw }), `${what}: from`);
    assert.equal(shown.from, stream.account, `${what}: from the stream's account`);
    assert.equal(shown.to, getAddress(parsed.to), `${what}: to`);
    assert.equal(shown.value, `${inLanguage(formatEther(parsed.value ?? 0n))} ETH`, `${what}: amount`);
    assert.equal(shown.fee, `${inLanguage(formatEther(parsed.gas * (parsed.maxFeePerGas ?? parsed.gasPrice)))} ETH`, `${what}: max fee`);
    assert.equal(shown.nonce, String(parsed.nonce), `${what}: nonce`);
    assert.equal(shown.data, parsed.data ?? null, `${what}: data`);
    if (!parsed.data) {
      assert.match(shown.summary, said('call_send_eth', { eth: `${inLanguage(formatEther(parsed.value ?? 0n))} ETH` }), what);
      assert.ok(shown.summary.includes(short(parsed.to)), `${what}: the sentence names ${short(parsed.to)}`);
      return;
    }
    if (!abi) {
      assert.match(shown.unreadable, new RegExp(`${said('call_unreadable').source}|${said('call_unreadable_selector').source}`, 's'), what);
      assert.deepEqual(shown.args, [], what);
      return;
    }
    // The decoded call: the function and every argument, in order.
    const { functionName, args } = decodeFunctionData({ abi, data: parsed.data });
    const item = abi.find((x) => x.name === functionName && x.inputs.length === args.length);
    assert.equal(shown.signature, toFunctionSignature(item), `${what}: function`);
    assert.equal(shown.args.length, item.inputs.length, `${what}: ${shown.args.length} arguments shown`);
    item.inputs.forEach((input, k) => {
      assert.deepEqual(displayed(shown.args[k], input), signed(args[k], input), `${what}: argument ${k} (${input.name}) shown as "${shown.args[k].text}"`);
    });
    // The sentence names the parties by their short form, and says amounts as their rows do.
    for (const row of shown.args) {
      if (row.address && ['to', 'from', 'spender', 'operator', 'owner'].includes(row.name) && !/^0x0{40}$/.test(row.address)) {
        assert.ok(shown.summary.includes(short(row.address)), `${what}: the sentence "${shown.summary}" names ${row.name} ${short(row.address)}`);
      }
      if (row.name === 'amount' && (/KST|UNI-V2/.test(row.text) || said('approve_amount_raw').test(row.text) || inner('approve_token_unnamed_at').test(row.text) || row.text.includes(msg('approve_token_unnamed'))) && !new RegExp(`^${inner('call_token_revoke').source}`, 'su').test(shown.summary)) {
        assert.ok(shown.summary.includes(row.text), `${what}: the sentence "${shown.summary}" says ${row.text}`);
      }
    }
  });
});
