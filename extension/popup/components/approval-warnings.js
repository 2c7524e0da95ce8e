// The approval window's warnings, each its own element (data-testid approval-warning, data-kind
// its kind), worded with what happened and what to do. The worker finds the facts
// (wallet/insight/warnings.js); blind-hash and hidden-characters come from the text the window
// shows (message-view.js, typed-data-view.js).
import { h } from '../ui/dom.js';
import { addressWords } from '../ui/address.js';
import { formatDeadline } from '../ui/format.js';

/** How a token is named in a warning: its symbol, else its short address. */
const tokenWords = (token, nameOf) => token?.symbol ?? (token?.address ? `the token at ${addressWords(token.address, nameOf)}` : 'this token');

const UNLIMITED = {
  allowance: (w, n) => `Unlimited allowance: ${addressWords(w.spender, n)} could take all your ${tokenWords(w.token, n)}, now and whatever you receive later, until you revoke it. Approve only a site you trust, or set an exact amount at the site.`,
  'all-nfts': (w, n) => `${addressWords(w.spender, n)} could take every NFT you hold in ${w.token?.name ?? tokenWords(w.token, n)}, now and later, until you revoke it. Approve only if you trust this site with the whole collection.`,
  permit: (w, n) => `This permit has no limit: ${addressWords(w.spender, n)} could take all your ${tokenWords(w.token, n)}. Sign only for a site you trust, or ask it for an exact amount.`,
  'permit2-allowance': (w, n) => `This Permit2 allowance has no limit: ${addressWords(w.spender, n)} could take all your ${tokenWords(w.token, n)} until it expires. Sign only for a site you trust, or ask it for an exact amount.`,
  'permit2-transfer': (w, n) => `This signature lets ${addressWords(w.spender, n)} take all your ${tokenWords(w.token, n)} at once. Reject unless you mean to hand it all over.`,
};

const TEXT = {
  'unlimited-approval': (w, n) => (UNLIMITED[w.subject] ?? UNLIMITED.allowance)(w, n),
  'approval-to-eoa': (w, n) => `${addressWords(w.spender, n)} is a plain account, not a contract. Sites ask approvals for their contracts; an approval to a plain account is how approval scams take tokens. Reject unless you know and trust its owner.`,
  'far-deadline': (w) => `This ${w.subject === 'allowance' || w.subject === 'permit2-allowance' ? 'permission' : 'signature'} stays valid until ${formatDeadline(w.until)}, more than 30 days from now, so it can be used against you long after you forget it. Reject, or ask the site for a shorter deadline.`,
  'no-code': (w, n, network) => (w.subject === 'verifying-contract'
    ? `The contract this signature is for (${addressWords(w.address, n)}) does not exist on ${network?.name ?? 'this network'}. Check that you are on the network the site means; reject if unsure.`
    : `There is no contract at ${addressWords(w.address, n)} on ${network?.name ?? 'this network'}, yet this transaction carries data meant for one. Check the address and the network; reject if unsure.`),
  'will-revert': (w) => `This transaction will fail${w.reason ? `: ${w.reason}` : ' (the contract gives no reason)'}. You would pay the network fee and nothing else would happen. Reject it.`,
};

/** One warning element. */
export function warningLine(kind, text) {
  return h('p', { class: 'warning', testid: 'approval-warning', 'data-kind': kind, role: 'alert' }, text);
}

/** The elements of `warnings` (`{ kind, … }` from the worker), in order; `nameOf` names accounts. */
export function warningList(warnings, { nameOf, network } = {}) {
  return (warnings ?? []).map((w) => warningLine(w.kind, TEXT[w.kind]?.(w, nameOf, network) ?? 'Check this request carefully.'));
}

/** The warning that a token's symbol or name was withheld for its hidden characters. */
export function hiddenTokenText(token, nameOf) {
  return `The token at ${addressWords(token.address, nameOf)} calls itself by a name or symbol with invisible or reordering characters, as tokens that imitate others do. Keystead does not show it. Reject unless you know this token.`;
}
