// The warnings of an approval window, as facts (`{ kind, … }`); the window words each one with
// what to do (popup/components/approval-warnings.js). Pure. The kinds: `unlimited-approval`,
// `approval-to-eoa`, `far-deadline`, `no-code`, `will-revert` (here), and `blind-hash`,
// `hidden-characters` (read by the window from the text it shows).
import { argOf } from './describe.js';

/** A deadline or expiry further than this from now is "far in the future". */
export const FAR_DAYS = 30;
const FAR_SECONDS = BigInt(FAR_DAYS * 24 * 3600);

/** An amount of a uintN that is at least half its maximum: no real balance comes near it. */
export const isUnlimited = (amount, bits) => BigInt(amount) >= 1n << BigInt(bits - 1);

const isFar = (seconds, now) => BigInt(seconds) > BigInt(Math.floor(now / 1000)) + FAR_SECONDS;

/** An approval warning pair for `spender` granted something: to a plain account (no code). */
function toPlainAccount(spender, codeOf) {
  return codeOf(spender) === false ? [{ kind: 'approval-to-eoa', spender }] : [];
}

/**
 * The warnings of a transaction: `call` (describe.js), `to` (EIP-55 or null), whether it
 * carries calldata, `codeOf(address)` → true | false | null (unknown), `revert` (null, or
 * `{ reason }` when the node predicts a failure) and `now` (ms).
 */
export function transactionWarnings({ call, to, data, codeOf, revert, now }) {
  const out = [];
  if (revert) out.push({ kind: 'will-revert', reason: revert.reason ?? null });
  if (to && data && data !== '0x' && codeOf(to) === false) out.push({ kind: 'no-code', address: to, subject: 'transaction' });
  const value = (name) => argOf(call, name)?.value;
  switch (call.action) {
    case 'token-approve':
    case 'token-increase-allowance':
    case 'permit':
    case 'permit2-approve': {
      const amount = argOf(call, 'amount');
      if (call.action === 'token-approve' && BigInt(amount.value) === 0n) break; // a revoke
      const token = amount.token;
      if (isUnlimited(amount.value, amount.bits)) out.push({ kind: 'unlimited-approval', spender: value('spender'), token, subject: 'allowance' });
      out.push(...toPlainAccount(value('spender'), codeOf));
      const until = value('deadline') ?? value('expiration');
      if (until !== undefined && isFar(until, now)) out.push({ kind: 'far-deadline', until, subject: call.action === 'permit2-approve' ? 'allowance' : 'permit' });
      break;
    }
    case 'nft-approve':
      if (!/^0x0{40}$/.test(value('spender'))) out.push(...toPlainAccount(value('spender'), codeOf));
      break;
    case 'approve-unknown':
      if (BigInt(value('amountOrTokenId')) !== 0n) out.push(...toPlainAccount(value('spender'), codeOf));
      break;
    case 'approve-all':
      if (value('approved')) {
        out.push({ kind: 'unlimited-approval', spender: value('operator'), token: call.token, subject: 'all-nfts' });
        out.push(...toPlainAccount(value('operator'), codeOf));
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * The warnings of typed data: `permit` (typed.js, or null), `contract` (the domain's
 * verifyingContract or null), `codeOf`, `tokenOf(address)` → facts, `now` (ms).
 */
export function typedDataWarnings({ permit, contract, codeOf, tokenOf, now }) {
  const out = [];
  if (contract && codeOf(contract) === false) out.push({ kind: 'no-code', address: contract, subject: 'verifying-contract' });
  if (!permit) return out;
  const unlimited = permit.grants.find((g) => isUnlimited(g.amount, g.bits));
  if (unlimited) out.push({ kind: 'unlimited-approval', spender: permit.spender, token: tokenOf(unlimited.token), subject: permit.kind });
  out.push(...toPlainAccount(permit.spender, codeOf));
  const far = [permit.deadline, ...permit.grants.map((g) => g.expiration).filter((e) => e !== undefined)]
    .filter((t) => isFar(t, now))
    .sort((x, y) => (BigInt(y) > BigInt(x) ? 1 : -1));
  if (far.length) out.push({ kind: 'far-deadline', until: far[0], subject: permit.kind });
  return out;
}
