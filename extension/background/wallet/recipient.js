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

/** A warning about the recipient: its kind, how strongly it counts, and the catalog message the popup shows. */
const warning = (kind, level, key, params = {}) => ({ kind, level, key, params });

/** The EIP-55 form of what the user typed, or the blocking warning that says why it is not an address. */
async function parse(input) {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!isAddress(text)) {
    return {
      problem: warning('not-address', 'block', text === '' ? 'send_recipient_empty' : 'send_recipient_not_address'),
    };
  }
  try {
    return { address: await core.toChecksumAddress(text) };
  } catch {
    return {
      problem: warning('bad-checksum', 'block', 'send_recipient_bad_checksum'),
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
    warnings.push(warning('token-contract', 'block', 'send_recipient_token_contract', { symbol: token.symbol }));
  }
  if (same(address, ZERO)) {
    warnings.push(warning('zero-address', 'block', 'send_recipient_zero', { what }));
  }
  if (same(address, from)) {
    warnings.push(warning('self', 'note', 'send_recipient_self', { what }));
  }
  const [code, known] = await Promise.all([networks.rpc('eth_getCode', [address, 'latest'], network), knownAddresses(network, from)]);
  const delegated = DELEGATION.exec(code ?? '');
  if (delegated) {
    warnings.push(warning('contract', 'warn', 'send_recipient_delegated', { what, delegate: short(`0x${delegated[1]}`) }));
  } else if (code && code !== '0x' && code !== '0x0' && !warnings.some((w) => w.kind === 'token-contract')) {
    warnings.push(warning('contract', 'warn', 'send_recipient_contract', { what }));
  }
  const like = lookalike(address, known.map((k) => k.address));
  if (like) {
    const name = known.find((k) => same(k.address, like))?.name;
    warnings.push(name
      ? warning('lookalike', 'warn', 'send_recipient_lookalike_own', { name, like })
      : warning('lookalike', 'warn', 'send_recipient_lookalike_history', { like }));
  }
  return { address, warnings };
}

/** Whether any of `warnings` stops the send. */
export const blocked = (warnings) => warnings.some((w) => w.level === 'block');
