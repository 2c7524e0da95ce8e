// Parameter checks shared by the RPC handlers. Each returns the normalized value or throws a
// -32602 ProviderError that says which parameter is wrong.
import { invalidParams } from '../../shared/rpc-errors.js';
import { isAddress, isHexData } from '../wallet/hex.js';

const QUANTITY = /^0x(0|[1-9a-fA-F][0-9a-fA-F]{0,63})$/;

export function paramsArray(params, min, max, usage) {
  if (!Array.isArray(params) || params.length < min || params.length > max) throw invalidParams(`Expected params ${usage}.`);
  return params;
}

export function address(value, what) {
  if (!isAddress(value)) throw invalidParams(`${what} must be a 0x-prefixed 20-byte hex address.`);
  return value.toLowerCase();
}

export function quantity(value, what) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !QUANTITY.test(value)) throw invalidParams(`${what} must be a 0x-prefixed hex quantity without leading zeros.`);
  return value.toLowerCase();
}

export function data(value, what) {
  if (value === undefined || value === null) return undefined;
  if (!isHexData(value)) throw invalidParams(`${what} must be 0x-prefixed hex bytes.`);
  return value.toLowerCase();
}


/** Finds `address` (any case) among checksummed addresses; the checksummed one or null. */
export function among(addresses, address) {
  return addresses.find((a) => a.toLowerCase() === address) ?? null;
}
