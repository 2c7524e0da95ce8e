// One live approval as the Approvals screen lists it (background/wallet/approval-scan.js): the
// token (symbol, address), the spender (a contract or an account without code), what it may
// take (unlimited flagged; an exact amount in the token's decimals when they are known), the
// block it was set in, and its Revoke button.
import { h, row } from '../ui/dom.js';
import { exactAmount } from '../ui/format.js';
import { addressText } from '../ui/address.js';
import { t, formatNumber } from '../../shared/i18n.js';

/** What the approval lets the spender take, in words. */
function allowanceText(a) {
  if (a.kind === 'operator') return t('approvals_allowance_operator');
  if (a.kind === 'nft') return t('approvals_allowance_nft', { id: a.tokenId });
  if (a.unlimited) return t('approvals_allowance_unlimited');
  return a.decimals === null ? t('approvals_allowance_raw', { amount: formatNumber(a.amount) }) : `${exactAmount(BigInt(a.amount), a.decimals)} ${a.symbol ?? ''}`.trim();
}

/** The row of approval `a`; `onRevoke(a)` runs when its Revoke button is pressed. */
export function approvalRow(a, onRevoke) {
  // approvals_kind_erc20, approvals_kind_nft, approvals_kind_operator
  const kind = ['erc20', 'nft', 'operator'].includes(a.kind) ? t(`approvals_kind_${a.kind}`) : a.kind;
  const revoke = h('button', { testid: 'revoke', onclick: () => onRevoke(a, revoke) }, t('revoke_button'));
  return h('li', {
    class: 'card approval',
    testid: 'approval-row',
    'data-token': a.token,
    'data-spender': a.spender,
    'data-amount': a.amount,
    'data-kind': a.kind,
  },
  h('p', {}, h('strong', {}, a.symbol ?? t('token_unknown')), ` · ${kind}`),
  h('dl', {},
    row(t('approvals_token'), addressText(a.token)),
    row(t('approvals_spender'), h('span', {}, addressText(a.spender), h('span', { class: 'small muted' }, ` ${a.spenderHasCode ? t('approvals_spender_contract') : t('approvals_spender_account')}`))),
    row(t('approvals_may_take'), h('span', { class: a.unlimited ? 'warning' : '', testid: 'approval-amount' }, allowanceText(a))),
    row(t('approvals_set_in_block'), a.block)),
  revoke);
}
