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

/**
 * The one EIP-1193 error class: what every worker handler throws for a failure the dApp should
 * see (its message says what happened and what to do), and what the in-page provider rejects with.
 */
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

/** Core error codes a dApp can act on, as provider errors. */
const FROM_CORE = {
  LOCKED: [UNAUTHORIZED, 'Keystead is locked. Unlock it and send the request again.'],
  UNKNOWN_ACCOUNT: [UNAUTHORIZED, 'That account is not in this Keystead wallet.'],
  INVALID_TYPED_DATA: [INVALID_PARAMS, 'The typed data is not valid EIP-712'],
  INVALID_TRANSACTION: [INVALID_PARAMS, 'The transaction is not valid'],
};

/** A JSON-safe error object for the bridge; never includes a stack. */
export function serializeError(err) {
  if (err instanceof ProviderError) return err.toJSON();
  const known = typeof err?.code === 'string' ? FROM_CORE[err.code] : undefined;
  if (known) {
    const [code, message] = known;
    // The core's messages are short, lower-case and never hold secrets (src/error.rs).
    return { code, message: code === INVALID_PARAMS ? `${message}: ${err.message}.` : message };
  }
  const out = { code: INTERNAL_ERROR, message: 'Keystead hit an internal error. Try again; if it persists, reload the extension.' };
  if (typeof err?.code === 'string') out.data = { core: err.code, message: String(err.message) };
  return out;
}

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
