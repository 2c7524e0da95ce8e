/**
 * The errors the in-page provider rejects with: an `Error` carrying the EIP-1193 / JSON-RPC
 * `code` (and `data` when the wallet gave some), as dApp libraries such as viem expect.
 */
import { errorBody } from '../shared/rpc-errors.js';

/** An EIP-1193 `ProviderRpcError`. */
export class ProviderRpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

/** Turns the `error` member of a bridge reply into a ProviderRpcError. */
export function fromBridgeError(error) {
  const { code, message, data } = errorBody(error);
  return new ProviderRpcError(code, message, data);
}
