// The service worker's entry: every listener is registered here, synchronously at the top level,
// so that an event that wakes a stopped worker finds its listener (MV3 requirement).
import { handle } from './rpc/pipeline.js';
import { ProviderError, LIMIT_EXCEEDED, serializeError } from './rpc/errors.js';
import { paramsProblem } from '../shared/params-check.js';
import * as rateLimit from './rate-limit.js';
import { POPUP_METHODS } from './popup-api.js';
import * as approvals from './approvals.js';
import * as session from './session.js';
import * as autolock from './autolock.js';
import * as clipboard from './clipboard.js';
import { loadCore } from './core.js';
import * as phraseGuard from './phrase-guard.js';

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL('')).origin;

/** The web origin of a content script's sender (top frame of a tab, http or https), or null. */
function pageOrigin(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) return null;
  const origin = sender.origin;
  if (typeof origin !== 'string' || !/^https?:\/\//.test(origin)) return null;
  return origin;
}

function isExtensionPage(sender) {
  return sender.id === chrome.runtime.id && sender.origin === EXTENSION_ORIGIN;
}

/**
 * A dApp request: refused at once past the origin's rate limit or with params that are not
 * small plain JSON; otherwise the tab's document is remembered for events and the request
 * handled. A page's request is not user activity: it never pushes the auto-lock back.
 */
async function fromPage(origin, sender, message) {
  if (!rateLimit.allow(origin)) {
    throw new ProviderError(LIMIT_EXCEEDED, `${origin} sent Keystead more than ${rateLimit.BURST} requests at once or `
      + `${rateLimit.PER_SECOND} a second; this one was refused. Wait a moment and send it again.`);
  }
  const problem = paramsProblem(String(message.method).slice(0, 64), message.params);
  if (problem) throw new ProviderError(problem.code, problem.message);
  await session.rememberTab(sender.tab.id, origin, sender.documentId);
  return handle(origin, { method: message.method, params: message.params });
}

// Popup calls that are not the user's doing: approval windows send keepAlive on a timer.
const NOT_ACTIVITY = new Set(['lock', 'keepAlive']);

async function fromPopup(message) {
  const method = message.method;
  if (typeof method !== 'string' || !Object.hasOwn(POPUP_METHODS, method)) {
    throw Object.assign(new Error(`unknown popup method ${String(method).slice(0, 40)}`), { code: 'INVALID_ARGUMENT' });
  }
  const result = await POPUP_METHODS[method](message.params ?? {});
  if (!NOT_ACTIVITY.has(method)) await autolock.touch();
  return result;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message !== 'object' || message === null) return false;
  let work;
  let popupErrors = false;
  if (message.kind === 'provider') {
    const origin = pageOrigin(sender);
    if (!origin) return false;
    work = fromPage(origin, sender, message);
  } else if (phraseGuard.isGuardMessage(message)) {
    work = phraseGuard.fromContent(message, sender);
  } else if (message.kind === 'popup' && isExtensionPage(sender)) {
    popupErrors = true;
    work = fromPopup(message);
  } else {
    return false;
  }
  work.then(
    (result) => sendResponse({ result: result ?? null }),
    (err) => sendResponse({
      error: popupErrors ? { code: err?.code ?? 'INTERNAL', message: String(err?.message ?? err) } : serializeError(err),
    }),
  );
  return true;
});

// One listener for every alarm, each module acting only on its own alarm's name.
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === autolock.ALARM) autolock.onAlarm(alarm);
  else if (alarm.name === clipboard.ALARM) clipboard.onAlarm(alarm);
});
chrome.windows.onRemoved.addListener((windowId) => approvals.windowClosed(windowId));
chrome.tabs.onRemoved.addListener((tabId) => {
  session.forgetTab(tabId);
});

// Start compiling the core now, so the first request after a restart does not wait for it.
loadCore();
