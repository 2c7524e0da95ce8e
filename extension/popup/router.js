// The popup's navigation, and the only module that knows every screen. One page serves the
// popup and the approval windows, routed by its hash:
//   popup.html                 → welcome / unlock / recovery / home, by the wallet's state
//   popup.html#/approve/<id>   → the approval of one dApp request
//   popup.html#/activity/<address> → Activity of that account, once unlocked (a site's
//                                wallet_showCallsStatus opens it in a window)
//
// Every screen is `screen(ctx)`, with
//   ctx.status           the wallet status it is drawn for
//   ctx.params           what the screen that opened it passed (e.g. { replace: true })
//   ctx.go(name, params) opens the screen `name` with the same status, or with `params.status`
//   ctx.refresh(status)  draws the screen for the wallet's state (asking the worker for it when
//                        `status` is not given): home, unlock, …, or the approval in its window
// Screens open each other by name through ctx.go and never import one another.
import { call } from './api.js';
import { h, show } from './ui/dom.js';
import { explain } from './ui/format.js';
import { t } from '../shared/i18n.js';
import { useLanguageOf } from './ui/language.js';
import { welcomeScreen } from './screens/welcome.js';
import { unlockScreen } from './screens/unlock.js';
import { recoveryScreen } from './screens/recovery.js';
import { homeScreen } from './screens/home.js';
import { approveScreen } from './screens/approve.js';
import { createScreen } from './screens/create.js';
import { importScreen } from './screens/import.js';
import { restoreFileScreen } from './screens/restore-file.js';
import { replaceWarningScreen } from './screens/replace-warning.js';
import { backupPhraseScreen } from './screens/backup-phrase.js';
import { createShamirScreen } from './screens/create-shamir.js';
import { backupSharesScreen } from './screens/backup-shares.js';
import { restoreSharesScreen } from './screens/restore-shares.js';
import { revealSharesScreen } from './screens/reveal-shares.js';
import { checkShareScreen } from './screens/check-share.js';
import { backupNowScreen } from './screens/backup-now.js';
import { addNetworkScreen } from './screens/add-network.js';
import { addTokenScreen } from './screens/add-token.js';
import { settingsScreen } from './screens/settings.js';
import { revealSrpScreen } from './screens/reveal-srp.js';
import { verifyBackupScreen } from './screens/verify-backup.js';
import { exportKeyScreen, importKeyScreen } from './screens/private-key.js';
import { backupFileScreen } from './screens/backup-file.js';
import { receiveScreen } from './screens/receive.js';
import { sitesScreen } from './screens/sites.js';
import { sendScreen } from './screens/send.js';
import { activityScreen } from './screens/activity.js';
import { activityReviewScreen } from './screens/activity-review.js';
import { approvalsScreen } from './screens/approvals.js';
import { emergencyScreen } from './screens/emergency.js';
import { importPhraseScreen } from './screens/import-phrase.js';
import { choosePhraseScreen } from './screens/choose-phrase.js';

export const SCREENS = Object.freeze({
  welcome: welcomeScreen,
  unlock: unlockScreen,
  recovery: recoveryScreen,
  home: homeScreen,
  approve: approveScreen,
  create: createScreen,
  import: importScreen,
  'restore-file': restoreFileScreen,
  'replace-warning': replaceWarningScreen,
  'backup-phrase': backupPhraseScreen,
  'create-shamir': createShamirScreen,
  'backup-shares': backupSharesScreen,
  'restore-shares': restoreSharesScreen,
  'reveal-shares': revealSharesScreen,
  'check-share': checkShareScreen,
  'backup-now': backupNowScreen,
  'add-network': addNetworkScreen,
  'add-token': addTokenScreen,
  settings: settingsScreen,
  'reveal-srp': revealSrpScreen,
  'verify-backup': verifyBackupScreen,
  'export-key': exportKeyScreen,
  'import-key': importKeyScreen,
  'backup-file': backupFileScreen,
  send: sendScreen,
  receive: receiveScreen,
  'connected-sites': sitesScreen,
  activity: activityScreen,
  'activity-review': activityReviewScreen,
  approvals: approvalsScreen,
  emergency: emergencyScreen,
  'import-phrase': importPhraseScreen,
  'choose-phrase': choosePhraseScreen,
});

const BY_STATE = { new: 'welcome', locked: 'unlock', recovery: 'recovery', unlocked: 'home' };
const APPROVAL = /^#\/approve\/([0-9a-f-]{36})$/;
const ACTIVITY = /^#\/activity\/(0x[0-9a-fA-F]{40})$/;

function open(name, status, params) {
  const screen = Object.hasOwn(SCREENS, name) ? SCREENS[name] : null;
  if (!screen) throw new Error(t('router_no_screen', { name }));
  return screen({
    status,
    params,
    go: (next, { status: nextStatus = status, ...nextParams } = {}) => open(next, nextStatus, nextParams),
    refresh: (nextStatus) => route(nextStatus),
  });
}

/** Draws the screen for the wallet's state (or the approval this window is for). */
export async function route(status) {
  try {
    const approval = APPROVAL.exec(location.hash);
    const current = status ?? (await call('status'));
    useLanguageOf(current);
    if (approval) return await open('approve', current, { id: approval[1] });
    const activity = ACTIVITY.exec(location.hash);
    if (activity && current.state === 'unlocked') {
      history.replaceState(null, '', location.pathname + location.search); // Back goes home, not here again
      return open('activity', current, { address: activity[1] });
    }
    return open(BY_STATE[current.state], current, {});
  } catch (e) {
    show(h('h1', {}, t('router_failed_title')), h('p', { class: 'error', role: 'alert' }, explain(e)),
      h('button', { onclick: () => route() }, t('common_try_again')));
  }
}
