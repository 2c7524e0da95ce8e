// Tokens the user adds, through the real popup against anvil: a real ERC-20 (OpenZeppelin's
// ERC20PresetFixedSupply, deployed by erc20.mjs) checked with viem first; adding it lists its
// symbol and the selected account's balance; a duplicate, an address without code, a contract that is not a
// token and text that is not an address are refused with a clear error and change nothing;
// remove; and a backup file brings the token back in a fresh profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decrypt } from '@metamask/browser-passworder';
import { getAddress } from 'viem';
import { PASSWORD, LANG, msg, startAnvil, launch, openPopup, createWallet, readStorage, submitFile } from './harness.mjs';
import { ERC20_ABI, DEPLOYER, deployToken, sendToken } from './erc20.mjs';

const SUPPLY = 1_000_000n * 10n ** 18n;
const AMOUNT = 1_234_500_000_000_000_000_000n; // 1234.5 with 18 decimals
let TOKEN; // the deployed token's address, typed in lower case: stored as EIP-55
const NOT_A_TOKEN = '0x00000000000000000000000000000000000bad00'; // code that always reverts
const EMPTY = '0x1111111111111111111111111111111111111111'; // no code
const LOCAL = '0x7a69';
/** 1234.5 as the token list writes it in the run's language. */
const SHOWN = { en: /^1,234\.5$/, nl: /^1\.234,5$/ }[LANG];
const NO_TOKENS = msg('token_none', { network: 'Localhost 8545' });

let chain;
const browsers = [];
let wallet; // { popup, address }

before(async () => {
  chain = await startAnvil();
  TOKEN = (await deployToken(chain, { name: 'Keystead Token', symbol: 'KST', supply: SUPPLY })).toLowerCase();
  await chain.client.request({ method: 'anvil_setCode', params: [NOT_A_TOKEN, '0x60006000fd'] }); // PUSH1 0 PUSH1 0 REVERT
});

after(async () => {
  for (const b of browsers) await b.close();
  chain?.stop();
});

async function fresh() {
  const browser = await launch();
  browsers.push(browser);
  return browser;
}

/** Opens the add screen, types `address` and saves. */
async function addToken(popup, address) {
  await popup.getByTestId('token-add').click();
  await popup.getByTestId('token-address').fill(address);
  await popup.getByTestId('token-save').click();
}

/** On the add screen: saves `address`, waits for an error containing `text`, checks storage did not change. */
async function refused(popup, address, text) {
  const before = (await readStorage(popup)).local;
  await popup.getByTestId('token-address').fill(address);
  await popup.getByTestId('token-save').click();
  await popup.getByTestId('error').filter({ hasText: text }).waitFor();
  assert.deepEqual((await readStorage(popup)).local, before, `storage unchanged after "${address}"`);
  return popup.getByTestId('error').textContent();
}

test('the deployed OpenZeppelin token answers symbol, decimals, totalSupply and balanceOf, and moves with transfer', async () => {
  const owner = '0x2222222222222222222222222222222222222222';
  const read = (functionName, args) => chain.client.readContract({ address: TOKEN, abi: ERC20_ABI, functionName, args });
  assert.equal(await read('symbol'), 'KST');
  assert.equal(await read('name'), 'Keystead Token');
  assert.equal(await read('decimals'), 18);
  assert.equal(await read('totalSupply'), SUPPLY);
  assert.equal(await read('balanceOf', [DEPLOYER]), SUPPLY, 'the whole supply is minted to the deployer');
  assert.equal(await read('balanceOf', [owner]), 0n);
  await sendToken(chain, TOKEN, owner, 42_000_001n);
  assert.equal(await read('balanceOf', [owner]), 42_000_001n);
  assert.equal(await read('balanceOf', [DEPLOYER]), SUPPLY - 42_000_001n);
  await assert.rejects(chain.client.call({ to: TOKEN, data: '0x12345678' }), /revert/i, 'an unknown function reverts');
});

test('add a token: listed with its symbol and balance; duplicate, no code, not a token, not an address: refused, nothing stored; remove', async () => {
  const browser = await fresh();
  const { popup, address } = await createWallet(browser);
  wallet = { popup, address };
  await sendToken(chain, TOKEN, address, AMOUNT);
  await popup.getByTestId('token-list').filter({ hasText: NO_TOKENS }).waitFor();

  await addToken(popup, TOKEN);
  const item = popup.getByTestId('token-item');
  await item.filter({ hasText: 'KST' }).waitFor();
  assert.equal(await item.count(), 1);
  assert.equal(await item.getByTestId('token-symbol').textContent(), 'KST');
  await item.getByTestId('token-amount').filter({ hasText: SHOWN }).waitFor();
  const stored = { [LOCAL]: [{ address: getAddress(TOKEN), symbol: 'KST', decimals: 18 }] };
  assert.deepEqual((await readStorage(popup)).local.tokens, stored, 'kept under the chain, address checksummed');

  await popup.getByTestId('token-add').click();
  await refused(popup, getAddress(TOKEN), msg('error_token_already_added', { symbol: 'KST', address: getAddress(TOKEN) }));
  await refused(popup, EMPTY, msg('error_token_no_contract', { address: getAddress(EMPTY), network: 'Localhost 8545' }));
  await refused(popup, NOT_A_TOKEN, msg('error_not_erc20', { address: getAddress(NOT_A_TOKEN), network: 'Localhost 8545' }));
  await refused(popup, 'KST', msg('error_not_contract_address'));
  // A mixed-case address whose checksum is wrong (one letter's case flipped) is a typo.
  const checksummed = getAddress(TOKEN);
  const i = checksummed.search(/[A-F]/);
  const typo = checksummed.slice(0, i) + checksummed[i].toLowerCase() + checksummed.slice(i + 1);
  await refused(popup, typo, msg('error_address_checksum'));
  assert.deepEqual((await readStorage(popup)).local.tokens, stored);

  await popup.getByRole('button', { name: msg('common_cancel') }).click();
  await item.getByTestId('token-amount').filter({ hasText: SHOWN }).waitFor();
  await item.getByTestId('token-remove').click();
  await popup.getByTestId('token-list').filter({ hasText: NO_TOKENS }).waitFor();
  assert.equal(await item.count(), 0);
  assert.deepEqual((await readStorage(popup)).local.tokens, {});
});

test('backup file round trip: the file carries the token (decrypted in Node) and a restore into a fresh profile lists it with its balance', async () => {
  assert.ok(wallet, 'needs the wallet of the previous test');
  const { popup, address } = wallet;
  await addToken(popup, TOKEN);
  await popup.getByTestId('token-item').filter({ hasText: 'KST' }).waitFor();

  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-file-download').click();
  const started = popup.waitForEvent('download');
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  const fileText = readFileSync(await (await started).path(), 'utf8');
  const file = JSON.parse(fileText);
  const settings = await decrypt(PASSWORD, JSON.stringify(file.keystead.settings));
  assert.deepEqual(settings.tokens, { [LOCAL]: [{ address: getAddress(TOKEN), symbol: 'KST', decimals: 18 }] });

  const browser = await fresh();
  const page = await openPopup(browser);
  await page.getByTestId('restore-file').click();
  await submitFile(page, fileText, PASSWORD);
  await page.getByTestId('account-address').filter({ hasText: address }).waitFor();
  const item = page.getByTestId('token-item');
  await item.getByTestId('token-amount').filter({ hasText: SHOWN }).waitFor();
  assert.equal(await item.getByTestId('token-symbol').textContent(), 'KST');
  assert.deepEqual((await readStorage(page)).local.tokens, settings.tokens);
});
