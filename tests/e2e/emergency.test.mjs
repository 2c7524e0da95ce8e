// The emergency move (issue 14 items 3 and 4), through the real popup against anvil with real
// OpenZeppelin 4.9 contracts: the wallet (a test phrase's account 1, plus an imported key)
// holds ETH, two ERC-20s, two NFTs, two ERC-1155 tokens, an unlimited and a limited allowance (the limited one partly
// spent), an approve of a single NFT, a setApprovalForAll, and an EIP-7702 delegation to a
// contract. A new phrase is made and confirmed, the plan listed and checked by the node's
// simulation (what each old account loses, what its new one receives), the move started with the
// password, the worker stopped through CDP at a random step and, at a later random step, the
// browser closed and launched again (the move goes on after the unlock). At the
// end the old accounts hold no token, NFT, allowance, code, nor any wei (the ETH step pays
// exactly its max fee per gas, so the dust is 0), the new phrase's accounts hold everything, and
// every step took exactly one nonce (a clear two: its transaction and its authorization).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWalletClient, http, erc20Abi, erc721Abi, getAddress, maxUint256, zeroAddress, parseEther } from 'viem';
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { PASSWORD, startAnvil, launch, openPopup, popupCall, stopServiceWorker, beginEmergencyMove } from './harness.mjs';
import { deployToken } from './erc20.mjs';
import { deployNft, deployMultiToken } from './contracts.mjs';

const SPENDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const NFT_SPENDER = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const OPERATOR = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';
// The wallet's phrase (BIP39's all-zero test phrase: its account 2 is unused, so a restore finds
// one account) and an imported key; both funded by anvil, both sign their own set-up with viem.
const PHRASE = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const OWNER = mnemonicToAccount(PHRASE);
const IMPORTED_KEY = `0x${'5a'.repeat(32)}`;
const IMPORTED = privateKeyToAccount(IMPORTED_KEY);

let chain, browser, popup, profile;
let tokenA, tokenB, nft, multi;
const startNonce = {};

const wallet = (account) => createWalletClient({ account, chain: { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }, transport: http(chain.rpcUrl) });
async function mined(hash) {
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, 'success');
  return receipt;
}
const write = async (from, address, abi, functionName, args) => mined(await wallet(from).writeContract({ address, abi, functionName, args }));
const read = (address, abi, functionName, args) => chain.client.readContract({ address, abi, functionName, args });

before(async () => {
  chain = await startAnvil(8545);
  for (const a of [OWNER, IMPORTED]) await chain.client.request({ method: 'anvil_setBalance', params: [a.address, '0x56bc75e2d63100000'] }); // 100 ETH
  tokenA = getAddress(await deployToken(chain, { name: 'Alpha', symbol: 'AAA', owner: OWNER.address }));
  tokenB = getAddress(await deployToken(chain, { name: 'Beta', symbol: 'BBB', owner: OWNER.address }));
  const n = await deployNft(chain, { name: 'Keystead Cats', symbol: 'KCAT' });
  nft = getAddress(n.address);
  await n.mintTo(OWNER.address, 2); // tokens 0 and 1
  const m = await deployMultiToken(chain);
  multi = { ...m, address: getAddress(m.address) };
  await m.mint(OWNER.address, 1n, 30n);
  await m.mint(OWNER.address, 2n, 5n);
  await write(OWNER, multi.address, m.abi, 'safeTransferFrom', [OWNER.address, SPENDER, 2n, 2n, '0x']); // 3 of id 2 left
  await write(OWNER, tokenA, erc20Abi, 'approve', [SPENDER, maxUint256]);
  await write(OWNER, tokenB, erc20Abi, 'approve', [SPENDER, 1000n * 10n ** 18n]);
  await write(SPENDER, tokenB, erc20Abi, 'transferFrom', [OWNER.address, SPENDER, 400n * 10n ** 18n]);
  await write(OWNER, nft, erc721Abi, 'approve', [NFT_SPENDER, 0n]);
  await write(OWNER, nft, erc721Abi, 'setApprovalForAll', [OPERATOR, true]);
  // The imported key holds some of tokenB (and ETH).
  await write(OWNER, tokenB, erc20Abi, 'transfer', [IMPORTED.address, 7n * 10n ** 18n]);
  // A delegation of the first account to a contract (tokenA's code), sent by another account.
  const nonce = await chain.client.getTransactionCount({ address: OWNER.address });
  const authorization = await OWNER.signAuthorization({ chainId: 31337, address: tokenA, nonce });
  await mined(await wallet(SPENDER).sendTransaction({ type: 'eip7702', to: NFT_SPENDER, data: '0x', authorizationList: [authorization] }));
  assert.equal((await chain.client.getCode({ address: OWNER.address })).toLowerCase(), `0xef0100${tokenA.slice(2).toLowerCase()}`);

  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'keystead-e2e-emergency-'));
  browser = await launch({ profile }); // kept: the browser is launched again mid-move
  popup = await openPopup(browser);
  const restored = await popupCall(popup, 'restore', { password: PASSWORD, phrase: PHRASE });
  assert.ok(restored.result, JSON.stringify(restored.error));
  const imported = await popupCall(popup, 'importPrivateKey', { privateKey: IMPORTED_KEY, password: PASSWORD });
  assert.ok(imported.result !== undefined, JSON.stringify(imported.error));
  await popupCall(popup, 'addToken', { chainId: '0x7a69', address: tokenA });
  for (const a of [OWNER.address, IMPORTED.address]) startNonce[a] = await chain.client.getTransactionCount({ address: a });
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('account-address').waitFor(); // the imported account is selected
});

after(async () => {
  await browser?.close();
  chain?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('the emergency move: new phrase confirmed, the plan, a worker stop and a browser restart at random steps, everything moved, nothing sent twice', async () => {
  const words = await beginEmergencyMove(popup, {
    beforeConfirm: async () => assert.equal(await popup.getByTestId('srp-backup-later').isHidden(), true),
  });
  const fresh = words.join(' ');
  const NEW = [mnemonicToAccount(fresh, { addressIndex: 0 }).address, mnemonicToAccount(fresh, { addressIndex: 1 }).address];

  // The plan: the clear, 2 tokens + 1 for the imported key, 2 NFTs and 2 ERC-1155 ids, the revokes
  // (tokenA's, tokenB's, the operator; the single-NFT approval goes with its NFT), the ETH of each account.
  const kinds = await popup.getByTestId('emergency-plan-step').evaluateAll((els) => els.map((e) => `${e.dataset.account} ${e.dataset.kind}`));
  assert.deepEqual(kinds, [
    ...['delegation', 'token', 'token', 'nft', 'nft', 'nft', 'nft', 'revoke', 'revoke', 'revoke', 'eth'].map((k) => `${OWNER.address} ${k}`),
    ...['token', 'eth'].map((k) => `${IMPORTED.address} ${k}`),
  ]);
  assert.ok(BigInt(await popup.getByTestId('emergency-total-fee').getAttribute('data-wei')) > 0n);

  // The plan as the node's simulation predicts it: each old account loses exactly what its new
  // account receives — every token unit, both NFTs, both ERC-1155 balances and the ETH the plan
  // estimates — and no step is predicted to fail.
  const rowsOf = (account, side) => popup.locator(`[data-testid="plan-check"][data-account="${account}"] ul[data-side="${side}"] [data-testid="balance-change"]`)
    .evaluateAll((els) => els.map((e) => `${e.dataset.asset.toLowerCase()}${e.dataset.tokenId ? `#${e.dataset.tokenId}` : ''} ${e.dataset.delta}`).sort());
  const ethOf = async (account) => BigInt(await popup.locator(`[data-testid="emergency-plan-step"][data-kind="eth"][data-account="${account}"]`).getAttribute('data-estimate'));
  const expectOld = {
    [OWNER.address]: [`${tokenA.toLowerCase()} -${10n ** 30n}`, `${tokenB.toLowerCase()} -${10n ** 30n - 407n * 10n ** 18n}`,
      `${nft.toLowerCase()}#0 -1`, `${nft.toLowerCase()}#1 -1`, `${multi.address.toLowerCase()}#1 -30`, `${multi.address.toLowerCase()}#2 -3`,
      `eth -${await ethOf(OWNER.address)}`],
    [IMPORTED.address]: [`${tokenB.toLowerCase()} -${7n * 10n ** 18n}`, `eth -${await ethOf(IMPORTED.address)}`],
  };
  for (const a of [OWNER.address, IMPORTED.address]) {
    assert.deepEqual(await rowsOf(a, 'old'), expectOld[a].sort(), `what ${a} loses`);
    assert.deepEqual(await rowsOf(a, 'new'), expectOld[a].map((r) => r.replace(' -', ' +')).sort(), `what ${a}'s new account receives`);
  }
  assert.equal(await popup.getByTestId('plan-check-revert').count(), 0);
  assert.equal(await popup.getByTestId('plan-check-unavailable').count(), 0);

  // Blocks are mined one at a time from here, so the worker can be stopped with a step sent and
  // not yet in a block (or signed and not yet sent): the random step.
  await chain.client.request({ method: 'evm_setAutomine', params: [false] });
  await popup.getByTestId('emergency-start-password').fill(PASSWORD);
  await popup.getByTestId('emergency-start').click();
  await popup.getByTestId('emergency-progress').waitFor();
  const stopAt = 1 + Math.floor(Math.random() * (kinds.length - 2));
  console.log(`# stopping the worker once ${stopAt} of ${kinds.length} steps are done`);
  const done = async () => Number(await popup.getByTestId('emergency-progress-text').getAttribute('data-done').catch(() => null) ?? 0);
  const mineUntil = async (n) => {
    while ((await done()) < n) {
      await chain.client.request({ method: 'anvil_mine', params: ['0x1'] });
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 400))); // the next step signed, sent or not yet
  };
  await mineUntil(stopAt);
  await stopServiceWorker(browser, popup);

  // A new worker starts with the popup's next call; the session snapshot unlocks it and the move
  // goes on. Later the browser itself is closed mid-move and launched again: the move goes on
  // after the unlock.
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('settings').click();
  await popup.getByTestId('emergency-move').click();
  await popup.getByTestId('emergency-progress').waitFor();
  const closeAt = Math.min(kinds.length - 1, stopAt + 1 + Math.floor(Math.random() * (kinds.length - 1 - stopAt)));
  console.log(`# closing the browser once ${closeAt} of ${kinds.length} steps are done`);
  await mineUntil(closeAt);
  await browser.close();
  await chain.client.request({ method: 'evm_setAutomine', params: [true] });
  await chain.client.request({ method: 'anvil_mine', params: ['0x1'] });
  browser = await launch({ profile });
  popup = await openPopup(browser);
  await popup.getByTestId('unlock-password').fill(PASSWORD);
  await popup.getByTestId('unlock-submit').click();
  await popup.getByTestId('settings').click();
  await popup.getByTestId('emergency-move').click();
  await popup.getByTestId('emergency-done').waitFor({ timeout: 90_000 }).catch(async (e) => {
    const { emergencyMove } = await popup.evaluate(() => chrome.storage.local.get('emergencyMove'));
    console.log('# the move as stored:', JSON.stringify({ ...emergencyMove, newVault: undefined, plan: emergencyMove?.plan?.steps.map((s) => [s.id, s.kind, s.state, s.nonce, s.hash?.slice(0, 10), s.note]) }));
    console.log('# the screen:', (await popup.locator('#app').textContent()).slice(0, 1500));
    throw e;
  });
  assert.equal(await popup.getByTestId('emergency-done').getAttribute('data-failed'), '0');

  const started = popup.waitForEvent('download');
  await popup.getByTestId('emergency-report').click();
  const report = JSON.parse(readFileSync(await (await started).path(), 'utf8'));
  assert.equal(report.steps.length, kinds.length);
  const sent = report.steps.filter((s) => s.state === 'confirmed');
  assert.equal(sent.length, kinds.length, JSON.stringify(report.steps.filter((s) => s.state !== 'confirmed')));
  assert.equal(new Set(sent.map((s) => s.hash)).size, sent.length, 'one transaction per step');

  // No step sent twice: each took one nonce (the clear two), and nothing else was sent.
  const steps = (a) => report.steps.filter((s) => s.from === a).length;
  assert.equal(await chain.client.getTransactionCount({ address: OWNER.address }), startNonce[OWNER.address] + steps(OWNER.address) + 1);
  assert.equal(await chain.client.getTransactionCount({ address: IMPORTED.address }), startNonce[IMPORTED.address] + steps(IMPORTED.address));

  // The old accounts: no token, NFT, allowance, code or wei (the stated dust is 0).
  for (const old of [OWNER.address, IMPORTED.address]) {
    for (const t of [tokenA, tokenB]) assert.equal(await read(t, erc20Abi, 'balanceOf', [old]), 0n);
    assert.equal(await chain.client.getBalance({ address: old }), 0n, `${old} keeps no wei`);
    assert.equal(await chain.client.getCode({ address: old }), undefined);
  }
  assert.equal(await read(nft, erc721Abi, 'balanceOf', [OWNER.address]), 0n);
  assert.equal(await read(tokenA, erc20Abi, 'allowance', [OWNER.address, SPENDER]), 0n);
  assert.equal(await read(tokenB, erc20Abi, 'allowance', [OWNER.address, SPENDER]), 0n);
  assert.equal(await read(nft, erc721Abi, 'getApproved', [0n]), zeroAddress);
  assert.equal(await read(nft, erc721Abi, 'isApprovedForAll', [OWNER.address, OPERATOR]), false);
  // The new accounts hold everything.
  assert.equal(await read(tokenA, erc20Abi, 'balanceOf', [NEW[0]]), 10n ** 30n);
  assert.equal(await read(tokenB, erc20Abi, 'balanceOf', [NEW[0]]), 10n ** 30n - 407n * 10n ** 18n);
  assert.equal(await read(tokenB, erc20Abi, 'balanceOf', [NEW[1]]), 7n * 10n ** 18n);
  assert.equal(await read(nft, erc721Abi, 'ownerOf', [0n]), NEW[0]);
  assert.equal(await read(nft, erc721Abi, 'ownerOf', [1n]), NEW[0]);
  for (const [id, amount] of [[1n, 30n], [2n, 3n]]) {
    assert.equal(await read(multi.address, multi.abi, 'balanceOf', [OWNER.address, id]), 0n);
    assert.equal(await read(multi.address, multi.abi, 'balanceOf', [NEW[0], id]), amount);
  }
  assert.ok(await chain.client.getBalance({ address: NEW[0] }) > parseEther('99'), 'the ETH, less the fees');
  assert.ok(await chain.client.getBalance({ address: NEW[1] }) > parseEther('99'), 'the ETH, less the fees');

  // The wallet is the new phrase's now; home and the backup health panel say it was moved, and where.
  await popup.getByTestId('emergency-home').click();
  const moved = popup.getByTestId('wallet-moved');
  await moved.waitFor();
  assert.deepEqual(await moved.locator('li').evaluateAll((els) => els.map((e) => `${e.dataset.from} ${e.dataset.to}`)), [`${OWNER.address} ${NEW[0]}`, `${IMPORTED.address} ${NEW[1]}`]);
  const { result: status } = await popupCall(popup, 'status');
  assert.deepEqual(status.accounts.map((a) => a.address), NEW);
  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-health-moved').waitFor();
  const stored = await popup.evaluate(() => chrome.storage.local.get(['vaultsCompromised', 'emergencyMove']));
  assert.equal(stored.vaultsCompromised.length, 1);
  assert.deepEqual(stored.vaultsCompromised[0].movedTo, NEW);
  assert.equal(stored.emergencyMove.newVault, undefined);
});
