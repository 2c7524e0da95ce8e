// What the popup needs to pick and draw a screen: the wallet's state (new, locked, unlocked,
// recovery), networks, settings, the backup's health and, while unlocked, the accounts and how
// the wallet is backed up (a phrase, or Shamir shares: `shareSet`).
import * as core from '../wallet/core.js';
import * as store from '../platform/store.js';
import * as accounts from '../wallet/accounts.js';
import * as networks from '../wallet/networks.js';
import * as autolock from '../wallet/autolock.js';
import { remainingSeconds } from '../wallet/unlock-throttle.js';
import { movedIn } from '../wallet/emergency-record.js';

export async function status() {
  const state = await store.read();
  const base = {
    problem: state.problem,
    hasPreviousCopy: store.canRestorePrevious(state),
    network: networks.selectedIn(state),
    networks: networks.listIn(state),
    settings: state.settings,
    backup: state.backup,
    // The emergency move's end (when and where the wallet was moved), or null.
    moved: movedIn(state),
    autoLockChoices: autolock.CHOICES,
  };
  if (state.problem) return { ...base, state: 'recovery' };
  if (state.vault === undefined) return { ...base, state: 'new' };
  const keyring = await core.current();
  if (!keyring) return { ...base, state: 'locked', unlockWaitSeconds: await remainingSeconds() };
  // shareSet: the public fields of a Shamir wallet's share set (null for a phrase wallet).
  // phrases: the wallet's phrases `[{ phrase, name, kind, accounts }]` (the core's phrases());
  // keptAside: the keyrings of the vault the core cannot use, kept unchanged `[{ position, type, reason }]`.
  return {
    ...base,
    state: 'unlocked',
    accounts: await accounts.list(),
    shareSet: keyring.shareSet(),
    phrases: keyring.phrases(),
    keptAside: keyring.keptAside(),
  };
}
