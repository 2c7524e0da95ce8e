/**
 * The first check on a dApp request's params, made by the bridge before it forwards them and
 * again by the service worker before anything reads them: they must be plain JSON (no BigInt,
 * no cycle: Chrome's extension messaging could not carry them) and at most MAX_PARAMS_CHARS
 * characters as JSON, so that no page can make the worker chew on megabytes.
 */
import { INVALID_PARAMS, LIMIT_EXCEEDED } from './rpc-errors.js';

/**
 * The largest params Keystead accepts, as JSON text: 1 MiB, well above the largest legitimate
 * request (a contract deployment's init code is at most 48 KiB, 96 K hex characters).
 */
export const MAX_PARAMS_CHARS = 1024 * 1024;

/** An error body `{ code, message }` when the params fail the check; null when they pass. */
export function paramsProblem(method, params) {
  if (params === undefined) return null;
  let json;
  try {
    json = JSON.stringify(params);
  } catch {
    return {
      code: INVALID_PARAMS,
      message: `The params of "${method}" are not plain JSON (a BigInt, a cycle or too deep nesting). `
        + 'Pass JSON values only, e.g. numbers as 0x-prefixed hex strings.',
    };
  }
  if (typeof json === 'string' && json.length > MAX_PARAMS_CHARS) {
    return {
      code: LIMIT_EXCEEDED,
      message: `The params of "${method}" are ${json.length} characters as JSON; Keystead accepts at most `
        + `${MAX_PARAMS_CHARS}. Send less data in one request.`,
    };
  }
  return null;
}
