// The encrypted backup file and restores, as a user would do them in the popup: download the
// file (a wrong password first: no file, nothing recorded), open it in Node with MetaMask's
// browser-passworder, restore it into a fresh profile (a wrong password, a truncated file: nothing
// changes), restore a plain MetaMask vault, and restore from the phrase over an existing wallet
// ("forgot password") with account discovery on the selected network, reachable or not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decrypt, encrypt, encryptWithKey, keyFromPassword, generateSalt } from '@metamask/browser-passworder';
import { privateKeyToAccount, mnemonicToAccount } from 'viem/accounts';
import { PASSWORD, startAnvil, launch, openPopup, createWallet, readStorage, submitFile, msg, inner } from './harness.mjs';


const KEY_2 = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'; // anvil's account #2
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow'; // valid, not anvil's
const derived = (phrase, i) => mnemonicToAccount(phrase, { addressIndex: i }).address;
const BACKUP_NAME = /^keystead-backup-\d{4}-\d{2}-\d{2}\.json$/;

let chain, chain2;
const browsers = [];
let original; // { popup, words, status, fileText }

before(async () => {
  chain = await startAnvil();
  chain2 = await startAnvil(8546, 1337);
});

after(async () => {
  for (const b of browsers) await b.close();
  chain?.stop();
  chain2?.stop();
});

async function fresh() {
  const browser = await launch();
  browsers.push(browser);
  return browser;
}

const popupCall = (page, method, params = {}) => page.evaluate(
  ([m, p]) => chrome.runtime.sendMessage({ kind: 'popup', method: m, params: p }), [method, params]);

async function statusOf(page) {
  const { result } = await popupCall(page, 'status');
  return result;
}

async function typePhrase(page, phrase, password = PASSWORD) {
  for (const [i, word] of phrase.split(' ').entries()) await page.getByTestId(`srp-import-word-${i + 1}`).fill(word);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('password-confirm').fill(password);
  await page.getByTestId('onboarding-next').click();
}

test('download: a wrong password gives no file; the right one saves a file browser-passworder opens, with no plaintext secret', async () => {
  const browser = await fresh();
  const { popup, words, address } = await createWallet(browser);
  // An imported key, a renamed account and a second network: what the file must bring back.
  await popup.getByTestId('settings').click();
  await popup.getByTestId('import-private-key').click();
  await popup.getByTestId('private-key-input').fill(KEY_2);
  await popup.getByTestId('import-private-key-submit').click();
  const imported = privateKeyToAccount(KEY_2).address;
  await popup.getByTestId('account-address').filter({ hasText: imported }).waitFor();
  assert.equal((await popupCall(popup, 'renameAccount', { address, name: 'Savings' })).error, undefined);
  assert.equal((await popupCall(popup, 'renameAccount', { address: imported, name: 'Hot key' })).error, undefined);
  await popup.getByTestId('add-network').click();
  await popup.getByTestId('network-name').fill('Second anvil');
  await popup.getByTestId('network-rpc').fill('http://127.0.0.1:8546');
  await popup.getByTestId('network-chain-id').fill('1337');
  await popup.getByTestId('network-save').click();
  await popup.waitForFunction(() => document.querySelector('[data-testid=network-select]')?.value === '0x539');

  let downloads = 0;
  popup.on('download', () => { downloads += 1; });
  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-health-key').filter({ hasText: msg('health_key_not_backed_up') }).waitFor();
  await popup.getByTestId('backup-file-download').click();
  const before = (await readStorage(popup)).local;
  await popup.getByTestId('gate-password').fill('not the password');
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  await popup.waitForTimeout(300);
  assert.equal(downloads, 0);
  assert.deepEqual((await readStorage(popup)).local, before, 'a wrong password records nothing');
  assert.equal(await popup.getByTestId('gate-password').inputValue(), '');

  const started = popup.waitForEvent('download');
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  const download = await started;
  assert.match(download.suggestedFilename(), BACKUP_NAME);
  const fileText = readFileSync(await download.path(), 'utf8');
  await popup.getByTestId('backup-file-saved').waitFor();
  assert.equal(await popup.getByTestId('backup-file-saved').textContent(), msg('file_saved', { name: download.suggestedFilename() }));
  const after = (await readStorage(popup)).local;
  // The health panel now counts the imported key as backed up by the file.
  await popup.reload();
  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-health-key').filter({ hasText: inner('health_key_in_file') }).waitFor();
  assert.ok(!Number.isNaN(Date.parse(after.backup.fileDownloadedAt)), 'the download is recorded');

  // The file's top level is the stored vault: MetaMask's browser-passworder opens it as it is.
  const file = JSON.parse(fileText);
  const stored = JSON.parse(after.vault);
  for (const k of ['data', 'iv', 'salt', 'keyMetadata']) assert.deepEqual(file[k], stored[k], k);
  assert.deepEqual(file.keyMetadata, { algorithm: 'PBKDF2', params: { iterations: 600000 } });
  const keyrings = await decrypt(PASSWORD, fileText);
  assert.deepEqual(keyrings.map((k) => k.type), ['HD Key Tree', 'Simple Key Pair']);
  assert.equal(new TextDecoder().decode(Uint8Array.from(keyrings[0].data.mnemonic)), words.join(' '));
  assert.equal(keyrings[0].data.numberOfAccounts, 1);
  assert.equal(keyrings[0].data.hdPath, "m/44'/60'/0'/0");
  assert.deepEqual(keyrings[1].data.map((k) => k.toLowerCase().replace(/^0x/, '')), [KEY_2.slice(2)]);
  // The settings: encrypted under the same password, browser-passworder's format too.
  assert.equal(file.keystead.format, 'keystead-backup');
  assert.equal(file.keystead.version, 1);
  const settings = await decrypt(PASSWORD, JSON.stringify(file.keystead.settings));
  assert.deepEqual(settings.accountNames, { [address]: 'Savings', [imported]: 'Hot key' });
  assert.deepEqual(settings.networks.map((n) => [n.chainId, n.rpcUrl]), [['0x539', 'http://127.0.0.1:8546']]);
  assert.equal(settings.backup.fileDownloadedAt, after.backup.fileDownloadedAt);
  await assert.rejects(decrypt('not the password', JSON.stringify(file.keystead.settings)));
  // Nothing secret in plaintext: no run of two phrase words, no key, no password, no names.
  const lower = fileText.toLowerCase();
  for (let i = 0; i + 1 < words.length; i++) assert.ok(!lower.includes(`${words[i]} ${words[i + 1]}`), `words ${i + 1}-${i + 2}`);
  assert.ok(!lower.includes(KEY_2.slice(2)));
  assert.ok(!fileText.includes(PASSWORD));
  assert.ok(!fileText.includes('Savings') && !fileText.includes('Second anvil'));

  original = { popup, words, status: await statusOf(popup), fileText };
});

test('restore from the file into a fresh profile: wrong password and truncated file change nothing; then everything comes back', async () => {
  assert.ok(original, 'needs the downloaded file');
  const browser = await fresh();
  const page = await openPopup(browser);
  await page.getByTestId('restore-file').click();
  const empty = (await readStorage(page)).local;
  assert.equal(empty.vault, undefined);

  await submitFile(page, original.fileText, 'not the password');
  await page.getByTestId('error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  assert.deepEqual((await readStorage(page)).local, empty);

  await submitFile(page, original.fileText.slice(0, Math.floor(original.fileText.length * 0.6)), PASSWORD);
  await page.getByTestId('error').filter({ hasText: msg('error_backup_file_not_json') }).waitFor();
  assert.deepEqual((await readStorage(page)).local, empty);

  await submitFile(page, JSON.stringify({ hello: 'a file of another kind' }), PASSWORD);
  await page.getByTestId('error').filter({ hasText: msg('error_backup_file_no_vault') }).waitFor();
  assert.deepEqual((await readStorage(page)).local, empty);

  await submitFile(page, original.fileText, PASSWORD);
  await page.getByTestId('account-item').nth(1).waitFor();
  const restored = await statusOf(page);
  assert.equal(restored.state, 'unlocked');
  assert.deepEqual(restored.accounts, original.status.accounts, 'same accounts, order, names, selection, imported key');
  assert.equal(restored.accounts[1].type, 'imported');
  assert.equal(restored.accounts[1].address, privateKeyToAccount(KEY_2).address);
  assert.deepEqual(restored.networks, original.status.networks);
  assert.equal(restored.network.chainId, '0x539');
  assert.deepEqual(restored.settings, original.status.settings);
  assert.deepEqual(restored.backup, original.status.backup);
  assert.equal(await page.getByTestId('account-address').textContent(), privateKeyToAccount(KEY_2).address);
  original.restoredPage = page;
});

test('forgot password: the warning replaces nothing until the user restores; discovery finds accounts 0, 1 and 3 on the selected network', async () => {
  const page = original?.restoredPage;
  assert.ok(page, 'needs the restored profile');
  // Activity on the selected network (the second anvil, restored from the file): balances on
  // accounts 0 and 1, only a nonce on 3 (zero balance), so both criteria count.
  await chain2.client.request({ method: 'anvil_setBalance', params: [derived(PHRASE, 0), '0xde0b6b3a7640000'] });
  await chain2.client.request({ method: 'anvil_setBalance', params: [derived(PHRASE, 1), '0x1'] });
  await chain2.client.request({ method: 'anvil_setNonce', params: [derived(PHRASE, 3), '0x5'] });
  assert.equal(await chain2.client.getBalance({ address: derived(PHRASE, 3) }), 0n);

  await page.getByTestId('lock').click();
  await page.getByTestId('forgot-password').click();
  await page.getByTestId('restore-replace-warning').filter({ hasText: msg('recovery_replace_deletes') }).waitFor();
  const before = (await readStorage(page)).local;

  // The current encrypted vault can be saved first (without a password: the vault only).
  const started = page.waitForEvent('download');
  await page.getByTestId('backup-file-download').click();
  const download = await started;
  assert.match(download.suggestedFilename(), /^keystead-vault-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(readFileSync(await download.path(), 'utf8'), before.vault);

  await page.getByTestId('restore-continue').click();
  await page.getByTestId('srp-import-word-1').waitFor();
  assert.deepEqual((await readStorage(page)).local, before, 'nothing replaced before the restore itself');
  await typePhrase(page, PHRASE);
  await page.getByTestId('account-item').nth(3).waitFor();
  const status = await statusOf(page);
  assert.deepEqual(status.accounts.map((a) => [a.type, a.index, a.address]),
    [0, 1, 2, 3].map((i) => ['hd', i, derived(PHRASE, i)]), 'accounts 0..3, nothing beyond 3, no imported key');
  const after = (await readStorage(page)).local;
  assert.notEqual(after.vault, before.vault);
  assert.equal(after.vaultPrevious, before.vault, 'the replaced vault is kept as the previous copy');
  assert.deepEqual(after.accountNames, {});
});

// The 24-word vector of the BIP39 reference test set (trezor/python-mnemonic vectors.json,
// entropy 7f7f…7f): a 24-word phrase restores through the same per-word fields.
const PHRASE_24 = 'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title';

test('import a 24-word phrase on a fresh profile: the right account, counted as backed up', async () => {
  const browser = await fresh();
  const page = await openPopup(browser);
  await page.getByTestId('import-wallet').click();
  await page.getByTestId('srp-word-count').selectOption('24');
  await page.getByTestId('srp-import-word-24').waitFor();
  await typePhrase(page, PHRASE_24);
  await page.getByTestId('account-address').filter({ hasText: derived(PHRASE_24, 0) }).waitFor();
  assert.equal(await page.getByTestId('backup-reminder').count(), 0, 'a phrase the user typed is backed up');
  const { local } = await readStorage(page);
  assert.ok(!Number.isNaN(Date.parse(local.backup.phraseConfirmedAt)));
  const keyrings = await decrypt(PASSWORD, local.vault);
  assert.equal(new TextDecoder().decode(Uint8Array.from(keyrings[0].data.mnemonic)), PHRASE_24);
});

test('a legacy MetaMask vault (10,000 iterations, no keyMetadata) restores from a file, is stored re-keyed, and unlocks again', async () => {
  // The core decides that such a vault needs re-keying (vaultKeyParams' needsRekey) and refuses it
  // on the WebCrypto path; the worker must then open it with the password, which re-keys it.
  const keyrings = [{ type: 'HD Key Tree', data: { mnemonic: Array.from(new TextEncoder().encode(PHRASE)), numberOfAccounts: 2, hdPath: "m/44'/60'/0'/0" } }];
  const salt = generateSalt();
  const legacy = await encryptWithKey(await keyFromPassword(PASSWORD, salt, false, { algorithm: 'PBKDF2', params: { iterations: 10000 } }), keyrings);
  delete legacy.keyMetadata;
  legacy.salt = salt;
  assert.deepEqual(await decrypt(PASSWORD, JSON.stringify(legacy)), keyrings, 'browser-passworder opens its legacy vault');
  const browser = await fresh();
  const page = await openPopup(browser);
  await page.getByTestId('restore-file').click();
  await submitFile(page, JSON.stringify(legacy), PASSWORD);
  await page.getByTestId('account-item').nth(1).waitFor();
  assert.deepEqual((await statusOf(page)).accounts.map((a) => a.address), [derived(PHRASE, 0), derived(PHRASE, 1)]);
  const stored = JSON.parse((await readStorage(page)).local.vault);
  assert.deepEqual(stored.keyMetadata, { algorithm: 'PBKDF2', params: { iterations: 600000 } }, 'stored re-keyed');
  assert.notEqual(stored.salt, salt, 'with a fresh salt');
  const list = await decrypt(PASSWORD, JSON.stringify(stored));
  assert.equal(new TextDecoder().decode(Uint8Array.from(list[0].data.mnemonic)), PHRASE);

  await page.getByTestId('lock').click();
  await page.getByTestId('unlock-password').fill(PASSWORD);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('account-item').nth(1).waitFor();
  assert.equal((await statusOf(page)).state, 'unlocked');
});

test('a plain MetaMask vault restores (keyrings only); with the node down, a phrase restore keeps account 0 and says why', async () => {
  const vault = await encrypt(PASSWORD, [{ type: 'HD Key Tree', data: { mnemonic: Array.from(new TextEncoder().encode(PHRASE)), numberOfAccounts: 2, hdPath: "m/44'/60'/0'/0" } }],
    undefined, undefined, { algorithm: 'PBKDF2', params: { iterations: 600000 } });
  const browser = await fresh();
  const page = await openPopup(browser);
  await page.getByTestId('restore-file').click();
  await submitFile(page, vault, PASSWORD);
  await page.getByTestId('account-item').nth(1).waitFor();
  assert.deepEqual((await statusOf(page)).accounts.map((a) => a.address), [derived(PHRASE, 0), derived(PHRASE, 1)]);

  // The selected network here is the built-in localhost:8545: stop its node.
  chain.stop();
  await page.getByTestId('lock').click();
  await page.getByTestId('forgot-password').click();
  await page.getByTestId('restore-continue').click();
  await typePhrase(page, PHRASE);
  await page.getByTestId('discovery-note').filter({ hasText: msg('import_discovery_note_one', { network: 'Localhost 8545' }) }).waitFor();
  await page.getByTestId('discovery-continue').click();
  await page.getByTestId('account-address').filter({ hasText: derived(PHRASE, 0) }).waitFor();
  assert.equal(await page.getByTestId('account-item').count(), 1);
});
