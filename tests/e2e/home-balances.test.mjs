// Home's balances from the node, counted by a node placed in front of anvil on the built-in
// network's port: every account's balance in one JSON-RPC batch and every token's in one more,
// (with the selected account's code, to tell whether it is delegated, in the first), so the
// home screen costs the node 2 requests however many accounts and tokens there are
// (up to 100 of each per request), and each amount shown is the chain's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANG, startAnvil, startCountingNode, launch, createWallet, popupCall } from './harness.mjs';
import { deployToken, sendToken } from './erc20.mjs';

const ACCOUNTS = 5;
const TOKENS = 6;
let chain, node, browser, wallet;

before(async () => {
  chain = await startAnvil(8547);
  node = await startCountingNode(chain, 8545);
  browser = await launch();
  wallet = await createWallet(browser);
});

after(async () => {
  await browser?.close();
  node?.stop();
  chain?.stop();
});

test(`home with ${ACCOUNTS} accounts and ${TOKENS} tokens asks the node twice: one batch per kind of balance`, async () => {
  const { popup } = wallet;
  for (let i = 1; i < ACCOUNTS; i++) assert.ok((await popupCall(popup, 'addAccount')).result);
  const accounts = (await popupCall(popup, 'status')).result.accounts.map((a) => a.address);
  assert.equal(accounts.length, ACCOUNTS);
  for (const [i, address] of accounts.entries()) {
    await chain.client.request({ method: 'anvil_setBalance', params: [address, `0x${(BigInt(i + 1) * 10n ** 18n).toString(16)}`] });
  }
  const selected = accounts[0];
  assert.ok((await popupCall(popup, 'selectAccount', { address: selected })).result);
  for (let i = 0; i < TOKENS; i++) {
    const token = await deployToken(chain, { symbol: `T${i}` });
    await sendToken(chain, token, selected, BigInt(i + 1) * 10n ** 17n); // 0.1 × (i + 1)
    assert.ok((await popupCall(popup, 'addToken', { chainId: '0x7a69', address: token })).result);
  }

  node.reset();
  await popup.goto(browser.popupUrl);
  await popup.getByTestId('token-amount').nth(TOKENS - 1).waitFor();
  await popup.waitForFunction(() => [...document.querySelectorAll('[data-testid=account-item-balance]')].every((s) => s.textContent.endsWith(' ETH')));
  await new Promise((r) => setTimeout(r, 500)); // anything else the screen would ask arrives by now

  const posts = node.posts();
  assert.equal(posts.length, 2, `the node got ${posts.length} requests: ${JSON.stringify(posts.map((p) => (Array.isArray(p) ? p.map((c) => c.method) : p.method)))}`);
  const methods = posts.map((p) => (Array.isArray(p) ? p.map((c) => c.method) : [p.method]));
  assert.deepEqual(methods.map((m) => m.join()).sort(), [
    Array(TOKENS).fill('eth_call').join(),
    [...Array(ACCOUNTS).fill('eth_getBalance'), 'eth_getCode'].join(), // and the selected account's code (EIP-7702 delegation)
  ]);

  assert.equal(await popup.getByTestId('account-balance').textContent(), '1 ETH');
  const listed = await popup.getByTestId('account-item-balance').allTextContents();
  assert.deepEqual(listed, accounts.map((_, i) => `${i + 1} ETH`));
  const amounts = await popup.getByTestId('token-amount').allTextContents();
  assert.deepEqual(amounts, Array.from({ length: TOKENS }, (_, i) => `0${LANG === 'nl' ? ',' : '.'}${i + 1}`), 'written with the language\'s decimal mark');
});
