// EIP-1193 / EIP-1474 errors. A ProviderError is what every handler throws for a failure the
// dApp should see; its message says what happened and what to do.

import { INVALID_PARAMS, INTERNAL_ERROR } from '../../shared/rpc-errors.js';

export { INVALID_PARAMS, INTERNAL_ERROR };
export const USER_REJECTED = 4001;
export const UNAUTHORIZED = 4100;
export const UNSUPPORTED_METHOD = 4200;
export const CHAIN_DISCONNECTED = 4901;
export const UNKNOWN_CHAIN = 4902;
export const RESOURCE_UNAVAILABLE = -32002;

export class ProviderError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    if (data !== undefined) this.data = data;
  }

  toJSON() {
    const out = { code: this.code, message: this.message };
    if (this.data !== undefined) out.data = this.data;
    return out;
  }
}

export const rejected = (what = 'The request') =>
  new ProviderError(USER_REJECTED, `${what} was rejected in Keystead.`);

export const invalidParams = (message) => new ProviderError(INVALID_PARAMS, message);

/** A JSON-safe error object for the bridge or the popup; never includes a stack. */
export function serializeError(err) {
  if (err instanceof ProviderError) return err.toJSON();
  const out = { code: INTERNAL_ERROR, message: 'Keystead hit an internal error. Try again; if it persists, reload the extension.' };
  if (typeof err?.code === 'string') out.data = { core: err.code, message: String(err.message) };
  return out;
}
