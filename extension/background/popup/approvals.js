// Popup methods for the Approvals screen (background/wallet/revoke.js, approval-scan.js): the
// selected account's live approvals, the revokes to review, and how a sent revoke ended. The
// reviewed revokes are sent one by one with Send's `sendTransaction` (popup/send.js). Merged
// into the worker's popup method table by popup/api.js.
import * as revoke from '../wallet/revoke.js';

export const APPROVAL_METHODS = Object.freeze({
  /** → `{ network, chainId, owner, approvals: [...] }`: the live approvals, newest first. */
  approvals: () => revoke.list(),
  /** `{ items: [{ kind, token, spender, tokenId? }] }` → `{ from, drafts: [{ item, tx, view }] }` to review. */
  draftRevokes: ({ items }) => revoke.draft(items),
  /** `{ hash }` → `{ status: 'confirmed' | 'failed' | 'pending', block }` once it is in a block (or after a minute). */
  transactionOutcome: ({ hash }) => revoke.outcome(hash),
});
