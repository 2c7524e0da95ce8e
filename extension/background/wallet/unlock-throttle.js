// A growing wait after repeated wrong passwords at unlock. The count lives in storage.local
// (`unlockThrottle`), so neither a worker restart nor a browser restart resets it; it is
// counted before the password is tried, so stopping the worker mid-try does not skip it.
// Attempts run one at a time: parallel requests cannot all pass the check before one fails.
import * as store from '../platform/store.js';
import { waitText } from '../../shared/wait-text.js';
import { userError } from '../../shared/wallet-errors.js';

export const FREE_TRIES = 3;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 30 * 60_000;

/** How long to wait after `failures` wrong passwords in a row (0 for the first FREE_TRIES). */
export function waitAfter(failures) {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
}

async function load() {
  const { unlockThrottle: t } = await store.read();
  const failures = Number.isSafeInteger(t?.failures) && t.failures > 0 ? t.failures : 0;
  const lastAt = Number.isFinite(t?.lastAt) ? t.lastAt : 0;
  return { failures, lastAt };
}

/** Best effort: with storage full the wallet must still unlock (the count then stays as it was). */
async function save(value) {
  try {
    await store.update({ unlockThrottle: value });
  } catch {
    // Nothing to do: a full storage is reported by the write that the user asked for.
  }
}

function secondsLeft({ failures, lastAt }) {
  return Math.max(0, Math.ceil((lastAt + waitAfter(failures) - Date.now()) / 1000));
}

/** Seconds until the next password may be tried (0 when it may now). */
export async function remainingSeconds() {
  return secondsLeft(await load());
}

async function once(attempt) {
  const before = await load();
  const seconds = secondsLeft(before);
  if (seconds > 0) {
    throw Object.assign(userError('error_unlock_throttled', { seconds, wait: waitText(seconds) }, 'UNLOCK_THROTTLED'), { seconds });
  }
  await save({ failures: before.failures + 1, lastAt: Date.now() });
  let result;
  try {
    result = await attempt();
  } catch (e) {
    // Only a wrong password counts; anything else (a damaged vault, no wallet) is not a guess.
    if (e?.code !== 'INCORRECT_PASSWORD') await save(before);
    throw e;
  }
  await store.update({ unlockThrottle: undefined });
  return result;
}

let queue = Promise.resolve();

/** Runs `attempt` (a password try) if no wait is due; counts a wrong password, clears the count on success. */
export function throttled(attempt) {
  const run = queue.then(() => once(attempt));
  queue = run.catch(() => {});
  return run;
}
