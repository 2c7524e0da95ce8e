// The emergency move when a step's transaction gets stuck: the base fee jumps far above the fee
// the step was signed with, so the node keeps it waiting. After STUCK_BLOCKS blocks the move
// signs the same nonce again at today's fee (an eighth above the old at least); the new one
// lands, the old one never does, the step is confirmed, and the account used exactly one nonce
// per step. Anvil with real OpenZeppelin ERC-20 (tests/e2e/erc20.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { erc20Abi, getAddress } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { PASSWORD, startAnvil, launch, openPopup, popupCall, beginEmergencyMove } from './harness.mjs';
import { deployToken } from './erc20.mjs';
import { STUCK_BLOCKS } from '../../extension/background/wallet/emergency-resume.js';

const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const OWNER = mnemonicToAccount(PHRASE);
let chain, browser, popup, token;

before(async () => {
  chain = await startAnvil(8545);
  await chain.client.request({ method: 'anvil_setBalance', params: [OWNER.address, '0x8ac7230489e80000'] }); // 10 ETH
  token = getAddress(await deployToken(chain, { owner: OWNER.address }));
  browser = await launch();
  popup = await openPopup(browser);
  const restored = await popupCall(popup, 'restore', { password: PASSWORD, phrase: PHRASE });
  assert.ok(restored.result, JSON.stringify(restored.error));
  await popupCall(popup, 'addToken', { chainId: '0x7a69', address: token });
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('account-address').waitFor();
});

after(async () => {
  await browser?.close();
  chain?.stop();
});

const stored = async () => (await popup.evaluate(() => chrome.storage.local.get('emergencyMove'))).emergencyMove;
const mine = () => chain.client.request({ method: 'anvil_mine', params: ['0x1'] });

/** Polls `check` (on the stored move's first step) until it holds; fails with the stored move after 60 s. */
async function until(what, check) {
  for (let i = 0; i < 300; i++) {
    const step = (await stored())?.plan?.steps[0];
    if (step && check(step)) return step;
    await new Promise((r) => setTimeout(r, 200));
  }
  const { newVault: _v, ...move } = (await stored()) ?? {};
  throw new Error(`${what} did not happen; stored: ${JSON.stringify(move.plan?.steps.map(({ raw: _r, data: _d, ...s }) => s))}`);
}

test('a stuck step is signed again with the same nonce at today\'s fee; only the new transaction lands', async () => {
  const words = await beginEmergencyMove(popup);
  const NEW = mnemonicToAccount(words.join(' ')).address;
  const kinds = await popup.getByTestId('emergency-plan-step').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['token', 'eth']);
  const startNonce = await chain.client.getTransactionCount({ address: OWNER.address });

  await chain.client.request({ method: 'evm_setAutomine', params: [false] });
  await popup.getByTestId('emergency-start-password').fill(PASSWORD);
  await popup.getByTestId('emergency-start').click();
  let first = await until('the first step sent', (step) => step.state === 'sent');
  const oldHash = first.hash;
  // The base fee jumps a thousandfold over what the step may pay: it waits in the node.
  await chain.client.request({ method: 'anvil_setNextBlockBaseFeePerGas', params: [`0x${(BigInt(first.paid.maxFeePerGas) * 1000n).toString(16)}`] });
  for (let i = 0n; i < STUCK_BLOCKS; i++) await mine();
  assert.equal(await chain.client.getTransactionReceipt({ hash: oldHash }).catch(() => null), null, 'the old transaction is not mined');
  // The move signs it again: the same nonce, a new hash, the old one kept as replaced.
  first = await until('the stuck step signed again', (step) => step.hash && step.hash !== oldHash);
  assert.deepEqual(first.replaced, [oldHash]);
  assert.ok(BigInt(first.paid.maxFeePerGas) >= BigInt((await chain.client.getBlock()).baseFeePerGas), 'the new fee covers the base fee');

  // Blocks are mined until the move is over.
  await chain.client.request({ method: 'evm_setAutomine', params: [true] });
  for (let i = 0; i < 600 && (await stored()).state !== 'done'; i++) {
    await mine();
    await new Promise((r) => setTimeout(r, 250));
  }
  const move = await stored();
  assert.equal(move.state, 'done');
  assert.deepEqual(move.plan.steps.map((s) => s.state), ['confirmed', 'confirmed']);
  const receipt = await chain.client.getTransactionReceipt({ hash: move.plan.steps[0].hash });
  assert.equal(receipt.status, 'success');
  assert.equal(await chain.client.getTransactionReceipt({ hash: oldHash }).catch(() => null), null, 'the old transaction never landed');
  assert.equal(await chain.client.getTransactionCount({ address: OWNER.address }), startNonce + 2, 'one nonce per step');
  assert.equal(await chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [OWNER.address] }), 0n);
  assert.equal(await chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [NEW] }), 10n ** 30n);
  assert.equal(await chain.client.getBalance({ address: OWNER.address }), 0n, 'no wei left');
});
