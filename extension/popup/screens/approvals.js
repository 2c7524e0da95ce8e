// Approvals: every live token approval of the selected account on the selected network, read
// from the node (background/wallet/approval-scan.js). Revoke one, or Revoke all: the revokes
// are reviewed as a Send is (components/transaction-view.js), then sent one at a time through
// Send's path (`sendTransaction`), each row showing its progress and result; the list is read
// from the chain again afterwards.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { transactionRows } from '../components/transaction-view.js';
import { approvalRow } from '../components/approval-row.js';

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
const itemOf = (a) => ({ kind: a.kind, token: a.token, spender: a.spender, ...(a.tokenId !== undefined ? { tokenId: a.tokenId } : {}) });
const label = (a) => `${a.symbol ?? a.token} → ${a.spender}`;

export function approvalsScreen({ status, refresh }) {
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const error = errorLine('approvals-error');
  const note = h('p', { class: 'muted', testid: 'approvals-status' }, 'Reading this account’s approvals from the node…');
  const list = h('ul', { class: 'approvals' });
  const results = h('ul', { class: 'results' });
  const revokeAll = h('button', { class: 'primary', testid: 'revoke-all', hidden: true }, 'Revoke all');
  let current = [];

  const header = h('header', {}, h('h1', {}, 'Approvals'), h('button', { testid: 'approvals-back', onclick: () => refresh() }, 'Back'));
  const intro = h('p', { class: 'muted' }, `What apps and addresses may take from ${account.name} on ${status.network.name}. Revoke what you no longer use, and everything if you think your phrase or a key leaked.`);
  const page = () => show(header, h('section', { testid: 'approvals-screen' }, intro, error, results, note, list, revokeAll));

  /** Reads the approvals from the chain and lists them. */
  async function load() {
    note.textContent = 'Reading this account’s approvals from the node…';
    list.replaceChildren();
    revokeAll.hidden = true;
    try {
      const { approvals } = await call('approvals');
      current = approvals;
    } catch (e) {
      note.textContent = '';
      error.set(`Keystead could not read the approvals from ${status.network.name}’s node: ${explain(e)} Check that the network is reachable, then open Approvals again.`);
      return;
    }
    note.textContent = current.length === 0
      ? 'No live approvals: nothing can take tokens from this account on this network.'
      : `${current.length} live approval${current.length === 1 ? '' : 's'}, newest first.`;
    note.dataset.count = String(current.length);
    list.replaceChildren(...current.map((a) => approvalRow(a, (item, button) => busy(button, error, () => review([item])))));
    revokeAll.hidden = current.length === 0;
  }

  revokeAll.onclick = () => busy(revokeAll, error, () => review(current));

  /** The review of the revokes of `items`: each transaction as a Send's review shows it; Confirm sends them. */
  async function review(items) {
    const { from, drafts } = await call('draftRevokes', { items: items.map(itemOf) });
    const confirm = h('button', { class: 'primary', testid: 'revoke-confirm' }, drafts.length === 1 ? 'Confirm and revoke' : `Confirm and revoke ${drafts.length}`);
    const back = h('button', { testid: 'revoke-review-back', onclick: () => page() }, 'Back');
    const reviewError = errorLine('revoke-error');
    confirm.onclick = () => busy(confirm, reviewError, () => run(from, drafts));
    show(
      h('h1', {}, drafts.length === 1 ? 'Review the revoke' : `Review ${drafts.length} revokes`),
      h('p', { testid: 'revoke-summary' }, `Each revoke is a transaction from ${account.name} to the token that sets the approval to zero. They are sent one after another.`),
      ...drafts.map((d, i) => h('section', { class: 'card', testid: 'revoke-review' },
        h('h2', {}, `${i + 1}. ${label(d.item)}`), transactionRows(d.view))),
      reviewError,
      h('div', { class: 'actions' }, back, confirm),
    );
  }

  /** Sends the reviewed revokes one by one, showing each one's progress and result, then reads the list again. */
  async function run(from, drafts) {
    const rows = drafts.map((d) => {
      const state = h('span', { testid: 'revoke-state' }, 'Waiting');
      const li = h('li', { testid: 'revoke-result', 'data-token': d.item.token, 'data-spender': d.item.spender, 'data-status': 'waiting' }, `${label(d.item)}: `, state);
      return { d, li, state };
    });
    results.replaceChildren(h('h2', {}, 'Revokes'), ...rows.map((r) => r.li));
    page();
    const set = (r, statusName, text) => {
      r.li.dataset.status = statusName;
      r.state.textContent = text;
    };
    for (const r of rows) {
      set(r, 'sending', 'Sending…');
      let hash;
      try {
        ({ hash } = await call('sendTransaction', { from, tx: r.d.tx }));
      } catch (e) {
        set(r, 'error', `Not sent: ${explain(e)}`);
        continue;
      }
      r.li.dataset.hash = hash;
      set(r, 'pending', 'Sent; waiting for it to be in a block…');
      try {
        const { status: ended, block } = await call('transactionOutcome', { hash });
        if (ended === 'confirmed') set(r, 'confirmed', `Revoked in block ${block}.`);
        else if (ended === 'failed') set(r, 'failed', `The transaction failed in block ${block}: the approval is unchanged. Try again; if it fails again, the token may not allow revoking this way.`);
        else set(r, 'pending', 'Sent, not yet in a block after a minute. Activity follows it; open Approvals again later to check.');
      } catch (e) {
        set(r, 'pending', `Sent, but Keystead could not learn how it ended: ${explain(e)} Activity follows it.`);
      }
    }
    await load();
    const left = rows.filter((r) => current.some((a) => same(a.token, r.d.item.token) && same(a.spender, r.d.item.spender) && a.kind === r.d.item.kind));
    if (left.length > 0) error.set(`${left.length} approval${left.length === 1 ? ' is' : 's are'} still live on the chain (listed below). Revoke ${left.length === 1 ? 'it' : 'them'} again.`);
  }

  page();
  load();
}
