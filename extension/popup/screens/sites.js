// Connected sites: every origin with an eth_accounts permission and the accounts it may see,
// and whether its pages are told that Keystead is MetaMask. The user changes which accounts a
// site sees (at least one) or disconnects it; the worker tells that site's pages
// (accountsChanged) either way. The MetaMask switch is for sites that misbehave when they
// believe they talk to MetaMask; a site not connected but with the switch off is listed too, so
// that it can be turned back on.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { shortAddress, explain } from '../ui/format.js';
import { t } from '../../shared/i18n.js';

function metaMaskSwitch(site, error, redraw) {
  const box = h('input', { type: 'checkbox', checked: site.metaMaskFlag, testid: 'site-metamask-flag' });
  box.onchange = () => busy(box, error, async () => redraw(await call('setSiteMetaMaskFlag', { origin: site.origin, on: box.checked })));
  return h('label', { class: 'check', title: t('sites_metamask_about') },
    box, ` ${t('sites_metamask')}`);
}

function siteRow(site, wallet, error, redraw) {
  if (!site.connected) {
    return h('li', { class: 'card site', testid: 'site-row', 'data-origin': site.origin },
      h('p', { class: 'origin', testid: 'site-origin' }, site.origin),
      h('p', { class: 'small muted' }, t('sites_not_connected')),
      metaMaskSwitch(site, error, redraw));
  }
  const boxes = wallet.map((a) => h('input', { type: 'checkbox', value: a.address, checked: site.accounts.includes(a.address), testid: 'site-account' }));
  const save = h('button', { testid: 'site-save' }, t('sites_save'));
  save.onclick = () => busy(save, error, async () => redraw(await call('setSiteAccounts', {
    origin: site.origin,
    accounts: boxes.filter((b) => b.checked).map((b) => b.value),
  })));
  const disconnect = h('button', { class: 'danger', testid: 'site-disconnect' }, t('sites_disconnect'));
  disconnect.onclick = () => busy(disconnect, error, async () => redraw(await call('disconnectSite', { origin: site.origin })));
  // Permitted accounts the wallet no longer holds are not shown: the site never sees them.
  return h('li', { class: 'card site', testid: 'site-row', 'data-origin': site.origin },
    h('p', { class: 'origin', testid: 'site-origin' }, site.origin),
    h('fieldset', { class: 'fields' },
      h('legend', { class: 'small muted' }, t('sites_accounts')),
      wallet.map((a, i) => h('label', { class: 'check', title: a.address }, boxes[i], ` ${a.name} `, h('code', {}, shortAddress(a.address))))),
    metaMaskSwitch(site, error, redraw),
    h('div', { class: 'actions' }, save, disconnect));
}

export function sitesScreen({ status, refresh }) {
  const error = errorLine();
  const list = h('ul', { class: 'sites', testid: 'site-list' }, h('li', { class: 'muted' }, t('sites_loading')));
  const redraw = (sites) => list.replaceChildren(...(sites.length === 0
    ? [h('li', { class: 'muted', testid: 'sites-empty' }, t('sites_empty'))]
    : sites.map((site) => siteRow(site, status.accounts, error, redraw))));

  show(
    h('header', {}, h('h1', {}, t('sites_title')), h('button', { testid: 'sites-back', onclick: () => refresh() }, t('common_back'))),
    list,
    error,
  );
  call('connectedSites').then(redraw, (e) => error.set(explain(e)));
}
