// Know what you sign (issue 13), through the real approval windows against anvil with real
// contracts: for transfers, approvals (limited, unlimited, setApprovalForAll), an NFT and an
// ERC-1155 transfer, a contract that takes tokens and pays ETH, and a reverting call, the
// window's balance-change rows equal what the chain says changed once mined (the fee apart);
// each warning appears where it should and nowhere else; a node without eth_simulateV1 falls
// back to debug_traceCall, and one without either says the preview is unavailable; permits
// (EIP-2612 and Permit2) are shown as what they allow. The built-in network's node is a proxy
// on 127.0.0.1:8545 in front of anvil (:8547) that can refuse methods.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFunctionData, erc20Abi, erc721Abi, maxUint256, parseEther, getAddress, parseSignature } from 'viem';
import { startAnvil, startCountingNode, startDemo, launch, createWallet, popupCall, msg, said, inner, shown as inLanguage } from './harness.mjs';
import { deployToken, sendToken } from './erc20.mjs';
import { deployAll, PERMIT2 } from './contracts.mjs';
import { request, answer, readWindow, SHORT, deadlineText, inTime } from './approval-window.mjs';

const R1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const refused = new Set();
let chain, node, demo, browser, wallet, page, c;

before(async () => {
  chain = await startAnvil(8547);
  node = await startCountingNode(chain, 8545, { refuse: (method) => refused.has(method) });
  demo = await startDemo();
  browser = await launch();
  wallet = await createWallet(browser);
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, `0x${parseEther('100').toString(16)}`] });
  c = await deployAll(chain);
  await sendToken(chain, c.token, wallet.address, parseEther('1000'));
  await sendToken(chain, c.uni.address, wallet.address, parseEther('100'));
  await c.nft.mintTo(wallet.address, 3); // ids 0, 1, 2
  await c.multi.mint(wallet.address, 1n, 50n);
  page = await browser.context.newPage();
  await page.goto(demo.url);
  await page.waitForFunction(() => window.ethereum);
  const { window, answer: connected } = await request(browser, page, 'eth_requestAccounts', []);
  await answer(window, 'approve');
  assert.deepEqual((await connected).result.map(getAddress), [wallet.address]);
});

// A window a failed test left open is closed (which rejects its request), so the next test's opens.
afterEach(async () => {
  for (const p of browser.context.pages()) if (p.url().includes('#/approve/')) await p.close();
});

after(async () => {
  await browser?.close();
  demo?.stop();
  node?.stop();
  chain?.stop();
});

const data = (abi, functionName, args) => encodeFunctionData({ abi, functionName, args });
const send = (tx) => request(browser, page, 'eth_sendTransaction', [{ from: wallet.address, ...tx }]);

/** What the wallet holds of every asset the tests move: ETH, both ERC-20s, NFT ids, ERC-1155 id 1. */
async function holdings() {
  const me = wallet.address;
  const read = (address, abi, functionName, args) => chain.client.readContract({ address, abi, functionName, args });
  const owned = [];
  for (let id = 0n; id < 3n; id++) if (getAddress(await read(c.nft.address, erc721Abi, 'ownerOf', [id])) === me) owned.push(id);
  return {
    ETH: await chain.client.getBalance({ address: me }),
    [c.token]: await read(c.token, erc20Abi, 'balanceOf', [me]),
    [c.uni.address]: await read(c.uni.address, erc20Abi, 'balanceOf', [me]),
    nft: owned,
    multi: await read(c.multi.address, c.multi.abi, 'balanceOf', [me, 1n]),
  };
}

/** The changes between two holdings as balance-change rows would show them, the fee added back to ETH. */
function changes(before, after, fee) {
  const out = [];
  const signed = (n) => (n > 0n ? `+${n}` : `${n}`);
  const eth = after.ETH + fee - before.ETH;
  if (eth !== 0n) out.push({ asset: 'ETH', delta: signed(eth) });
  for (const token of [c.token, c.uni.address]) if (after[token] !== before[token]) out.push({ asset: token, delta: signed(after[token] - before[token]) });
  for (const id of before.nft.filter((i) => !after.nft.includes(i))) out.push({ asset: c.nft.address, delta: '-1', tokenId: String(id) });
  for (const id of after.nft.filter((i) => !before.nft.includes(i))) out.push({ asset: c.nft.address, delta: '+1', tokenId: String(id) });
  if (after.multi !== before.multi) out.push({ asset: c.multi.address, delta: signed(after.multi - before.multi), tokenId: '1' });
  return out;
}

const sorted = (rows) => rows.map(({ asset, delta, tokenId }) => JSON.stringify({ asset, delta, tokenId })).sort();

/** Sends `tx`, reads its window, approves, waits for the receipt: { shown, receipt, measured }. */
async function approveAndMeasure(tx) {
  const before = await holdings();
  const { window, answer: sent } = await send(tx);
  const shown = await readWindow(window);
  await answer(window, 'approve');
  const { result: hash, message } = await sent;
  assert.ok(hash, `sent: ${message}`);
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  const measured = changes(before, await holdings(), receipt.gasUsed * receipt.effectiveGasPrice);
  return { shown, receipt, measured };
}

test('for each call of the matrix, the balance-change rows equal what the chain says changed', async () => {
  const matrix = [
    { name: 'ETH transfer', tx: { to: R1, value: `0x${parseEther('0.5').toString(16)}` }, warnings: [], rows: 1, summary: said('call_send_eth', { eth: `${inLanguage('0.5')} ETH`, to: '0x7099…79C8' }) },
    { name: 'token transfer', tx: { to: c.token, data: data(erc20Abi, 'transfer', [R1, parseEther('12.5')]) }, warnings: [], rows: 1, summary: said('call_token_transfer', { amount: `${inLanguage('12.5')} KST`, to: '0x7099…79C8' }) },
    { name: 'limited approve', tx: { to: c.token, data: data(erc20Abi, 'approve', [c.seller.address, parseEther('400')]) }, warnings: [], rows: 0, summary: said('call_token_approve', { spender: SHORT, amount: '400 KST' }) },
    { name: 'swap: tokens in, ETH out', tx: { to: c.seller.address, data: data(c.seller.abi, 'sell', [c.token, parseEther('400')]) }, warnings: [], rows: 2, summary: said('call_unknown', { contract: SHORT }) },
    { name: 'unlimited approve', tx: { to: c.token, data: data(erc20Abi, 'approve', [c.seller.address, maxUint256]) }, warnings: ['unlimited-approval'], rows: 0, summary: said('call_token_approve', { spender: SHORT, amount: msg('approve_amount_unlimited', { token: 'KST' }) }) },
    { name: 'setApprovalForAll', tx: { to: c.nft.address, data: data(erc721Abi, 'setApprovalForAll', [c.seller.address, true]) }, warnings: ['unlimited-approval'], rows: 0, summary: said('call_approve_all', { operator: SHORT, collection: 'Keystead Test NFTs' }) },
    { name: 'NFT transfer', tx: { to: c.nft.address, data: data(erc721Abi, 'safeTransferFrom', [wallet.address, R1, 1n]) }, warnings: [], rows: 1, summary: said('call_nft_transfer', { id: 1, collection: 'Keystead Test NFTs', from: new RegExp(`Account 1 \\(${SHORT.source}\\)`), to: '0x7099…79C8' }) },
    { name: 'ERC-1155 transfer', tx: { to: c.multi.address, data: data(c.multi.abi, 'safeTransferFrom', [wallet.address, R1, 1n, 20n, '0x']) }, warnings: [], rows: 1, summary: said('call_multi_transfer', { amount: 20, id: 1 }) },
    { name: 'reverting call', tx: { to: c.reverter.address, data: data(c.reverter.abi, 'fail', []) }, warnings: ['will-revert'], rows: 0, summary: said('call_unknown', { contract: SHORT }) },
  ];
  for (const { name, tx, warnings, rows, summary } of matrix) {
    const { shown, receipt, measured } = await approveAndMeasure(tx);
    assert.deepEqual(shown.warnings, warnings, `${name}: warnings ${shown.warningTexts.join(' | ')}`);
    assert.equal(shown.unavailable, null, `${name}: a preview`);
    assert.equal(shown.changes.length, rows, `${name}: ${rows} rows, shown ${JSON.stringify(shown.changes)}`);
    assert.deepEqual(sorted(shown.changes), sorted(measured), `${name}: the rows are what the chain changed`);
    assert.match(shown.summary, summary, name);
    assert.equal(receipt.status, name === 'reverting call' ? 'reverted' : 'success', name);
  }
});

test('the reverting call says why, and its window shows no balance change', async () => {
  const { window, answer: sent } = await send({ to: c.reverter.address, data: data(c.reverter.abi, 'fail', []) });
  const shown = await readWindow(window);
  assert.deepEqual(shown.warnings, ['will-revert']);
  assert.match(shown.warningTexts[0], said('warning_will_revert', { reason: 'Keystead test: this call always fails' }));
  assert.equal(await window.getByTestId('balance-none').count(), 1);
  await answer(window, 'reject');
  assert.equal((await sent).code, 4001);
  // A custom error is named by its selector; a bare revert says the contract gives no reason.
  for (const [fn, reason] of [['failCustom', said('warning_will_revert', { reason: inner('insight_revert_custom', { selector: /0x[0-9a-f]{8}/ }) })], ['failQuietly', said('warning_will_revert_no_reason')]]) {
    const next = await send({ to: c.reverter.address, data: data(c.reverter.abi, fn, []) });
    const text = await readWindow(next.window);
    assert.deepEqual(text.warnings, ['will-revert'], fn);
    assert.match(text.warningTexts[0], reason, fn);
    await answer(next.window, 'reject');
    await next.answer;
  }
});

/** Opens the window of `method`/`params`, reads it and rejects: what it showed. */
async function shownThenRejected(method, params) {
  const { window, answer: result } = await request(browser, page, method, params);
  const shown = await readWindow(window);
  await answer(window, 'reject');
  assert.equal((await result).code, 4001);
  return shown;
}

const DOMAIN_TYPE = [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }];
const PERMIT_TYPES = { EIP712Domain: DOMAIN_TYPE, Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] };
const PERMIT2_TYPES = {
  EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
  PermitDetails: [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }],
  PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }],
};
const now = () => Math.floor(Date.now() / 1000);
const shortAddress = (a) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const DAY = 86400;

/** An EIP-2612 Permit of the permit token (its real domain: "Uniswap V2", version 1). */
const permitOf = (spender, value, deadline, nonce = 0) => ({
  types: PERMIT_TYPES,
  primaryType: 'Permit',
  domain: { name: 'Uniswap V2', version: '1', chainId: 31337, verifyingContract: c.uni.address },
  message: { owner: wallet.address, spender, value: String(value), nonce, deadline: String(deadline) },
});
const permitSingleOf = (spender, amount, expiration, sigDeadline) => ({
  types: PERMIT2_TYPES,
  primaryType: 'PermitSingle',
  domain: { name: 'Permit2', chainId: 31337, verifyingContract: PERMIT2 },
  message: { details: { token: c.token, amount: String(amount), expiration, nonce: 0 }, spender, sigDeadline: String(sigDeadline) },
});
const typed = (t) => ['eth_signTypedData_v4', [wallet.address, JSON.stringify(t)]];

test('each warning appears where it should and nowhere else', async () => {
  const MAX160 = (1n << 160n) - 1n;
  const cases = [
    // transactions
    ['approve to a plain account', ['eth_sendTransaction', [{ from: wallet.address, to: c.token, data: data(erc20Abi, 'approve', [R1, 5n]) }]], ['approval-to-eoa']],
    ['approve 0 (a revoke) to a plain account', ['eth_sendTransaction', [{ from: wallet.address, to: c.token, data: data(erc20Abi, 'approve', [R1, 0n]) }]], []],
    ['setApprovalForAll to a plain account', ['eth_sendTransaction', [{ from: wallet.address, to: c.nft.address, data: data(erc721Abi, 'setApprovalForAll', [R1, true]) }]], ['approval-to-eoa', 'unlimited-approval']],
    ['setApprovalForAll false', ['eth_sendTransaction', [{ from: wallet.address, to: c.nft.address, data: data(erc721Abi, 'setApprovalForAll', [R1, false]) }]], []],
    ['data to an address without code', ['eth_sendTransaction', [{ from: wallet.address, to: R1, data: '0xdeadbeef' }]], ['no-code']],
    ['ETH to an address without code', ['eth_sendTransaction', [{ from: wallet.address, to: R1, value: '0x1' }]], []],
    ['Permit2 approve, unlimited', ['eth_sendTransaction', [{ from: wallet.address, to: PERMIT2, data: data(c.permit2.abi, 'approve', [c.token, c.seller.address, MAX160, now() + DAY]) }]], ['unlimited-approval']],
    ['Permit2 approve, a year', ['eth_sendTransaction', [{ from: wallet.address, to: PERMIT2, data: data(c.permit2.abi, 'approve', [c.token, c.seller.address, 5n, now() + 365 * DAY]) }]], ['far-deadline']],
    ['Permit2 lockdown', ['eth_sendTransaction', [{ from: wallet.address, to: PERMIT2, data: data(c.permit2.abi, 'lockdown', [[{ token: c.token, spender: c.seller.address }]]) }]], []],
    // messages
    ['a 32-byte message', ['personal_sign', [`0x${'ab'.repeat(32)}`, wallet.address]], ['blind-hash']],
    ['a 31-byte message', ['personal_sign', [`0x${'ab'.repeat(31)}`, wallet.address]], []],
    ['a 33-byte message', ['personal_sign', [`0x${'ab'.repeat(33)}`, wallet.address]], []],
    ['a message with a zero-width space', ['personal_sign', ['Sign in\u200b to example.org', wallet.address]], ['hidden-characters']],
    ['plain text', ['personal_sign', ['Sign in to example.org', wallet.address]], []],
    // typed data
    ['a permit: small, an hour, to a contract', typed(permitOf(c.seller.address, 5n, now() + 3600)), []],
    ['a permit: unlimited, a year, to a plain account', typed(permitOf(R1, maxUint256, now() + 365 * DAY)), ['approval-to-eoa', 'far-deadline', 'unlimited-approval']],
    ['PermitSingle: unlimited for a day', typed(permitSingleOf(c.seller.address, MAX160, now() + DAY, now() + 3600)), ['unlimited-approval']],
    ['PermitSingle: expires in 60 days', typed(permitSingleOf(c.seller.address, 5n, now() + 60 * DAY, now() + 3600)), ['far-deadline']],
    ['typed data for a contract that is not there', typed({ ...permitOf(c.seller.address, 5n, now() + 3600), domain: { name: 'X', version: '1', chainId: 31337, verifyingContract: R1 } }), ['no-code']],
    ['typed data with a bidi override in a string', typed({
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], Note: [{ name: 'text', type: 'string' }] }, primaryType: 'Note', domain: { name: 'Notes' }, message: { text: 'pay \u202e0001 ETH' },
    }), ['hidden-characters']],
    ['typed data without a contract', typed({
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], Note: [{ name: 'text', type: 'string' }] }, primaryType: 'Note', domain: { name: 'Notes' }, message: { text: 'hello' },
    }), []],
  ];
  for (const [name, [method, params], kinds] of cases) {
    const shown = await shownThenRejected(method, params);
    assert.deepEqual(shown.warnings, kinds, `${name}: ${shown.warningTexts.join(' | ')}`);
  }
});

test('a token whose symbol has a bidi override: not shown, and warned about', async () => {
  const fake = await deployToken(chain, { name: 'USD\u202eCoin', symbol: 'USD\u202eC' });
  await sendToken(chain, fake, wallet.address, 10n ** 18n);
  const shown = await shownThenRejected('eth_sendTransaction', [{ from: wallet.address, to: fake, data: data(erc20Abi, 'transfer', [R1, 10n ** 18n]) }]);
  assert.deepEqual(shown.warnings, ['hidden-characters']);
  assert.doesNotMatch(shown.text, /\u202e/);
  assert.match(shown.summary, said('call_token_transfer', { amount: new RegExp(`1 ${inner('approve_token_unnamed_at', { address: SHORT }).source}`), to: '0x7099…79C8' }));
});

test('an EIP-2612 permit: signed in its window, then submitted; both windows say what it allows', async () => {
  const deadline = now() + 5400; // "in 1 hour" from 1.5 h down to 1 h
  const t = permitOf(c.seller.address, parseEther('7'), deadline);
  const { window, answer: signed } = await request(browser, page, ...typed(t));
  const shown = await readWindow(window);
  const rows = {};
  for (const id of ['permit-spender', 'permit-token', 'permit-amount', 'permit-deadline']) rows[id] = await window.getByTestId(id).textContent();
  await answer(window, 'approve');
  const date = deadlineText(new Date(deadline * 1000).toISOString().replace('T', ' ').slice(0, 19), 1, 'hour');
  assert.equal(shown.summary, msg('typed_permit', { spender: shortAddress(c.seller.address), grants: '7 UNI-V2', deadline: date }));
  assert.deepEqual(rows, { 'permit-spender': c.seller.address, 'permit-token': c.uni.address, 'permit-amount': '7 UNI-V2', 'permit-deadline': date });
  assert.deepEqual(shown.warnings, []);
  const { v, r, s } = parseSignature((await signed).result);
  const { shown: submitted, receipt } = await approveAndMeasure({
    to: c.uni.address,
    data: data(c.uni.abi, 'permit', [wallet.address, c.seller.address, parseEther('7'), BigInt(deadline), Number(v), r, s]),
  });
  assert.match(submitted.summary, said('call_permit', { owner: new RegExp(`Account 1 \\(${SHORT.source}\\)`), spender: SHORT, amount: '7 UNI-V2' }));
  assert.equal(submitted.args.amount, '7 UNI-V2');
  assert.equal(submitted.args.deadline, date);
  assert.equal(receipt.status, 'success');
  assert.equal(await chain.client.readContract({ address: c.uni.address, abi: erc20Abi, functionName: 'allowance', args: [wallet.address, c.seller.address] }), parseEther('7'));
});

test('a Permit2 PermitSingle shows token, amount, expiry and the signature deadline', async () => {
  const expiration = now() + 7 * DAY;
  const sigDeadline = now() + 1800;
  const shown = await shownThenRejected(...typed(permitSingleOf(c.seller.address, parseEther('3'), expiration, sigDeadline)));
  const when = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;
  const within = (a, b, unit) => new RegExp(`${inTime(a, unit)}|${inTime(b, unit)}`);
  assert.match(shown.summary, said('typed_permit2_allowance_until', { spender: SHORT, grants: '3 KST', until: inner('approve_deadline', { date: when, relative: within(6, 7, 'day') }) }));
  assert.match(shown.text, new RegExp(`${msg('typed_signature_valid_until')}\\s+${inner('approve_deadline', { date: when, relative: within(29, 30, 'minute') }).source}`));
  assert.deepEqual(shown.warnings, []);
});

test('unknown calldata: shown as hex, with "Keystead cannot read this call"', async () => {
  const shown = await shownThenRejected('eth_sendTransaction', [{ from: wallet.address, to: c.seller.address, data: '0x12345678abcdef' }]);
  assert.ok(shown.text.includes(msg('call_unreadable_selector', { selector: '0x12345678' })), shown.text);
  assert.match(shown.text, /0x12345678abcdef/);
  assert.deepEqual(shown.args, {});
});

test('a node without eth_simulateV1: the preview comes from debug_traceCall, and still equals the chain', async () => {
  refused.add('eth_simulateV1');
  try {
    const { shown, measured } = await approveAndMeasure({ to: c.token, data: data(erc20Abi, 'transfer', [R1, parseEther('1.25')]) });
    assert.equal(shown.unavailable, null);
    assert.match(shown.text, /\(debug_traceCall\)/);
    assert.deepEqual(sorted(shown.changes), sorted(measured));
    assert.deepEqual(shown.changes.map((x) => [x.asset, x.delta]), [[c.token, `-${parseEther('1.25')}`]]);
    const asked = node.posts().flat().map((p) => p.method);
    assert.ok(asked.includes('eth_simulateV1') && asked.includes('debug_traceCall'), 'it asked eth_simulateV1 first, then debug_traceCall');
  } finally {
    refused.clear();
  }
});

test('a node without either: "preview unavailable on this network", never a guess; a revert is still found', async () => {
  refused.add('eth_simulateV1');
  refused.add('debug_traceCall');
  try {
    const shown = await shownThenRejected('eth_sendTransaction', [{ from: wallet.address, to: c.token, data: data(erc20Abi, 'transfer', [R1, 1n]) }]);
    assert.match(shown.unavailable, said('insight_preview_unsupported'));
    assert.deepEqual(shown.changes, []);
    assert.deepEqual(shown.warnings, []);
    const reverting = await shownThenRejected('eth_sendTransaction', [{ from: wallet.address, to: c.reverter.address, data: data(c.reverter.abi, 'fail', []) }]);
    assert.match(reverting.unavailable, said('insight_preview_unsupported'));
    assert.deepEqual(reverting.warnings, ['will-revert']);
    assert.match(reverting.warningTexts[0], /Keystead test: this call always fails/);
  } finally {
    refused.clear();
  }
});

test('accounts are named: a transfer to the user\'s second account says its name', async () => {
  const { popup } = wallet;
  const { address } = (await popupCall(popup, 'addAccount')).result.accounts[1];
  await popupCall(popup, 'renameAccount', { address, name: 'Savings' });
  await popupCall(popup, 'selectAccount', { address: wallet.address });
  const shown = await shownThenRejected('eth_sendTransaction', [{ from: wallet.address, to: address, value: '0x1' }]);
  assert.match(shown.summary, said('call_send_eth', { eth: `${inLanguage('0.000000000000000001')} ETH`, to: new RegExp(`Savings \\(${SHORT.source}\\)`) }));
  assert.match(shown.text, new RegExp(`${msg('tx_to')}\\s+Savings\\s+0x`));
});
