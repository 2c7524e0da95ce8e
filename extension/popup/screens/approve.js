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

const TITLES = {
  connect: 'Connect to this site?',
  'personal-sign': 'Sign this message?',
  'typed-data': 'Sign this typed data?',
  transaction: 'Send this transaction?',
  calls: 'Send these transactions?',
  'switch-chain': 'Switch network?',
  'add-chain': 'Add and switch to this network?',
  'watch-asset': 'Add this token?',
};

// Each body gets the request's details `d`, the wallet status, the connect choice, the Approve
// button and `nameOf` (the user's account names by address).
const BODIES = {
  // `d.ticked`: the accounts a connected site has now (wallet_requestPermissions): ticked, and
  // the ones ticked when approving replace them.
  connect: (d, status, choice) => [
    h('p', { testid: 'approval-summary' }, d.ticked
      ? 'The site asks again which accounts it may see. It will see exactly the accounts ticked here; untick one to take it away.'
      : 'The site will see the addresses and balances of the accounts you tick, and can ask you to sign. It cannot move funds without your approval.'),
    h('ul', { class: 'accounts' }, status.accounts.map((a) => h('li', {}, h('label', { class: 'connect-account' },
      choice.box(a.address, d.ticked ? d.ticked.includes(a.address) : a.selected),
      identicon(a.address),
      h('span', { class: 'who' },
        h('span', { class: 'account-label' }, a.name),
        addressText(a.address, { testid: a.selected ? 'approval-account' : undefined }),
        uncoveredTag(a)))))),
  ],
  'personal-sign': (d, status, choice, approve, nameOf) => [
    h('p', { class: 'summary', testid: 'approval-summary' }, `Sign the message below with ${addressWords(d.account, nameOf)}. Anyone can check that this account signed it.`),
    h('dl', {}, row('Account', namedAddress(d.account, nameOf, { testid: 'approval-account' }))),
    ...messageView(d.message, approve),
  ],
  'typed-data': (d, status, choice, approve, nameOf) => typedDataBody(d, row, nameOf, status.network),
  'watch-asset': (d) => assetBody(d, row),
  transaction: (d, status, choice, approve, nameOf) => transactionReview(d, nameOf),
  calls: (d, status, choice, approve, nameOf) => callsBody(d, nameOf),
  'switch-chain': (d) => [h('dl', {}, row('From', d.from.name), row('To', `${d.to.name} (${Number(d.to.chainId)})`, 'approval-network'))],
  'add-chain': (d) => [h('dl', {},
    row('Name', d.network.name, 'approval-network'),
    row('Chain id', String(Number(d.network.chainId))),
    row('RPC URL', d.network.rpcUrl),
    row('Currency', d.network.symbol))],
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
  const status = await call('status');
  if (status.state === 'locked') {
    show(h('h1', {}, 'Unlock to continue'), h('p', {}, 'A site is waiting for your answer.'), unlockForm(ctx));
    return;
  }
  const request = await call('approval', { id });
  if (!request) {
    show(h('h1', {}, 'Nothing to approve'), h('p', {}, 'This request was already answered or has expired.'),
      h('button', { onclick: () => window.close() }, 'Close'));
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
    show(h('h1', {}, 'No wallet yet'), h('p', {}, 'Create or import a wallet in the Keystead popup first.'),
      h('button', { testid: 'reject', onclick: () => answer(false) }, 'Close'));
    return;
  }
  if (request.type === 'unlock') {
    // The site is already connected; unlocking (done above) was all it asked for.
    await call('answerApproval', { id, approved: true });
    window.close();
    return;
  }
  const error = errorLine();
  const approve = h('button', { class: 'primary', testid: 'approve' }, 'Approve');
  const reject = h('button', { testid: 'reject' }, 'Reject');
  const choice = accountChoice();
  async function answer(approved) {
    if (approved && request.type === 'connect' && choice.chosen().length === 0) throw new Error('Tick at least one account to connect.');
    await call('answerApproval', { id, approved, accounts: choice.chosen() });
    window.close();
  }
  keepWorkerAwake();
  approve.onclick = () => busy(approve, error, () => answer(true));
  reject.onclick = () => busy(reject, error, () => answer(false));
  show(
    h('h1', {}, request.type === 'connect' && request.details.ticked ? 'Choose the accounts this site sees' : (TITLES[request.type] ?? 'Approve this request?')),
    h('p', { class: 'origin', testid: 'approval-origin' }, request.origin),
    ...BODIES[request.type](request.details, status, choice, approve, accountNames(status.accounts)),
    error,
    h('div', { class: 'actions' }, reject, approve),
  );
}
