// A new user creates a wallet in the popup, then uses the viem demo dApp against anvil:
// connect, personal_sign, typed data, send ETH, switch chain, rejections and an unconnected origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseEther, getAddress } from 'viem';
import { startAnvil, startDemo, launch, createWallet, answerApproval } from './harness.mjs';

let chain, demo, browser, wallet, dapp;

before(async () => {
  chain = await startAnvil();
  demo = await startDemo();
  browser = await launch();
  wallet = await createWallet(browser);
  // Fund the new account from anvil (a test shortcut for "someone sent you ETH").
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, '0x56bc75e2d63100000'] });
  dapp = await browser.context.newPage();
  await dapp.goto(demo.url);
  await dapp.getByTestId('demo-wallet').filter({ hasText: 'Keystead' }).waitFor();
});

after(async () => {
  await browser?.close();
  demo?.stop();
  chain?.stop();
});

const text = (testid) => dapp.getByTestId(testid).textContent();
const waitText = (testid, value) => dapp.getByTestId(testid).filter({ hasText: value }).waitFor();
const origin = () => new URL(demo.url).origin;

test('connect: the approval shows the origin; the dApp then sees the account', async () => {
  const approval = answerApproval(browser, 'approve', { origin: origin() });
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await waitText('demo-account', wallet.address);
  await waitText('demo-chain', '31337');
  await waitText('demo-balance', '100 ETH');
});

test('personal_sign: approved, and viem verifies the signature', async () => {
  const approval = answerApproval(browser, 'approve', {
    origin: origin(),
    expect: async (page) => assert.match(await page.getByTestId('approval-message').textContent(), /Hello from the Keystead demo/),
  });
  await dapp.getByTestId('demo-sign-message').click();
  await approval;
  await waitText('demo-message-valid', 'valid');
  assert.equal(await text('demo-message-valid'), 'valid');
  assert.match(await text('demo-message-signature'), /^0x[0-9a-f]{130}$/);
});

test('eth_signTypedData_v4: approved, and viem verifies the signature', async () => {
  const approval = answerApproval(browser, 'approve', {
    origin: origin(),
    expect: async (page) => assert.match(await page.getByTestId('approval-message').textContent(), /Hello, Bob!/),
  });
  await dapp.getByTestId('demo-sign-typed').click();
  await approval;
  await waitText('demo-typed-valid', 'valid');
  assert.equal(await text('demo-typed-valid'), 'valid');
});

test('eth_sendTransaction: the receipt on anvil has the right sender, recipient and value', async () => {
  const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  const before = await chain.client.getBalance({ address: recipient });
  const approval = answerApproval(browser, 'approve', {
    origin: origin(),
    expect: async (page) => {
      assert.equal(await page.getByTestId('approval-to').textContent(), recipient.toLowerCase());
      assert.equal(await page.getByTestId('approval-value').textContent(), '0.01 ETH');
    },
  });
  await dapp.getByTestId('demo-send').click();
  await approval;
  await waitText('demo-tx-status', 'success');
  const hash = await text('demo-tx-hash');
  const [receipt, tx] = await Promise.all([
    chain.client.getTransactionReceipt({ hash }),
    chain.client.getTransaction({ hash }),
  ]);
  assert.equal(receipt.status, 'success');
  assert.equal(getAddress(receipt.from), wallet.address);
  assert.equal(getAddress(receipt.to), recipient);
  assert.equal(tx.value, parseEther('0.01'));
  assert.equal(tx.type, 'eip1559');
  assert.equal(tx.chainId, 31337);
  assert.equal(await chain.client.getBalance({ address: recipient }), before + parseEther('0.01'));
});
