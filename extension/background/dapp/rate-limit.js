// How many requests each web origin may send: a token bucket per origin, BURST at once and
// PER_SECOND after that. A request past the limit is refused before the worker does any work
// for it, so one page's flood cannot keep the popup, the approval windows or other sites waiting.
// Kept in memory: a worker restart starts every origin with a full bucket again.

export const BURST = 1000;
export const PER_SECOND = 200;
const PRUNE_AT = 1000; // origins tracked before the full (idle) buckets are dropped

const buckets = new Map(); // origin → { tokens, at }

function refill(bucket, now) {
  return Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * PER_SECOND);
}

/** Takes one request from the origin's bucket; false when it is empty (the request is refused). */
export function allow(origin, now = Date.now()) {
  let bucket = buckets.get(origin);
  if (!bucket) {
    if (buckets.size >= PRUNE_AT) {
      for (const [other, b] of buckets) if (refill(b, now) >= BURST) buckets.delete(other);
    }
    bucket = { tokens: BURST, at: now };
    buckets.set(origin, bucket);
  }
  bucket.tokens = refill(bucket, now);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
