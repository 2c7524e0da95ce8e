// The calls Keystead reads from a transaction's calldata: token transfers and approvals
// (ERC-20, ERC-721, ERC-1155), EIP-2612 permit, and Permit2's approve and lockdown. Decoding
// is strict (abi.js): calldata that does not fit its function exactly is not read at all, and
// the window then says Keystead cannot read the call. Pure: no node, no core.
import { callData, AbiError } from './abi.js';

const arg = (name, type, read) => ({ name, type, read });
const address = (name) => arg(name, 'address', (r, i) => r.address(i));
const uint = (name, bits = 256) => arg(name, `uint${bits}`, (r, i) => r.uint(i, bits));
const bool = (name) => arg(name, 'bool', (r, i) => r.bool(i));
const bytes32 = (name) => arg(name, 'bytes32', (r, i) => r.bytes32(i));
const bytes = (name) => arg(name, 'bytes', (r, i) => r.bytes(i));
const uints = (name) => arg(name, 'uint256[]', (r, i) => {
  const { length, items } = r.array(i);
  return Array.from({ length }, (_, k) => items.uint(k));
});
const pairs = (name) => arg(name, '(address,address)[]', (r, i) => {
  const { length, items } = r.array(i, 500);
  return Array.from({ length }, (_, k) => ({ token: items.address(2 * k), spender: items.address(2 * k + 1) }));
});

/**
 * Every function read, by selector. `standard` says which contracts have it; `transferFrom` and
 * `approve` have the same selector in ERC-20 and ERC-721, and the contract's answer to
 * supportsInterface tells them apart (describe.js).
 */
export const FUNCTIONS = Object.freeze({
  '0xa9059cbb': { name: 'transfer', standard: 'erc20', args: [address('to'), uint('amount')] },
  '0x23b872dd': { name: 'transferFrom', standard: 'erc20|erc721', args: [address('from'), address('to'), uint('amount')] },
  '0x095ea7b3': { name: 'approve', standard: 'erc20|erc721', args: [address('spender'), uint('amount')] },
  '0x39509351': { name: 'increaseAllowance', standard: 'erc20', args: [address('spender'), uint('amount')] },
  '0xa457c2d7': { name: 'decreaseAllowance', standard: 'erc20', args: [address('spender'), uint('amount')] },
  '0x42842e0e': { name: 'safeTransferFrom', standard: 'erc721', args: [address('from'), address('to'), uint('tokenId')] },
  '0xb88d4fde': { name: 'safeTransferFrom', standard: 'erc721', args: [address('from'), address('to'), uint('tokenId'), bytes('data')] },
  '0xf242432a': { name: 'safeTransferFrom', standard: 'erc1155', args: [address('from'), address('to'), uint('id'), uint('amount'), bytes('data')] },
  '0x2eb2c2d6': { name: 'safeBatchTransferFrom', standard: 'erc1155', args: [address('from'), address('to'), uints('ids'), uints('amounts'), bytes('data')] },
  '0xa22cb465': { name: 'setApprovalForAll', standard: 'erc721|erc1155', args: [address('operator'), bool('approved')] },
  '0xd505accf': {
    name: 'permit',
    standard: 'erc2612',
    args: [address('owner'), address('spender'), uint('amount'), uint('deadline'), uint('v', 8), bytes32('r'), bytes32('s')],
  },
  '0x87517c45': { name: 'approve', standard: 'permit2', args: [address('token'), address('spender'), uint('amount', 160), uint('expiration', 48)] },
  '0xcc53287f': { name: 'lockdown', standard: 'permit2', args: [pairs('approvals')] },
});

/** The function's signature as in its selector, e.g. `transfer(address,uint256)`. */
export const signatureOf = (fn) => `${fn.name}(${fn.args.map((a) => a.type).join(',')})`;

/**
 * Calldata read as one of FUNCTIONS: `{ selector, fn, signature, args: { name: value } }`
 * (addresses lower-case, integers BigInt), or null when it is not one of them or does not
 * decode strictly. Extra bytes after the arguments are allowed (contracts ignore them; the
 * window shows the whole data anyway).
 */
export function decodeCall(data) {
  const call = callData(data);
  if (!call) return null;
  const fn = FUNCTIONS[call.selector];
  if (!fn) return null;
  try {
    const args = {};
    fn.args.forEach((a, i) => { args[a.name] = a.read(call.args, i); });
    return { selector: call.selector, fn, signature: signatureOf(fn), args };
  } catch (e) {
    if (e instanceof AbiError) return null;
    throw e;
  }
}
