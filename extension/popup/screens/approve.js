// An approval window (popup.html#/approve/<id>): who asks, and exactly what would be signed or
// changed. Approve or Reject; closing the window rejects.
import { h, show, errorLine, busy, row } from '../ui/dom.js';
import { call } from '../api.js';
import { unlockForm } from './unlock.js';
import { uncoveredTag } from '../components/account-tag.js';
import { messageView } from '../components/message-view.js';
import { typedDataBody } from '../components/typed-data-view.js';
import { transactionReview } from '../components/transaction-view.js';
import { assetBody } from '../components/asset-view.js';
import { callsBody } from '../components/calls-view.js';
import { addressText, namedAddress, addressWords, accountNames } from '../ui/address.js';
import { identicon } from '../ui/identicon.js';
import { t } from '../../shared/i18n.js';

// The title of each kind of request (a key of the catalog).
const TITLES = {
  connect: 'approve_title_connect',
  'personal-sign': 'approve_title_personal_sign',
  'typed-data': 'approve_title_typed_data',
  transaction: 'approve_title_transaction',
  calls: 'approve_title_calls',
  'switch-chain': 'approve_title_switch_chain',
  'add-chain': 'approve_title_add_chain',
  'watch-asset': 'approve_title_watch_asset',
};

// Each body gets the request's details `d`, the wallet status, the connect choice, the Approve
// button and `nameOf` (the user's account names by address).
const BODIES = {
  // `d.ticked`: the accounts a connected site has now (wallet_requestPermissions): ticked, and
  // the ones ticked when approving replace them.
  connect: (d, status, choice) => [
    h('p', { testid: 'approval-summary' }, t(d.ticked ? 'approve_connect_again' : 'approve_connect_summary')),
    h('ul', { class: 'accounts' }, status.accounts.map((a) => h('li', {}, h('label', { class: 'connect-account' },
      choice.box(a.address, d.ticked ? d.ticked.includes(a.address) : a.selected),
      identicon(a.address),
      h('span', { class: 'who' },
        h('span', { class: 'account-label' }, a.name),
        addressText(a.address, { testid: a.selected ? 'approval-account' : undefined }),
        uncoveredTag(a)))))),
  ],
  'personal-sign': (d, status, choice, approve, nameOf) => [
    h('p', { class: 'summary', testid: 'approval-summary' }, t('approve_sign_summary', { account: addressWords(d.account, nameOf) })),
    h('dl', {}, row(t('approve_account'), namedAddress(d.account, nameOf, { testid: 'approval-account' }))),
    ...messageView(d.message, approve),
  ],
  'typed-data': (d, status, choice, approve, nameOf) => typedDataBody(d, row, nameOf, status.network),
  'watch-asset': (d) => assetBody(d, row),
  transaction: (d, status, choice, approve, nameOf) => transactionReview(d, nameOf),
  calls: (d, status, choice, approve, nameOf) => callsBody(d, nameOf),
  'switch-chain': (d) => [h('dl', {}, row(t('approve_from'), d.from.name),
    row(t('approve_to'), t('tx_network_value', { name: d.to.name, chainId: Number(d.to.chainId) }), 'approval-network'))],
  'add-chain': (d) => [h('dl', {},
    row(t('approve_network_name'), d.network.name, 'approval-network'),
    row(t('approve_chain_id'), String(Number(d.network.chainId))),
    row(t('approve_rpc_url'), d.network.rpcUrl),
    row(t('approve_currency'), d.network.symbol))],
};

/** The accounts ticked on a connect request. */
function accountChoice() {
  const boxes = [];
  return {
    box(address, checked) {
      const box = h('input', { type: 'checkbox', value: address, checked, testid: 'connect-account' });
      boxes.push(box);
      return box;
    },
    chosen: () => boxes.filter((b) => b.checked).map((b) => b.value),
  };
}

/**
 * Chrome stops an idle worker after ~30 s; while this window is open it must not, or the request
 * waiting for this answer would be lost. Started once per window.
 */
let keptAwake = false;
function keepWorkerAwake() {
  if (keptAwake) return;
  keptAwake = true;
  setInterval(() => call('keepAlive').catch(() => {}), 20_000);
}

export async function approveScreen(ctx) {
  const { id } = ctx.params;
  const status = ctx.status ?? await call('status'); // route() read it for the window's language
  if (status.state === 'locked') {
    show(h('h1', {}, t('approve_unlock_title')), h('p', {}, t('approve_unlock_waiting')), unlockForm(ctx));
    return;
  }
  const request = await call('approval', { id });
  if (!request) {
    show(h('h1', {}, t('approve_nothing_title')), h('p', {}, t('approve_nothing_text')),
      h('button', { onclick: () => window.close() }, t('approve_close')));
    return;
  }
  if (status.state === 'new' && request.type === 'connect') {
    // No wallet yet: onboarding runs in this window; when it ends (create, import or restore),
    // the router draws this approval again, now with the account picker.
    keepWorkerAwake();
    ctx.go('welcome', { site: request.origin });
    return;
  }
  if (status.state !== 'unlocked') {
    show(h('h1', {}, t('approve_no_wallet_title')), h('p', {}, t('approve_no_wallet_text')),
      h('button', { testid: 'reject', onclick: () => answer(false) }, t('approve_close')));
    return;
  }
  if (request.type === 'unlock') {
    // The site is already connected; unlocking (done above) was all it asked for.
    await call('answerApproval', { id, approved: true });
    window.close();
    return;
  }
  const error = errorLine();
  const approve = h('button', { class: 'primary', testid: 'approve' }, t('approve_approve'));
  const reject = h('button', { testid: 'reject' }, t('approve_reject'));
  const choice = accountChoice();
  async function answer(approved) {
    if (approved && request.type === 'connect' && choice.chosen().length === 0) throw new Error(t('approve_tick_account'));
    await call('answerApproval', { id, approved, accounts: choice.chosen() });
    window.close();
  }
  keepWorkerAwake();
  approve.onclick = () => busy(approve, error, () => answer(true));
  reject.onclick = () => busy(reject, error, () => answer(false));
  show(
    h('h1', {}, t(request.type === 'connect' && request.details.ticked ? 'approve_title_choose_accounts' : (TITLES[request.type] ?? 'approve_title_other'))),
    h('p', { class: 'origin', testid: 'approval-origin' }, request.origin),
    ...BODIES[request.type](request.details, status, choice, approve, accountNames(status.accounts)),
    error,
    h('div', { class: 'actions' }, reject, approve),
  );
}
