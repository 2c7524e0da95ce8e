// The service worker's entry: every listener is registered here, synchronously at the top level,
// so that an event that wakes a stopped worker finds its listener (MV3 requirement).
import { handle } from './dapp/pipeline.js';
import { ProviderError, LIMIT_EXCEEDED } from '../shared/rpc-errors.js';
import { serializeError } from '../shared/core-errors.js';
import { paramsProblem } from '../shared/params-check.js';
import * as rateLimit from './dapp/rate-limit.js';
import { POPUP_METHODS } from './popup/api.js';
import * as approvals from './platform/approvals.js';
import * as session from './platform/session.js';
import * as autolock from './wallet/autolock.js';
import * as clipboard from './platform/clipboard.js';
import { loadCore } from './wallet/core.js';
import * as store from './platform/store.js';
import { KIND, PROVIDER_PORT } from '../shared/message-kinds.js';
import * as phraseGuard from './wallet/phrase-guard.js';
import * as welcome from './platform/welcome.js';
import * as activityTracker from './wallet/activity-tracker.js';
import * as emergency from './wallet/emergency.js';
import * as filters from './wallet/filters.js';
import * as subscriptions from './wallet/subscriptions.js';

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
  // The tab now shows this document: the filters and subscriptions of the one before it end.
  filters.forgetDocuments(sender.tab.id, sender.documentId);
  subscriptions.forgetDocuments(sender.tab.id, sender.documentId);
  return handle(origin, { method: message.method, params: message.params }, { tabId: sender.tab.id, documentId: sender.documentId });
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

// dApp requests come over each page's bridge port: one message each way per request. The origin
// is the port's MessageSender's, fixed when the bridge connected; a port from anything but a
// top-level http(s) page of a tab is closed at once.
chrome.runtime.onConnect.addListener((port) => {
  const origin = port.name === PROVIDER_PORT ? pageOrigin(port.sender) : null;
  if (!origin) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    if (typeof message !== 'object' || message === null || message.kind !== KIND.PROVIDER || !Number.isSafeInteger(message.id)) return;
    const reply = (body) => {
      try {
        port.postMessage({ id: message.id, ...body });
      } catch {
        // The page went away meanwhile: nobody is waiting for the answer.
      }
    };
    fromPage(origin, port.sender, message).then(
      (result) => reply({ result: result ?? null }),
      (err) => reply({ error: serializeError(err) }),
    );
  });
});

/**
 * An error as the extension's pages receive it: its `code` and English `message`, and the
 * catalog `key` and `params` when it has them (shared/wallet-errors.js userError), which the
 * page shows in its language.
 */
function popupError(err) {
  const out = { code: err?.code ?? 'INTERNAL', message: String(err?.message ?? err) };
  if (typeof err?.key === 'string') Object.assign(out, { key: err.key, params: err.params ?? {} });
  return out;
}

/** Sends `work`'s outcome as the message's answer (popup-style `{ result }` / `{ error }`). */
function answer(work, sendResponse) {
  work.then(
    (result) => sendResponse({ result: result ?? null }),
    (err) => sendResponse({ error: popupError(err) }),
  );
  return true;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (typeof message !== 'object' || message === null) return false;
  if (phraseGuard.isGuardMessage(message)) return answer(phraseGuard.fromContent(message, sender), sendResponse);
  if (message.kind !== KIND.POPUP || !isExtensionPage(sender)) return false;
  return answer(fromPopup(message), sendResponse);
});

// One listener for every alarm, each module acting only on its own alarm's name.
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === autolock.ALARM) autolock.onAlarm(alarm);
  else if (alarm.name === clipboard.ALARM) clipboard.onAlarm(alarm);
  else if (alarm.name === activityTracker.ALARM) activityTracker.onAlarm();
});
chrome.runtime.onInstalled.addListener(welcome.onInstalled);
chrome.windows.onRemoved.addListener((windowId) => approvals.windowClosed(windowId));
chrome.tabs.onRemoved.addListener((tabId) => {
  session.forgetTab(tabId);
  filters.forgetDocuments(tabId);
  subscriptions.forgetDocuments(tabId);
});
// Only this worker writes chrome.storage.local; a change from anywhere else reaches its memory here.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local') store.external(changes);
});

// A browser start wakes the worker (this listener is what makes Chrome start it), so pending
// transactions are followed from the first minute; the resume below does the work.
chrome.runtime.onStartup.addListener(() => {});

// Start compiling the core and reading the stored state now, so the first request after a
// restart does not wait for them; then follow any transaction still pending, and go on with an
// emergency move that was running (when the session snapshot unlocks the wallet again).
loadCore();
store.read().then(() => activityTracker.resume(), () => {});
store.read().then(() => emergency.status(), () => {}).catch(() => {});
