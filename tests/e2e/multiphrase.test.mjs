// A MetaMask vault as MetaMask writes it today (issue 15 part 1), restored from a file made with
// @metamask/browser-passworder: two phrases (each with keyring-controller's `metadata`), two
// imported keys (one `Simple Key Pair` each) and a keyring of a type Keystead does not know.
// Every account is listed with its source (`data-source` on `account-item`) and its phrase's
// label, signs a personal_sign for a connected site (viem verifies it), and the vault the
// extension stores decrypts to the same keyring list.
// Then through the popup, in a wallet of its own: another phrase imported (a wrong password and
// a phrase the wallet holds change nothing), an account added on phrase 2, phrase 2 revealed
// and verified without reveal, the backup health per phrase; and a vault with a keyring
// Keystead cannot read says what it kept aside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decrypt, encrypt } from '@metamask/browser-passworder';
import { privateKeyToAccount, mnemonicToAccount } from 'viem/accounts';
import { verifyMessage } from 'viem';
import { PASSWORD, startAnvil, startDemo, launch, openPage, openPopup, readStorage, submitFile, browserPool, createWallet, holdToReveal, msg } from './harness.mjs';

const PHRASE_1 = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const PHRASE_2 = 'letter advice cage absurd amount doctor acoustic avoid letter advice cage above';
const KEYS = [
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a', // anvil's account #2
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6', // anvil's account #3
];
const HD_PATH = "m/44'/60'/0'/0";
const bytesOf = (phrase) => Array.from(new TextEncoder().encode(phrase));
const derived = (phrase, i) => mnemonicToAccount(phrase, { addressIndex: i }).address;

const KEYRINGS = [
  { type: 'HD Key Tree', data: { mnemonic: bytesOf(PHRASE_1), numberOfAccounts: 2, hdPath: HD_PATH }, metadata: { id: '01JNDDBYN8F1350H5GJWYPDYYM', name: '' } },
  { type: 'Simple Key Pair', data: [KEYS[0].slice(2)], metadata: { id: '01JNDDC4GZNY0AG25TW3E4ZEDP', name: '' } },
  { type: 'HD Key Tree', data: { mnemonic: bytesOf(PHRASE_2), numberOfAccounts: 1, hdPath: HD_PATH }, metadata: { id: '01JPM6NFVGW8V8KKN34053JVFT', name: 'Savings' } },
  { type: 'Snap Keyring', data: { snaps: {} }, metadata: { id: '01JPM6NFVGW8V8KKN34053JVFZ', name: '' } },
  { type: 'Simple Key Pair', data: [KEYS[1].slice(2)], metadata: { id: '01JPM6NFVGW8V8KKN34053JVG0', name: '' } },
];

let chain;
let demo;
let browser;
const pool = browserPool();
before(async () => {
  chain = await startAnvil();
  demo = await startDemo();
});
after(async () => {
  await browser?.close();
  await pool.closeAll();
  chain?.stop();
  demo?.stop();
});

/** The stored vault's keyring list, decrypted. */
async function storedKeyrings(page) {
  const stored = (await readStorage(page)).local.vault;
  return decrypt(PASSWORD, typeof stored === 'string' ? stored : JSON.stringify(stored));
}

/** Each account-item's [address, data-source, phrase label (account-source, or null)]. */
function listed(page) {
  return page.getByTestId('account-item').evaluateAll((els) => els.map((el) => [
    el.title, el.dataset.source, el.querySelector('[data-testid="account-source"]')?.textContent ?? null]));
}

/** Opens Settings from home and clicks `testid` there. */
async function openSetting(page, testid) {
  await page.getByTestId('settings').click();
  await page.getByTestId(testid).click();
}

/** On the import-another-phrase screen: types `phrase` word by word and `password`, and submits. */
async function submitPhrase(page, phrase, password) {
  for (const [i, word] of phrase.split(' ').entries()) await page.getByTestId(`srp-import-word-${i + 1}`).fill(word);
  await page.getByTestId('import-phrase-password').fill(password);
  await page.getByTestId('import-phrase-submit').click();
}

test('every account of both phrases and both keys is listed with its source; the stored vault decrypts to the same keyring list', async () => {
  const vault = await encrypt(PASSWORD, KEYRINGS, undefined, undefined, { algorithm: 'PBKDF2', params: { iterations: 600000 } });
  browser = await launch();
  const page = await openPopup(browser);
  await page.getByTestId('restore-file').click();
  await submitFile(page, vault, PASSWORD);
  const items = page.getByTestId('account-item');
  await items.nth(4).waitFor();
  const want = [
    [derived(PHRASE_1, 0), 'phrase-1'],
    [derived(PHRASE_1, 1), 'phrase-1'],
    [derived(PHRASE_2, 0), 'phrase-2'],
    [privateKeyToAccount(KEYS[0]).address, 'imported'],
    [privateKeyToAccount(KEYS[1]).address, 'imported'],
  ];
  const got = await items.evaluateAll((els) => els.map((el) => [el.title, el.dataset.source]));
  assert.deepEqual(got, want);
  const stored = (await readStorage(page)).local.vault;
  assert.deepEqual(await decrypt(PASSWORD, typeof stored === 'string' ? stored : JSON.stringify(stored)), KEYRINGS);
});

test('a site connected to every account gets a personal_sign from each that viem verifies', async () => {
  const dapp = await openPage(browser, demo.url);
  const request = (method, params) => dapp.evaluate(
    ({ method, params }) => window.ethereum.request({ method, params }).then((result) => ({ result }), (e) => ({ code: e.code })),
    { method, params });
  const nextWindow = () => browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/') });
  const approve = async (page) => {
    const closed = page.waitForEvent('close');
    await page.getByTestId('approve').click({ noWaitAfter: true }).catch(() => {});
    await closed;
  };
  const opened = nextWindow();
  const connected = request('eth_requestAccounts', []);
  const picker = await opened;
  const boxes = picker.getByTestId('connect-account');
  await boxes.nth(4).waitFor();
  for (let i = 0; i < 5; i++) await boxes.nth(i).setChecked(true);
  await approve(picker);
  const { result: accounts } = await connected;
  assert.equal(accounts.length, 5);
  for (const account of accounts) {
    const message = `signed by ${account}`;
    const hex = `0x${Buffer.from(message).toString('hex')}`;
    const windowOpened = nextWindow();
    const signed = request('personal_sign', [hex, account]);
    await approve(await windowOpened);
    const { result: signature } = await signed;
    assert.ok(await verifyMessage({ address: account, message, signature }), account);
  }
});

test('accounts are labelled by phrase (the keyring\'s name when it has one) and the health panel gives each phrase its row', async () => {
  const page = await openPopup(browser);
  await page.getByTestId('account-item').nth(4).waitFor();
  assert.deepEqual((await listed(page)).map(([, source, label]) => [source, label]), [
    ['phrase-1', msg('multiphrase_phrase_n', { n: 1 })],
    ['phrase-1', msg('multiphrase_phrase_n', { n: 1 })],
    ['phrase-2', 'Savings'],
    ['imported', msg('multiphrase_imported')],
    ['imported', msg('multiphrase_imported')],
  ]);
  await page.getByTestId('settings').click();
  const rows = page.getByTestId('backup-health-phrase');
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  const second = page.locator('[data-testid="backup-health-phrase"][data-phrase="2"]');
  assert.equal(await second.getAttribute('data-verified'), 'false');
  assert.ok((await second.textContent()).includes(msg('multiphrase_health_not_verified')), await second.textContent());
  assert.ok((await second.textContent()).startsWith('Savings: '));
  assert.equal(await page.getByTestId('backup-health-key').count(), 2, 'each imported key keeps its own row');
});

test('another phrase imported through the popup: accounts per phrase, reveal and verify phrase 2, health per phrase; a wrong password or a phrase already held changes nothing', async () => {
  const fresh = await pool.fresh();
  const { popup: page, address: first, words } = await createWallet(fresh);
  const local = async () => (await readStorage(page)).local;

  // A wrong password: nothing changes, and it says so.
  await openSetting(page, 'import-another-phrase');
  const before = await local();
  await submitPhrase(page, PHRASE_2, 'not the password');
  await page.getByTestId('error').filter({ hasText: msg('multiphrase_error_password') }).waitFor();
  assert.deepEqual(await local(), before, 'a wrong password changes nothing');
  assert.equal(await page.getByTestId('srp-import-word-1').inputValue(), '', 'the typed words are dropped after a try');

  // The right one: phrase 2's first account joins the list, selected, labelled.
  await submitPhrase(page, PHRASE_2, PASSWORD);
  await page.getByTestId('account-item').nth(1).waitFor();
  assert.deepEqual(await listed(page), [
    [first, 'phrase-1', msg('multiphrase_phrase_n', { n: 1 })],
    [derived(PHRASE_2, 0), 'phrase-2', msg('multiphrase_phrase_n', { n: 2 })],
  ]);
  assert.equal(await page.locator('[data-testid="account-item"].selected').getAttribute('title'), derived(PHRASE_2, 0), 'its first account is selected');

  // Add account asks which phrase.
  await page.getByTestId('add-account').click();
  await page.getByTestId('choose-phrase-2').click();
  await page.getByTestId('account-item').nth(2).waitFor();
  assert.deepEqual((await listed(page)).map(([address, source]) => [address, source]), [
    [first, 'phrase-1'], [derived(PHRASE_2, 0), 'phrase-2'], [derived(PHRASE_2, 1), 'phrase-2']]);
  const keyrings = await storedKeyrings(page);
  assert.deepEqual(keyrings.map((k) => k.type), ['HD Key Tree', 'HD Key Tree']);
  assert.equal(new TextDecoder().decode(Uint8Array.from(keyrings[1].data.mnemonic)), PHRASE_2);
  assert.equal(keyrings[1].data.numberOfAccounts, 2);
  assert.match(keyrings[1].metadata.id, /\S/);

  // A phrase the wallet holds (phrase 2, or its own phrase 1): the error, and nothing changed.
  const held = await local();
  assert.ok(held.backup.phrases['2'].importedAt);
  assert.equal(held.backup.phrases['2'].verifiedAt, undefined, 'an imported phrase is not yet verified in Keystead');
  for (const phrase of [PHRASE_2, words.join(' ')]) {
    await openSetting(page, 'import-another-phrase');
    await submitPhrase(page, phrase, PASSWORD);
    await page.getByTestId('error').filter({ hasText: msg('multiphrase_error_duplicate') }).waitFor();
    assert.deepEqual(await local(), held, 'a duplicate phrase changes nothing');
    await page.getByTestId('import-phrase-back').click();
  }

  // The health panel: a row per phrase, each with its accounts; phrase 2 not yet verified.
  await page.getByTestId('settings').click();
  const row = (n) => page.locator(`[data-testid="backup-health-phrase"][data-phrase="${n}"]`);
  await row(2).waitFor();
  assert.equal(await row(1).getAttribute('data-verified'), 'false');
  assert.equal(await row(2).getAttribute('data-verified'), 'false');
  assert.ok((await row(2).textContent()).includes(msg('multiphrase_health_not_verified')));
  const covers = (n) => row(n).getByTestId('backup-health-covers').textContent();
  const second = (number) => msg('account_default_name_phrase', { phrase: 2, number });
  assert.ok((await covers(2)).includes(`${second(1)}, ${second(2)}`), await covers(2));
  assert.ok(!(await covers(1)).includes(second(1)), await covers(1));

  // Reveal phrase 2: which phrase, then the quiz, the password and the hold.
  await page.getByTestId('reveal-srp').click();
  await page.getByTestId('choose-phrase-2').click();
  await page.getByTestId('srp-quiz-answer-correct').click();
  await page.getByTestId('srp-quiz-answer-correct').click();
  await page.getByTestId('gate-password').fill(PASSWORD);
  await page.getByTestId('gate-submit').click();
  await holdToReveal(page);
  await page.getByTestId('srp-word-12').waitFor();
  const shown = await page.getByTestId('srp-words').locator('li').allTextContents();
  assert.deepEqual(shown, PHRASE_2.split(' '));
  await page.getByTestId('reveal-srp-back').click();
  await page.getByTestId('account-address').waitFor();

  // Verify phrase 2 without reveal: phrase 1's words do not match it; its own do, and are recorded.
  await openSetting(page, 'verify-backup');
  await page.getByTestId('choose-phrase-2').click();
  const verify = async (phrase) => {
    for (const [i, word] of phrase.split(' ').entries()) await page.getByTestId(`srp-verify-word-${i + 1}`).fill(word);
    await page.getByTestId('verify-backup-submit').click();
    const result = page.getByTestId('verify-backup-result');
    await result.waitFor();
    return (await result.getAttribute('class')) === 'ok'; // the submit hides the last result before it asks
  };
  assert.equal(await verify(words.join(' ')), false, 'phrase 1 is not phrase 2');
  assert.equal((await local()).backup.phrases['2'].verifiedAt, undefined);
  assert.equal(await verify(PHRASE_2), true);
  const after = (await local()).backup;
  assert.ok(after.phrases['2'].verifiedAt);
  assert.equal(after.phraseVerifiedAt, undefined, 'verifying phrase 2 says nothing about phrase 1');
  await page.getByTestId('verify-backup-back').click();
  await row(2).waitFor();
  assert.equal(await row(2).getAttribute('data-verified'), 'true');
  assert.equal(await row(1).getAttribute('data-verified'), 'false', 'each phrase counts its own verification');
});

test('a vault with a keyring Keystead cannot read opens with the rest and says what it kept aside, unchanged', async () => {
  const rabby = { type: 'HD Key Tree', data: { mnemonic: 'duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard', isSlip39: true, numberOfAccounts: 1, hdPath: HD_PATH }, metadata: { id: '01JPM6NFVGW8V8KKN34053JVG1', name: '' } };
  const keyrings = [rabby, KEYRINGS[0]];
  const vault = await encrypt(PASSWORD, keyrings, undefined, undefined, { algorithm: 'PBKDF2', params: { iterations: 600000 } });
  const fresh = await pool.fresh();
  const page = await openPopup(fresh);
  await page.getByTestId('restore-file').click();
  await submitFile(page, vault, PASSWORD);
  const note = page.getByTestId('kept-aside');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-count'), '1');
  const item = note.getByTestId('kept-aside-item');
  assert.deepEqual([await item.getAttribute('data-position'), await item.getAttribute('data-reason')], ['0', 'SLIP39_PHRASE']);
  assert.ok((await note.textContent()).includes(msg('multiphrase_kept_unchanged')));
  assert.deepEqual((await listed(page)).map(([address, source]) => [address, source]), [[derived(PHRASE_1, 0), 'phrase-1'], [derived(PHRASE_1, 1), 'phrase-1']]);
  await page.getByTestId('settings').click();
  await page.getByTestId('backup-health-kept-aside').waitFor();
  assert.deepEqual(await storedKeyrings(page), keyrings, 'the kept keyring is written back unchanged');
});
