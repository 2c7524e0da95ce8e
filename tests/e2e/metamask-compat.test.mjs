// Sites written for MetaMask (issue 17, items 6, 7 and 8), against the built extension: the
// provider's isMetaMask / isKeystead flags and EIP-6963 identity, the per-site switch in
// Connected sites that turns the MetaMask flag off, MetaMask-only methods refused with a message
// naming Keystead, the legacy surface (enable, send, sendAsync, networkChanged, selectedAddress,
// networkVersion), addresses given to dApps in lower case while the popup and the approval
// windows show EIP-55, and the signing methods of item 6: eth_signTypedData_v3 (checked with
// eth-sig-util V3), personal_ecRecover, eth_sendRawTransaction forwarded, and the methods that
// stay refused (eth_sign, eth_signTypedData v1, eth_getEncryptionPublicKey, eth_decrypt).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { recoverTypedSignature, recoverPersonalSignature } from '@metamask/eth-sig-util';
import { createWalletClient, http, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { startScene, startSite, startAnvil, openPopup, answerApproval, popupCall, takeCollected, openPage } from './harness.mjs';
import { MAIL } from '../diff/eip712-mail.mjs';

// A site written for MetaMask: it records what it hears, and the EIP-6963 announcements.
const SITE = `<!doctype html><meta charset="utf-8"><title>mm site</title>
<script>
  window.heard = [];
  window.announced = [];
  addEventListener('eip6963:announceProvider', (e) => window.announced.push(e.detail.info));
  dispatchEvent(new Event('eip6963:requestProvider'));
  for (const name of ['accountsChanged', 'chainChanged', 'networkChanged']) {
    window.ethereum.on(name, (data) => window.heard.push([name, data]));
  }
</script>
<p>site</p>`;

let scene, browser, wallet, site, page;

before(async () => {
  scene = await startScene();
  ({ browser, wallet } = scene);
  site = await startSite({ '/': SITE });
  page = await openPage(browser, `${site.origin}/`);
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

const lower = (a) => a.toLowerCase();

const heard = (target) => takeCollected(target);

test('the provider says isMetaMask and isKeystead; a page cannot change them; EIP-6963 announces Keystead itself', async () => {
  const seen = await page.evaluate(() => {
    const e = window.ethereum;
    const changed = Reflect.set(e, 'isMetaMask', false) || Reflect.set(e, 'isKeystead', false);
    return { isMetaMask: e.isMetaMask, isKeystead: e.isKeystead, changed, announced: window.announced };
  });
  assert.equal(seen.isMetaMask, true);
  assert.equal(seen.isKeystead, true);
  assert.equal(seen.changed, false, 'the page set a flag');
  assert.equal(seen.announced.length, 1);
  assert.equal(seen.announced[0].name, 'Keystead');
  assert.equal(seen.announced[0].rdns, 'app.keystead');
  assert.match(seen.announced[0].icon, /^data:image\/svg\+xml;base64,/);
});

test('MetaMask-only methods answer 4200 with a message that names Keystead; other unknown methods stay 4200', async () => {
  const codes = await page.evaluate(async () => {
    const ask = (method, params) => window.ethereum.request({ method, params }).then(() => null, (e) => ({ code: e.code, message: e.message }));
    return {
      invokeSnap: await ask('wallet_invokeSnap', { snapId: 'npm:x', request: { method: 'hello' } }),
      requestSnaps: await ask('wallet_requestSnaps', { 'npm:x': {} }),
      getSnaps: await ask('wallet_getSnaps'),
      metamask: await ask('metamask_getProviderState'),
      unknown: await ask('eth_notAMethod'),
    };
  });
  for (const key of ['invokeSnap', 'requestSnaps', 'getSnaps', 'metamask']) {
    assert.equal(codes[key]?.code, 4200, key);
    assert.match(codes[key].message, /Keystead/, key);
    assert.match(codes[key].message, /MetaMask/, key);
  }
  assert.equal(codes.unknown.code, 4200);
});

test('legacy surface: enable() connects; send in its three forms; sendAsync single, batch, error and without a callback; cached state', async () => {
  const approval = answerApproval(browser, 'approve', {
    origin: site.origin,
    // The approval window shows the account in EIP-55.
    expect: async (win) => assert.equal(await win.getByTestId('approval-account').textContent(), wallet.address),
  });
  const enabled = page.evaluate(() => window.ethereum.enable());
  await approval;
  assert.deepEqual(await enabled, [lower(wallet.address)]);
  assert.deepEqual(await heard(page), [['accountsChanged', [lower(wallet.address)]]]);

  const legacy = await page.evaluate(async () => {
    const e = window.ethereum;
    const asyncCall = (payload) => new Promise((resolve) => e.sendAsync(payload, (error, response) => resolve({ error: error && { code: error.code }, response })));
    return {
      sendPromise: await e.send('eth_chainId', []),
      sendSyncAccounts: e.send({ id: 7, jsonrpc: '2.0', method: 'eth_accounts' }),
      sendSyncCoinbase: e.send({ id: 8, jsonrpc: '2.0', method: 'eth_coinbase' }),
      sendSyncNet: e.send({ id: 9, jsonrpc: '2.0', method: 'net_version' }),
      sendSyncOther: (() => { try { e.send({ id: 10, method: 'eth_blockNumber' }); return 'answered'; } catch (error) { return error.message; } })(),
      sendCallback: await new Promise((resolve) => e.send({ id: 11, jsonrpc: '2.0', method: 'net_version' }, (error, response) => resolve({ error, response }))),
      single: await asyncCall({ id: 12, jsonrpc: '2.0', method: 'eth_accounts', params: [] }),
      batch: await asyncCall([{ id: 13, jsonrpc: '2.0', method: 'eth_chainId' }, { id: 14, jsonrpc: '2.0', method: 'eth_notAMethod' }]),
      failing: await asyncCall({ id: 15, jsonrpc: '2.0', method: 'wallet_invokeSnap', params: {} }),
      // Without a callback (the test dApp's "watch all NFTs" does this): a promise of the responses.
      promised: await e.sendAsync([{ id: 16, jsonrpc: '2.0', method: 'net_version' }]),
      selectedAddress: e.selectedAddress,
      chainId: e.chainId,
      networkVersion: e.networkVersion,
    };
  });
  const me = lower(wallet.address);
  assert.deepEqual(legacy.sendPromise.result, '0x7a69');
  assert.equal(legacy.sendPromise.jsonrpc, '2.0');
  assert.deepEqual(legacy.sendSyncAccounts, { id: 7, jsonrpc: '2.0', result: [me] });
  assert.deepEqual(legacy.sendSyncCoinbase, { id: 8, jsonrpc: '2.0', result: me });
  assert.deepEqual(legacy.sendSyncNet, { id: 9, jsonrpc: '2.0', result: '31337' });
  assert.match(legacy.sendSyncOther, /request\(/);
  assert.deepEqual(legacy.sendCallback, { error: null, response: { id: 11, jsonrpc: '2.0', result: '31337' } });
  assert.deepEqual(legacy.single, { error: null, response: { id: 12, jsonrpc: '2.0', result: [me] } });
  assert.equal(legacy.batch.error, null);
  assert.deepEqual(legacy.batch.response[0], { id: 13, jsonrpc: '2.0', result: '0x7a69' });
  assert.equal(legacy.batch.response[1].id, 14);
  assert.equal(legacy.batch.response[1].error.code, 4200);
  assert.deepEqual(legacy.failing.error, { code: 4200 });
  assert.equal(legacy.failing.response.error.code, 4200);
  assert.deepEqual(legacy.promised, [{ id: 16, jsonrpc: '2.0', result: '31337' }]);
  assert.equal(legacy.selectedAddress, me);
  assert.equal(legacy.chainId, '0x7a69');
  assert.equal(legacy.networkVersion, '31337');
});

test('addresses reach the dApp in lower case (accounts, accountsChanged, permissions); the popup keeps EIP-55', async () => {
  const popup = await openPopup(browser);
  assert.equal(await popup.getByTestId('account-address').textContent(), wallet.address);
  assert.notEqual(wallet.address, lower(wallet.address), 'the test needs a mixed-case address');
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  const second = await popup.getByTestId('account-item').nth(1).getAttribute('title');
  await popupCall(popup, 'setSiteAccounts', { origin: site.origin, accounts: [wallet.address, second] });
  await popup.close();
  const seen = await page.evaluate(async () => ({
    accounts: await window.ethereum.request({ method: 'eth_accounts' }),
    requested: await window.ethereum.request({ method: 'eth_requestAccounts' }),
    permissions: await window.ethereum.request({ method: 'wallet_getPermissions' }),
  }));
  const both = [lower(second), lower(wallet.address)];
  // The new account is selected, so it comes first.
  assert.deepEqual(seen.accounts, both);
  assert.deepEqual(seen.requested, both);
  assert.deepEqual(seen.permissions[0].caveats[0].value.slice().sort(), both.slice().sort());
  assert.deepEqual(await heard(page), [['accountsChanged', both]]);
});

test('a network switch in the popup sends chainChanged and the legacy networkChanged', async () => {
  const second = await startAnvil(8546, 1337);
  try {
    const popup = await openPopup(browser);
    const added = await popupCall(popup, 'addNetwork', { name: 'Second anvil', rpcUrl: 'http://127.0.0.1:8546', chainId: '0x539', symbol: 'ETH' });
    assert.equal(added.error, undefined, JSON.stringify(added.error));
    await page.waitForFunction(() => window.ethereum.chainId === '0x539');
    assert.deepEqual(await heard(page), [['chainChanged', '0x539'], ['networkChanged', '1337']]);
    assert.equal(await page.evaluate(() => window.ethereum.networkVersion), '1337');
    await popupCall(popup, 'selectNetwork', { chainId: '0x7a69' });
    await page.waitForFunction(() => window.ethereum.chainId === '0x7a69');
    assert.deepEqual(await heard(page), [['chainChanged', '0x7a69'], ['networkChanged', '31337']]);
    await popup.close();
  } finally {
    second.stop();
  }
});

/** `{ result }` or `{ code, message }` of a request made by the site's provider. */
const ask = (method, params) => page.evaluate(({ method, params }) => window.ethereum.request({ method, params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), { method, params });

test('eth_signTypedData_v3: approved, and eth-sig-util V3 recovers the account; arrays are refused with -32602 and no window', async () => {
  const [account] = (await ask('eth_accounts')).result;
  const typed = { ...structuredClone(MAIL), domain: { ...MAIL.domain, chainId: 31337 } };
  const approval = answerApproval(browser, 'approve', {
    origin: site.origin,
    expect: async (win) => assert.match(await win.getByTestId('approval-message').textContent(), /Hello, Bob!/),
  });
  const signed = ask('eth_signTypedData_v3', [account, JSON.stringify(typed)]);
  await approval;
  const { result: signature } = await signed;
  assert.match(signature, /^0x[0-9a-f]{130}$/);
  assert.equal(recoverTypedSignature({ data: typed, signature, version: 'V3' }), account);

  const pages = browser.context.pages().length;
  const withArray = structuredClone(typed);
  withArray.types.Mail.push({ name: 'cc', type: 'Person[]' });
  withArray.message.cc = [];
  const refused = await ask('eth_signTypedData_v3', [account, withArray]);
  assert.equal(refused.code, -32602);
  assert.match(refused.message, /Mail\.cc is an array.*eth_signTypedData_v4/);
  assert.equal(browser.context.pages().length, pages, 'no approval window opened');
});

test('personal_ecRecover gives the signer in lower case, for any page; a signature that recovers nothing is -32602', async () => {
  const [account] = (await ask('eth_accounts')).result;
  const approval = answerApproval(browser, 'approve', { origin: site.origin });
  const signed = ask('personal_sign', ['0x68656c6c6f', account]);
  await approval;
  const { result: signature } = await signed;
  assert.deepEqual(await ask('personal_ecRecover', ['0x68656c6c6f', signature]), { result: account });
  assert.equal(recoverPersonalSignature({ data: '0x68656c6c6f', signature }), account, 'eth-sig-util agrees');
  // Text is its UTF-8 bytes, as for personal_sign.
  assert.deepEqual(await ask('personal_ecRecover', ['hello', signature]), { result: account });
  // The demo origin is connected to another account only; recovering is no secret.
  const other = await scene.dapp.evaluate(({ signature }) => window.keysteadDemo.provider
    .request({ method: 'personal_ecRecover', params: ['0x68656c6c6f', signature] }), { signature });
  assert.equal(other, account);
  assert.equal((await ask('personal_ecRecover', ['0x68656c6c6f', `0x${'00'.repeat(65)}`])).code, -32602);
  assert.equal((await ask('personal_ecRecover', ['0x68656c6c6f', '0x1234'])).code, -32602);
});

test('eth_sendRawTransaction passes a transaction signed elsewhere to the node; the node\'s errors come back', async () => {
  // anvil's dev account #1, signing outside Keystead.
  const sender = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
  const client = createWalletClient({ account: sender, chain: foundry, transport: http(scene.chain.rpcUrl) });
  const request = await client.prepareTransactionRequest({ to: wallet.address, value: parseEther('1') });
  const raw = await client.signTransaction(request);
  const before = await scene.chain.client.getBalance({ address: wallet.address });
  const { result: hash } = await ask('eth_sendRawTransaction', [raw]);
  assert.match(hash, /^0x[0-9a-f]{64}$/);
  const receipt = await scene.chain.client.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, 'success');
  assert.equal(await scene.chain.client.getBalance({ address: wallet.address }), before + parseEther('1'));
  const again = await ask('eth_sendRawTransaction', [raw]);
  assert.ok(Number.isInteger(again.code) && again.code !== 4200, `the node's error: ${JSON.stringify(again)}`);
  assert.equal((await ask('eth_sendRawTransaction', ['not hex'])).code, -32602);
});

test('eth_sign, eth_signTypedData (v1), eth_getEncryptionPublicKey and eth_decrypt stay 4200, each saying why', async () => {
  const [account] = (await ask('eth_accounts')).result;
  const pages = browser.context.pages().length;
  const answers = {
    eth_sign: await ask('eth_sign', [account, `0x${'11'.repeat(32)}`]),
    eth_signTypedData: await ask('eth_signTypedData', [[{ type: 'string', name: 'm', value: 'hi' }], account]),
    eth_getEncryptionPublicKey: await ask('eth_getEncryptionPublicKey', [account]),
    eth_decrypt: await ask('eth_decrypt', ['0x7b7d', account]),
  };
  const why = { eth_sign: /hash .*phishing.*personal_sign/, eth_signTypedData: /no domain.*eth_signTypedData_v4/, eth_getEncryptionPublicKey: /deprecated/, eth_decrypt: /deprecated/ };
  for (const [method, answer] of Object.entries(answers)) {
    assert.equal(answer.code, 4200, method);
    assert.match(answer.message, why[method], method);
  }
  assert.equal(browser.context.pages().length, pages, 'no window opened');
});

test('the switch in Connected sites turns isMetaMask off for that site only, at once and after a reload, and back on', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('connected-sites').click();
  const row = popup.locator(`[data-testid=site-row][data-origin="${site.origin}"]`);
  const flag = row.getByTestId('site-metamask-flag');
  assert.equal(await flag.isChecked(), true);
  await flag.uncheck();
  await page.waitForFunction(() => window.ethereum.isMetaMask === false);
  assert.equal(await page.evaluate(() => window.ethereum.isKeystead), true);
  // Another site keeps the flag.
  assert.equal(await scene.dapp.evaluate(() => window.keysteadDemo.provider.isMetaMask), true);
  await page.reload();
  await page.waitForFunction(() => window.ethereum?.isConnected());
  assert.equal(await page.evaluate(() => window.ethereum.isMetaMask), false, 'the choice holds after a reload');

  // Disconnected, the site stays listed (not connected) so that the flag can be turned back on.
  await row.getByTestId('site-disconnect').click();
  await row.getByTestId('site-save').waitFor({ state: 'detached' });
  assert.equal(await row.getByTestId('site-metamask-flag').isChecked(), false);
  await row.getByTestId('site-metamask-flag').click(); // the row goes away with the redraw
  await page.waitForFunction(() => window.ethereum.isMetaMask === true);
  await row.waitFor({ state: 'detached' });
  const { result } = await popupCall(popup, 'setSiteMetaMaskFlag', { origin: 'not an origin', on: false });
  assert.equal(result, undefined);
  await popup.close();
});
