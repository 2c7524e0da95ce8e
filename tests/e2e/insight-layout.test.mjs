// Every kind of approval window fits its 380 px: no sideways scroll, nothing past the edge, no
// label running into its value, for every request type, with long account names, many
// accounts, long token names, long and deeply nested typed data, long messages and long network
// names; and every full address shown is EIP-55, under the account's name when it is one of the
// user's. Checked at the window's width on the real windows (approval-window.mjs). The built-in
// network's node is a proxy on 127.0.0.1:8545 in front of anvil (:8547) that can refuse the
// simulation methods, for the windows that say the preview is unavailable.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFunctionData, erc20Abi, erc721Abi, maxUint256, getAddress, parseEther } from 'viem';
import { startAnvil, startCountingNode, startDemo, launch, createWallet, popupCall, PASSWORD } from './harness.mjs';
import { deployToken, sendToken } from './erc20.mjs';
import { deployNft, deployReverter, placePermit2, PERMIT2 } from './contracts.mjs';
import { request, answer, layoutProblems } from './approval-window.mjs';

const R1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ACCOUNTS = 14;
const refused = new Set();
let scene, browser, wallet, page, c, accounts;

before(async () => {
  scene = { chain: await startAnvil(8547) };
  scene.node = await startCountingNode(scene.chain, 8545, { refuse: (method) => refused.has(method) });
  scene.demo = await startDemo();
  browser = await launch();
  wallet = await createWallet(browser);
  scene.stop = async () => {
    await browser.close();
    scene.demo.stop();
    scene.node.stop();
    scene.chain.stop();
  };
  const { popup } = wallet;
  await scene.chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, `0x${parseEther('100').toString(16)}`] });
  const names = ['WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 'A name with spaces, long enough!', 'ＷＩＤＥ ＦＵＬＬＷＩＤＴＨ ＮＡＭＥ'];
  for (let i = 1; i < ACCOUNTS; i++) await popupCall(popup, 'addAccount');
  accounts = (await popupCall(popup, 'status')).result.accounts;
  for (const [i, a] of accounts.entries()) await popupCall(popup, 'renameAccount', { address: a.address, name: names[i % names.length] });
  await popupCall(popup, 'selectAccount', { address: wallet.address });
  accounts = (await popupCall(popup, 'status')).result.accounts;
  c = {
    token: getAddress(await deployToken(scene.chain, { name: 'T'.repeat(64), symbol: 'WWWWWWWWWWWWWWWW' })),
    nft: await deployNft(scene.chain, { name: 'A collection whose name goes on and on and on, well past a line', symbol: 'LONG' }),
    reverter: await deployReverter(scene.chain),
    permit2: await placePermit2(scene.chain),
  };
  await sendToken(scene.chain, c.token, wallet.address, 10n ** 24n);
  await c.nft.mintTo(wallet.address, 1);
  page = await browser.context.newPage();
  await page.goto(scene.demo.url);
  await page.waitForFunction(() => window.ethereum);
});

afterEach(async () => {
  for (const p of browser.context.pages()) if (p.url().includes('#/approve/')) await p.close();
});

after(() => scene?.stop());

/**
 * Opens the window of `method`, checks its layout and its addresses, and answers it (reject, or
 * `action`). Returns what the dApp got.
 */
async function check(what, method, params, action = 'reject') {
  const { window, answer: result } = await request(browser, page, method, params);
  const problems = await layoutProblems(window);
  last = { unavailable: await window.getByTestId('preview-unavailable').count() === 1 };
  const addresses = await window.evaluate(() => [...document.querySelectorAll('main code.address')].map((el) => ({
    text: el.textContent,
    name: el.closest('.named, .connect-account')?.querySelector('.account-label')?.textContent ?? null,
  })));
  // Every full address in the window's text (hex data and raw messages apart) is EIP-55.
  const written = await window.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.hex, pre')) continue;
      found.push(...(node.parentElement.closest('code.address') ? [node.parentElement.closest('code.address').textContent] : node.textContent.match(/0x[0-9a-fA-F]{40}(?![0-9a-fA-F])/g) ?? []));
    }
    return found;
  });
  await answer(window, action);
  assert.deepEqual(problems, [], `${what}: fits ${JSON.stringify(problems)}`);
  for (const text of written) assert.equal(text, getAddress(text), `${what}: ${text} is EIP-55`);
  for (const { text, name } of addresses) {
    assert.equal(text, getAddress(text), `${what}: ${text} is EIP-55`);
    const mine = accounts.find((a) => a.address === text);
    assert.equal(name, mine ? mine.name : null, `${what}: ${text} is ${mine ? `named ${mine.name}` : 'not named'}`);
  }
  return result;
}

/** What the last checked window showed besides its layout. */
let last = {};

let connected = false;
/** Connects the dApp (the connect test does it through its check; a test run alone does it here). */
async function connect() {
  if (connected) return;
  const { window, answer: result } = await request(browser, page, 'eth_requestAccounts', []);
  await answer(window, 'approve');
  assert.equal((await result).result.length, 1);
  connected = true;
}

const tx = (fields) => ['eth_sendTransaction', [{ from: wallet.address, ...fields }]];
const data = (abi, functionName, args) => encodeFunctionData({ abi, functionName, args });

test('connect: many accounts with long names', async () => {
  const result = await check('connect', 'eth_requestAccounts', [], 'approve');
  assert.equal((await result).result.length, 1);
  connected = true;
});

test('personal_sign: long text, text with hidden characters, hex, 32 bytes', async () => {
  await connect();
  const long = `${'Sign in to a site with a very long message. '.repeat(40)}${'x'.repeat(600)}`;
  for (const [what, message] of [
    ['long text', long],
    ['hidden characters', `Pay\u202e 0001 \u200b\u200bETH ${'W'.repeat(200)}`],
    ['hex', `0x${'ff00'.repeat(300)}`],
    ['32 bytes', `0x${'ab'.repeat(32)}`],
  ]) {
    await check(`personal_sign ${what}`, 'personal_sign', [message, wallet.address]);
  }
});

const DOMAIN = [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }];
const typed = (t) => ['eth_signTypedData_v4', [wallet.address, JSON.stringify(t)]];

test('typed data: permits, long values, long names, deep nesting, many items', async () => {
  await connect();
  const soon = String(Math.floor(Date.now() / 1000) + 3600);
  const details = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }];
  await check('Permit', ...typed({
    types: { EIP712Domain: DOMAIN, Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
    primaryType: 'Permit',
    domain: { name: 'T'.repeat(64), version: '1', chainId: 31337, verifyingContract: c.token },
    message: { owner: wallet.address, spender: accounts[1].address, value: maxUint256.toString(), nonce: 0, deadline: maxUint256.toString() },
  }));
  await check('PermitBatch', ...typed({
    types: { EIP712Domain: DOMAIN.filter((f) => f.name !== 'version'), PermitDetails: details, PermitBatch: [{ name: 'details', type: 'PermitDetails[]' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }] },
    primaryType: 'PermitBatch',
    domain: { name: 'Permit2', chainId: 31337, verifyingContract: PERMIT2 },
    message: { details: Array.from({ length: 6 }, (_, i) => ({ token: i % 2 ? c.token : R1, amount: String((1n << 160n) - 1n - BigInt(i)), expiration: 2 ** 48 - 1, nonce: i })), spender: R1, sigDeadline: soon },
  }));
  const level = (n) => (n === 0 ? { leaf: 'W'.repeat(300) } : { aVeryLongFieldNameThatKeepsGoingAndGoingAndGoing: level(n - 1), addr: accounts[n % ACCOUNTS].address });
  const types = { EIP712Domain: DOMAIN, L0: [{ name: 'leaf', type: 'string' }] };
  for (let n = 1; n <= 6; n++) types[`L${n}`] = [{ name: 'aVeryLongFieldNameThatKeepsGoingAndGoingAndGoing', type: `L${n - 1}` }, { name: 'addr', type: 'address' }];
  types.Mail = [{ name: 'nested', type: 'L6' }, { name: 'blob', type: 'bytes' }, { name: 'words', type: 'string' }, { name: 'many', type: 'address[]' }, { name: 'numbers', type: 'uint256[]' }];
  await check('long and nested typed data', ...typed({
    types,
    primaryType: 'Mail',
    domain: { name: 'A dApp with a long name that does not stop '.repeat(3), version: '1'.repeat(80), chainId: 31337, verifyingContract: R1 },
    message: {
      nested: level(6),
      blob: `0x${'ab'.repeat(500)}`,
      words: `${'word '.repeat(200)}${'\u200b'.repeat(3)}`,
      many: accounts.map((a) => a.address),
      numbers: Array.from({ length: 10 }, () => maxUint256.toString()),
    },
  }));
});

test('transactions: every kind, long token and collection names, long data, failing, no preview', async () => {
  await connect();
  const MAX160 = (1n << 160n) - 1n;
  const cases = [
    ['ETH to another of the accounts', tx({ to: accounts[3].address, value: '0x1' })],
    ['token transfer', tx({ to: c.token, data: data(erc20Abi, 'transfer', [accounts[2].address, 123456789012345678901234n]) })],
    ['unlimited approve to a plain account', tx({ to: c.token, data: data(erc20Abi, 'approve', [R1, maxUint256]) })],
    ['increaseAllowance', tx({ to: c.token, data: encodeFunctionData({ abi: [{ type: 'function', name: 'increaseAllowance', inputs: [{ type: 'address' }, { type: 'uint256' }], outputs: [{ type: 'bool' }], stateMutability: 'nonpayable' }], args: [R1, 5n] }) })],
    ['setApprovalForAll', tx({ to: c.nft.address, data: data(erc721Abi, 'setApprovalForAll', [R1, true]) })],
    ['NFT transfer', tx({ to: c.nft.address, data: data(erc721Abi, 'safeTransferFrom', [wallet.address, accounts[5].address, 0n]) })],
    ['Permit2 approve', tx({ to: PERMIT2, data: data(c.permit2.abi, 'approve', [c.token, R1, MAX160, 2 ** 48 - 1]) })],
    ['Permit2 lockdown, many pairs', tx({ to: PERMIT2, data: data(c.permit2.abi, 'lockdown', [accounts.map((a) => ({ token: c.token, spender: a.address }))]) })],
    ['unknown call with long data', tx({ to: c.reverter.address, data: `0x12345678${'ab'.repeat(2000)}` })],
    ['data to a plain account', tx({ to: R1, data: '0xdeadbeef' })],
    ['a reverting call', tx({ to: c.reverter.address, data: data(c.reverter.abi, 'fail', []) })],
    ['a contract creation', tx({ data: `0x6080${'00'.repeat(300)}` })],
  ];
  for (const [what, [method, params]] of cases) await check(what, method, params);
  // A node that simulates nothing: the windows say the preview is unavailable (and still fit).
  refused.add('eth_simulateV1');
  refused.add('debug_traceCall');
  try {
    for (const [what, [method, params]] of [cases[1], cases[2], cases[10]]) {
      await check(`${what}, no preview`, method, params);
      assert.equal(last.unavailable, true, `${what}: the window says the preview is unavailable`);
    }
  } finally {
    refused.clear();
  }
});

test('switch and add network: long names and URLs', async () => {
  await connect();
  const second = await startAnvil(8546, 1337);
  try {
    const added = await check('add network', 'wallet_addEthereumChain', [{
      chainId: '0x539',
      chainName: 'A second anvil whose name is really rather long, 64 characters',
      rpcUrls: [`http://127.0.0.1:8546/?${'a-long-query-'.repeat(12)}`],
      nativeCurrency: { name: 'Ether', symbol: 'WWWWWWWW', decimals: 18 },
    }], 'approve');
    const outcome = await added;
    assert.equal(outcome.result, null, JSON.stringify(outcome));
    await check('switch network', 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }], 'approve');
  } finally {
    second.stop();
  }
});

test('a request while locked: the unlock window fits, then the request\'s own window', async () => {
  await connect();
  await popupCall(wallet.popup, 'lock');
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/'), timeout: 60_000 });
  const signed = page.evaluate((account) => window.ethereum.request({ method: 'personal_sign', params: ['Hello from a long-named site', account] })
    .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), wallet.address);
  const window = await opened;
  await window.getByTestId('unlock-password').waitFor();
  assert.deepEqual(await layoutProblems(window), [], 'the unlock window fits');
  await window.getByTestId('unlock-password').fill(PASSWORD);
  await window.getByTestId('unlock-submit').click();
  await window.getByTestId('reject').waitFor();
  assert.deepEqual(await layoutProblems(window), [], 'the request\'s window fits after unlocking');
  await answer(window, 'reject');
  assert.equal((await signed).code, 4001);
});
