// wallet_watchAsset (issue 17 item 2) against the built extension, real contracts on anvil and
// the real popup: every form the test dApp and dApp libraries send (MetaMask's object form with
// decimals as a string or a number, the array form, viem's watchAsset, ERC-721 with a tokenId);
// the approval window shows the token as its contract says; approved, it joins the popup's list;
// a symbol or decimals that differ from the contract's, a token that is no contract, an NFT of
// another owner and ERC-1155 are refused with -32602 and open no window; rejecting adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { getAddress } from 'viem';
import { startScene, startSite, openPopup, answerApproval, readStorage, openPage } from './harness.mjs';
import { deployToken, deployTestDappToken, DEPLOYER } from './erc20.mjs';
import { deployNft, mintNft } from './nft.mjs';

let scene, chain, browser, wallet, site, page, four, fourAgain, eighteen, nft;

before(async () => {
  scene = await startScene();
  ({ chain, browser, wallet } = scene);
  four = await deployTestDappToken(chain, { symbol: 'FOUR', decimals: 4 });
  fourAgain = await deployTestDappToken(chain, { symbol: 'QUAD', decimals: 4 });
  eighteen = getAddress(await deployToken(chain, { symbol: 'KST' }));
  nft = await deployNft(chain);
  await mintNft(chain, nft, wallet.address); // token 0: the wallet's
  await mintNft(chain, nft, DEPLOYER); // token 1: someone else's
  site = await startSite({ '/': '<!doctype html><meta charset="utf-8"><title>site</title><p>site</p>' });
  page = await openPage(browser, `${site.origin}/`);
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

const watch = (target, params) => target.evaluate((params) => window.ethereum.request({ method: 'wallet_watchAsset', params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), params);

const storedTokens = async () => (await readStorage(scene.wallet.popup)).local.tokens?.['0x7a69'] ?? [];
const storedNfts = async () => (await readStorage(scene.wallet.popup)).local.nfts?.['0x7a69'] ?? [];

/** Answers the next approval window after checking what it shows. */
const approveShowing = (shown, action = 'approve') => answerApproval(browser, action, {
  origin: site.origin,
  expect: async (win) => {
    for (const [testid, text] of Object.entries(shown)) assert.equal(await win.getByTestId(testid).textContent(), text, testid);
  },
});

test('MetaMask\'s object form with decimals as a string: the window shows the contract\'s token; approved, it is in the popup\'s list', async () => {
  const approval = approveShowing({ 'approval-token-address': four, 'approval-token-symbol': 'FOUR', 'approval-token-decimals': '4' });
  const answer = watch(page, { type: 'ERC20', options: { address: four.toLowerCase(), symbol: 'FOUR', decimals: '4', image: 'https://metamask.github.io/test-dapp/metamask-fox.svg' } });
  await approval;
  assert.deepEqual(await answer, { result: true });
  assert.deepEqual(await storedTokens(), [{ address: four, symbol: 'FOUR', decimals: 4 }]);
  const popup = await openPopup(browser);
  await popup.getByTestId('token-item').filter({ hasText: 'FOUR' }).waitFor();
  await popup.close();
  // Asked again: it is already there, so true at once, with no window.
  const pages = browser.context.pages().length;
  assert.deepEqual(await watch(page, { type: 'ERC20', options: { address: four, symbol: 'FOUR', decimals: 4 } }), { result: true });
  assert.equal(browser.context.pages().length, pages);
});

test('the array form with decimals as a number, and viem\'s watchAsset', async () => {
  let approval = approveShowing({ 'approval-token-symbol': 'QUAD', 'approval-token-decimals': '4' });
  let answer = watch(page, [{ type: 'ERC20', options: { address: fourAgain, symbol: 'QUAD', decimals: 4 } }]);
  await approval;
  assert.deepEqual(await answer, { result: true });

  const viemPage = await browser.context.newPage();
  await viemPage.goto(new URL('libraries/viem.html', scene.demo.url).href);
  await viemPage.waitForFunction(() => window.libraryPage?.ready);
  approval = answerApproval(browser, 'approve', {
    expect: async (win) => assert.equal(await win.getByTestId('approval-token-symbol').textContent(), 'KST'),
  });
  answer = viemPage.evaluate((address) => window.libraryPage.watchAsset({ type: 'ERC20', options: { address, symbol: 'KST', decimals: 18 } }), eighteen);
  await approval;
  assert.equal(await answer, true);
  await viemPage.close();
  assert.deepEqual((await storedTokens()).map((t) => [t.symbol, t.decimals]), [['FOUR', 4], ['QUAD', 4], ['KST', 18]]);
});

test('what the contract contradicts, or what is no token, is refused with -32602 and opens no window', async () => {
  const other = await deployTestDappToken(chain, { symbol: 'TST', decimals: 6 });
  const pages = browser.context.pages().length;
  const refused = {
    symbol: await watch(page, { type: 'ERC20', options: { address: other, symbol: 'USDC', decimals: 6 } }),
    decimals: await watch(page, { type: 'ERC20', options: { address: other, symbol: 'TST', decimals: '18' } }),
    notContract: await watch(page, { type: 'ERC20', options: { address: wallet.address, symbol: 'TST', decimals: 6 } }),
    badDecimals: await watch(page, { type: 'ERC20', options: { address: other, symbol: 'TST', decimals: 'six' } }),
    noOptions: await watch(page, { type: 'ERC20' }),
    otherOwner: await watch(page, { type: 'ERC721', options: { address: nft, tokenId: '1' } }),
    erc1155: await watch(page, { type: 'ERC1155', options: { address: other, tokenId: '1' } }),
  };
  for (const [what, answer] of Object.entries(refused)) assert.equal(answer.code, -32602, `${what}: ${JSON.stringify(answer)}`);
  assert.match(refused.symbol.message, /"USDC".*"TST"/);
  assert.match(refused.decimals.message, /18 decimals.*says 6/);
  assert.match(refused.otherOwner.message, /not an account of this wallet/);
  assert.match(refused.erc1155.message, /ERC-1155/);
  assert.equal(browser.context.pages().length, pages, 'no window opened');
  assert.equal((await storedTokens()).length, 3, 'nothing was added');
});

test('rejecting the window answers 4001 and adds nothing', async () => {
  const other = await deployTestDappToken(chain, { symbol: 'NOPE', decimals: 2 });
  const approval = approveShowing({ 'approval-token-symbol': 'NOPE' }, 'reject');
  const answer = watch(page, { type: 'ERC20', options: { address: other, symbol: 'NOPE', decimals: 2 } });
  await approval;
  assert.equal((await answer).code, 4001);
  assert.equal((await storedTokens()).length, 3);
});

test('ERC-721 with a tokenId owned by the wallet: the window shows the token and its owner; approved, it is listed in the popup', async () => {
  const approval = approveShowing({ 'approval-token-address': nft, 'approval-token-symbol': 'KNFT', 'approval-token-id': '0', 'approval-token-owner': wallet.address });
  const answer = watch(page, { type: 'ERC721', options: { address: nft, tokenId: '0' } });
  await approval;
  assert.deepEqual(await answer, { result: true });
  assert.deepEqual(await storedNfts(), [{ address: nft, tokenId: '0', symbol: 'KNFT' }]);
  const popup = await openPopup(browser);
  await popup.locator('[data-testid=nft-item][data-token-id="0"]').filter({ hasText: 'KNFT' }).waitFor();
  await popup.close();
});
