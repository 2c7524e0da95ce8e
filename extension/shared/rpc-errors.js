/**
 * EIP-1193 / JSON-RPC error codes and the error bodies `{ code, message, data? }` that travel
 * between the service worker, the bridge and the in-page provider (docs/protocol.md).
 */

export const USER_REJECTED = 4001;
export const UNAUTHORIZED = 4100;
export const UNSUPPORTED_METHOD = 4200;
export const DISCONNECTED = 4900;
export const CHAIN_DISCONNECTED = 4901;
export const UNKNOWN_CHAIN = 4902;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
export const RESOURCE_UNAVAILABLE = -32002;
/** EIP-1474 "limit exceeded": too many requests from one site, or params too large. */
export const LIMIT_EXCEEDED = -32005;
/** EIP-5792 (wallet_sendCalls and its methods). */
export const UNSUPPORTED_CAPABILITY = 5700;
export const UNSUPPORTED_CHAIN_ID = 5710;
export const DUPLICATE_BATCH_ID = 5720;
export const UNKNOWN_BATCH_ID = 5730;
export const BATCH_TOO_LARGE = 5740;
export const ATOMICITY_UNSUPPORTED = 5760;

/**
 * The one EIP-1193 error class (a `ProviderRpcError` by name, as dApp libraries such as viem
 * expect): what every worker handler throws for a failure the dApp should see (its message says
 * what happened and what to do), and what the in-page provider rejects with.
 */
export class ProviderError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = 'ProviderRpcError';
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

/** The message for params that are neither absent, an array nor an object. */
export function badParamsMessage(method) {
  return `The params of "${method}" must be an array or an object when given.`;
}

/**
 * A clean copy of an error body holding only the protocol's fields. A malformed body (only a
 * broken or forged message can carry one) becomes an internal error that says so.
 */
export function errorBody(error) {
  const ok = typeof error === 'object' && error !== null
    && Number.isInteger(error.code) && typeof error.message === 'string';
  if (!ok) {
    return {
      code: INTERNAL_ERROR,
      message: 'Keystead answered with a malformed error. Try again; if it persists, reload the page.',
    };
  }
  const body = { code: error.code, message: error.message };
  if (error.data !== undefined) body.data = error.data;
  return body;
}
