// A wait in words ("30 seconds", "4 minutes"), in the page's language, the same for the worker's
// refusal and the popup's countdown.
import { tn } from './i18n.js';

export function waitText(seconds) {
  if (seconds < 120) return tn('unlock_wait_seconds', seconds);
  return tn('unlock_wait_minutes', Math.ceil(seconds / 60));
}
