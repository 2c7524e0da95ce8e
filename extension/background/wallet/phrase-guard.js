// The phrase guard's worker side (the content script is extension/content/phrase-guard/), and
// the owner of its stored record: phraseGuard = { disabledOrigins: [origin] }.
//
// Content-script messages carry only { kind, hash }; the origin is always the MessageSender's.
//   GUARD_CHECK   { hash: 64 hex | null } → { own }: whether hash is the fingerprint of this
//                 wallet's phrase (the core compares in constant time; false while locked).
//                 Nothing is stored or logged.
//   GUARD_STATUS  → { off }: whether the user turned the guard off for this origin.
//   GUARD_OFF     the user confirmed "turn off on this site" in the warning.
//   GUARD_LEAVE   the user chose "Leave this site": the tab goes to a blank page.
import * as core from './core.js';
import * as store from '../platform/store.js';
import { KIND, GUARD_KINDS } from '../../shared/message-kinds.js';

const HASH = /^[0-9a-f]{64}$/;
const MAX_SITES = 500;

/** The web origin of a content script in any frame of a tab, or null. */
function frameOrigin(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab) return null;
  const origin = sender.origin;
  return typeof origin === 'string' && /^https?:\/\//.test(origin) ? origin : null;
}

function originsIn(state) {
  const list = state.phraseGuard?.disabledOrigins;
  return Array.isArray(list) ? list.filter((o) => typeof o === 'string') : [];
}

/** The origins where the user turned the guard off. */
export async function disabledOrigins() {
  return originsIn(await store.read());
}

/** Turns the guard off (`off` true) or back on for `origin`, as one read-modify-write. */
export async function setOff(origin, off) {
  await store.update((state) => {
    const list = originsIn(state);
    if (list.includes(origin) === off) return null;
    const next = off ? [...list, origin].slice(-MAX_SITES) : list.filter((o) => o !== origin);
    return { phraseGuard: { disabledOrigins: next } };
  });
}

async function isOwn(hash) {
  if (typeof hash !== 'string' || !HASH.test(hash)) return false;
  try {
    const keyring = await core.current();
    return keyring ? keyring.isOwnPhraseHash(hash) : false;
  } catch {
    return false;
  }
}

/** Whether `message` is one of the phrase guard's. */
export function isGuardMessage(message) {
  return GUARD_KINDS.includes(message.kind);
}

/** Answers a content script's phrase guard message (see the list above). */
export async function fromContent(message, sender) {
  const origin = frameOrigin(sender);
  if (!origin) throw Object.assign(new Error('not a web page'), { code: 'INVALID_ARGUMENT' });
  switch (message.kind) {
    case KIND.GUARD_CHECK:
      return { own: await isOwn(message.hash) };
    case KIND.GUARD_STATUS:
      return { off: (await disabledOrigins()).includes(origin) };
    case KIND.GUARD_OFF:
      await setOff(origin, true);
      return null;
    case KIND.GUARD_LEAVE:
      await chrome.tabs.update(sender.tab.id, { url: 'about:blank' });
      return null;
    default:
      throw Object.assign(new Error('unknown phrase guard message'), { code: 'INVALID_ARGUMENT' });
  }
}
