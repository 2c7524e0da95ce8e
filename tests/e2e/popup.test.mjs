// The popup on its own: import a Secret Recovery Phrase, see the balance from the node, add
// accounts, switch network, and bad input (a wrong word, a wrong password) that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, ANVIL_MNEMONIC, startAnvil, startPopup, readStorage, LANG, msg } from './harness.mjs';

let scene, popup;
const ACCOUNT_10 = '0xBcd4042DE499D14e55001CcbB24a551F3b954096'; // anvil phrase, index 10: the first one anvil does not fund

before(async () => {
  scene = await startPopup();
  ({ popup } = scene);
});

after(() => scene?.stop());

async function typePhrase(words) {
  for (const [i, word] of words.entries()) await popup.getByTestId(`srp-import-word-${i + 1}`).fill(word);
}

test('import: a wrong word is named and nothing is stored; the right phrase restores the funded account', async () => {
  await popup.getByTestId('import-wallet').click();
  const words = ANVIL_MNEMONIC.split(' ');
  await typePhrase([...words.slice(0, 11), 'junky']);
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_invalid_phrase', { detail: msg('core_detail_phrase_unknown_word', { position: 12 }) }) }).waitFor();
  assert.equal((await readStorage(popup)).local.vault, undefined);

  for (const field of await popup.locator('[data-testid^=srp-import-word-]').all()) {
    assert.equal(await field.getAttribute('type'), 'password');
    assert.equal(await field.getAttribute('autocomplete'), 'off');
    assert.equal(await field.getAttribute('spellcheck'), 'false');
  }

  // Pasting the whole phrase into the first field spreads it over the fields.
  await popup.getByTestId('srp-import-word-1').focus();
  await popup.evaluate((phrase) => {
    const data = new DataTransfer();
    data.setData('text', phrase);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, ANVIL_MNEMONIC);
  assert.equal(await popup.getByTestId('srp-import-word-12').inputValue(), 'junk');
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('account-address').filter({ hasText: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' }).waitFor();
  await popup.getByTestId('account-balance').filter({ hasText: LANG === 'nl' ? '10.000 ETH' : '10,000 ETH' }).waitFor();
  // Account discovery: anvil funds the phrase's first 10 accounts, so all 10 come back.
  assert.equal(await popup.getByTestId('account-item').count(), 10);
  assert.equal(await popup.getByTestId('account-item').nth(1).getAttribute('title'), '0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
});

test('add account derives the next address of the phrase', async () => {
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-address').filter({ hasText: ACCOUNT_10 }).waitFor();
  assert.equal(await popup.getByTestId('account-item').count(), 11);
});

test('a wrong password leaves the wallet locked and the vault unchanged', async () => {
  const before = (await readStorage(popup)).local;
  await popup.getByTestId('lock').click();
  await popup.getByTestId('unlock-password').fill('wrong password');
  await popup.getByTestId('unlock-submit').click();
  await popup.getByTestId('unlock-error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  const after = (await readStorage(popup)).local;
  assert.equal(after.vault, before.vault);
  assert.equal(after.vaultPrevious, before.vaultPrevious);
  await popup.getByTestId('unlock-password').fill(PASSWORD);
  await popup.getByTestId('unlock-submit').click();
  await popup.getByTestId('account-item').nth(10).waitFor();
  assert.equal(await popup.getByTestId('account-address').textContent(), ACCOUNT_10);
});

test('the worker refuses to replace an existing wallet unless asked, and unknown popup methods', async () => {
  const before = (await readStorage(popup)).local.vault;
  const replies = await popup.evaluate(async () => ({
    create: await chrome.runtime.sendMessage({ kind: 'popup', method: 'create', params: { password: 'another password' } }),
    restore: await chrome.runtime.sendMessage({ kind: 'popup', method: 'restore', params: { password: 'another password', phrase: 'abandon '.repeat(11) + 'about' } }),
    unknown: await chrome.runtime.sendMessage({ kind: 'popup', method: 'exportEverything', params: {} }),
    inherited: await chrome.runtime.sendMessage({ kind: 'popup', method: 'constructor', params: {} }),
  }));
  assert.equal(replies.create.error.code, 'INVALID_ARGUMENT');
  assert.match(replies.create.error.message, /already exists/);
  assert.equal(replies.restore.error.code, 'INVALID_ARGUMENT');
  assert.equal(replies.unknown.error.code, 'INVALID_ARGUMENT');
  assert.equal(replies.inherited.error.code, 'INVALID_ARGUMENT');
  assert.equal((await readStorage(popup)).local.vault, before);
});

test('the popup lists the built-in local network and the page refuses to be framed', async () => {
  assert.deepEqual(await popup.getByTestId('network-select').locator('option').allTextContents(), ['Localhost 8545']);
  const framed = await popup.evaluate(async (url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r));
    const text = frame.contentDocument.getElementById('app').textContent;
    frame.remove();
    return text;
  }, popup.url());
  assert.equal(framed, 'Loading…', 'a framed popup never renders the wallet');
});

test('add a network by hand: a node serving another chain is refused; then switch to it and back', async () => {
  const second = await startAnvil(8546, 1337);
  try {
    await popup.getByTestId('add-network').click();
    await popup.getByTestId('network-name').fill('Second anvil');
    await popup.getByTestId('network-rpc').fill('http://127.0.0.1:8546');
    await popup.getByTestId('network-chain-id').fill('5');
    await popup.getByTestId('network-save').click();
    await popup.getByTestId('error').filter({ hasText: 'serves chain 0x539' }).waitFor();
    assert.deepEqual((await readStorage(popup)).local.networks ?? [], []);

    await popup.getByTestId('network-chain-id').fill('1337');
    await popup.getByTestId('network-save').click();
    await popup.getByTestId('account-balance').filter({ hasText: 'ETH' }).waitFor();
    assert.deepEqual(await popup.getByTestId('network-select').locator('option').allTextContents(), ['Localhost 8545', 'Second anvil']);
    assert.equal(await popup.getByTestId('network-select').inputValue(), '0x539');
    await popup.getByTestId('network-select').selectOption('0x7a69');
    await popup.waitForFunction(() => document.querySelector('[data-testid=network-select]').value === '0x7a69');
    assert.equal((await readStorage(popup)).local.chainId, '0x7a69');
  } finally {
    second.stop();
  }
});
