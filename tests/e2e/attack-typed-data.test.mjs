// Attack: a page on localhost sends eth_signTypedData_v4 requests whose JSON shows more than the
// signature covers (undeclared message or domain fields, a missing EIP712Domain type, absent
// fields, numbers in string fields). Each is refused with -32602 before any approval window opens.
// A domain-only request (primaryType EIP712Domain) opens a window that says only the domain is
// signed; the chain check reads the declared chainId only; and a valid request's window shows
// exactly the declared fields in declared order, as hashed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { recoverTypedDataAddress, getAddress } from 'viem';
import { startScene, answerApproval, msg } from './harness.mjs';

let scene, browser, wallet, page;
const opened = [];

before(async () => {
  scene = await startScene();
  ({ browser, wallet } = scene);
  // The attacker's own page: the demo files served as http://localhost:<port>, talking to
  // window.ethereum directly.
  page = await browser.context.newPage();
  await page.goto(scene.demo.otherOriginUrl);
  await page.waitForFunction(() => window.ethereum);
  const connected = answerApproval(browser, 'approve');
  const accounts = await page.evaluate(() => window.ethereum.request({ method: 'eth_requestAccounts' }));
  await connected;
  assert.deepEqual(accounts.map(getAddress), [wallet.address]);
  browser.context.on('page', (p) => opened.push(p.url()));
});

after(() => scene?.stop());

/** Sends eth_signTypedData_v4 from the page; `{ result }` or `{ code, message }`. */
function sign(typed) {
  return page.evaluate(([account, data]) => window.ethereum.request({ method: 'eth_signTypedData_v4', params: [account, data] })
    .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), [wallet.address, JSON.stringify(typed)]);
}

/**
 * Asserts `typed` is refused with -32602 (reason matching `why`) and no approval window opened.
 * Should a window open instead, it is rejected (so the request ends) and the test fails.
 */
async function refused(typed, why) {
  const before = opened.length;
  const windowOpened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/'), timeout: 0 });
  const answer = await Promise.race([sign(typed), windowOpened.then((w) => ({ window: w }))]);
  if (answer.window) {
    const w = answer.window;
    await w.getByTestId('reject').waitFor();
    const shown = await w.locator('main').textContent();
    await w.getByTestId('reject').click({ noWaitAfter: true }).catch(() => {});
    assert.fail(`an approval window opened instead of a -32602 refusal; it showed: ${shown}`);
  }
  assert.equal(answer.code, -32602, `refused with -32602, got ${JSON.stringify(answer)}`);
  assert.match(answer.message, why);
  assert.deepEqual(opened.slice(before), [], 'no approval window opened');
}

const CONTRACT = '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC';
const DOMAIN_TYPE = [
  { name: 'name', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

/** A valid Permit-like request on anvil's chain 31337. */
const permit = () => ({
  types: {
    EIP712Domain: DOMAIN_TYPE,
    Permit: [
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
    ],
  },
  primaryType: 'Permit',
  domain: { name: 'Token', chainId: 31337, verifyingContract: CONTRACT },
  message: { spender: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '1000000', deadline: 1 },
});

test('an undeclared message field ("amount: 0") is refused before any window opens', async () => {
  const d = permit();
  d.message.amount = 0;
  d.message.note = 'this signature cannot move funds';
  await refused(d, /undeclared field/);
});

test('an undeclared field of a nested struct is refused', async () => {
  const d = permit();
  d.types.Permit.push({ name: 'owner', type: 'Person' });
  d.types.Person = [{ name: 'wallet', type: 'address' }];
  d.message.owner = { wallet: wallet.address, limit: 0 };
  await refused(d, /undeclared field/);
});

test('domain fields missing from EIP712Domain (chainId, contract shown, only name signed) are refused', async () => {
  const d = permit();
  d.types.EIP712Domain = [{ name: 'name', type: 'string' }];
  await refused(d, /undeclared field/);
});

test('a missing types.EIP712Domain is refused', async () => {
  const d = permit();
  delete d.types.EIP712Domain;
  await refused(d, /missing EIP712Domain type/);
});

test('a declared field that is absent is refused (struct and atomic)', async () => {
  const d = permit();
  d.types.Permit.push({ name: 'owner', type: 'Person' });
  d.types.Person = [{ name: 'wallet', type: 'address' }];
  await refused(d, /missing value/);
  const e = permit();
  delete e.domain.name;
  await refused(e, /missing value/);
});

test('a number in a string field (hashed as other bytes than its digits) is refused', async () => {
  const d = permit();
  d.types.Permit.push({ name: 'memo', type: 'string' });
  d.message.memo = 10;
  await refused(d, /number for a string value/);
});

test('chain check: the declared chainId only; a contract domain without one is refused', async () => {
  // A contract domain whose EIP712Domain declares no chainId: valid on every chain. The
  // undeclared domain.chainId 31337 (the active chain) must not make it pass the chain check.
  const unbound = permit();
  unbound.types.EIP712Domain = DOMAIN_TYPE.filter((f) => f.name !== 'chainId');
  await refused(unbound, /undeclared field/);
  // Without the undeclared key: refused for declaring no chainId.
  delete unbound.domain.chainId;
  await refused(unbound, /declares no chainId/);
  // A declared chainId of another chain.
  const other = permit();
  other.domain.chainId = 1;
  await refused(other, /for chain 1, but Keystead is on chain 31337/);
});

test('a domain with no contract and no chainId: the window says any chain', async () => {
  const d = {
    types: { EIP712Domain: [{ name: 'name', type: 'string' }], Vote: [{ name: 'choice', type: 'uint8' }] },
    primaryType: 'Vote',
    domain: { name: 'snapshot' },
    message: { choice: 2 },
  };
  const approval = answerApproval(browser, 'reject', {
    expect: async (w) => assert.equal(await w.getByTestId('approval-chain').textContent(), msg('typed_any_chain')),
  });
  const answer = await sign(d);
  await approval;
  assert.equal(answer.code, 4001);
});

test('primaryType EIP712Domain: the window says it signs only the domain, and shows no message', async () => {
  const d = permit();
  d.primaryType = 'EIP712Domain';
  d.message = { amount: 0, note: 'this signature cannot move funds' };
  const approval = answerApproval(browser, 'approve', {
    expect: async (w) => {
      assert.equal(await w.getByTestId('approval-domain-only').textContent(), msg('typed_domain_only'));
      assert.equal(await w.getByTestId('approval-message').count(), 0);
      const body = await w.locator('body').textContent();
      assert.doesNotMatch(body, /amount|cannot move funds/);
    },
  });
  const answer = await sign(d);
  await approval;
  assert.match(answer.result, /^0x[0-9a-f]{130}$/);
  const signer = await recoverTypedDataAddress({ ...d, signature: answer.result });
  assert.equal(signer, wallet.address);
});

test('a valid request: the window shows exactly the declared fields, in declared order, as hashed', async () => {
  const d = permit();
  d.types.Permit.push({ name: 'owner', type: 'Person' }, { name: 'tags', type: 'bytes2[]' });
  d.types.Person = [{ name: 'name', type: 'string' }, { name: 'wallet', type: 'address' }];
  // JSON key order differs from the declared order; values in forms the core normalises.
  d.message = {
    tags: ['0x01', '0xabcd'],
    owner: { wallet: wallet.address.toLowerCase(), name: 'Cow' },
    deadline: '0x10',
    value: '1000000',
    spender: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
  };
  const rows = (w, testid) => w.getByTestId(testid).locator(':scope > .row').evaluateAll((els) => els.map((el) => [
    el.querySelector(':scope > dt > .name').textContent,
    el.querySelector(':scope > dt > .type').textContent,
    el.querySelector(':scope > dd').textContent,
  ]));
  const approval = answerApproval(browser, 'approve', {
    expect: async (w) => {
      assert.equal(await w.getByTestId('approval-chain').textContent(), '31337');
      assert.equal(await w.getByTestId('approval-primary-type').textContent(), 'Permit');
      assert.deepEqual(await rows(w, 'approval-domain'), [
        ['name', 'string', 'Token'],
        ['chainId', 'uint256', '31337'],
        ['verifyingContract', 'address', CONTRACT],
      ]);
      const message = await rows(w, 'approval-message-fields');
      assert.deepEqual(message.map(([name, type]) => [name, type]), [
        ['spender', 'address'], ['value', 'uint256'], ['deadline', 'uint256'], ['owner', 'Person'], ['tags', 'bytes2[]'],
      ]);
      assert.deepEqual(message.slice(0, 3).map(([, , value]) => value), ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '1000000', '16']);
      const owner = w.getByTestId('approval-message-fields').locator(':scope > .row').nth(3).locator('dd > dl');
      assert.deepEqual(await owner.locator(':scope > .row > dt > .name').allTextContents(), ['name', 'wallet']);
      assert.deepEqual(await owner.locator(':scope > .row > dd').allTextContents(), ['Cow', wallet.address]);
      const tags = w.getByTestId('approval-message-fields').locator(':scope > .row').nth(4).locator('dd li');
      assert.deepEqual(await tags.allTextContents(), ['0x0100', '0xabcd']);
    },
  });
  const answer = await sign(d);
  await approval;
  // viem takes integers as bigints and bytesN at full length.
  const message = { ...d.message, value: 1000000n, deadline: 16n, tags: ['0x0100', '0xabcd'] };
  const signer = await recoverTypedDataAddress({ ...d, message, signature: answer.result });
  assert.equal(signer, wallet.address);
});
