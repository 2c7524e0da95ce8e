// A MetaMask vault as MetaMask writes it today (issue 15 part 1), restored from a file made with
// @metamask/browser-passworder: two phrases (each with keyring-controller's `metadata`), two
// imported keys (one `Simple Key Pair` each) and a keyring of a type Keystead does not know.
// Every account is listed with its source (`data-source` on `account-item`) and signs a
// personal_sign for a connected site (viem verifies it), and the vault the
// extension stores decrypts to the same keyring list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decrypt, encrypt } from '@metamask/browser-passworder';
import { privateKeyToAccount, mnemonicToAccount } from 'viem/accounts';
import { verifyMessage } from 'viem';
import { PASSWORD, startAnvil, startDemo, launch, openPage, openPopup, readStorage, submitFile } from './harness.mjs';

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
before(async () => {
  chain = await startAnvil();
  demo = await startDemo();
});
after(async () => {
  await browser?.close();
  chain?.stop();
  demo?.stop();
});

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
