// The backup's health (store.js `backup`): the one module that knows the record's shape. Dates
// only, as ISO strings; nothing secret:
//   { phraseConfirmedAt?, phraseVerifiedAt?, postponedAt?, fileDownloadedAt?,
//     keys: { [address]: { importedAt, exportedAt? } },
//     shares?: { ["<group>-<member>"]: { confirmedAt?, checkedAt? } },
//     phrases?: { ["<n>"]: { importedAt?, verifiedAt? } } }
// The top-level phrase dates are phrase 1's (the wallet's own phrase). `phrases` holds the dates
// of phrase 2, 3, … of a wallet with several (a MetaMask vault, or a phrase imported here),
// counted as the core counts them (its HD keyrings in list order, from 1): when it was imported
// here, and when it was last verified in Keystead. A phrase with no `verifiedAt` (one imported
// here, or one that came in a MetaMask vault) is "not yet verified in Keystead".
// For a wallet backed up with Shamir shares, `phraseConfirmedAt` is when its last share was
// confirmed (every share written down), `phraseVerifiedAt` when shares were last checked to
// restore it, and `shares` holds each share's own dates (group and member count from 1).
import * as store from '../platform/store.js';

const now = () => new Date().toISOString();

/**
 * The record of a new wallet: it never inherits the backup state of the one it replaces. A
 * restored wallet counts as backed up: the user just typed its phrase.
 */
export function fresh({ restored }) {
  return restored ? { keys: {}, phraseConfirmedAt: now() } : { keys: {} };
}

/** `backup` with a key imported now (its backup starts as "never exported"). */
export function withKeyImported(backup, address) {
  return { ...backup, keys: { ...backup.keys, [address]: { importedAt: now() } } };
}

/** `backup` with phrase `number` (2 and up) imported now: not yet verified in Keystead. */
export function withPhraseImported(backup, number) {
  return { ...backup, phrases: { ...backup.phrases, [number]: { importedAt: now() } } };
}

/**
 * Records that phrase `number` was just verified: phrase 1 in the top-level fields (a verified
 * phrase is a confirmed one), the others in `phrases`.
 */
export async function phraseVerified(number) {
  await store.update(({ backup }) => {
    const at = now();
    if (number === 1) return { backup: { ...backup, phraseVerifiedAt: at, phraseConfirmedAt: backup.phraseConfirmedAt ?? at } };
    return { backup: { ...backup, phrases: { ...backup.phrases, [number]: { ...backup.phrases?.[number], verifiedAt: at } } } };
  });
}

/** `backup` without what it kept about a removed key. */
export function withoutKey(backup, address) {
  const { [address]: _gone, ...keys } = backup.keys;
  return { ...backup, keys };
}

/** `backup` with a backup file downloaded at `at`. */
export function withFileDownloaded(backup, at) {
  return { ...backup, fileDownloadedAt: at };
}

/** Records phrase dates: `fields(backup)` gives the fields to set, read in the write's turn. */
export async function recordPhrase(fields) {
  await store.update(({ backup }) => ({ backup: { ...backup, ...fields(backup, now()) } }));
}

/** An imported key was exported: the export is its backup. */
export async function keyExported(address) {
  await store.update(({ backup }) => ({
    backup: { ...backup, keys: { ...backup.keys, [address]: { ...backup.keys[address], exportedAt: now() } } },
  }));
}

/** The record's key of a share: "<group>-<member>", both counted from 1. */
export const shareId = (group, member) => `${group}-${member}`;

/** Every share id of a set made here (`groups`: [[threshold, count], …]). */
export function shareIds(groups) {
  return groups.flatMap(([, count], g) => Array.from({ length: count }, (_, m) => shareId(g + 1, m + 1)));
}

/**
 * Records `field` ('confirmedAt' or 'checkedAt') of share `id` now. Once every share of `all`
 * is confirmed, the backup as a whole is (`phraseConfirmedAt`), as for a confirmed phrase.
 */
export async function recordShare(id, field, all) {
  await store.update(({ backup }) => {
    const at = now();
    const shares = { ...backup.shares, [id]: { ...backup.shares?.[id], [field]: at } };
    const complete = !backup.phraseConfirmedAt && all.every((each) => shares[each]?.confirmedAt);
    return { backup: { ...backup, shares, ...(complete ? { phraseConfirmedAt: at } : {}) } };
  });
}
