// One live approval as the Approvals screen lists it (background/wallet/approval-scan.js): the
// token (symbol, address), the spender (a contract or an account without code), what it may
// take (unlimited flagged; an exact amount in the token's decimals when they are known), the
// block it was set in, and its Revoke button.
import { h, row } from '../ui/dom.js';
import { exactAmount } from '../ui/format.js';
import { addressText } from '../ui/address.js';

/** What the approval lets the spender take, in words. */
function allowanceText(a) {
  if (a.kind === 'operator') return 'Every token of this collection, now and later';
  if (a.kind === 'nft') return `Token #${a.tokenId} of this collection`;
  if (a.unlimited) return 'Unlimited: everything the account holds of this token, now and later';
  return a.decimals === null ? `${a.amount} (raw units; the token does not say its decimals)` : `${exactAmount(BigInt(a.amount), a.decimals)} ${a.symbol ?? ''}`.trim();
}

/** The row of approval `a`; `onRevoke(a)` runs when its Revoke button is pressed. */
export function approvalRow(a, onRevoke) {
  const kind = { erc20: 'ERC-20 allowance', nft: 'Single NFT approval', operator: 'Operator for all NFTs' }[a.kind];
  const revoke = h('button', { testid: 'revoke', onclick: () => onRevoke(a, revoke) }, 'Revoke');
  return h('li', {
    class: 'card approval',
    testid: 'approval-row',
    'data-token': a.token,
    'data-spender': a.spender,
    'data-amount': a.amount,
    'data-kind': a.kind,
  },
  h('p', {}, h('strong', {}, a.symbol ?? 'Unknown token'), ` · ${kind}`),
  h('dl', {},
    row('Token', addressText(a.token)),
    row('Spender', h('span', {}, addressText(a.spender), h('span', { class: 'small muted' }, a.spenderHasCode ? ' a contract' : ' an account without code (a person or a wallet, not an app)'))),
    row('May take', h('span', { class: a.unlimited ? 'warning' : '', testid: 'approval-amount' }, allowanceText(a))),
    row('Set in block', a.block)),
  revoke);
}
