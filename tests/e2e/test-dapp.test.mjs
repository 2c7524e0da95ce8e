// MetaMask's own end-to-end test dApp (npm @metamask/test-dapp, the page MetaMask's e2e suite
// drives), served from its dist/ as it is published, against the built extension, anvil and the
// real approval windows (issue 17, "Done means"). The page enables itself only for a provider
// that says isMetaMask, compares accounts with `===` against eth-sig-util's lower-case
// addresses, and uses ethers v5 for its contracts. Each test drives one of its flows through the
// page's own buttons and checks what the page shows (and, where the page shows nothing, the
// chain).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { once } from 'node:events';
import { erc20Abi, parseAbi } from 'viem';
import { startScene, startAnvil, answerApproval, readStorage } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const DIST = path.resolve(import.meta.dirname, '../../node_modules/@metamask/test-dapp/dist');
const RECIPIENT = '0x0c54FcCd2e384b4BB6f2E405Bf5Cbc15a017AaFb'; // the page's fixed send recipient

let scene, chain, second, browser, wallet, server, page, me;

before(async () => {
  scene = await startScene();
  ({ chain, browser, wallet } = scene);
  me = wallet.address.toLowerCase();
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, '0x56bc75e2d63100000'] });
  second = await startAnvil(8546, 1338); // the page's wallet_addEthereumChain target (0x53a)
  server = serve(DIST, 0);
  await once(server, 'listening');
  page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('#connectButton:not([disabled])').waitFor();
});

after(async () => {
  server?.close();
  second?.stop();
  await scene?.stop();
});

const text = (id) => page.locator(`#${id}`).textContent();
const waitText = (id, value) => page.locator(`#${id}`).filter({ hasText: value }).waitFor();
const origin = () => new URL(page.url()).origin;

/** Clicks the page's button `id` and approves the window it opens. */
async function approveAfter(id, expect) {
  const approval = answerApproval(browser, 'approve', { origin: origin(), expect });
  await page.locator(`#${id}`).click();
  await approval;
}

/** Approves the window of each `[button, shown]` in turn, waiting after each for `statusId` to show `shown`. */
async function flow(statusId, steps) {
  for (const [button, shown] of steps) {
    await approveAfter(button);
    await waitText(statusId, shown);
  }
}

const nonce = () => chain.client.getTransactionCount({ address: wallet.address });

test('the page sees a MetaMask-compatible provider, finds Keystead through EIP-6963 and enables its Connect button', async () => {
  assert.equal(await text('connectButton'), 'Connect');
  await page.locator('#providers').filter({ hasText: 'Keystead' }).waitFor();
  assert.match(await text('activeProviderName'), /Keystead/);
  await waitText('chainId', '0x7a69');
});

test('connect: the account shows, lower case; eth_accounts; the network and chain id', async () => {
  await approveAfter('connectButton');
  await waitText('accounts', me);
  assert.equal(await text('accounts'), me);
  assert.equal(await text('connectButton'), 'Connected');
  await page.locator('#getAccounts').click();
  await waitText('getAccountsResult', me);
  assert.equal(await text('chainId'), '0x7a69');
  await waitText('network', '31337');
});

test('permissions: request (the picker), get', async () => {
  await approveAfter('requestPermissions');
  await waitText('permissionsResult', 'eth_accounts');
  await page.locator('#getPermissions').click();
  await waitText('permissionsResult', 'eth_accounts');
});

test('send: legacy, EIP-1559 with and without gas fields: each transaction is mined', async () => {
  const before = await nonce();
  await page.locator('#sendEIP1559Button:not([hidden])').waitFor();
  for (const id of ['sendButton', 'sendEIP1559Button', 'sendEIP1559WithoutGasButton']) await approveAfter(id);
  await waitUntil(async () => (await nonce()) === before + 3, 'the three transactions were mined');
});

test('contracts that fail or take heavy data: a failing transaction and a multisig sent with the page\'s own gas, heavy calldata', async () => {
  await flow('failingContractStatus', [['deployFailingButton', 'Deployed'], ['sendFailingButton', 'Failed transaction process completed as expected.']]);
  await flow('multisigContractStatus', [['deployMultisigButton', 'Deployed'], ['sendMultisigButton', 'Transaction completed as expected.']]);
  const before = await nonce();
  await approveAfter('sendHeavyHexDataButton');
  await waitUntil(async () => (await nonce()) === before + 1, 'the heavy-calldata transaction was mined');
});

test('piggy bank contract: deploy, deposit, withdraw', async () => {
  await flow('contractStatus', [['deployButton', 'Deployed'], ['depositButton', 'Deposit completed'], ['withdrawButton', 'Withdrawn']]);
});

test('ERC-20: create a token with 4 decimals, watch it (decimals sent as the string "4"), approve, read the allowance', async () => {
  await approveAfter('createToken');
  await page.locator('#erc20TokenAddresses').filter({ hasText: /^0x[0-9a-fA-F]{40}$/ }).waitFor();
  const token = await text('erc20TokenAddresses');
  await approveAfter('watchAssets', async (win) => assert.equal(await win.getByTestId('approval-token-decimals').textContent(), '4'));
  await waitUntil(async () => ((await readStorage(wallet.popup)).local.tokens?.['0x7a69'] ?? []).some((t) => t.address.toLowerCase() === token.toLowerCase() && t.decimals === 4), 'the token is in the popup\'s list');
  await approveAfter('approveTokens');
  const spender = await page.locator('#approveTo').inputValue();
  await waitUntil(async () => (await chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [wallet.address, spender] })) === 70000n, 'the allowance is set');
  await page.locator('#allowanceOwner').fill(wallet.address);
  await page.locator('#allowanceSpender').fill(spender);
  await page.locator('#getAllowance').click();
  await waitText('allowanceAmountResult', '7.0000');
  await approveAfter('increaseTokenAllowance');
  await waitUntil(async () => (await chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'allowance', args: [wallet.address, spender] })) === 80000n, 'the allowance is increased');
  // Transfers (1.5 tokens to the page's fixed recipient), with the gas the page sets and without.
  const to = '0x2f318C334780961FB129D2a6c30D0763d9a5C970';
  for (const [i, id] of ['transferTokens', 'transferTokensWithoutGas'].entries()) {
    await approveAfter(id);
    await waitUntil(async () => (await chain.client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [to] })) === 15000n * BigInt(i + 1), `${id} moved the tokens`);
  }
  const before = await nonce();
  await approveAfter('approveTokensWithoutGas');
  await waitUntil(async () => (await nonce()) === before + 1, 'the approval was mined');
});

test('ERC-721: deploy, mint, watch one NFT, watch all (a sendAsync batch), approve, set approval for all, revoke, transfer', async () => {
  await flow('nftsStatus', [['deployNFTsButton', 'Deployed']]);
  await page.locator('#mintAmountInput').fill('3');
  await flow('nftsStatus', [['mintButton', 'Mint completed']]);
  await page.locator('#watchNFTInput').fill('1');
  await approveAfter('watchNFTButton', async (win) => assert.equal(await win.getByTestId('approval-token-id').textContent(), '1'));
  // "Watch all" sends one wallet_watchAsset per token in one sendAsync batch: token 1 is listed
  // already (true at once), tokens 2 and 3 get a window each, one after the other (in the order
  // their contract reads finish).
  const listed = async () => ((await readStorage(wallet.popup)).local.nfts?.['0x7a69'] ?? []).map((n) => n.tokenId).sort();
  const shown = [];
  const tokenId = async (win) => { shown.push(await win.getByTestId('approval-token-id').textContent()); };
  const first = answerApproval(browser, 'approve', { expect: tokenId });
  await page.locator('#watchNFTsButton').click();
  await first;
  await answerApproval(browser, 'approve', { expect: tokenId });
  assert.deepEqual(shown.sort(), ['2', '3']);
  await waitUntil(async () => (await listed()).join() === '1,2,3', 'the three NFTs are listed');
  await page.locator('#approveTokenInput').fill('1');
  await page.locator('#transferTokenInput').fill('3');
  await flow('nftsStatus', [
    ['approveButton', 'Approve completed'], ['setApprovalForAllButton', 'Set Approval For All completed'],
    ['revokeButton', 'Revoke completed'], ['transferFromButton', 'Transfer From completed'],
  ]);
  const nft = (await text('erc721TokenAddresses')).split(', ').at(-1);
  assert.equal((await chain.client.readContract({ address: nft, abi: parseAbi(['function ownerOf(uint256) view returns (address)']), functionName: 'ownerOf', args: [3n] })).toLowerCase(),
    '0x2f318c334780961fb129d2a6c30d0763d9a5c970');
});

test('ERC-1155: deploy, batch mint, batch transfer, set approval for all, revoke; watchAsset of an ERC-1155 is refused', async () => {
  await flow('erc1155Status', [['deployERC1155Button', 'Deployed']]);
  await page.locator('#batchMintTokenIds').fill('1, 2, 3');
  await page.locator('#batchMintIdAmounts').fill('1, 10, 1000000000000000');
  await page.locator('#batchTransferTokenIds').fill('1, 2, 3');
  await page.locator('#batchTransferTokenAmounts').fill('1, 1, 1000000000000');
  await flow('erc1155Status', [
    ['batchMintButton', 'Batch Minting completed'], ['batchTransferFromButton', 'Batch Transfer From completed'],
    ['setApprovalForAllERC1155Button', 'Set Approval For All completed'], ['revokeERC1155Button', 'Revoke completed'],
  ]);
  // Its watch button gets -32602 (the page only logs it); no window opens.
  const pages = browser.context.pages().length;
  const logged = page.waitForEvent('console', { predicate: (m) => /ERC-1155/.test(m.text()) });
  await page.locator('#watchAssetButton').click();
  await logged;
  assert.equal(browser.context.pages().length, pages);
});

test('signatures: personal_sign and its verify (eth-sig-util and personal_ecRecover both match eth_accounts[0])', async () => {
  await approveAfter('personalSign');
  await page.locator('#personalSignResult').filter({ hasText: /^0x[0-9a-f]{130}$/ }).waitFor();
  await page.locator('#personalSignVerify').click();
  await waitText('personalSignVerifySigUtilResult', me);
  await waitText('personalSignVerifyECRecoverResult', me);
});

test('signatures: eth_signTypedData_v3 and v4, each with its verify', async () => {
  for (const v of ['V3', 'V4']) {
    await approveAfter(`signTypedData${v}`);
    await page.locator(`#signTypedData${v}Result`).filter({ hasText: /^0x[0-9a-f]{130}$/ }).waitFor();
    await page.locator(`#signTypedData${v}Verify`).click();
    await waitText(`signTypedData${v}VerifyResult`, me);
  }
});

test('signatures: permit (EIP-2612 typed data) and its verify', async () => {
  await approveAfter('signPermit');
  await page.locator('#signPermitResult').filter({ hasText: /^0x[0-9a-f]{130}$/ }).waitFor();
  await page.locator('#signPermitVerify').click();
  await waitText('signPermitVerifyResult', me);
});

test('the NFT card\'s permit is refused, by design: its typed data declares no EIP712Domain, so its name, chain and contract would not be signed', async () => {
  // eth-sig-util (and MetaMask) sign it over an empty domain; Keystead refuses typed data whose
  // window would show a domain the signature does not cover (docs/dapp-connection.md).
  const pages = browser.context.pages().length;
  await page.locator('#sign721Permit').click();
  await page.locator('#sign721PermitResult').filter({ hasText: /EIP712Domain/ }).waitFor();
  assert.match(await text('sign721PermitResult'), /^Error: .*EIP712Domain/);
  assert.equal(browser.context.pages().length, pages, 'no window opened');
});

test('Sign-In with Ethereum: plain and with resources', async () => {
  for (const id of ['siwe', 'siweResources']) {
    await page.evaluate(() => { document.getElementById('siweResult').textContent = ''; });
    await approveAfter(id, async (win) => {
      const message = win.getByTestId('approval-message');
      assert.match(await message.textContent(), /wants you to sign in with your Ethereum account/);
      // Approve is enabled once the whole message has been scrolled into view.
      await message.evaluate((box) => { box.scrollTop = box.scrollHeight; });
    });
    await page.locator('#siweResult').filter({ hasText: /^0x[0-9a-f]{130}$/ }).waitFor();
  }
});

test('EIP-747 card: watch a token', async () => {
  const token = (await text('erc20TokenAddresses')).split(', ').at(-1);
  await approveAfter('createToken'); // a second token, not yet watched
  await page.locator('#erc20TokenAddresses').filter({ hasText: ', ' }).waitFor();
  const fresh = (await text('erc20TokenAddresses')).split(', ').at(-1);
  assert.notEqual(fresh, token);
  await page.locator('#eip747ContractAddress').fill(fresh);
  await page.locator('#eip747Symbol').fill('TST');
  await page.locator('#eip747Decimals').fill('4');
  await approveAfter('eip747WatchButton');
  await waitText('eip747Status', 'NFT added successfully');
});

test('the flows Keystead refuses by design answer with their reason and open no window: eth_sign, eth_signTypedData (v1), the encryption key', async () => {
  const pages = browser.context.pages().length;
  await page.locator('#ethSign').click();
  await page.locator('#ethSign').filter({ hasText: /^Error: .*phishing/ }).waitFor();
  await page.locator('#signTypedData').click();
  await page.locator('#signTypedDataResult').filter({ hasText: /^Error: .*no domain/ }).waitFor();
  await page.locator('#getEncryptionKeyButton').click();
  await page.locator('#encryptionKeyDisplay').filter({ hasText: /^Error: .*deprecated/ }).waitFor();
  assert.equal(browser.context.pages().length, pages);
});

test('EIP-5792 card: capabilities say atomic is unsupported; its sends (always atomicRequired: true) are refused with 5760\'s reason and open no window; the status of a batch the page sent non-atomically', async () => {
  await page.locator('#eip5792GetCapabilitiesButton').click();
  await page.locator('#eip5792GetCapabilitiesResult').filter({ hasText: 'unsupported' }).waitFor();
  assert.deepEqual(JSON.parse(await text('eip5792GetCapabilitiesResult')), { '0x7a69': { atomic: { status: 'unsupported' } } });
  await page.locator('#eip5792ChainIdsInput').fill('0x7a69, 0x1');
  await page.evaluate(() => { document.getElementById('eip5792GetCapabilitiesResult').textContent = ''; });
  await page.locator('#eip5792GetCapabilitiesButton').click();
  await page.locator('#eip5792GetCapabilitiesResult').filter({ hasText: 'unsupported' }).waitFor();
  assert.deepEqual(JSON.parse(await text('eip5792GetCapabilitiesResult')), { '0x7a69': { atomic: { status: 'unsupported' } } });

  const pages = browser.context.pages().length;
  const before = await nonce();
  await page.locator('#eip5792SendCallsButton').click();
  await page.locator('#eip5792SendCallsError').filter({ hasText: /^Error: .*atomically/ }).waitFor();
  assert.equal(browser.context.pages().length, pages, 'no window opened');
  assert.equal(await nonce(), before);

  // The card's own two default calls, sent by the page through the same provider without
  // atomicity: one window lists both; the card's status button shows both receipts.
  const approval = answerApproval(browser, 'approve', {
    origin: origin(),
    expect: async (win) => assert.equal(await win.getByTestId('approval-call').count(), 2),
  });
  const sent = page.evaluate((from) => window.ethereum.request({
    method: 'wallet_sendCalls',
    params: [{
      version: '2.0.0', from, chainId: '0x7a69', atomicRequired: false,
      calls: [
        { to: '0x0c54FcCd2e384b4BB6f2E405Bf5Cbc15a017AaFb', data: '0x654365436543', value: '0x3B9ACA00' },
        { to: '0xbc2114a988e9CEf5bA63548D432024f34B487048', data: '0x789078907890', value: '0x1DCD6500' },
      ],
    }],
  }), me);
  await approval;
  const { id } = await sent;
  // wallet_sendCalls answers with the batch's id once it is accepted; its calls go out one after
  // another, so the second may reach the chain a moment after the answer (seen under load).
  for (let i = 0; i < 100 && (await nonce()) < before + 2; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await nonce(), before + 2);
  await page.locator('#eip5792RequestIdInput').fill(id);
  await page.locator('#eip5792GetCallsStatusButton').click();
  await page.locator('#eip5792GetCallsStatusResult').filter({ hasText: '"status": 200' }).waitFor();
  const status = JSON.parse(await text('eip5792GetCallsStatusResult'));
  assert.equal(status.id, id);
  assert.equal(status.atomic, false);
  assert.deepEqual(status.receipts.map((r) => r.status), ['0x1', '0x1']);
});

test('networks: add the page\'s second chain and switch to it (chainChanged and networkChanged update the page), then back', async () => {
  await approveAfter('addEthereumChain');
  await waitText('chainId', '0x53a');
  await waitText('network', '1338');
  const back = answerApproval(browser, 'approve');
  await page.evaluate(() => window.ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] }));
  await back;
  await waitText('chainId', '0x7a69');
  await waitText('network', '31337');
  await approveAfter('switchEthereumChain');
  await waitText('chainId', '0x53a');
  await waitText('network', '1338');
});

test('permissions: revoke; the page shows no account', async () => {
  await page.locator('#revokeAccountsPermission').click();
  await page.waitForFunction(() => document.getElementById('accounts').textContent === '');
  assert.deepEqual(await page.evaluate(() => window.ethereum.request({ method: 'eth_accounts' })), []);
});

/** Polls `check` until it is true (the chain or storage settles after an approval). */
async function waitUntil(check, what) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting until ${what}`);
}
