// One dApp request: look up the method in the table → validate → check the origin's
// permission → ask the user → run the handler. The origin comes from the browser's
// MessageSender, never from the request.
import { METHODS } from './methods.js';
import { ProviderError, UNAUTHORIZED, UNSUPPORTED_METHOD } from './errors.js';
import * as permissions from '../permissions.js';
import * as approvals from '../approvals.js';
import { among } from './validate.js';

export async function handle(origin, request) {
  const { method } = request;
  if (typeof method !== 'string' || !Object.hasOwn(METHODS, method)) {
    throw new ProviderError(UNSUPPORTED_METHOD, `Keystead does not support the method "${String(method).slice(0, 64)}".`);
  }
  const spec = METHODS[method];
  const params = await spec.validate(request.params);
  const ctx = { origin, account: null };
  if (spec.account) {
    const wanted = spec.account(params);
    const permitted = await permissions.permittedAccounts(origin);
    if (permitted.length === 0) throw new ProviderError(UNAUTHORIZED, `${origin} is not connected to Keystead. Call eth_requestAccounts first.`);
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
