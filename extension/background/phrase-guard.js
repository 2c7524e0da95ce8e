// The phrase guard's worker side (the content script is extension/content/phrase-guard/).
//
// Content-script messages carry only { kind, hash }; the origin is always the MessageSender's.
//   phrase-guard         { hash: 64 hex | null } → { own }: whether hash is the fingerprint of
//                        this wallet's phrase (the core compares in constant time; false while
//                        locked). Nothing is stored or logged.
//   phrase-guard-status  → { off }: whether the user turned the guard off for this origin.
//   phrase-guard-off     the user confirmed "turn off on this site" in the warning.
//   phrase-guard-leave   the user chose "Leave this site": the tab goes to a blank page.
// Stored: phraseGuard = { disabledOrigins: [origin] } (store.js).
import * as core from './core.js';
import * as store from './store.js';
import { text } from './popup-params.js';

const HASH = /^[0-9a-f]{64}$/;
const MAX_SITES = 500;

/** The web origin of a content script in any frame of a tab, or null. */
function frameOrigin(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab) return null;
  const origin = sender.origin;
  return typeof origin === 'string' && /^https?:\/\//.test(origin) ? origin : null;
}

async function disabledOrigins() {
  const { phraseGuard } = await store.read();
  const list = phraseGuard?.disabledOrigins;
  return Array.isArray(list) ? list.filter((o) => typeof o === 'string') : [];
}

async function saveDisabled(list) {
  await store.update({ phraseGuard: { disabledOrigins: list } });
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

/** Whether `message` is one of the phrase guard's (kind "phrase-guard…"). */
export function isGuardMessage(message) {
  return typeof message.kind === 'string' && message.kind.startsWith('phrase-guard');
}

/** Answers a content script's phrase guard message (see the list above). */
export async function fromContent(message, sender) {
  const origin = frameOrigin(sender);
  if (!origin) throw Object.assign(new Error('not a web page'), { code: 'INVALID_ARGUMENT' });
  switch (message.kind) {
    case 'phrase-guard':
      return { own: await isOwn(message.hash) };
    case 'phrase-guard-status':
      return { off: (await disabledOrigins()).includes(origin) };
    case 'phrase-guard-off': {
      const list = await disabledOrigins();
      if (!list.includes(origin)) await saveDisabled([...list, origin].slice(-MAX_SITES));
      return null;
    }
    case 'phrase-guard-leave':
      await chrome.tabs.update(sender.tab.id, { url: 'about:blank' });
      return null;
    default:
      throw Object.assign(new Error('unknown phrase guard message'), { code: 'INVALID_ARGUMENT' });
  }
}

/** The popup's calls: the sites where the guard is off, and turning it back on for one. */
export const PHRASE_GUARD_METHODS = {
  phraseGuardSites: async () => ({ disabledOrigins: await disabledOrigins() }),
  phraseGuardEnable: async ({ origin }) => {
    const site = text(origin, 'a site');
    await saveDisabled((await disabledOrigins()).filter((o) => o !== site));
    return { disabledOrigins: await disabledOrigins() };
  },
};
