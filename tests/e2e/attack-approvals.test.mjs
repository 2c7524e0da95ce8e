// Attacks on what the approval window shows, made the way a page would make them: the demo page
// sends the request through window.ethereum (the demo's discovered provider) and the test reads
// the real approval window. Queued sends must get consecutive nonces; a personal_sign message
// must not hide characters, be silently empty or hide its end; tiny amounts must not read "0".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { formatEther, getAddress, recoverMessageAddress } from 'viem';
import { startScene, answerApproval, msg, shown as inLanguage } from './harness.mjs';
import { count } from './approval-window.mjs';

let scene, chain, browser, wallet, dapp;
const approvals = [];
let wake = () => {};

before(async () => {
  scene = await startScene();
  ({ chain, browser, wallet, dapp } = scene);
  await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, '0x56bc75e2d63100000'] });
  await dapp.getByTestId('demo-wallet').filter({ hasText: 'Keystead' }).waitFor();
  const connected = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await connected;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
  // Every approval window, in the order they open (a window may open before the test waits).
  browser.context.on('page', (page) => {
    if (!page.url().includes('#/approve/')) return;
    approvals.push(page);
    wake();
  });
});

after(() => scene?.stop());

/**
 * The next approval window not yet taken, once its buttons are shown. A window the test leaves
 * open (it failed) is closed when the test ends, so the origin's next request still gets one.
 */
async function nextApproval(t) {
  while (approvals.length === 0) await new Promise((resolve) => { wake = resolve; });
  const page = approvals.shift();
  t.after(() => (page.isClosed() ? undefined : page.close()));
  await page.waitForLoadState();
  await page.getByTestId('reject').waitFor();
  return page;
}

/** Clicks approve or reject; resolves once the window has closed itself. */
async function answer(page, action) {
  const closed = page.waitForEvent('close');
  await page.getByTestId(action).click({ noWaitAfter: true }).catch((e) => {
    if (!page.isClosed()) throw e;
  });
  await closed;
}

/** Sends a provider request from the page; resolves with { result } or { code, message }. */
const send = (method, params) => dapp.evaluate(({ method, params }) => window.keysteadDemo.provider.request({ method, params })
  .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), { method, params });

const signMessage = (message) => send('personal_sign', [message, wallet.address]);
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

test('two transactions sent at once: each window shows the nonce it will use; both are mined, consecutive', async (t) => {
  const first = await chain.client.getTransactionCount({ address: wallet.address, blockTag: 'pending' });
  const both = dapp.evaluate(({ from, to }) => Promise.all([1, 2].map((n) => window.keysteadDemo.provider
    .request({ method: 'eth_sendTransaction', params: [{ from, to, value: `0x${n.toString(16)}` }] })
    .then((hash) => ({ hash }), (e) => ({ code: e.code, message: e.message })))), { from: wallet.address, to: recipient });
  const one = await nextApproval(t);
  assert.equal(await one.getByTestId('approval-nonce').textContent(), String(first));
  await answer(one, 'approve');
  const two = await nextApproval(t);
  assert.equal(await two.getByTestId('approval-nonce').textContent(), String(first + 1), 'the second window shows the next nonce');
  await answer(two, 'approve');
  const results = await both;
  for (const r of results) assert.match(r.hash ?? JSON.stringify(r), /^0x[0-9a-f]{64}$/);
  const txs = await Promise.all(results.map(({ hash }) => chain.client.waitForTransactionReceipt({ hash })
    .then((receipt) => chain.client.getTransaction({ hash }).then((tx) => ({ receipt, tx })))));
  assert.deepEqual(txs.map(({ receipt }) => receipt.status), ['success', 'success']);
  assert.deepEqual(txs.map(({ tx }) => tx.nonce), [first, first + 1]);
  assert.deepEqual(txs.map(({ tx }) => tx.value), [1n, 2n]);
});

const HIDDEN = [
  ['a right-to-left override reorders the text', 'Send 1 ETH to \u202Emoc.live\u202C and nothing else', ['U+202E', 'U+202C']],
  ['zero-width characters are invisible', 'I agree\u200B\u200D\u2060 to the terms', ['U+200B', 'U+200D', 'U+2060']],
  ['C1 controls are raw', 'Login\u0085nonce\u009b42', ['U+0085', 'U+009B']],
];

for (const [name, message, marks] of HIDDEN) {
  test(`personal_sign: ${name}; the window marks each character and warns`, async (t) => {
    const result = signMessage(message);
    const page = await nextApproval(t);
    const warning = page.locator('[data-testid=approval-warning][data-kind=hidden-characters]');
    assert.equal(await warning.count(), 1, 'a hidden-characters warning is shown');
    const shown = await page.getByTestId('approval-message').textContent();
    for (const mark of marks) assert.ok(shown.includes(`⟨${mark}⟩`), `${mark} is marked in ${JSON.stringify(shown)}`);
    assert.doesNotMatch(shown, /[\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/, 'no hidden character reaches the page');
    await answer(page, 'reject');
    assert.equal((await result).code, 4001);
  });
}

test('personal_sign: a leading byte-order mark is signed, so it is shown; the signature covers it', async (t) => {
  const raw = '0xefbbbf48656c6c6f'; // U+FEFF "Hello"
  const result = signMessage(raw);
  const page = await nextApproval(t);
  assert.equal(await page.locator('[data-testid=approval-warning][data-kind=hidden-characters]').count(), 1);
  assert.equal(await page.getByTestId('approval-message').textContent(), '⟨U+FEFF⟩Hello');
  await answer(page, 'approve');
  const { result: signature } = await result;
  assert.equal(getAddress(await recoverMessageAddress({ message: { raw }, signature })), wallet.address);
});

test('personal_sign: ordinary text shows no warning', async (t) => {
  const result = signMessage('Sign in to example.org\nNonce: 42\tok');
  const page = await nextApproval(t);
  assert.equal(await page.getByTestId('approval-message').textContent(), 'Sign in to example.org\nNonce: 42\tok');
  assert.equal(await page.getByTestId('approval-warning').count(), 0);
  await answer(page, 'reject');
  assert.equal((await result).code, 4001);
});

test('personal_sign: an empty message says plainly that it is empty', async (t) => {
  const result = signMessage('0x');
  const page = await nextApproval(t);
  assert.equal(await page.getByTestId('approval-message').textContent(), msg('message_empty'));
  await answer(page, 'reject');
  assert.equal((await result).code, 4001);
});

test('personal_sign: a message of blank space only says so', async (t) => {
  const result = signMessage('   \n\n  ');
  const page = await nextApproval(t);
  assert.equal(await page.getByTestId('approval-message-length').textContent(), msg('message_length_blank_other', { count: 7 }));
  await answer(page, 'reject');
  assert.equal((await result).code, 4001);
});

test('personal_sign: a long message keeps Approve disabled until its end has been scrolled into view', async (t) => {
  const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1}: harmless terms.`);
  lines.push('THE END: I transfer all my assets to the sender.');
  const message = lines.join('\n');
  const result = signMessage(message);
  const page = await nextApproval(t);
  const box = page.getByTestId('approval-message');
  assert.equal(await page.getByTestId('approve').isDisabled(), true, 'Approve is disabled while the end is hidden');
  await page.getByTestId('approval-message-more').waitFor();
  assert.equal(await page.getByTestId('approval-message-length').textContent(), msg('message_length_text_other', { count: count(Buffer.byteLength(message)) }));
  await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction(() => !document.querySelector('[data-testid=approve]').disabled);
  assert.equal(await page.getByTestId('approval-message-more').isVisible(), false);
  await answer(page, 'approve');
  const { result: signature } = await result;
  assert.equal(getAddress(await recoverMessageAddress({ message, signature })), wallet.address);
});

for (const wei of [1n, 999_999_999_999n]) {
  test(`a transaction of ${wei} wei shows its exact amount and fee, not "0 ETH"`, async (t) => {
    const result = send('eth_sendTransaction', [{ from: wallet.address, to: recipient, value: `0x${wei.toString(16)}` }]);
    const page = await nextApproval(t);
    const value = await page.getByTestId('approval-value').textContent();
    const fee = await page.getByTestId('approval-fee').textContent();
    await answer(page, 'approve');
    const { result: hash } = await result;
    const tx = await chain.client.getTransaction({ hash });
    assert.equal(value, `${inLanguage(formatEther(wei))} ETH`);
    assert.equal(fee, `${inLanguage(formatEther(tx.gas * tx.maxFeePerGas))} ETH`);
  });
}

test('home shows a balance under 10⁻⁶ ETH exactly', async () => {
  const popup = wallet.popup;
  for (const [wei, shown] of [[1n, `${inLanguage('0.000000000000000001')} ETH`], [999_999_999_999n, `${inLanguage('0.000000999999999999')} ETH`], [10n ** 20n, `${inLanguage('100')} ETH`]]) {
    await chain.client.request({ method: 'anvil_setBalance', params: [wallet.address, `0x${wei.toString(16)}`] });
    await popup.reload();
    await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
    assert.equal(await popup.getByTestId('account-balance').textContent(), shown);
  }
});
