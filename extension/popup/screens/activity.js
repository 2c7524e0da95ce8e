// Activity: the selected account's transactions on the selected network, newest first, as the
// worker follows them (it checks the node; this screen asks it again every REFRESH_MS while
// one is pending). Speed up and Cancel open their review (screens/activity-review.js).
import { h, show, errorLine } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { activityItem } from '../components/activity-item.js';
import { identicon } from '../ui/identicon.js';
import { t } from '../../shared/i18n.js';

const REFRESH_MS = 1500;

/** The hashes that may be sped up or cancelled: the newest pending one of each nonce. */
function replaceable(entries) {
  const seen = new Set();
  const out = new Set();
  for (const e of entries) {
    if (e.status !== 'pending' || seen.has(e.nonce)) continue;
    seen.add(e.nonce);
    out.add(e.hash);
  }
  return out;
}

/** `params.address`: the account to show (a site's wallet_showCallsStatus); else the selected one. */
export function activityScreen({ status, params = {}, go, refresh }) {
  const error = errorLine();
  const account = status.accounts.find((a) => a.address === params.address)
    ?? status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const list = h('ul', { class: 'activity', testid: 'activity-list' }, h('li', { class: 'muted' }, t('activity_loading')));
  let drawn = null;

  const draw = ({ network, entries }) => {
    const key = JSON.stringify(entries);
    if (key === drawn) return;
    drawn = key;
    if (entries.length === 0) {
      list.replaceChildren(h('li', { class: 'muted', testid: 'activity-empty' }, t('activity_empty', { account: account.name, network: network.name })));
      return;
    }
    const open = replaceable(entries);
    list.replaceChildren(...entries.map((e) => activityItem(e, network, open.has(e.hash) ? {
      speedUp: () => go('activity-review', { hash: e.hash, kind: 'speed-up', address: account.address }),
      cancel: () => go('activity-review', { hash: e.hash, kind: 'cancel', address: account.address }),
    } : null)));
  };

  const poll = async () => {
    if (!list.isConnected) return; // another screen replaced this one
    try {
      const answer = await call('activity', { address: account.address });
      if (!list.isConnected) return;
      draw(answer);
      error.set('');
      if (answer.entries.some((e) => e.status === 'pending')) setTimeout(poll, REFRESH_MS);
    } catch (e) {
      error.set(explain(e));
      setTimeout(poll, REFRESH_MS);
    }
  };

  show(
    h('header', {}, h('h1', {}, t('activity_title')), h('button', { testid: 'activity-back', onclick: () => refresh() }, t('common_back'))),
    h('p', { class: 'muted small from' }, identicon(account.address, 20), t('activity_who', { account: account.name, network: status.network.name })),
    list,
    error,
  );
  poll();
}
