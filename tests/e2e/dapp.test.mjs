// A new user creates a wallet in the popup, then uses the viem demo dApp against anvil:
// connect, personal_sign, typed data, send ETH, switch chain, rejections and an unconnected origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseEther, getAddress } from 'viem';
import { startAnvil, startScene, answerApproval, shown } from './harness.mjs';

let scene, chain, demo, browser, wallet, dapp;

before(async () => {
  scene = await startScene();
  ({ chain, demo, browser, wallet, dapp } = scene);
  // Fund the new account from anvil (a test shortcut for "someone sent you ETH").
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, '0x56bc75e2d63100000'] });
  await dapp.getByTestId('demo-wallet').filter({ hasText: 'Keystead' }).waitFor();
});

after(() => scene?.stop());

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
      assert.equal(await page.getByTestId('approval-to').textContent(), recipient, 'EIP-55, as From is');
      assert.equal(await page.getByTestId('approval-value').textContent(), `${shown('0.01')} ETH`);
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

test('rejecting an approval gives the dApp 4001 and signs nothing', async () => {
  const approval = answerApproval(browser, 'reject', { origin: origin() });
  await dapp.getByTestId('demo-sign-message').click();
  await approval;
  await waitText('demo-error', '4001');
  assert.match(await text('demo-error'), /^4001: .*rejected/);
});

test('closing the approval window rejects with 4001', async () => {
  const windowOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const result = dapp.evaluate((account) => window.keysteadDemo.provider
    .request({ method: 'personal_sign', params: ['0x68656c6c6f', account] })
    .then(() => 'signed', (e) => e.code), wallet.address);
  const page = await windowOpened;
  await page.getByTestId('approve').waitFor();
  await page.close();
  assert.equal(await result, 4001);
});

test('an unconnected origin gets [] from eth_accounts and 4100 for signing, even when it claims another origin', async () => {
  const other = await browser.context.newPage();
  await other.goto(demo.otherOriginUrl);
  await other.waitForFunction(() => window.keysteadDemo?.provider);
  const outcome = await other.evaluate(async ({ account }) => {
    const { provider } = window.keysteadDemo;
    const accounts = await provider.request({ method: 'eth_accounts' });
    const sign = await provider.request({ method: 'personal_sign', params: ['0x68656c6c6f', account] }).then(() => 'signed', (e) => e.code);
    const tx = await provider.request({ method: 'eth_sendTransaction', params: [{ from: account, to: account, value: '0x1' }] }).then(() => 'sent', (e) => e.code);
    const unknown = await provider.request({ method: 'eth_sign', params: [account, '0x00'] }).then(() => 'ok', (e) => e.code);
    return { accounts, sign, tx, unknown };
  }, { account: wallet.address });
  assert.deepEqual(outcome, { accounts: [], sign: 4100, tx: 4100, unknown: 4200 });
  // A forged message claiming the connected origin is answered for the page's real origin.
  const forged = await other.evaluate((claimed) => new Promise((resolve) => {
    addEventListener('message', (event) => {
      if (event.data?.channel === 'keystead:bridge' && event.data.id === 'forged-1') resolve(event.data.result);
    });
    postMessage({ channel: 'keystead:inpage', id: 'forged-1', method: 'eth_accounts', origin: claimed, sender: { origin: claimed } }, location.origin);
  }), origin());
  assert.deepEqual(forged, []);
  await other.close();
});

test('messages on a wrong channel, from another frame, or malformed get no answer at all', async () => {
  const replies = await dapp.evaluate(async () => {
    const seen = [];
    addEventListener('message', (event) => {
      if (event.data?.channel === 'keystead:bridge' && typeof event.data.id === 'string' && event.data.id.startsWith('forge')) seen.push(event.data.id);
    });
    postMessage({ channel: 'keystead:page', id: 'forge-channel', method: 'eth_accounts' }, location.origin);
    postMessage({ channel: 'keystead:inpage', id: 'forge-method', method: 42 }, location.origin);
    postMessage({ channel: 'keystead:inpage', id: 'forge-'.padEnd(80, 'x'), method: 'eth_accounts' }, location.origin);
    postMessage({ channel: 'keystead:bridge', id: 'forge-reply', result: ['0x0000000000000000000000000000000000000001'] }, location.origin);
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.contentWindow.eval("parent.postMessage({ channel: 'keystead:inpage', id: 'forge-frame', method: 'eth_accounts' }, '*')");
    // A control request that must be answered, so the wait below is long enough to matter.
    postMessage({ channel: 'keystead:inpage', id: 'forge-control', method: 'eth_chainId' }, location.origin);
    await new Promise((r) => setTimeout(r, 1500));
    frame.remove();
    return seen;
  });
  // Only the page's own forged "reply" (which it posted itself) and the control request appear.
  assert.deepEqual(replies.sort(), ['forge-control', 'forge-reply']);
});

test('chains: unknown chain 4902, add a second anvil, switch to it and back; typed data for another chain is refused', async () => {
  const second = await startAnvil(8546, 1337);
  try {
    await dapp.getByTestId('demo-chain-input').fill('0x539');
    await dapp.getByTestId('demo-switch-chain').click();
    await waitText('demo-error', '4902');

    const added = answerApproval(browser, 'approve', {
      origin: origin(),
      expect: async (page) => assert.equal(await page.getByTestId('approval-network').textContent(), 'Second anvil'),
    });
    const result = await dapp.evaluate(() => window.keysteadDemo.provider.request({
      method: 'wallet_addEthereumChain',
      params: [{ chainId: '0x539', chainName: 'Second anvil', rpcUrls: ['http://127.0.0.1:8546'], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }],
    }));
    await added;
    assert.equal(result, null);
    await waitText('demo-chain', '1337');
    assert.equal(await dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_chainId' })), '0x539');

    const mismatch = await dapp.evaluate((account) => window.keysteadDemo.provider.request({
      method: 'eth_signTypedData_v4',
      params: [account, JSON.stringify({
        types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Note: [{ name: 'text', type: 'string' }] },
        primaryType: 'Note', domain: { chainId: 31337 }, message: { text: 'wrong chain' },
      })],
    }).then(() => 'signed', (e) => e.code), wallet.address);
    assert.equal(mismatch, -32602);

    const back = answerApproval(browser, 'approve', { origin: origin() });
    await dapp.getByTestId('demo-chain-input').fill('0x7a69');
    await dapp.getByTestId('demo-switch-chain').click();
    await back;
    await waitText('demo-chain', '31337');
  } finally {
    second.stop();
  }
});

test('bad input gets -32602 and opens no window; permissions can be read and revoked', async () => {
  const windowsBefore = browser.context.pages().length;
  const outcome = await dapp.evaluate(async (account) => {
    const { provider } = window.keysteadDemo;
    const code = (method, params) => provider.request({ method, params }).then(() => 'ok', (e) => e.code);
    return {
      typedNotJson: await code('eth_signTypedData_v4', [account, '{"types": ']),
      typedNotEip712: await code('eth_signTypedData_v4', [account, { types: {}, primaryType: 'Missing', domain: {}, message: {} }]),
      signNoAddress: await code('personal_sign', ['0x68656c6c6f']),
      signBadAddress: await code('personal_sign', ['0x68656c6c6f', '0x1234']),
      txBadValue: await code('eth_sendTransaction', [{ from: account, to: account, value: '12' }]),
      txNotObject: await code('eth_sendTransaction', ['0xdeadbeef']),
      switchBad: await code('wallet_switchEthereumChain', [{ chainId: 'one' }]),
      addBadRpc: await code('wallet_addEthereumChain', [{ chainId: '0x5', chainName: 'x', rpcUrls: ['http://example.com'] }]),
      rawTx: await code('eth_sendRawTransaction', ['0x00']),
      netVersion: await provider.request({ method: 'net_version' }),
      blockNumber: typeof await provider.request({ method: 'eth_blockNumber' }),
    };
  }, wallet.address);
  assert.deepEqual(outcome, {
    typedNotJson: -32602, typedNotEip712: -32602, signNoAddress: -32602, signBadAddress: -32602,
    txBadValue: -32602, txNotObject: -32602, switchBad: -32602, addBadRpc: -32602, rawTx: -32602,
    netVersion: '31337', blockNumber: 'string',
  });
  assert.equal(browser.context.pages().length, windowsBefore, 'no approval window was opened');

  const permissions = await dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'wallet_getPermissions' }));
  assert.equal(permissions.length, 1);
  assert.equal(permissions[0].parentCapability, 'eth_accounts');
  assert.deepEqual(permissions[0].caveats[0].value, [wallet.address.toLowerCase()]);

  const revoked = await dapp.evaluate(async () => {
    const { provider } = window.keysteadDemo;
    const changed = new Promise((resolve) => provider.on('accountsChanged', resolve));
    await provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
    return { event: await changed, accounts: await provider.request({ method: 'eth_accounts' }) };
  });
  assert.deepEqual(revoked, { event: [], accounts: [] });
});
