// Requests that need the user: each opens its own window (popup.html#/approve/<id>) showing the
// origin and what will be signed. Approve resolves, Reject or closing the window rejects with
// 4001. Requests from one origin queue: its next window opens when the previous one is answered.
import { ProviderError, RESOURCE_UNAVAILABLE, rejected } from '../../shared/rpc-errors.js';

const pending = new Map(); // id → { id, origin, type, details, resolve, reject, windowId }
const queues = new Map(); // origin → { tail: promise of the last queued request settling, size }

/** Requests one origin may have waiting; more are refused rather than queued without end. */
export const MAX_QUEUED_PER_ORIGIN = 10;

const WINDOW = { type: 'popup', width: 380, height: 640, focused: true };

/**
 * Asks the user about `details` (shown by the approval screen for `type`), or about what
 * `details()` resolves to when it is a function: called when the request's turn comes, just
 * before its window opens, so what it reads (e.g. the account's next nonce) reflects every
 * earlier request of the origin. If it throws, the request fails with that error and no window
 * opens. Resolves with the
 * screen's answer object when approved; rejects with a 4001 ProviderError otherwise.
 * `skipIf`, checked when the request's turn comes, resolves `{ skipped: true }` without a
 * window when it returns true (e.g. a second eth_requestAccounts after the first connected).
 * `commit(answer)` runs before the origin's next request gets its turn, so what it stores is
 * what that next request's `skipIf` sees.
 */
export function request(origin, type, details, { skipIf, commit } = {}) {
  const queue = queues.get(origin) ?? { tail: Promise.resolve(), size: 0 };
  if (queue.size >= MAX_QUEUED_PER_ORIGIN) {
    return Promise.reject(new ProviderError(RESOURCE_UNAVAILABLE, `${origin} already has ${MAX_QUEUED_PER_ORIGIN} requests waiting in Keystead. Answer those first.`));
  }
  const run = queue.tail.then(async () => {
    if (await skipIf?.()) return { skipped: true };
    const shown = typeof details === 'function' ? await details() : details;
    const answer = await open(origin, type, shown);
    if (commit) await commit(answer);
    return answer;
  });
  queue.size += 1;
  queue.tail = run.then(() => {}, () => {});
  queues.set(origin, queue);
  queue.tail.then(() => {
    queue.size -= 1;
    if (queue.size === 0 && queues.get(origin) === queue) queues.delete(origin);
  });
  return run;
}

function open(origin, type, details) {
  return new Promise((resolve, reject) => {
    const id = crypto.randomUUID();
    const entry = { id, origin, type, details, resolve, reject, windowId: null };
    pending.set(id, entry);
    chrome.windows
      .create({ ...WINDOW, url: chrome.runtime.getURL(`popup.html#/approve/${id}`) })
      .then((win) => {
        entry.windowId = win.id;
        if (!pending.has(id)) chrome.windows.remove(win.id).catch(() => {});
      })
      .catch(() => settle(id, null));
  });
}

/** What the approval screen shows: never a secret, only the request. */
export function get(id) {
  const entry = pending.get(id);
  if (!entry) return null;
  return { id, origin: entry.origin, type: entry.type, details: entry.details };
}

/** Answers approval `id`: an object to approve (passed to the handler), null to reject. */
export function settle(id, answer) {
  const entry = pending.get(id);
  if (!entry) return false;
  pending.delete(id);
  if (answer) entry.resolve(answer);
  else entry.reject(rejected());
  if (entry.windowId !== null) chrome.windows.remove(entry.windowId).catch(() => {});
  return true;
}

/** A closed approval window is a rejection. */
export function windowClosed(windowId) {
  for (const entry of pending.values()) {
    if (entry.windowId === windowId) settle(entry.id, null);
  }
}
