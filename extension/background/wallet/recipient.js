// The recipient of a Send, checked before anything is signed: each finding is a warning that
// says what happened and what to do, at one of three levels: `block` (Keystead will not send),
// `warn` (send only if you are sure) and `note`.
import * as networks from './networks.js';
import * as core from './core.js';
import * as accounts from './accounts.js';
import * as activity from './activity.js';
import { isAddress } from './hex.js';
import { lookalike } from './lookalike.js';

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
const short = (address) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const ZERO = '0x0000000000000000000000000000000000000000';
/** An EIP-7702 delegation designator: an account whose code points to a contract. */
const DELEGATION = /^0xef0100([0-9a-f]{40})$/i;

const warning = (kind, level, text) => ({ kind, level, text });

/** The EIP-55 form of what the user typed, or the blocking warning that says why it is not an address. */
async function parse(input) {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!isAddress(text)) {
    return {
      problem: warning('not-address', 'block', text === ''
        ? 'Enter the recipient’s address: 0x followed by 40 hexadecimal characters.'
        : 'That is not an address. An Ethereum address is 0x followed by 40 hexadecimal characters (0-9, a-f); Keystead does not read names such as ENS. Paste the recipient’s address itself.'),
    };
  }
  try {
    return { address: await core.toChecksumAddress(text) };
  } catch {
    return {
      problem: warning('bad-checksum', 'block', 'This address has a typo: its mix of capital and small letters does not match its EIP-55 checksum, so at least one character is wrong. Copy the address again from its source rather than typing it.'),
    };
  }
}

/**
 * Addresses a look-alike of which is suspect: the wallet's own accounts (the accounts connected
 * sites see are among them), with their names, then the addresses `from` sent to on `network`
 * (its Activity: wallet/activity.js), where a poisoner's tiny transfer hopes to be copied from.
 */
async function knownAddresses(network, from) {
  const [own, history] = await Promise.all([accounts.list(), activity.knownAddresses(network.chainId, from)]);
  return [...own.map((a) => ({ address: a.address, name: a.name })), ...history.map((address) => ({ address }))];
}

/**
 * `{ address, warnings }` for sending `token` (null for the native currency) from `from` to
 * `input` on `network`: `address` is the EIP-55 recipient, or null when it is not an address.
 */
export async function check({ network, from, token, input }) {
  const { address, problem } = await parse(input);
  if (!address) return { address: null, warnings: [problem] };
  const what = token ? token.symbol : network.symbol;
  const warnings = [];
  if (token && same(address, token.address)) {
    warnings.push(warning('token-contract', 'block', `This is the ${token.symbol} token contract itself. Tokens sent to their own contract are lost for good. Send to the recipient’s own address instead.`));
  }
  if (same(address, ZERO)) {
    warnings.push(warning('zero-address', 'block', `This is the zero address: nobody can spend what is sent there, so the ${what} would be lost. Check the recipient’s address.`));
  }
  if (same(address, from)) {
    warnings.push(warning('self', 'note', `This is the account you are sending from: the ${what} comes back to it, and only the fee is spent.`));
  }
  const [code, known] = await Promise.all([networks.rpc('eth_getCode', [address, 'latest'], network), knownAddresses(network, from)]);
  const delegated = DELEGATION.exec(code ?? '');
  if (delegated) {
    warnings.push(warning('contract', 'warn', `This account has handed its behaviour to a contract (EIP-7702 delegation to ${short(`0x${delegated[1]}`)}). The ${what} arrives, but that contract decides what can be done with it. Send only if you know the recipient set this up.`));
  } else if (code && code !== '0x' && code !== '0x0' && !warnings.some((w) => w.kind === 'token-contract')) {
    warnings.push(warning('contract', 'warn', `This address is a contract, not a person’s account. Send only if you know it accepts ${what} (for example a deposit address an exchange gave you): ${what} sent to a contract that cannot move it is lost.`));
  }
  const like = lookalike(address, known.map((k) => k.address));
  if (like) {
    const name = known.find((k) => same(k.address, like))?.name;
    warnings.push(warning('lookalike', 'warn', `Careful: this address starts and ends like ${name ? `your account “${name}” (${like})` : `${like}, an address from this account’s history`}, but it is a different address. Scammers send small transfers from look-alike addresses so that you copy theirs (address poisoning). Compare every character with the address you mean before sending.`));
  }
  return { address, warnings };
}

/** Whether any of `warnings` stops the send. */
export const blocked = (warnings) => warnings.some((w) => w.level === 'block');
