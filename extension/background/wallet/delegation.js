// EIP-7702 delegations: an account whose code is exactly 0xef0100 ‖ address runs that address's
// code for every call to it. Reads whether an account is delegated and to whom, and builds the
// transaction that clears a delegation (a type-4 transaction from the account to itself carrying
// its own authorization to the zero address), signed in the core.
import * as core from './core.js';
import * as networks from './networks.js';

/** The EIP-7702 delegation designator that prefixes a delegated account's code. */
const DESIGNATOR = '0xef0100';
const ZERO = '0x0000000000000000000000000000000000000000';
const hex = (n) => `0x${BigInt(n).toString(16)}`;
/**
 * The gas a clear takes: a plain transaction (21,000) plus EIP-7702's PER_EMPTY_ACCOUNT_COST
 * (25,000) for its one authorization; the call to the account itself runs no code once cleared.
 */
export const CLEAR_GAS = 21_000n + 25_000n;

/** The delegate's EIP-55 address when `code` (an account's `eth_getCode`) is a delegation, else null. */
export async function delegateIn(code) {
  if (typeof code !== 'string' || code.length !== DESIGNATOR.length + 40) return null;
  if (code.slice(0, DESIGNATOR.length).toLowerCase() !== DESIGNATOR) return null;
  return core.toChecksumAddress(`0x${code.slice(DESIGNATOR.length)}`);
}

/** The call that reads an account's code, for a batch (networks.batch). */
export const codeCall = (address) => ['eth_getCode', [address, 'latest']];

/** The delegate of `address` on `network` now (EIP-55), or null when it is not delegated. */
export async function read(network, address) {
  return delegateIn(await networks.rpc(...codeCall(address), network));
}

/**
 * The type-4 transaction that clears `account`'s delegation on `network`, with the nonce
 * `nonce` (the account's next) and the fees of `fees` (`{ maxFeePerGas, maxPriorityFeePerGas }`,
 * e.g. a level of fees.options): to the account itself, no value, no data, CLEAR_GAS, and the
 * account's own authorization to the zero address, signed in the core for nonce + 1 (the
 * sender's nonce has gone up by the time authorizations apply). The caller signs the
 * transaction with signTransaction and broadcasts it (the core's type-4 request).
 */
export async function clearTransaction(network, account, nonce, fees) {
  const authorization = (await core.unlocked()).signAuthorization(account, {
    chainId: network.chainId, address: ZERO, nonce: hex(BigInt(nonce) + 1n),
  });
  return {
    type: '0x4',
    chainId: network.chainId,
    nonce: hex(nonce),
    to: account,
    value: '0x0',
    data: '0x',
    gas: hex(CLEAR_GAS),
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    accessList: [],
    authorizationList: [authorization],
  };
}
