// Activity through the real popup against anvil: a dApp's transaction appears pending, then
// confirmed with the fee the receipt says; a reverting one ends failed; with mining paused, one
// pending transaction is sped up and another cancelled (through the one transaction path: same
// nonce, the recorded next nonce untouched), the worker is stopped in between, and
// after mining the originals end replaced and the replacements confirmed; a transaction the
// node forgot while the account's nonce moved on ends dropped; pending ones are followed across
// a browser restart; the list keeps the newest 200 and never holds a secret.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeFunctionData, formatEther, parseEther, getAddress, bytesToHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import {
  msg, shown, PASSWORD, startScene, launch, createWallet, answerApproval, popupCall, readStorage, stopServiceWorker,
} from './harness.mjs';
import { deployToken, ERC20_ABI } from './erc20.mjs';

let scene, chain, browser, wallet, dapp, popup;
const R1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const R2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

before(async () => {
  scene = await startScene();
  ({ chain, browser, wallet, dapp } = scene);
  popup = wallet.popup;
  await rpc('anvil_setBalance', [wallet.address, '0x56bc75e2d63100000']); // 100 ETH
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
});

after(() => scene?.stop());

const rpc = (method, params = []) => chain.client.request({ method, params });

/** eth_sendTransaction from the dApp, approved in its window; the hash. */
async function dappSend(tx, page = dapp, browserOf = browser, from = wallet.address) {
  const approval = answerApproval(browserOf, 'approve');
  const sent = page.evaluate((t) => window.keysteadDemo.provider.request({ method: 'eth_sendTransaction', params: [t] }), { from, ...tx });
  await approval;
  return sent;
}

/** Opens the popup afresh (home) and Activity from there. */
async function openActivity(page = popup) {
  await page.goto(browser.popupUrl);
  await page.getByTestId('activity').click();
  await page.getByTestId('activity-list').waitFor();
}

/** The next nonce the worker recorded for the wallet's account on anvil (storage key `nonces`). */
async function nextNonce() {
  const { local } = await readStorage(popup);
  return BigInt(local.nonces?.['0x7a69']?.[wallet.address.toLowerCase()]?.next ?? -1);
}

const item = (hash, page = popup) => page.locator(`[data-testid=activity-item][data-hash="${hash}"]`);
const waitStatus = (hash, status, page = popup) => page.locator(`[data-testid=activity-item][data-hash="${hash}"][data-status=${status}]`).waitFor({ timeout: 30_000 });


async function feeText(hash) {
  const receipt = await rpc('eth_getTransactionReceipt', [hash]);
  return msg('activity_fee_paid', { amount: `${shown(formatEther(BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice)))} ETH` });
}

test('a dApp transaction appears pending, then confirmed with the fee its receipt says', async () => {
  await rpc('evm_setAutomine', [false]);
  try {
    const hash = await dappSend({ to: R1, value: '0x2386f26fc10000' }); // 0.01 ETH
    await openActivity();
    await waitStatus(hash, 'pending');
    const pending = item(hash);
    assert.equal(await pending.getByTestId('activity-amount').textContent(), `${shown('0.01')} ETH`);
    assert.equal(await pending.getByTestId('activity-recipient').getAttribute('title'), R1);
    assert.ok((await pending.getByTestId('activity-fee').textContent()).startsWith(msg('activity_fee_at_most', { amount: '' })));
    assert.equal(await pending.getByTestId('activity-status').textContent(), msg('activity_status_pending'));
    assert.equal(await popup.getByTestId('activity-item').first().getAttribute('data-hash'), hash, 'newest first');
    await rpc('evm_mine');
    await waitStatus(hash, 'confirmed');
    assert.equal(await item(hash).getByTestId('activity-fee').textContent(), await feeText(hash));
    assert.equal(await item(hash).getByTestId('activity-status').textContent(), msg('activity_status_confirmed'));
    assert.match(await item(hash).getByTestId('activity-time').textContent(), /\d/);
  } finally {
    await rpc('evm_setAutomine', [true]);
  }
});

test('a token transfer that reverts (more than the balance, fixed gas) ends failed, with its fee', async () => {
  const token = await deployToken(chain, { symbol: 'KST' });
  assert.deepEqual(Object.keys(await popupCall(popup, 'addToken', { chainId: '0x7a69', address: token })), ['result']);
  const data = encodeFunctionData({ abi: ERC20_ABI, functionName: 'transfer', args: [R2, parseEther('5')] });
  const hash = await dappSend({ to: token, data, gas: '0x30d40' });
  assert.equal((await rpc('eth_getTransactionReceipt', [hash])).status, '0x0', 'the chain reverted it');
  await openActivity();
  await waitStatus(hash, 'failed');
  assert.equal(await item(hash).getByTestId('activity-amount').textContent(), '5 KST');
  assert.equal(await item(hash).getByTestId('activity-recipient').getAttribute('title'), R2);
  assert.equal(await item(hash).getByTestId('activity-fee').textContent(), await feeText(hash));
  assert.equal(await item(hash).getByTestId('activity-status').textContent(), msg('activity_status_failed'));
});

test('mining paused: one pending transaction sped up, another cancelled, the worker stopped in between; they end replaced and confirmed', async () => {
  await rpc('evm_setAutomine', [false]);
  try {
    const before1 = await chain.client.getBalance({ address: R1 });
    const before2 = await chain.client.getBalance({ address: R2 });
    const a = await dappSend({ to: R1, value: '0x2386f26fc10000' }); // 0.01 ETH
    const b = await dappSend({ to: R2, value: '0x470de4df820000' }); // 0.02 ETH
    const [txA, txB] = [await rpc('eth_getTransactionByHash', [a]), await rpc('eth_getTransactionByHash', [b])];
    await openActivity();
    await waitStatus(a, 'pending');
    await waitStatus(b, 'pending');

    // Speed up A: the review shows the same nonce and fees at least 12.5% higher.
    await item(a).getByTestId('speed-up').click();
    const review = popup.getByTestId('replace-review');
    await review.waitFor();
    assert.equal(await review.getByTestId('approval-nonce').textContent(), String(Number(txA.nonce)));
    assert.equal(await review.getByTestId('approval-to').textContent(), R1);
    assert.equal(await review.getByTestId('approval-value').textContent(), `${shown('0.01')} ETH`);
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('activity-list').waitFor();
    const a2 = await popup.getByTestId('activity-item').first().getAttribute('data-hash');
    assert.notEqual(a2, a);
    await waitStatus(a2, 'pending');
    const txA2 = await rpc('eth_getTransactionByHash', [a2]);
    assert.equal(txA2.nonce, txA.nonce);
    assert.equal(getAddress(txA2.to), R1);
    assert.equal(BigInt(txA2.value), BigInt(txA.value));
    assert.ok(BigInt(txA2.maxFeePerGas) * 8n >= BigInt(txA.maxFeePerGas) * 9n, 'max fee raised by at least 12.5%');
    assert.ok(BigInt(txA2.maxPriorityFeePerGas) * 8n >= BigInt(txA.maxPriorityFeePerGas) * 9n, 'priority fee raised by at least 12.5%');
    assert.equal(await item(a).count(), 1, 'the original is still listed');
    assert.equal(await item(a).getByTestId('speed-up').count(), 0, 'only the newest of a nonce can be replaced again');
    // The replacement went through the one transaction path with A's nonce: the recorded next
    // nonce (wallet/nonces.js) is still the one after B's, neither moved back nor forward.
    assert.equal(await nextNonce(), BigInt(txB.nonce) + 1n, 'the speed-up left the recorded next nonce alone');

    // The worker stops (as Chrome does when idle) between the speed-up and the cancel.
    const [worker] = browser.context.serviceWorkers();
    await worker.evaluate(() => { globalThis.activityMarker = 'before the stop'; });
    await stopServiceWorker(browser, popup);

    await item(b).getByTestId('cancel-tx').click();
    await popup.getByTestId('replace-review').waitFor();
    assert.equal(await popup.getByTestId('approval-to').textContent(), wallet.address, 'a cancel is a transfer to the account itself');
    assert.equal(await popup.getByTestId('approval-value').textContent(), '0 ETH');
    assert.equal(await popup.getByTestId('approval-nonce').textContent(), String(Number(txB.nonce)));
    await popup.getByTestId('send-confirm').click();
    await popup.getByTestId('activity-list').waitFor();
    assert.equal(await worker.evaluate(() => globalThis.activityMarker), undefined, 'a new worker instance answered');
    const b2 = await popup.getByTestId('activity-item').first().getAttribute('data-hash');
    assert.notEqual(b2, b);
    const txB2 = await rpc('eth_getTransactionByHash', [b2]);
    assert.equal(txB2.nonce, txB.nonce);
    assert.equal(getAddress(txB2.to), wallet.address);
    assert.equal(BigInt(txB2.value), 0n);

    // Stopped again while everything is pending; then the chain mines.
    await stopServiceWorker(browser, popup);
    await rpc('evm_mine');
    await waitStatus(a, 'replaced');
    await waitStatus(a2, 'confirmed');
    await waitStatus(b, 'replaced');
    await waitStatus(b2, 'confirmed');
    assert.equal(await rpc('eth_getTransactionReceipt', [a]), null);
    assert.equal(await rpc('eth_getTransactionReceipt', [b]), null);
    assert.equal(await chain.client.getBalance({ address: R1 }), before1 + parseEther('0.01'), 'the sped-up transfer happened once');
    assert.equal(await chain.client.getBalance({ address: R2 }), before2, 'the cancelled transfer never happened');
    assert.equal(await item(a2).getByTestId('activity-fee').textContent(), await feeText(a2));
    assert.equal(await item(a).getByTestId('activity-fee').textContent(), msg('activity_fee_none'));

    // The next transaction takes the nonce after B's: the replacements used none of their own.
    assert.equal(await nextNonce(), BigInt(txB.nonce) + 1n, 'the cancel left the recorded next nonce alone');
    const c = await dappSend({ to: R1, value: '0x1' });
    assert.equal(BigInt((await rpc('eth_getTransactionByHash', [c])).nonce), BigInt(txB.nonce) + 1n);
    await rpc('evm_mine');
    await openActivity();
    await waitStatus(c, 'confirmed');
  } finally {
    await rpc('evm_setAutomine', [true]);
  }
});

test('a transaction the node dropped while the account\'s nonce moved past it ends dropped', async () => {
  await rpc('evm_setAutomine', [false]);
  try {
    const hash = await dappSend({ to: R1, value: '0x1' });
    await openActivity();
    await waitStatus(hash, 'pending');
    const { nonce } = await rpc('eth_getTransactionByHash', [hash]);
    await rpc('anvil_dropTransaction', [hash]);
    await rpc('anvil_setNonce', [wallet.address, `0x${(BigInt(nonce) + 1n).toString(16)}`]);
    await waitStatus(hash, 'dropped');
    assert.equal(await item(hash).getByTestId('activity-status').textContent(), msg('activity_status_dropped'));
    assert.equal(await item(hash).getByTestId('speed-up').count(), 0);
  } finally {
    await rpc('evm_setAutomine', [true]);
  }
});

test('Activity keeps the newest 200 per account and network, and holds no secret', async () => {
  const seeded = Array.from({ length: 200 }, (_, i) => ({
    hash: `0x${(i + 1).toString(16).padStart(64, '0')}`,
    nonce: `0x${(1000 + i).toString(16)}`,
    to: R1,
    value: '0x1',
    gas: '0x5208',
    type: '0x2',
    maxFeePerGas: '0x77359400',
    maxPriorityFeePerGas: '0x3b9aca00',
    asset: { symbol: 'ETH', decimals: 18, amount: '0x1' },
    recipient: R1,
    origin: 'keystead',
    submittedAt: Date.UTC(2026, 0, 1) + (200 - i) * 60_000, // newest first
    status: 'confirmed',
    fee: '0x1',
    finishedAt: Date.UTC(2026, 0, 1),
  }));
  await popup.evaluate(([address, list]) => chrome.storage.local.set({ activity: { '0x7a69': { [address]: list } } }), [wallet.address, seeded]);
  const hash = await dappSend({ to: R2, value: '0x2' });
  await openActivity();
  await waitStatus(hash, 'confirmed');
  assert.equal(await popup.getByTestId('activity-item').count(), 200);
  assert.equal(await popup.getByTestId('activity-item').first().getAttribute('data-hash'), hash);
  assert.equal(await item(seeded[198].hash).count(), 1);
  assert.equal(await item(seeded[199].hash).count(), 0, 'the oldest went');
  const { local } = await readStorage(popup);
  const stored = local.activity['0x7a69'][wallet.address];
  assert.equal(stored.length, 200);
  assert.equal(stored[0].hash, hash);

  const phrase = wallet.words.join(' ');
  const key = bytesToHex(mnemonicToAccount(phrase).getHdKey().privateKey).slice(2);
  const text = JSON.stringify(local.activity).toLowerCase();
  for (const secret of [phrase, key, PASSWORD.toLowerCase(), wallet.words.slice(0, 3).join(' ')]) assert.ok(!text.includes(secret), 'Activity holds no secret');
  const fields = new Set(stored.flatMap((e) => Object.keys(e)));
  const allowed = ['hash', 'nonce', 'to', 'value', 'gas', 'type', 'gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'data', 'selector',
    'asset', 'recipient', 'origin', 'submittedAt', 'status', 'kind', 'replaces', 'fee', 'block', 'finishedAt', 'replacedBy'];
  assert.deepEqual([...fields].filter((f) => !allowed.includes(f)), []);
});

test('a pending transaction is followed across a browser restart, without opening the popup', async () => {
  // Its own browser and profile (kept, to launch the browser again), on the same anvil.
  const own = chain;
  const demo = scene.demo;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'keystead-e2e-restart-'));
  let first = await launch({ profile });
  let second = null;
  try {
    const created = await createWallet(first);
    await own.client.request({ method: 'anvil_setBalance', params: [created.address, '0x56bc75e2d63100000'] });
    const page = await first.context.newPage();
    await page.goto(demo.url);
    await page.waitForFunction(() => window.keysteadDemo?.provider);
    const approval = answerApproval(first, 'approve');
    await page.getByTestId('demo-connect').click();
    await approval;
    await page.getByTestId('demo-account').filter({ hasText: created.address }).waitFor();
    await own.client.request({ method: 'evm_setAutomine', params: [false] });
    const hash = await dappSend({ to: R1, value: '0x3' }, page, first, created.address);
    const statusIn = async (b) => {
      const [worker] = b.context.serviceWorkers();
      const { activity } = await worker.evaluate(() => chrome.storage.local.get('activity'));
      return activity?.['0x7a69']?.[created.address]?.find((e) => e.hash === hash)?.status;
    };
    assert.equal(await statusIn(first), 'pending');
    await first.close();
    first = null;

    await own.client.request({ method: 'evm_mine', params: [] });
    second = await launch({ profile });
    let status;
    for (let i = 0; i < 120 && status !== 'confirmed'; i++) {
      status = await statusIn(second).catch(() => undefined);
      if (status !== 'confirmed') await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(status, 'confirmed', 'the restarted browser followed it to its receipt');
    // A browser started with --load-extension installs the extension anew each time, so the
    // welcome tab (popup.html?view=tab, platform/welcome.js) opens; no other extension page did.
    const opened = second.context.pages().filter((p) => p.url().includes('popup.html') && !p.url().endsWith('popup.html?view=tab'));
    assert.equal(opened.length, 0, 'no popup was opened');
  } finally {
    await first?.close();
    await second?.close();
    await own.client.request({ method: 'evm_setAutomine', params: [true] });
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
