// The explicit table of every provider method Keystead answers. Anything absent is 4200.
//
// Each entry: validate(params) → normalized params (throws -32602);
//   account?(params) → the lower-case address the request acts for (the origin must be
//     permitted that account, else 4100), or null for the origin's first account;
//   approval?(ctx, params) → { type, details } shown to the user before the handler runs
//     (a handler whose details must be read when its window opens, or whose work must finish
//     before the origin's next request is shown, asks approvals.request itself, as
//     eth_sendTransaction does);
//   handler(ctx, params, answer) → the JSON-RPC result. ctx = { origin, account, source }, where
//     source = { origin, tabId, documentId } is the document that sent the request (the one a
//     subscription's messages go to).
import { methods as accounts } from './handlers/accounts.js';
import { methods as chain } from './handlers/chain.js';
import { methods as sign } from './handlers/sign.js';
import { methods as transaction } from './handlers/transaction.js';
import { methods as forward } from './handlers/forward.js';
import { methods as providerState } from './handlers/provider-state.js';
import { methods as filters } from './handlers/filters.js';
import { methods as watchAsset } from './handlers/watch-asset.js';
import { methods as calls } from './handlers/calls.js';

export const METHODS = Object.freeze({ ...accounts, ...chain, ...sign, ...transaction, ...forward, ...providerState, ...filters, ...watchAsset, ...calls });
