/**
 * The errors the in-page provider rejects with: an `Error` carrying the EIP-1193 / JSON-RPC
 * `code` (and `data` when the wallet gave some), as dApp libraries such as viem expect.
 */
import { errorBody, ProviderError } from '../shared/rpc-errors.js';

/** An EIP-1193 `ProviderRpcError`: the one class of shared/rpc-errors.js. */
export const ProviderRpcError = ProviderError;

/** Turns the `error` member of a bridge reply into a ProviderRpcError. */
export function fromBridgeError(error) {
  const { code, message, data } = errorBody(error);
  return new ProviderRpcError(code, message, data);
}
