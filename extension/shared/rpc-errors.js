/**
 * EIP-1193 / JSON-RPC error codes and the error bodies `{ code, message, data? }` that travel
 * between the service worker, the bridge and the in-page provider (docs/protocol.md).
 */

export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
export const DISCONNECTED = 4900;
export const UNAUTHORIZED = 4100;
/** EIP-1474 "limit exceeded": too many requests from one site, or params too large. */
export const LIMIT_EXCEEDED = -32005;

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
