// The unlocked wallet: network, selected account (rename, remove if imported) and balance, the
// selected network's tokens, the account list with each balance and the accounts the phrase
// does not cover marked, Send, Receive, Activity, Approvals and Connected sites, add account, auto-lock and lock; a reminder while the phrase is not backed up;
// a warning when the selected account is delegated (EIP-7702), naming the delegate.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { formatEth, shortAddress } from '../ui/format.js';
import { t } from '../../shared/i18n.js';
import { backupReminder } from '../components/backup-reminder.js';
import { renameControl, removeControl } from '../components/account-edit.js';
import { uncoveredTag } from '../components/account-tag.js';
import { tokensSection } from '../components/tokens.js';
import { addressText } from '../ui/address.js';
import { movedNote } from '../components/moved-note.js';
import { identicon } from '../ui/identicon.js';
import { severalPhrases, sourceTag } from '../components/phrase-label.js';
import { keptAsideNote } from '../components/kept-aside-note.js';

export function homeScreen(ctx) {
  const { status, go, refresh } = ctx;
  const error = errorLine();
  const selected = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const balance = h('p', { class: 'balance', testid: 'account-balance' }, '…');
  const delegation = h('p', { class: 'warning', testid: 'account-delegation', hidden: true });

  const network = h('select', {
    testid: 'network-select',
    'aria-label': t('network_select_label'),
    onchange: () => busy(network, error, async () => refresh(await call('selectNetwork', { chainId: network.value }))),
  }, status.networks.map((n) => h('option', { value: n.chainId, selected: n.chainId === status.network.chainId }, n.name)));

  const addNetwork = h('button', { testid: 'add-network', onclick: () => go('add-network') }, t('network_add'));
  const add = h('button', { testid: 'add-account' }, t('account_add'));
  // With several phrases, which one gets the account is asked first (screens/choose-phrase.js).
  add.onclick = () => (severalPhrases(status) ? go('choose-phrase', { next: 'add-account' }) : busy(add, error, async () => refresh(await call('addAccount'))));
  const settings = h('button', { testid: 'settings', onclick: () => go('settings') }, t('home_settings'));
  const lock = h('button', { testid: 'lock' }, t('home_lock'));
  lock.onclick = () => busy(lock, error, async () => refresh(await call('lock')));
  const autolock = h('select', {
    testid: 'autolock-select',
    'aria-label': t('home_autolock_label'),
    onchange: () => busy(autolock, error, async () => refresh(await call('setAutoLock', { minutes: Number(autolock.value) }))),
  }, status.autoLockChoices.map((m) => h('option', { value: String(m), selected: m === status.settings.autoLockMinutes }, t('home_autolock_minutes', { minutes: m }))));

  const listed = new Map(); // address → its balance in the list
  const list = h('ul', { class: 'accounts' }, status.accounts.map((a) => {
    const amount = h('span', { class: 'small muted', testid: 'account-item-balance' }, '…');
    listed.set(a.address, amount);
    return h('li', {}, h('button', {
      class: a.selected ? 'account selected' : 'account',
      testid: 'account-item',
      'data-source': a.type === 'hd' ? `phrase-${a.phrase}` : 'imported',
      title: a.address,
      onclick: () => busy(add, error, async () => refresh(await call('selectAccount', { address: a.address }))),
    }, identicon(a.address), h('span', { class: 'account-name' }, a.name), h('code', {}, shortAddress(a.address)), amount, uncoveredTag(a), sourceTag(a, status)));
  }));

  show(
    h('header', { class: 'home-bar' }, network, h('span', { class: 'header-actions' }, settings, lock)),
    ...backupReminder(ctx),
    ...movedNote(status.moved),
    ...keptAsideNote(status),
    h('section', { class: 'card' },
      h('div', { class: 'account-head' }, identicon(selected.address, 32), h('div', { class: 'who' },
        h('p', { class: 'muted', testid: 'account-name' }, selected.name),
        addressText(selected.address, { testid: 'account-address' }))),
      uncoveredTag(selected),
      balance,
      delegation,
      h('div', { class: 'account-actions' },
        h('button', { class: 'primary', testid: 'send', onclick: () => go('send') }, t('home_send')),
        h('button', { testid: 'receive', onclick: () => go('receive') }, t('home_receive')),
        h('button', { testid: 'activity', onclick: () => go('activity') }, t('home_activity')),
        h('button', { testid: 'approvals', onclick: () => go('approvals') }, t('home_approvals')),
        h('button', { testid: 'connected-sites', onclick: () => go('connected-sites') }, t('home_connected_sites'))),
      renameControl(selected, refresh),
      removeControl(selected, refresh)),
    error,
    tokensSection(ctx, selected, error),
    h('h2', {}, t('home_accounts')),
    list,
    add,
    h('footer', {}, h('label', {}, t('home_autolock_after'), ' ', autolock), addNetwork),
  );

  // Every account's balance and the selected account's code in one request to the node (the
  // token balances are one more).
  const symbol = status.network.symbol;
  call('balances', { addresses: status.accounts.map((a) => a.address), delegationOf: selected.address }).then(
    ({ balances: wei, delegate }) => {
      if (delegate) {
        delegation.dataset.delegate = delegate;
        const [before, after] = t('home_delegated', { network: status.network.name }).split('{contract}');
        delegation.replaceChildren(before, addressText(delegate), after ?? '');
        delegation.hidden = false;
      }
      balance.textContent = wei[selected.address] === null ? t('balance_unavailable') : `${formatEth(wei[selected.address])} ${symbol}`;
      for (const [address, span] of listed) span.textContent = wei[address] === null ? '?' : `${formatEth(wei[address])} ${symbol}`;
    },
    (e) => {
      balance.textContent = t('balance_unavailable');
      balance.title = e.message;
      for (const span of listed.values()) span.textContent = '';
    },
  );
}
