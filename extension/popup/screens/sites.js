// Connected sites: each origin that may see accounts, with those accounts. The user changes
// which accounts a site sees (at least one) or disconnects it; the worker tells that site's
// pages (accountsChanged) either way.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { shortAddress } from '../ui/format.js';

function siteRow(site, wallet, error, redraw) {
  const boxes = wallet.map((a) => h('input', { type: 'checkbox', value: a.address, checked: site.accounts.includes(a.address), testid: 'site-account' }));
  const save = h('button', { testid: 'site-save' }, 'Save accounts');
  save.onclick = () => busy(save, error, async () => redraw(await call('setSiteAccounts', {
    origin: site.origin,
    accounts: boxes.filter((b) => b.checked).map((b) => b.value),
  })));
  const disconnect = h('button', { class: 'danger', testid: 'site-disconnect' }, 'Disconnect');
  disconnect.onclick = () => busy(disconnect, error, async () => redraw(await call('disconnectSite', { origin: site.origin })));
  // Permitted accounts the wallet no longer holds are not shown: the site never sees them.
  return h('li', { class: 'card site', testid: 'site-row', 'data-origin': site.origin },
    h('p', { class: 'origin', testid: 'site-origin' }, site.origin),
    h('fieldset', { class: 'fields' },
      h('legend', { class: 'small muted' }, 'Accounts this site sees'),
      wallet.map((a, i) => h('label', { class: 'check', title: a.address }, boxes[i], ` ${a.name} `, h('code', {}, shortAddress(a.address))))),
    h('div', { class: 'actions' }, save, disconnect));
}

export function sitesScreen({ status, refresh }) {
  const error = errorLine();
  const list = h('ul', { class: 'sites', testid: 'site-list' }, h('li', { class: 'muted' }, 'Loading…'));
  const redraw = (sites) => list.replaceChildren(...(sites.length === 0
    ? [h('li', { class: 'muted', testid: 'sites-empty' }, 'No site is connected. A site asks to connect from its own page.')]
    : sites.map((site) => siteRow(site, status.accounts, error, redraw))));

  show(
    h('header', {}, h('h1', {}, 'Connected sites'), h('button', { testid: 'sites-back', onclick: () => refresh() }, 'Back')),
    list,
    error,
  );
  call('connectedSites').then(redraw, (e) => error.set(e.message));
}
