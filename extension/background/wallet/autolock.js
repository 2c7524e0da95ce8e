// Auto-lock after the configured idle time. A chrome.alarms alarm survives worker restarts;
// only the user's activity (a call from the popup or an approval window) pushes it back, never
// a web page's request: any page could otherwise keep the wallet unlocked for ever.
import * as core from './core.js';
import * as store from '../platform/store.js';
import * as events from './events.js';
import * as session from '../platform/session.js';

export const ALARM = 'keystead-autolock';
export const CHOICES = Object.freeze([1, 5, 15, 30, 60, 240]);

/**
 * Called after every popup or approval-window call. Unlocked means a session snapshot exists (core.js
 * keeps one exactly while unlocked), so this needs neither the WASM core nor the keyring.
 */
export async function touch() {
  if (!(await session.loadSnapshot())) return;
  const { settings } = await store.read();
  await chrome.alarms.create(ALARM, { delayInMinutes: settings.autoLockMinutes });
}

export async function lockNow() {
  await chrome.alarms.clear(ALARM);
  await core.lock();
  await events.accountsChanged();
}

export async function onAlarm(alarm) {
  if (alarm.name === ALARM) await lockNow();
}

export async function setMinutes(minutes) {
  if (!CHOICES.includes(minutes)) throw Object.assign(new Error(`auto-lock must be one of ${CHOICES.join(', ')} minutes`), { code: 'INVALID_ARGUMENT' });
  // The worker's popup dispatcher (index.js) reschedules the alarm after every popup call.
  await store.update(({ settings }) => ({ settings: { ...settings, autoLockMinutes: minutes } }));
}
