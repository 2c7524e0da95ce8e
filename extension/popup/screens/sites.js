// Connected sites: every origin with an eth_accounts permission and the accounts it may see,
// and whether its pages are told that Keystead is MetaMask. The user changes which accounts a
// site sees (at least one) or disconnects it; the worker tells that site's pages
// (accountsChanged) either way. The MetaMask switch is for sites that misbehave when they
// believe they talk to MetaMask; a site not connected but with the switch off is listed too, so
// that it can be turned back on.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { shortAddress } from '../ui/format.js';

function metaMaskSwitch(site, error, redraw) {
  const box = h('input', { type: 'checkbox', checked: site.metaMaskFlag, testid: 'site-metamask-flag' });
  box.onchange = () => busy(box, error, async () => redraw(await call('setSiteMetaMaskFlag', { origin: site.origin, on: box.checked })));
  return h('label', { class: 'check', title: 'Many sites work only with a wallet that says it is MetaMask (isMetaMask). Turn this off if this site misbehaves because of it; reload the site afterwards.' },
    box, ' Let this site treat Keystead as MetaMask (isMetaMask)');
}

function siteRow(site, wallet, error, redraw) {
  if (!site.connected) {
    return h('li', { class: 'card site', testid: 'site-row', 'data-origin': site.origin },
      h('p', { class: 'origin', testid: 'site-origin' }, site.origin),
      h('p', { class: 'small muted' }, 'Not connected.'),
      metaMaskSwitch(site, error, redraw));
  }
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
    metaMaskSwitch(site, error, redraw),
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
