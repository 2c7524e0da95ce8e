// Send from the popup, as a new user would, against anvil with a real OpenZeppelin ERC-20
// (erc20.mjs): ETH and token sends whose balances move by exactly the amount (plus the fee the
// receipt says was paid), amounts typed as text and never rounded, every recipient check (a
// look-alike of an own account or of an address from the account's Activity), Max,
// more than the balance, a node's refusal shown in words with nothing recorded, a legacy
// (gasPrice) network, and consecutive nonces for quick approvals from two dApp origins and the
// popup across a service-worker stop.
import { test, before, beforeEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { formatEther, getAddress, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';
import {
  LANG, POINT, msg, said, inner, plain, shown as inLanguage, startAnvil, startDemo, startSite, launch, createWallet, answerApproval, readStorage, stopServiceWorker,
} from './harness.mjs';
import { ERC20_ABI, deployToken, sendToken } from './erc20.mjs';

const TOKENS = 5_000n * 10n ** 18n;
let chain, demo, browser, popup, address, second, TOKEN;

const fresh = () => privateKeyToAddress(generatePrivateKey());
const ethOf = (who, on = chain) => on.client.getBalance({ address: who });
const tokensOf = (who) => chain.client.readContract({ address: TOKEN, abi: ERC20_ABI, functionName: 'balanceOf', args: [who] });
const nonceOf = (who, on = chain) => on.client.getTransactionCount({ address: who, blockTag: 'pending' });
const setEth = (who, wei, on = chain) => on.client.request({ method: 'anvil_setBalance', params: [who, `0x${wei.toString(16)}`] });

before(async () => {
  chain = await startAnvil();
  demo = await startDemo();
  TOKEN = getAddress(await deployToken(chain, { symbol: 'KST' }));
  browser = await launch();
  ({ popup, address } = await createWallet(browser));
  await setEth(address, parseEther('100'));
  await sendToken(chain, TOKEN, address, TOKENS);
  // A second account (the look-alike check compares with it; Max empties it), then back to the first.
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  second = await popup.getByTestId('account-item').nth(1).getAttribute('title');
  await selectAccount(0);
  await popup.getByTestId('token-add').click();
  await popup.getByTestId('token-address').fill(TOKEN);
  await popup.getByTestId('token-save').click();
  await popup.getByTestId('token-item').filter({ hasText: 'KST' }).waitFor();
});

// Each test starts on home, whatever screen the one before it ended on.
beforeEach(async () => {
  if (!popup) return;
  await popup.reload();
  await popup.getByTestId('account-address').waitFor();
});

after(async () => {
  await browser?.close();
  demo?.stop();
  chain?.stop();
});

async function selectAccount(i) {
  const item = popup.getByTestId('account-item').nth(i);
  const chosen = await item.getAttribute('title');
  await item.click();
  await popup.getByTestId('account-address').filter({ hasText: chosen }).waitFor();
  return chosen;
}

/** A decimal as a person of the run's language types it: "0,5" in Dutch. */
const typed = (decimal) => decimal.replace('.', POINT);

/** Home → Send, with the form filled (the amount as the run's language writes decimals). */
async function openSend({ asset = 'ETH', to, amount, fee } = {}) {
  await popup.getByTestId('send').click();
  await popup.getByTestId('send-recipient').waitFor();
  await popup.getByTestId('send-asset').selectOption(asset);
  if (to !== undefined) await popup.getByTestId('send-recipient').fill(to);
  if (amount !== undefined) await popup.getByTestId('send-amount').fill(typed(amount));
  if (fee) await popup.getByTestId('send-fee').selectOption(fee);
}

/** Clicks Review and waits for its answer: the review step, or the form still there. */
async function clickReview() {
  const button = popup.getByTestId('send-review');
  await button.click();
  await popup.waitForFunction(() => {
    const b = document.querySelector('[data-testid=send-review]');
    return !b || !b.disabled;
  });
}

async function toReview() {
  await clickReview();
  await popup.getByTestId('send-confirm').waitFor();
}

/** Confirms the review; returns the hash shown, back on home. */
async function confirmSend() {
  await popup.getByTestId('send-confirm').click();
  await popup.locator('[data-testid=send-hash], [data-testid=send-error]:not([hidden])').first().waitFor();
  if (await popup.getByTestId('send-hash').count() === 0) assert.fail(`the send was refused: ${await popup.getByTestId('send-error').textContent()}`);
  const hash = await popup.getByTestId('send-hash').textContent();
  await popup.getByTestId('send-done').click();
  await popup.getByTestId('account-address').waitFor();
  return hash;
}

async function mined(hash, on = chain) {
  const receipt = await on.client.waitForTransactionReceipt({ hash });
  const tx = await on.client.getTransaction({ hash });
  assert.equal(receipt.status, 'success');
  return { receipt, tx, fee: receipt.gasUsed * receipt.effectiveGasPrice };
}

const warning = (kind) => popup.locator(`[data-testid=send-warning][data-kind=${kind}]`);
const shown = (testid) => popup.getByTestId(testid).textContent();

test('send ETH: the review is the dApp approval view; the recipient gets exactly the amount, the sender pays it plus the receipt’s fee', async () => {
  const to = fresh();
  const [before, nonce] = await Promise.all([ethOf(address), nonceOf(address)]);
  await openSend({ to: to.toLowerCase(), amount: '1.25', fee: 'market' });
  await toReview();
  assert.equal(await shown('approval-to'), to, 'an all-lowercase recipient is sent to as its EIP-55 form');
  assert.equal(await shown('approval-value'), `${inLanguage('1.25')} ETH`);
  assert.equal(await shown('approval-nonce'), String(nonce));
  assert.equal(await popup.getByTestId('send-warning').count(), 0);
  const feeShown = await shown('approval-fee');
  const hash = await confirmSend();
  const { tx, fee } = await mined(hash);
  assert.equal(getAddress(tx.from), address);
  assert.equal(getAddress(tx.to), to);
  assert.equal(tx.value, parseEther('1.25'));
  assert.equal(tx.type, 'eip1559');
  assert.equal(tx.nonce, nonce);
  assert.equal(feeShown, `${inLanguage(formatEther(tx.gas * tx.maxFeePerGas))} ETH`, 'the review showed the most the fee can be');
  assert.equal(await ethOf(to), parseEther('1.25'));
  assert.equal(await ethOf(address), before - parseEther('1.25') - fee);
});

test('the fee choice: each option shows its most in ETH; low < market < high, and the chosen one is signed', async () => {
  const to = fresh();
  await openSend({ to, amount: '0.001' });
  const fee = popup.getByTestId('send-fee');
  const upTo = msg('send_fee_up_to', { level: '', amount: '' }).trim(); // "· up to"
  await popup.waitForFunction((words) => [...document.querySelectorAll('[data-testid=send-fee] option')].every((o) => o.textContent.includes(words)), upTo);
  const labels = await fee.locator('option').allTextContents();
  assert.deepEqual(labels.map((l) => l.split(' ')[0]), ['low', 'market', 'high'].map((level) => msg(`send_fee_${level}`)));
  const most = labels.map((l) => parseEther(plain(/ ([0-9.,]+) ETH$/.exec(l)[1])));
  assert.deepEqual(await fee.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['low', 'market', 'high']);
  assert.ok(most[0] < most[1] && most[1] < most[2], `low < market < high: ${labels.join(' / ')}`);
  await fee.selectOption('high');
  await toReview();
  const { tx } = await mined(await confirmSend());
  assert.equal(tx.gas * tx.maxFeePerGas, most[2], 'the high choice is what was signed');
});

test('amounts are exact: 0.1 then 0.2 ETH give exactly 0.3 ETH; 18 decimals of a token arrive to the last unit', async () => {
  const to = fresh();
  for (const amount of ['0.1', '0.2']) {
    await openSend({ to, amount });
    await toReview();
    await mined(await confirmSend());
  }
  assert.equal(await ethOf(to), 300_000_000_000_000_000n, '0.1 + 0.2 is exactly 0.3 ETH');

  const [tokensBefore, ethBefore] = await Promise.all([tokensOf(address), ethOf(address)]);
  await openSend({ asset: TOKEN, to, amount: '1234.567890123456789012' });
  await toReview();
  assert.equal(await shown('approval-to'), TOKEN, 'the transaction goes to the token contract');
  assert.equal(await shown('approval-value'), '0 ETH');
  assert.equal(await shown('approval-token-amount'), `${inLanguage('1234.567890123456789012')} KST`);
  assert.equal(await shown('approval-token-to'), to);
  const { tx, fee } = await mined(await confirmSend());
  assert.equal(getAddress(tx.to), TOKEN);
  assert.equal(await tokensOf(to), 1_234_567_890_123_456_789_012n);
  assert.equal(await tokensOf(address), tokensBefore - 1_234_567_890_123_456_789_012n);
  assert.equal(await ethOf(address), ethBefore - fee, 'a token send costs only the fee in ETH');
});

test('the language\'s decimal mark: "0,5" typed in Dutch (0.5 in English) sends exactly 0.5 ETH, shown as the language writes it', async () => {
  const to = fresh();
  const half = LANG === 'nl' ? '0,5' : '0.5';
  await openSend({ to });
  await popup.getByTestId('send-amount').fill(half);
  await toReview();
  assert.equal(await shown('approval-value'), `${half} ETH`);
  assert.equal(await shown('send-summary'), `${msg('send_summary', { amount: `${half} ETH` })} ${to}`);
  const { tx } = await mined(await confirmSend());
  assert.equal(tx.value, 500_000_000_000_000_000n, 'exactly 0.5 ETH');
  assert.equal(await ethOf(to), parseEther('0.5'));
});

test('an amount the asset cannot hold is refused in words of the run\'s language: too many decimals, the other decimal mark or a thousands separator, letters, zero', async () => {
  const to = fresh();
  const tooPrecise = typed('0.0000000000000000001');
  const grouped = LANG === 'nl' ? '1.234,5' : '1,5'; // a thousands separator (Dutch), a comma for the point (English)
  for (const [amount, words] of [
    [tooPrecise, msg('amount_error_too_many_decimals', { symbol: 'ETH', decimals: 18, typed: tooPrecise, count: 19 })],
    [grouped, msg('amount_error_grouped', { typed: grouped })],
    ['1e3', msg('amount_error_not_amount', { typed: '1e3' })],
    ['0', msg('amount_error_zero')],
  ]) {
    await openSend({ to });
    await popup.getByTestId('send-amount').fill(amount);
    await clickReview();
    assert.equal(await shown('send-error'), words, amount);
    assert.equal(await popup.getByTestId('send-confirm').count(), 0);
    await popup.getByTestId('send-back').click();
  }
});

test('recipient checks: not an address and a wrong checksum are refused; the token itself is blocked; a contract, a look-alike and yourself are flagged', async () => {
  const nonce = await nonceOf(address);
  const refused = async (kind, words) => {
    await warning(kind).waitFor();
    assert.match(await warning(kind).textContent(), words);
    await clickReview();
    assert.equal(await popup.getByTestId('send-confirm').count(), 0, `${kind}: no review`);
    await popup.getByTestId('send-back').click();
  };
  const flagged = async (kind, words) => {
    await warning(kind).waitFor();
    assert.match(await warning(kind).textContent(), words);
    await toReview();
    assert.equal(await warning(kind).count(), 1, `${kind}: the review shows it too`);
    await popup.getByTestId('send-review-back').click();
    await popup.getByTestId('send-back').click();
  };

  await openSend({ to: 'vitalik.eth', amount: '0.01' });
  await refused('not-address', said('send_recipient_not_address'));

  const target = fresh();
  const i = target.search(/[A-F]/);
  const typo = target.slice(0, i) + target[i].toLowerCase() + target.slice(i + 1);
  await openSend({ to: typo, amount: '0.01' });
  await refused('bad-checksum', said('send_recipient_bad_checksum'));

  await openSend({ to: target.toLowerCase(), amount: '0.01' });
  await popup.getByTestId('send-recipient-address').filter({ hasText: target }).waitFor();
  assert.equal(await popup.getByTestId('send-warning').count(), 0, 'an all-lowercase address is fine');
  await popup.getByTestId('send-back').click();

  await openSend({ asset: TOKEN, to: TOKEN.toLowerCase(), amount: '1' });
  await refused('token-contract', said('send_recipient_token_contract', { symbol: 'KST' }));

  // ETH to the token: a contract, and one whose transfer would revert (it has no receive function).
  await openSend({ to: TOKEN, amount: '0.01' });
  await warning('contract').waitFor();
  await clickReview();
  assert.match(await shown('send-error'), said('send_problem_would_fail'));
  assert.equal(await popup.getByTestId('send-confirm').count(), 0);
  await popup.getByTestId('send-back').click();
  const vault = fresh(); // a contract that takes ETH (its code is STOP)
  await chain.client.request({ method: 'anvil_setCode', params: [vault, '0x00'] });
  await openSend({ to: vault, amount: '0.01' });
  await flagged('contract', said('send_recipient_contract', { what: 'ETH' }));

  const middle = second.slice(6, -4).toLowerCase();
  const other = middle.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
  const lookalike = getAddress(`${second.slice(0, 6)}${other}${second.slice(-4)}`);
  assert.notEqual(lookalike, second);
  await openSend({ to: lookalike, amount: '0.01' });
  await flagged('lookalike', said('send_recipient_lookalike_own', { name: msg('account_default_name', { number: 2 }), like: second }));

  await openSend({ to: address, amount: '0.01' });
  await flagged('self', said('send_recipient_self', { what: 'ETH' }));

  assert.equal(await nonceOf(address), nonce, 'nothing was sent');
});

test('address poisoning from the history: after a send to X, a look-alike of X that is no account of the wallet is flagged, for that account only', async () => {
  const x = fresh();
  await openSend({ to: x, amount: '0.001' });
  await toReview();
  await mined(await confirmSend());
  // The same first 4 and last 4 hex digits as X, another middle: what a poisoner's tiny transfer comes from.
  const middle = x.slice(6, -4).toLowerCase();
  const poisoned = getAddress(`${x.slice(0, 6)}${middle.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}${x.slice(-4)}`);
  assert.notEqual(poisoned, x);
  await openSend({ to: poisoned, amount: '0.001' });
  await warning('lookalike').waitFor();
  assert.match(await warning('lookalike').textContent(), said('send_recipient_lookalike_history', { like: x }));
  await toReview();
  assert.equal(await warning('lookalike').count(), 1, 'the review shows it too');
  await popup.getByTestId('send-review-back').click();
  await popup.getByTestId('send-back').click();

  // X itself is no look-alike; and the other account never sent to X.
  await openSend({ to: x, amount: '0.001' });
  await popup.getByTestId('send-recipient-address').filter({ hasText: x }).waitFor();
  assert.equal(await warning('lookalike').count(), 0, 'the address sent to before is not flagged');
  await popup.getByTestId('send-back').click();
  await selectAccount(1);
  await openSend({ to: poisoned, amount: '0.001' });
  await popup.getByTestId('send-recipient-address').filter({ hasText: poisoned }).waitFor();
  assert.equal(await warning('lookalike').count(), 0, 'another account’s history is its own');
  await popup.getByTestId('send-back').click();
  await selectAccount(0);
});

test('more than the balance is refused before signing, for ETH and for a token', async () => {
  const nonce = await nonceOf(address);
  const [eth, tokens] = await Promise.all([ethOf(address), tokensOf(address)]);
  await openSend({ to: fresh(), amount: formatEther(eth + 1n) });
  await clickReview();
  assert.match(await shown('send-error'), said('send_problem_over_balance', { balance: `${inLanguage(formatEther(eth))} ETH` }));
  assert.equal(await popup.getByTestId('send-confirm').count(), 0);
  await popup.getByTestId('send-back').click();

  await openSend({ to: fresh(), amount: formatEther(eth) });
  await clickReview();
  assert.match(await shown('send-error'), said('send_problem_amount_and_fee'));
  await popup.getByTestId('send-back').click();

  await openSend({ asset: TOKEN, to: fresh(), amount: formatEther(tokens + 1n) });
  await clickReview();
  assert.match(await shown('send-error'), said('send_problem_over_balance_token', { balance: /.+ KST/ }));
  assert.equal(await popup.getByTestId('send-confirm').count(), 0);
  await popup.getByTestId('send-back').click();
  assert.equal(await nonceOf(address), nonce, 'nothing was signed or sent');
});

test('Max: a token leaves 0; ETH sends the balance minus gas × max fee, so the fee is covered to the wei', async () => {
  await selectAccount(1);
  await setEth(second, parseEther('1'));
  await sendToken(chain, TOKEN, second, 777n);
  const to = fresh();

  await openSend({ asset: TOKEN, to });
  await popup.getByTestId('send-max').click();
  await popup.waitForFunction(() => document.querySelector('[data-testid=send-amount]').value !== '');
  assert.equal(await popup.getByTestId('send-amount').inputValue(), typed('0.000000000000000777'), 'Max writes the decimal mark of the language');
  await toReview();
  await mined(await confirmSend());
  assert.equal(await tokensOf(second), 0n);
  assert.equal(await tokensOf(to), 777n);

  const before = await ethOf(second);
  await openSend({ to, fee: 'market' });
  await popup.getByTestId('send-max').click();
  await popup.waitForFunction(() => document.querySelector('[data-testid=send-amount]').value !== '');
  const maxTyped = parseEther(plain(await popup.getByTestId('send-amount').inputValue()));
  await toReview();
  const { tx, fee } = await mined(await confirmSend());
  assert.equal(tx.value, maxTyped);
  assert.equal(tx.value, before - tx.gas * tx.maxFeePerGas, 'Max = balance − gas × max fee per gas');
  assert.equal(await ethOf(second), before - tx.value - fee, 'left: only what the fee did not use');
  assert.equal(await ethOf(second), tx.gas * tx.maxFeePerGas - fee);
  await selectAccount(0);
});

test('a node’s refusal is shown in words and nothing is recorded: the nonce is not used, storage unchanged', async () => {
  const to = fresh();
  await openSend({ to, amount: '2' });
  await toReview();
  const nonce = await nonceOf(address);
  const balance = await ethOf(address);
  await setEth(address, parseEther('1')); // spent elsewhere between review and confirm
  const stored = (await readStorage(popup)).local;
  await popup.getByTestId('send-confirm').click();
  await popup.getByTestId('send-error').filter({ hasText: /./ }).waitFor();
  assert.match(await shown('send-error'), inner('error_node_insufficient_funds', { symbol: 'ETH' }));
  assert.equal(await popup.getByTestId('send-hash').count(), 0);
  assert.deepEqual((await readStorage(popup)).local, stored, 'nothing stored: no nonce used, no activity');
  assert.equal(await nonceOf(address), nonce);

  await setEth(address, balance);
  const { tx } = await mined(await confirmSend());
  assert.equal(tx.nonce, nonce, 'the refused nonce was not consumed');
  assert.equal(await ethOf(to), parseEther('2'));
});

test('a legacy network (no base fee): a type 0 transaction at the chosen gas price; Max leaves exactly 0', async () => {
  const legacy = await startAnvil(8546, 1338, { args: ['--hardfork', 'berlin'] });
  try {
    await setEth(address, parseEther('3'), legacy);
    await addNetwork('Legacy anvil', legacy.rpcUrl, 1338);
    await popup.getByTestId('account-balance').filter({ hasText: '3 ETH' }).waitFor();

    const to = fresh();
    await openSend({ to, amount: '1', fee: 'low' });
    await toReview();
    const first = await mined(await confirmSend(), legacy);
    assert.equal(first.tx.type, 'legacy');
    assert.equal(first.tx.chainId, 1338);
    const lowPrice = first.tx.gasPrice;

    await openSend({ to, fee: 'high' });
    await popup.getByTestId('send-max').click();
    await popup.waitForFunction(() => document.querySelector('[data-testid=send-amount]').value !== '');
    await toReview();
    const { tx, fee } = await mined(await confirmSend(), legacy);
    assert.equal(tx.type, 'legacy');
    assert.ok(tx.gasPrice > lowPrice, 'high pays more per gas than low');
    assert.equal(fee, tx.gas * tx.gasPrice);
    assert.equal(await ethOf(address, legacy), 0n, 'Max left nothing, and the fee was covered');
    assert.equal(await ethOf(to, legacy), parseEther('1') + tx.value);
  } finally {
    await popup.getByTestId('network-select').selectOption('0x7a69');
    await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
    legacy.stop();
  }
});

/** Adds a network through the popup's form; back on home with it selected. */
async function addNetwork(name, rpcUrl, chainId) {
  await popup.getByTestId('add-network').click();
  await popup.getByTestId('network-name').fill(name);
  await popup.getByTestId('network-rpc').fill(rpcUrl);
  await popup.getByTestId('network-chain-id').fill(String(chainId));
  await popup.getByTestId('network-save').click();
  await popup.getByTestId('network-select').filter({ hasText: name }).waitFor();
  await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
}

/**
 * A node in front of `chain` that, like some public RPC endpoints, does not count transactions
 * waiting in its pool: eth_getTransactionCount "pending" answers the "latest" count.
 */
function laggingNode(chain) {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };
  return startSite({
    '/': async ({ method, body }) => {
      if (method !== 'POST') return { status: 204, headers: cors, body: '' };
      const call = JSON.parse(body);
      if (call.method === 'eth_getTransactionCount' && call.params?.[1] === 'pending') call.params[1] = 'latest';
      const answer = await fetch(chain.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call) });
      return { headers: { ...cors, 'content-type': 'application/json' }, body: await answer.text() };
    },
  });
}

test('a node that does not count pending transactions: the next nonce comes from what Keystead recorded, also after a worker stop', async () => {
  const slow = await startAnvil(8546, 1339);
  const node = await laggingNode(slow);
  try {
    await setEth(address, parseEther('1'), slow);
    await slow.client.request({ method: 'evm_setAutomine', params: [false] });
    await addNetwork('Lagging node', `${node.origin}/`, 1339);
    const to = fresh();
    const hashes = [];
    for (const amount of ['0.000000000000000001', '0.000000000000000002']) {
      await openSend({ to, amount });
      await toReview();
      hashes.push(await confirmSend());
      await stopServiceWorker(browser, popup);
    }
    await slow.client.request({ method: 'evm_mine', params: [] });
    const txs = await Promise.all(hashes.map((hash) => mined(hash, slow)));
    assert.deepEqual(txs.map(({ tx }) => tx.nonce), [0, 1]);
    assert.equal(await ethOf(to, slow), 3n);
  } finally {
    await popup.reload();
    await popup.getByTestId('network-select').selectOption('0x7a69');
    await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
    node.stop();
    slow.stop();
  }
});

/** Every approval window from now on, in the order they open. */
function approvalWindows() {
  const seen = [];
  let wake = () => {};
  browser.context.on('page', (page) => {
    if (!page.url().includes('#/approve/')) return;
    seen.push(page);
    wake();
  });
  return async () => {
    while (seen.length === 0) await new Promise((resolve) => { wake = resolve; });
    const page = seen.shift();
    await page.waitForLoadState();
    await page.getByTestId('approve').waitFor();
    return page;
  };
}

async function approveIn(page) {
  const closed = page.waitForEvent('close');
  await page.getByTestId('approve').click({ noWaitAfter: true }).catch((e) => {
    if (!page.isClosed()) throw e;
  });
  await closed;
}

async function openDapp(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.keysteadDemo?.provider);
  const approval = answerApproval(browser, 'approve');
  await page.getByTestId('demo-connect').click();
  await approval;
  await page.getByTestId('demo-account').filter({ hasText: address }).waitFor();
  return page;
}

const requestSend = (page, to, value) => page.evaluate(({ from, to, value }) => window.keysteadDemo.provider
  .request({ method: 'eth_sendTransaction', params: [{ from, to, value }] }), { from: address, to, value: `0x${value.toString(16)}` });

test('nonces: five quick approvals from two dApp origins and the popup, with a worker stop between, are consecutive and all confirm', async () => {
  const siteA = await openDapp(demo.url);
  const siteB = await openDapp(demo.otherOriginUrl);
  const to = fresh();
  const next = approvalWindows();
  await chain.client.request({ method: 'evm_setAutomine', params: [false] });
  try {
    const first = await nonceOf(address);
    // Site A's viem sendTransaction (the demo's button) and site B's request wait in two windows at once.
    await siteA.getByTestId('demo-recipient').fill(to);
    await siteA.getByTestId('demo-send').click();
    const hashB1 = requestSend(siteB, to, 2n);
    const windows = [await next(), await next()];
    const origin = async (page) => (await page.getByTestId('approval-origin').textContent());
    const byOrigin = Object.fromEntries(await Promise.all(windows.map(async (w) => [await origin(w), w])));
    // Meanwhile the popup prepares a send, reviewed while both windows are open.
    await openSend({ to, amount: '0.000000000000000003' });
    await toReview();
    await approveIn(byOrigin[new URL(demo.otherOriginUrl).origin]);
    await approveIn(byOrigin[new URL(demo.url).origin]);
    const hashP1 = await confirmSend();

    await stopServiceWorker(browser, popup);

    const hashA2 = requestSend(siteA, to, 4n);
    await approveIn(await next());
    await openSend({ to, amount: '0.000000000000000005' });
    await toReview();
    const hashP2 = await confirmSend();

    await siteA.getByTestId('demo-tx-hash').filter({ hasText: /^0x/ }).waitFor();
    const hashA1 = await siteA.getByTestId('demo-tx-hash').textContent();
    const hashes = [hashA1, await hashB1, hashP1, await hashA2, hashP2];
    await chain.client.request({ method: 'evm_mine', params: [] });
    const txs = await Promise.all(hashes.map((hash) => mined(hash)));
    assert.deepEqual(txs.map(({ tx }) => tx.nonce).sort((a, b) => a - b), [0, 1, 2, 3, 4].map((i) => first + i), 'consecutive, none twice');
    assert.deepEqual(txs.map(({ tx }) => tx.value), [parseEther('0.01'), 2n, 3n, 4n, 5n]);
    assert.equal(await nonceOf(address), first + 5);
    await siteA.getByTestId('demo-tx-status').filter({ hasText: 'success' }).waitFor();
  } finally {
    await chain.client.request({ method: 'evm_setAutomine', params: [true] });
  }
});
