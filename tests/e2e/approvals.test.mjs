// Approvals and EIP-7702 delegations, through the real popup against anvil with real
// OpenZeppelin 4.9 contracts (ERC20PresetFixedSupply ×2, ERC721PresetMinterPauserAutoId): the
// wallet holds anvil's first account, which sets an unlimited and a limited allowance (the
// limited one partly spent with transferFrom), an approve of a single NFT, a setApprovalForAll,
// and approvals it then reset (which must not be listed). The node in front of anvil refuses
// eth_getLogs over more than RANGE blocks, so the scan has to narrow its range. The Approvals
// screen lists exactly the live approvals; Revoke all sets them to zero on chain. Home says when
// the account is delegated (EIP-7702) and to whom, and stops saying so once the account clears
// it with a type-4 transaction signed by Keystead's core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createWalletClient, http, erc20Abi, erc721Abi, getAddress, maxUint256, zeroAddress } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { PASSWORD, ANVIL_MNEMONIC, msg, startAnvil, startCountingNode, launch, openPopup, popupCall } from './harness.mjs';
import { DEPLOYER, deployToken } from './erc20.mjs';
import { Keyring } from '../diff/core.mjs';

const require = createRequire(import.meta.url);
const NFT = require('@openzeppelin/contracts/build/contracts/ERC721PresetMinterPauserAutoId.json');

const RANGE = 8; // the most blocks the node in front of anvil answers eth_getLogs for
// anvil's dev accounts 1–5 (unlocked): spenders and operators.
const SPENDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const RESET_SPENDER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const NFT_SPENDER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const OPERATOR = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
const RESET_OPERATOR = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

let chain, node, browser, popup;
let tokenA, tokenB, nft;
const getLogs = { refused: 0, answered: [] }; // the node's eth_getLogs answers: [from, to] each

function refuseWideRanges(body) {
  if (Array.isArray(body) || body.method !== 'eth_getLogs') return undefined;
  const { fromBlock, toBlock } = body.params[0];
  const from = BigInt(fromBlock);
  const to = BigInt(toBlock);
  if (to - from + 1n > BigInt(RANGE)) {
    getLogs.refused++;
    return { jsonrpc: '2.0', id: body.id, error: { code: -32005, message: `query exceeds max block range ${RANGE}` } };
  }
  getLogs.answered.push([from, to]);
  return undefined;
}

const wallet = (account) => createWalletClient({ account, chain: { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }, transport: http(chain.rpcUrl) });

async function mined(hash) {
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, 'success');
  return receipt;
}

const write = async (from, address, abi, functionName, args) => mined(await wallet(from).writeContract({ address, abi, functionName, args }));
const read = (address, abi, functionName, args) => chain.client.readContract({ address, abi, functionName, args });
const mine = (blocks) => chain.client.request({ method: 'anvil_mine', params: [`0x${blocks.toString(16)}`] });

before(async () => {
  chain = await startAnvil(8547);
  node = await startCountingNode(chain, 8545, { answer: refuseWideRanges });
  await mine(20);
  tokenA = getAddress(await deployToken(chain, { name: 'Alpha', symbol: 'AAA' }));
  tokenB = getAddress(await deployToken(chain, { name: 'Beta', symbol: 'BBB' }));
  const deployed = await mined(await wallet(DEPLOYER).deployContract({ abi: NFT.abi, bytecode: NFT.bytecode, args: ['Keystead Cats', 'KCAT', ''] }));
  nft = getAddress(deployed.contractAddress);
  await write(DEPLOYER, nft, NFT.abi, 'mint', [DEPLOYER]); // token 0
  await write(DEPLOYER, nft, NFT.abi, 'mint', [DEPLOYER]); // token 1
  await mine(10);
  // Live: unlimited to a contract (tokenB's address has code), limited to an account, partly spent.
  await write(DEPLOYER, tokenA, erc20Abi, 'approve', [tokenB, maxUint256]);
  await write(DEPLOYER, tokenB, erc20Abi, 'approve', [SPENDER, 1000n * 10n ** 18n]);
  await mine(9);
  await write(SPENDER, tokenB, erc20Abi, 'transferFrom', [DEPLOYER, SPENDER, 400n * 10n ** 18n]);
  // Reset: approved, then set back to zero (or to false): not listed.
  await write(DEPLOYER, tokenA, erc20Abi, 'approve', [RESET_SPENDER, 5n]);
  await mine(12);
  await write(DEPLOYER, tokenA, erc20Abi, 'approve', [RESET_SPENDER, 0n]);
  await write(DEPLOYER, nft, erc721Abi, 'setApprovalForAll', [RESET_OPERATOR, true]);
  await write(DEPLOYER, nft, erc721Abi, 'setApprovalForAll', [RESET_OPERATOR, false]);
  // Live: one NFT, and an operator for all of them.
  await write(DEPLOYER, nft, erc721Abi, 'approve', [NFT_SPENDER, 0n]);
  await mine(7);
  await write(DEPLOYER, nft, erc721Abi, 'setApprovalForAll', [OPERATOR, true]);
  await mine(3);

  browser = await launch();
  popup = await openPopup(browser);
  const restored = await popupCall(popup, 'restore', { password: PASSWORD, phrase: ANVIL_MNEMONIC });
  assert.ok(restored.result, JSON.stringify(restored.error));
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('account-address').filter({ hasText: DEPLOYER }).waitFor();
});

after(async () => {
  await browser?.close();
  node?.stop();
  chain?.stop();
});

/** `text` matched literally inside a regular expression. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The listed rows as `token spender amount` lines, sorted. */
async function listed() {
  await popup.getByTestId('approvals-status').and(popup.locator('[data-count]')).waitFor();
  const rows = await popup.getByTestId('approval-row').evaluateAll((els) => els.map((e) => `${e.dataset.token} ${e.dataset.spender} ${e.dataset.amount}`));
  return rows.sort();
}

test('Approvals lists exactly the live approvals, read in block ranges the node accepts', async () => {
  const latest = await chain.client.getBlockNumber();
  await popup.getByTestId('approvals').click();
  const rows = await listed();
  assert.deepEqual(rows, [
    `${tokenA} ${tokenB} unlimited`,
    `${tokenB} ${SPENDER} ${600n * 10n ** 18n}`,
    `${nft} ${NFT_SPENDER} 1`,
    `${nft} ${OPERATOR} unlimited`,
  ].sort());
  // What each row says: the token's symbol, a spender with code, the unlimited one flagged.
  const unlimited = popup.locator(`[data-testid=approval-row][data-spender="${tokenB}"]`);
  assert.match(await unlimited.textContent(), new RegExp(`AAA.*${literal(msg('approvals_spender_contract'))}.*${literal(msg('approvals_allowance_unlimited'))}`, 's'));
  const limited = popup.locator(`[data-testid=approval-row][data-spender="${SPENDER}"]`);
  assert.match(await limited.textContent(), new RegExp(`BBB.*${literal(msg('approvals_spender_account'))}.*600 BBB`, 's'));
  assert.match(await popup.locator(`[data-testid=approval-row][data-spender="${NFT_SPENDER}"]`).textContent(), new RegExp(`KCAT.*${literal(msg('approvals_allowance_nft', { id: 0 }))}`, 's'));
  // The node refused the wide ranges; what it answered covers every block once, none wider than RANGE.
  assert.ok(getLogs.refused > 0, 'the node refused at least one wide range');
  const answered = getLogs.answered.slice().sort((a, b) => (a[0] < b[0] ? -1 : 1));
  assert.ok(answered.every(([from, to]) => to - from + 1n <= BigInt(RANGE)));
  assert.equal(answered[0][0], 0n);
  for (let i = 1; i < answered.length; i++) assert.equal(answered[i][0], answered[i - 1][1] + 1n, 'contiguous ranges');
  assert.ok(answered.at(-1)[1] >= latest, 'up to the latest block');
});

test('Revoke all goes through the review, shows each result, re-reads the list and leaves every approval at zero on chain', async () => {
  await popup.getByTestId('revoke-all').click();
  await popup.getByTestId('revoke-confirm').waitFor();
  assert.equal(await popup.getByTestId('revoke-review').count(), 4);
  assert.equal(await popup.getByTestId('approval-to').allTextContents().then((t) => t.sort().join()), [tokenA, tokenB, nft, nft].sort().join());
  await popup.getByTestId('revoke-confirm').click();
  await popup.getByTestId('approvals-status').and(popup.locator('[data-count="0"]')).waitFor({ timeout: 120_000 });
  const states = await popup.getByTestId('revoke-result').evaluateAll((els) => els.map((e) => e.dataset.status));
  assert.deepEqual(states, ['confirmed', 'confirmed', 'confirmed', 'confirmed']);
  assert.equal(await popup.getByTestId('approval-row').count(), 0);
  assert.equal(await read(tokenA, erc20Abi, 'allowance', [DEPLOYER, tokenB]), 0n);
  assert.equal(await read(tokenB, erc20Abi, 'allowance', [DEPLOYER, SPENDER]), 0n);
  assert.equal(await read(nft, erc721Abi, 'getApproved', [0n]), zeroAddress);
  assert.equal(await read(nft, erc721Abi, 'isApprovedForAll', [DEPLOYER, OPERATOR]), false);
});

test('home says the account is delegated (EIP-7702) and to whom, and no longer once the delegation is cleared', async () => {
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
  assert.equal(await popup.getByTestId('account-delegation').isHidden(), true, 'not delegated yet');

  // The owner (the test phrase's first account, outside the wallet) signs an authorization to
  // tokenA's contract; another account sends it in a type-4 transaction to a third address.
  const owner = mnemonicToAccount(ANVIL_MNEMONIC);
  assert.equal(owner.address, DEPLOYER);
  const sponsor = wallet(SPENDER);
  const nonce = await chain.client.getTransactionCount({ address: DEPLOYER });
  const authorization = await owner.signAuthorization({ chainId: 31337, address: tokenA, nonce });
  await mined(await sponsor.sendTransaction({ type: 'eip7702', to: RESET_SPENDER, data: '0x', authorizationList: [authorization] }));
  assert.equal((await chain.client.getCode({ address: DEPLOYER })).toLowerCase(), `0xef0100${tokenA.slice(2).toLowerCase()}`);

  await popup.goto(browser.popupUrl);
  const warning = popup.getByTestId('account-delegation');
  await warning.waitFor();
  assert.equal(await warning.getAttribute('data-delegate'), tokenA);
  assert.equal(await warning.textContent(), msg('home_delegated', { network: 'Localhost 8545', contract: tokenA }));

  // Cleared by the account itself with Keystead's core (pkg/, as the worker's delegation.js
  // builds it): a type-4 transaction to itself carrying its own authorization to the zero
  // address for its nonce + 1, with the 46,000 gas EIP-7702 charges.
  const keyring = Keyring.restore(PASSWORD, ANVIL_MNEMONIC);
  try {
    const own = await chain.client.getTransactionCount({ address: DEPLOYER });
    const block = await chain.client.getBlock();
    const q = (n) => `0x${BigInt(n).toString(16)}`;
    const clear = keyring.signAuthorization(DEPLOYER, { chainId: '0x7a69', address: zeroAddress, nonce: q(own + 1) });
    const raw = keyring.signTransaction(DEPLOYER, {
      type: '0x4', chainId: '0x7a69', nonce: q(own), to: DEPLOYER, value: '0x0', data: '0x', gas: q(46_000),
      maxFeePerGas: q(block.baseFeePerGas * 2n + 10n ** 9n), maxPriorityFeePerGas: q(10n ** 9n), authorizationList: [clear],
    });
    await mined(await chain.client.request({ method: 'eth_sendRawTransaction', params: [raw] }));
  } finally {
    keyring.free();
  }
  assert.equal(await chain.client.getCode({ address: DEPLOYER }), undefined);
  assert.equal(await chain.client.getTransactionCount({ address: DEPLOYER }), nonce + 3, 'the delegation took one nonce; the clear took two (its transaction and its authorization)');
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
  // The delegation arrives with the balance, in the same batch and the same callback.
  assert.equal(await popup.getByTestId('account-delegation').isHidden(), true, 'cleared');
});
