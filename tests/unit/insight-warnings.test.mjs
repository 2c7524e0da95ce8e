// Which warnings an approval window gets, and for what (extension/background/wallet/insight/
// describe.js and warnings.js): each kind where it should be and nowhere else, over the calls
// the window reads, with the node's facts given by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCall } from '../../extension/background/wallet/insight/decode.js';
import { describeCall } from '../../extension/background/wallet/insight/describe.js';
import { transactionWarnings, typedDataWarnings, FAR_DAYS } from '../../extension/background/wallet/insight/warnings.js';

const NOW = Date.UTC(2026, 11, 1);
const SECONDS = BigInt(NOW / 1000);
const word = (n) => BigInt(n).toString(16).padStart(64, '0');
const addr = (a) => `${'0'.repeat(24)}${a.slice(2).toLowerCase()}`;
const MAX = (1n << 256n) - 1n;

const TOKEN = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const NFT = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
const CONTRACT = '0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0'; // a spender with code
const PERSON = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8'; // a plain account
const PERMIT2 = '0x000000000022d473030f116ddee9f6b43ac78ba3';

const FACTS = {
  [TOKEN]: { standard: 'erc20', symbol: 'KST', name: 'Test', decimals: 18, code: true },
  [NFT]: { standard: 'erc721', symbol: 'KNFT', name: 'NFTs', decimals: null, code: true },
  [CONTRACT]: { standard: null, symbol: null, name: null, decimals: null, code: true },
  [PERMIT2]: { standard: null, symbol: null, name: null, decimals: null, code: true },
};
const lookup = {
  cs: (a) => a.toLowerCase(),
  token: (a) => ({ address: a.toLowerCase(), hidden: false, ...(FACTS[a.toLowerCase()] ?? { standard: null, symbol: null, name: null, decimals: null, code: false }) }),
  code: (a) => FACTS[a.toLowerCase()]?.code ?? false,
};

/** The warning kinds of calldata `data` sent to `to` (and the call's action). */
function kinds(to, data, revert = null) {
  const call = describeCall(decodeCall(data), { to, data }, lookup);
  const warnings = transactionWarnings({ call, to, data, codeOf: lookup.code, revert, now: NOW });
  return { action: call.action, kinds: warnings.map((w) => w.kind).sort() };
}

const approve = (spender, amount) => `0x095ea7b3${addr(spender)}${word(amount)}`;
const transfer = (to, amount) => `0xa9059cbb${addr(to)}${word(amount)}`;
const approveAll = (operator, on) => `0xa22cb465${addr(operator)}${word(on ? 1 : 0)}`;
const permit = (spender, amount, deadline) => `0xd505accf${addr(PERSON)}${addr(spender)}${word(amount)}${word(deadline)}${word(27)}${'11'.repeat(32)}${'22'.repeat(32)}`;
const permit2 = (spender, amount, expiration) => `0x87517c45${addr(TOKEN)}${addr(spender)}${word(amount)}${word(expiration)}`;
const soon = SECONDS + 3600n;
const far = SECONDS + BigInt((FAR_DAYS + 1) * 86400);

test('transactions: each warning where it should be, and nowhere else', () => {
  const cases = [
    [TOKEN, transfer(PERSON, 5n), 'token-transfer', []],
    [TOKEN, approve(CONTRACT, 5n), 'token-approve', []],
    [TOKEN, approve(CONTRACT, MAX), 'token-approve', ['unlimited-approval']],
    [TOKEN, approve(CONTRACT, 1n << 255n), 'token-approve', ['unlimited-approval']],
    [TOKEN, approve(PERSON, 5n), 'token-approve', ['approval-to-eoa']],
    [TOKEN, approve(PERSON, MAX), 'token-approve', ['approval-to-eoa', 'unlimited-approval']],
    [TOKEN, approve(PERSON, 0n), 'token-approve', []], // a revoke
    [TOKEN, `0x39509351${addr(CONTRACT)}${word(MAX)}`, 'token-increase-allowance', ['unlimited-approval']],
    [TOKEN, `0xa457c2d7${addr(PERSON)}${word(MAX)}`, 'token-decrease-allowance', []],
    [NFT, approve(PERSON, 7n), 'nft-approve', ['approval-to-eoa']],
    [NFT, approve(CONTRACT, 7n), 'nft-approve', []],
    [NFT, approve('0x0000000000000000000000000000000000000000', 7n), 'nft-approve', []],
    [NFT, `0x23b872dd${addr(PERSON)}${addr(CONTRACT)}${word(7)}`, 'nft-transfer', []],
    [TOKEN, `0x23b872dd${addr(PERSON)}${addr(CONTRACT)}${word(7)}`, 'token-transfer-from', []],
    [NFT, approveAll(CONTRACT, true), 'approve-all', ['unlimited-approval']],
    [NFT, approveAll(PERSON, true), 'approve-all', ['approval-to-eoa', 'unlimited-approval']],
    [NFT, approveAll(PERSON, false), 'approve-all', []],
    [TOKEN, permit(CONTRACT, 5n, soon), 'permit', []],
    [TOKEN, permit(CONTRACT, 5n, far), 'permit', ['far-deadline']],
    [TOKEN, permit(PERSON, MAX, MAX), 'permit', ['approval-to-eoa', 'far-deadline', 'unlimited-approval']],
    [PERMIT2, permit2(CONTRACT, (1n << 160n) - 1n, soon), 'permit2-approve', ['unlimited-approval']],
    [PERMIT2, permit2(CONTRACT, 5n, far), 'permit2-approve', ['far-deadline']],
    [PERMIT2, permit2(CONTRACT, 5n, 0n), 'permit2-approve', []],
    [PERMIT2, `0xcc53287f${word(32)}${word(1)}${addr(TOKEN)}${addr(PERSON)}`, 'permit2-lockdown', []],
    [CONTRACT, '0xdeadbeef', 'unknown', []],
    [PERSON, '0xdeadbeef', 'unknown', ['no-code']],
    [PERSON, transfer(CONTRACT, 5n), 'token-transfer', ['no-code']],
    [PERSON, '0x', 'send-eth', []],
  ];
  for (const [to, data, action, expected] of cases) {
    assert.deepEqual(kinds(to, data), { action, kinds: expected }, `${action} ${data.slice(0, 10)} to ${to}`);
  }
  assert.deepEqual(kinds(CONTRACT, '0xdeadbeef', { reason: 'no' }).kinds, ['will-revert']);
});

test('an approval on a contract that says neither ERC-20 nor ERC-721 is read as unknown', () => {
  const { action } = kinds(CONTRACT, approve(PERSON, 5n));
  assert.equal(action, 'approve-unknown');
  assert.deepEqual(kinds(CONTRACT, approve(PERSON, 5n)).kinds, ['approval-to-eoa']);
});

test('typed data: unlimited, to a plain account, far deadlines, a verifying contract without code', () => {
  const grant = (amount, bits, expiration) => ({ token: TOKEN, amount: String(amount), bits, ...(expiration !== undefined ? { expiration: String(expiration) } : {}) });
  const run = (permit, contract = PERMIT2) => typedDataWarnings({ permit, contract, codeOf: lookup.code, tokenOf: lookup.token, now: NOW }).map((w) => w.kind).sort();
  assert.deepEqual(run({ kind: 'permit', spender: CONTRACT, deadline: String(soon), grants: [grant(5n, 256)] }, TOKEN), []);
  assert.deepEqual(run({ kind: 'permit', spender: PERSON, deadline: String(far), grants: [grant(MAX, 256)] }, TOKEN), ['approval-to-eoa', 'far-deadline', 'unlimited-approval']);
  assert.deepEqual(run({ kind: 'permit2-allowance', spender: CONTRACT, deadline: String(soon), grants: [grant(5n, 160, soon), grant(5n, 160, far)] }), ['far-deadline']);
  assert.deepEqual(run({ kind: 'permit2-allowance', spender: CONTRACT, deadline: String(soon), grants: [grant((1n << 160n) - 1n, 160, 0n)] }), ['unlimited-approval']);
  assert.deepEqual(run({ kind: 'permit2-transfer', spender: CONTRACT, deadline: String(soon), grants: [grant(5n, 256)] }, PERSON), ['no-code']);
  assert.deepEqual(run(null, PERSON), ['no-code']);
  assert.deepEqual(run(null, CONTRACT), []);
  assert.deepEqual(run(null, null), []);
});
