// What filters (filters.js) and subscriptions (subscriptions.js) share: a registry of entries
// that each belong to one origin and one document (`{ id, origin, tabId, documentId, stop }`),
// with a limit per origin. An entry is found only by its own origin; it goes when removed, when
// its document's tab closes or shows another document, and its `stop()` (its block-poller
// listener) runs then.
import { ProviderError, LIMIT_EXCEEDED } from '../../shared/rpc-errors.js';
import { randomId } from './hex.js';

/** A registry of at most `limit` entries per origin; `what` names them in the -32005 message. */
export function registry({ limit, what, freeBy }) {
  const entries = new Map(); // id → entry

  const drop = (entry) => {
    if (entries.get(entry.id) !== entry) return;
    entries.delete(entry.id);
    entry.stop?.();
  };

  return {
    drop,
    values: () => [...entries.values()],
    has: (entry) => entries.get(entry.id) === entry,
    /** A new entry for `source` ({ origin, tabId, documentId }) with `fields`; -32005 past the limit. */
    add(source, fields) {
      if ([...entries.values()].filter((e) => e.origin === source.origin).length >= limit) {
        throw new ProviderError(LIMIT_EXCEEDED, `${source.origin} already has ${limit} ${what} in Keystead. ${freeBy} before making more.`);
      }
      const entry = { id: randomId(), origin: source.origin, tabId: source.tabId, documentId: source.documentId, stop: null, ...fields };
      entries.set(entry.id, entry);
      return entry;
    },
    /** The origin's entry with that id, or undefined. */
    find(origin, id) {
      const entry = typeof id === 'string' ? entries.get(id.toLowerCase()) : undefined;
      return entry && entry.origin === origin ? entry : undefined;
    },
    /** Removes the origin's entry with that id; true when there was one. */
    remove(origin, id) {
      const entry = this.find(origin, id);
      if (!entry) return false;
      drop(entry);
      return true;
    },
    /** Removes the entries of tab `tabId`, except those of its document `keep` (the one it shows now). */
    forgetDocuments(tabId, keep) {
      for (const entry of [...entries.values()]) {
        if (entry.tabId === tabId && entry.documentId !== keep) drop(entry);
      }
    },
  };
}
