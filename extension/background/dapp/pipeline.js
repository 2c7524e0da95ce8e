// One dApp request: look up the method in the table → check that the origin is connected (for
// a method that acts for an account) → validate → check it may use that very account → ask the
// user → run the handler. An unconnected origin gets its 4100 before its params are read.
// The origin comes from the browser's MessageSender, never from the request.
import { METHODS } from './methods.js';
import { ProviderError, UNAUTHORIZED, UNSUPPORTED_METHOD } from '../../shared/rpc-errors.js';
import * as permissions from '../wallet/permissions.js';
import * as approvals from '../platform/approvals.js';
import { among } from './validate.js';
import { refusal } from './refused.js';

/** `source`: `{ tabId, documentId }` of the document that sent the request (from the MessageSender). */
export async function handle(origin, request, source = {}) {
  const { method } = request;
  const refused = refusal(method);
  if (refused) throw refused;
  if (typeof method !== 'string' || !Object.hasOwn(METHODS, method)) {
    throw new ProviderError(UNSUPPORTED_METHOD, `Keystead does not support the method "${String(method).slice(0, 64)}".`);
  }
  const spec = METHODS[method];
  const permitted = spec.account ? await permissions.permittedAccounts(origin) : [];
  if (spec.account && permitted.length === 0) throw new ProviderError(UNAUTHORIZED, `${origin} is not connected to Keystead. Call eth_requestAccounts first.`);
  const params = await spec.validate(request.params);
  const ctx = { origin, account: null, source: { origin, tabId: source.tabId, documentId: source.documentId } };
  if (spec.account) {
    const wanted = spec.account(params) ?? permitted[0].toLowerCase();
    ctx.account = among(permitted, wanted);
    if (!ctx.account) throw new ProviderError(UNAUTHORIZED, `${origin} may not use account ${wanted}. Connect that account first.`);
  }
  let answer = null;
  if (spec.approval) {
    const { type, details } = await spec.approval(ctx, params);
    answer = await approvals.request(origin, type, details);
  }
  return spec.handler(ctx, params, answer);
}
