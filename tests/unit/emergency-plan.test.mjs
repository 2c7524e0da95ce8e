// The emergency move's plan (extension/background/wallet/emergency-plan.js) and what Transfer
// logs say an account received (transfer-logs.js): the order of the steps, the NFT approvals a
// transfer clears, the fees, the ETH sent last as the exact remainder, an account short of ETH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFunctionData, encodeAbiParameters, parseAbi, keccak256, toHex } from 'viem';
import { buildPlan, ethRemainder, exactFee, withMargin, tokenTransferData, nftTransferData, multiTransferData, ETH_GAS } from '../../extension/background/wallet/emergency-plan.js';
import { receivedAssets, receivedMultiTokens, TRANSFER, TRANSFER_SINGLE, TRANSFER_BATCH, addressTopic } from '../../extension/background/wallet/transfer-logs.js';

const OLD = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const NEW = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const NFT = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const SPENDER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const GWEI = 1_000_000_000n;
const fee = { maxFeePerGas: `0x${(2n * GWEI).toString(16)}`, maxPriorityFeePerGas: `0x${GWEI.toString(16)}` };
const approval = (kind, over = {}) => ({ kind, token: kind === 'erc20' ? TOKEN : NFT, spender: SPENDER, amount: 'unlimited', symbol: 'X', revoke: { to: kind === 'erc20' ? TOKEN : NFT, data: `0x${kind}` }, gas: '30000', ...over });
const facts = (over = {}) => ({
  from: OLD,
  to: NEW,
  balance: 10n ** 18n,
  delegation: { delegate: SPENDER, gas: '46000' },
  tokens: [{ token: TOKEN, symbol: 'TKA', decimals: 18, balance: '500', gas: '50000' }, { token: NFT, symbol: 'Z', decimals: 0, balance: '0', gas: '50000' }],
  nfts: [{ token: NFT, symbol: 'NFT', tokenId: '7', gas: '60000' }],
  approvals: [approval('erc20'), approval('nft', { tokenId: '7', amount: '1' }), approval('operator'), approval('nft', { tokenId: '8', amount: '1' })],
  ...over,
});

test('steps come in order: delegation, tokens, NFTs, revokes, ETH last', () => {
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts()] });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['delegation', 'token', 'nft', 'revoke', 'revoke', 'revoke', 'eth']);
  assert.deepEqual(plan.steps.map((s) => s.id), ['s0', 's1', 's2', 's3', 's4', 's5', 's6']);
  const [clear, token, nft] = plan.steps;
  assert.equal(clear.to, OLD);
  assert.equal(clear.gas, `0x${(46000).toString(16)}`);
  assert.equal(token.data, tokenTransferData(NEW, 500n));
  assert.equal(token.amount, '500');
  assert.equal(nft.data, nftTransferData(OLD, NEW, 7n));
  assert.ok(plan.steps.every((s) => s.account === OLD));
});

test('a single-NFT approval of an NFT the plan moves is not revoked (the transfer clears it)', () => {
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts()] });
  const revokes = plan.steps.filter((s) => s.kind === 'revoke');
  assert.deepEqual(revokes.map((s) => [s.approval, s.tokenId]), [['erc20', undefined], ['operator', undefined], ['nft', '8']]);
});

test('a token with no balance has no step; an account with nothing but ETH has only the ETH step', () => {
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts({ delegation: null, tokens: [], nfts: [], approvals: [] })] });
  assert.deepEqual(plan.steps.map((s) => s.kind), ['eth']);
  assert.equal(plan.steps[0].value, 'remainder');
  assert.equal(plan.steps[0].to, NEW);
});

test('fees: each step gas × max fee, the total their sum; gas is the estimate plus a fifth', () => {
  assert.equal(withMargin(50000n), 60000n);
  assert.equal(withMargin(1n), 2n); // rounded up
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts()] });
  for (const s of plan.steps) assert.equal(BigInt(s.fee), BigInt(s.gas) * 2n * GWEI);
  assert.equal(BigInt(plan.totalFee), plan.steps.reduce((sum, s) => sum + BigInt(s.fee), 0n));
  assert.equal(plan.accounts[0].fee, plan.totalFee);
  const eth = plan.steps.at(-1);
  assert.equal(BigInt(eth.estimate), 10n ** 18n - BigInt(plan.totalFee));
});

test('the ETH step pays exactly P per gas, so the remainder leaves 0 wei', () => {
  const exact = exactFee(fee);
  assert.deepEqual(exact, { maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxFeePerGas });
  assert.deepEqual(exactFee({ gasPrice: '0x10' }), { gasPrice: '0x10' });
  const balance = 123_456_789_000_000n;
  const value = ethRemainder(balance, exact);
  assert.equal(balance - value - ETH_GAS * 2n * GWEI, 0n);
  assert.equal(ethRemainder(ETH_GAS * 2n * GWEI, exact), null);
});

test('an account whose ETH does not cover its fees is short by the difference and has no ETH step', () => {
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts({ balance: 1000n })] });
  assert.ok(!plan.steps.some((s) => s.kind === 'eth'));
  assert.equal(BigInt(plan.accounts[0].short), BigInt(plan.totalFee) - 1000n);
  const two = buildPlan({ chainId: '0x7a69', fee, accounts: [facts({ balance: 1000n }), facts({ from: NEW, to: OLD, delegation: null })] });
  assert.deepEqual(two.accounts.map((a) => a.short === null), [false, true]);
  assert.ok(two.steps.filter((s) => s.account === NEW).at(-1).kind === 'eth');
});

test('an account cannot be planned onto itself', () => {
  assert.throws(() => buildPlan({ chainId: '0x7a69', fee, accounts: [facts({ to: OLD.toLowerCase() })] }));
});

test('Transfer logs: three topics are an ERC-20, four an NFT; each once; other events ignored', () => {
  const to = addressTopic(OLD);
  const from = addressTopic(SPENDER);
  const logs = [
    { address: TOKEN, topics: [TRANSFER, from, to], data: '0x01' },
    { address: TOKEN.toLowerCase(), topics: [TRANSFER, from, to], data: '0x02' },
    { address: NFT, topics: [TRANSFER, from, to, `0x${word(7)}`], data: '0x' },
    { address: NFT, topics: [TRANSFER, from, to, `0x${word(7)}`], data: '0x' },
    { address: NFT, topics: [TRANSFER, from, to, `0x${word(300)}`], data: '0x' },
    { address: NFT, topics: ['0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925', from, to], data: '0x' },
  ];
  assert.deepEqual(receivedAssets(logs), {
    erc20: [TOKEN.toLowerCase()],
    nfts: [{ token: NFT.toLowerCase(), tokenId: '7' }, { token: NFT.toLowerCase(), tokenId: '300' }],
  });
  assert.equal(addressTopic(OLD), `0x${'0'.repeat(24)}${OLD.slice(2).toLowerCase()}`);
});

test('ERC-1155: one nft step per id held, after the ERC-721 ones, sending the whole balance by safeTransferFrom', () => {
  const multi = [{ token: TOKEN, symbol: null, tokenId: '1', balance: '30', gas: '40000' }, { token: TOKEN, symbol: null, tokenId: '2', balance: '0', gas: '40000' }];
  const plan = buildPlan({ chainId: '0x7a69', fee, accounts: [facts({ multi, approvals: [] })] });
  assert.deepEqual(plan.steps.map((s) => `${s.kind}${s.standard ? `/${s.standard}` : ''}`), ['delegation', 'token', 'nft', 'nft/erc1155', 'eth']);
  const step = plan.steps[3];
  assert.equal(step.amount, '30');
  assert.equal(step.tokenId, '1');
  // The calldata is what an independent ABI encoder gives.
  const abi = parseAbi(['function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)']);
  assert.equal(step.data, encodeFunctionData({ abi, functionName: 'safeTransferFrom', args: [OLD, NEW, 1n, 30n, '0x'] }));
  assert.equal(multiTransferData(OLD, NEW, 5n, 7n), encodeFunctionData({ abi, functionName: 'safeTransferFrom', args: [OLD, NEW, 5n, 7n, '0x'] }));
});

test('ERC-1155 logs: TransferSingle and TransferBatch give each (token, id) once; bad data is skipped', () => {
  assert.equal(TRANSFER_SINGLE, keccak256(toHex('TransferSingle(address,address,address,uint256,uint256)')));
  assert.equal(TRANSFER_BATCH, keccak256(toHex('TransferBatch(address,address,address,uint256[],uint256[])')));
  const to = addressTopic(OLD);
  const op = addressTopic(SPENDER);
  const single = (id, amount) => encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [id, amount]);
  const batch = (ids, amounts) => encodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], [ids, amounts]);
  const logs = [
    { address: NFT, topics: [TRANSFER_SINGLE, op, op, to], data: single(1n, 30n) },
    { address: NFT, topics: [TRANSFER_BATCH, op, op, to], data: batch([1n, 2n, 9n], [1n, 1n, 1n]) },
    { address: TOKEN, topics: [TRANSFER_BATCH, op, op, to], data: batch([], []) },
    { address: TOKEN, topics: [TRANSFER_SINGLE, op, op, to], data: '0x1234' },
    { address: TOKEN, topics: [TRANSFER_BATCH, op, op, to], data: `0x${word(64)}${word(0)}` },
    { address: TOKEN, topics: [TRANSFER, op, to], data: single(3n, 3n) },
  ];
  assert.deepEqual(receivedMultiTokens(logs), ['1', '2', '9'].map((tokenId) => ({ token: NFT.toLowerCase(), tokenId })));
});

function word(n) {
  return BigInt(n).toString(16).padStart(64, '0');
}
