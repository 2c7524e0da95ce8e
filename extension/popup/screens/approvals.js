// Approvals: every live token approval of the selected account on the selected network, read
// from the node (background/wallet/approval-scan.js). Revoke one, or Revoke all: the revokes
// are reviewed as a Send is (components/transaction-view.js), then sent one at a time through
// Send's path (`sendTransaction`), each row showing its progress and result; the list is read
// from the chain again afterwards.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { t, tn } from '../../shared/i18n.js';
import { transactionRows } from '../components/transaction-view.js';
import { approvalRow } from '../components/approval-row.js';

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
const itemOf = (a) => ({ kind: a.kind, token: a.token, spender: a.spender, ...(a.tokenId !== undefined ? { tokenId: a.tokenId } : {}) });
const label = (a) => `${a.symbol ?? a.token} → ${a.spender}`;

export function approvalsScreen({ status, refresh }) {
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const error = errorLine('approvals-error');
  const note = h('p', { class: 'muted', testid: 'approvals-status' }, t('approvals_reading'));
  const list = h('ul', { class: 'approvals' });
  const results = h('ul', { class: 'results' });
  const revokeAll = h('button', { class: 'primary', testid: 'revoke-all', hidden: true }, t('revoke_all'));
  let current = [];

  const header = h('header', {}, h('h1', {}, t('approvals_title')), h('button', { testid: 'approvals-back', onclick: () => refresh() }, t('common_back')));
  const intro = h('p', { class: 'muted' }, t('approvals_intro', { account: account.name, network: status.network.name }));
  const page = () => show(header, h('section', { testid: 'approvals-screen' }, intro, error, results, note, list, revokeAll));

  /** Reads the approvals from the chain and lists them. */
  async function load() {
    note.textContent = t('approvals_reading');
    list.replaceChildren();
    revokeAll.hidden = true;
    try {
      const { approvals } = await call('approvals');
      current = approvals;
    } catch (e) {
      note.textContent = '';
      error.set(t('approvals_read_failed', { network: status.network.name, reason: explain(e) }));
      return;
    }
    note.textContent = current.length === 0
      ? t('approvals_none')
      : tn('approvals_count', current.length);
    note.dataset.count = String(current.length);
    list.replaceChildren(...current.map((a) => approvalRow(a, (item, button) => busy(button, error, () => review([item])))));
    revokeAll.hidden = current.length === 0;
  }

  revokeAll.onclick = () => busy(revokeAll, error, () => review(current));

  /** The review of the revokes of `items`: each transaction as a Send's review shows it; Confirm sends them. */
  async function review(items) {
    const { from, drafts } = await call('draftRevokes', { items: items.map(itemOf) });
    const confirm = h('button', { class: 'primary', testid: 'revoke-confirm' }, drafts.length === 1 ? t('revoke_confirm_one') : t('revoke_confirm_many', { count: drafts.length }));
    const back = h('button', { testid: 'revoke-review-back', onclick: () => page() }, t('common_back'));
    const reviewError = errorLine('revoke-error');
    confirm.onclick = () => busy(confirm, reviewError, () => run(from, drafts));
    show(
      h('h1', {}, drafts.length === 1 ? t('revoke_review_one') : t('revoke_review_many', { count: drafts.length })),
      h('p', { testid: 'revoke-summary' }, t('revoke_summary', { account: account.name })),
      ...drafts.map((d, i) => h('section', { class: 'card', testid: 'revoke-review' },
        h('h2', {}, `${i + 1}. ${label(d.item)}`), transactionRows(d.view))),
      reviewError,
      h('div', { class: 'actions' }, back, confirm),
    );
  }

  /** Sends the reviewed revokes one by one, showing each one's progress and result, then reads the list again. */
  async function run(from, drafts) {
    const rows = drafts.map((d) => {
      const state = h('span', { testid: 'revoke-state' }, t('revoke_waiting'));
      const li = h('li', { testid: 'revoke-result', 'data-token': d.item.token, 'data-spender': d.item.spender, 'data-status': 'waiting' }, `${label(d.item)}: `, state);
      return { d, li, state };
    });
    results.replaceChildren(h('h2', {}, t('revoke_results')), ...rows.map((r) => r.li));
    page();
    const set = (r, statusName, text) => {
      r.li.dataset.status = statusName;
      r.state.textContent = text;
    };
    for (const r of rows) {
      set(r, 'sending', t('revoke_sending'));
      let hash;
      try {
        ({ hash } = await call('sendTransaction', { from, tx: r.d.tx }));
      } catch (e) {
        set(r, 'error', t('revoke_not_sent', { reason: explain(e) }));
        continue;
      }
      r.li.dataset.hash = hash;
      set(r, 'pending', t('revoke_sent_waiting'));
      try {
        const { status: ended, block } = await call('transactionOutcome', { hash });
        if (ended === 'confirmed') set(r, 'confirmed', t('revoke_confirmed', { block }));
        else if (ended === 'failed') set(r, 'failed', t('revoke_failed', { block }));
        else set(r, 'pending', t('revoke_slow'));
      } catch (e) {
        set(r, 'pending', t('revoke_unknown', { reason: explain(e) }));
      }
    }
    await load();
    const left = rows.filter((r) => current.some((a) => same(a.token, r.d.item.token) && same(a.spender, r.d.item.spender) && a.kind === r.d.item.kind));
    if (left.length > 0) error.set(tn('revoke_left', left.length));
  }

  page();
  load();
}
