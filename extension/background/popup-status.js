// What the popup needs to pick and draw a screen: the wallet's state (new, locked, unlocked,
// recovery), networks, settings, the backup's health and, while unlocked, the accounts.
import * as core from './core.js';
import * as store from './store.js';
import * as accounts from './accounts.js';
import * as networks from './networks.js';
import * as autolock from './autolock.js';
import { remainingSeconds } from './unlock-throttle.js';

export async function status() {
  const state = await store.read();
  const base = {
    problem: state.problem,
    hasPreviousCopy: store.canRestorePrevious(state),
    network: networks.selectedIn(state),
    networks: networks.listIn(state),
    settings: state.settings,
    backup: state.backup,
    autoLockChoices: autolock.CHOICES,
  };
  if (state.problem) return { ...base, state: 'recovery' };
  if (state.vault === undefined) return { ...base, state: 'new' };
  if (!(await core.current())) return { ...base, state: 'locked', unlockWaitSeconds: await remainingSeconds() };
  return { ...base, state: 'unlocked', accounts: await accounts.list() };
}
