// Popup methods for a wallet backed up with SLIP-39 shares: create, restore, reveal (behind the
// password), confirm each share, and check shares without revealing anything. Merged into the
// worker's popup method table by popup/api.js. Shares come in (restore, check); they go out
// only from revealShares, after the core re-checked the password, as the phrase does.
//
// As for the phrase, confirming a share is checked in the popup against the words it showed;
// the worker only records the date (see popup/backup.js for why).
import * as core from '../wallet/core.js';
import * as backup from '../wallet/backup.js';
import { argument, text } from './params.js';
import { status } from './status.js';
import { checkReplace } from './replace.js';
import { afterNewWallet } from './new-wallet.js';
import { userError } from '../../shared/wallet-errors.js';

/** Most groups, and most members of a group (SLIP-39's 4-bit fields). */
const MAX_SHARE_COUNT = 16;

/** Typed shares: 1 to 256 strings, each a share's words. */
function shareList(value) {
  const ok = Array.isArray(value) && value.length > 0 && value.length <= MAX_SHARE_COUNT ** 2
    && value.every((share) => typeof share === 'string' && share.trim().length > 0);
  if (!ok) throw userError('error_shares_fields');
  return value;
}

/** The optional SLIP-39 passphrase ('' for none); the core checks that it is printable ASCII. */
function passphraseOf(value = '') {
  if (typeof value !== 'string') throw argument('the passphrase must be text');
  return value;
}

/** `{ groupThreshold, groups: [[threshold, count], …] }` of small integers; the core checks SLIP-39's rules. */
function schemeOf({ groupThreshold, groups }) {
  const small = (n) => Number.isInteger(n) && n >= 1 && n <= MAX_SHARE_COUNT;
  const ok = small(groupThreshold) && Array.isArray(groups) && groups.length >= 1 && groups.length <= MAX_SHARE_COUNT
    && groups.every((g) => Array.isArray(g) && g.length === 2 && g.every(small));
  if (!ok) throw userError('error_shares_counts');
  return { groupThreshold, groups: groups.map(([threshold, count]) => [threshold, count]) };
}

/** The unlocked wallet and its share set (public fields), or INVALID_ARGUMENT for a wallet without shares. */
async function shamirWallet() {
  const keyring = await core.unlocked();
  const set = keyring.shareSet();
  if (!set) throw userError('error_shares_not_used');
  return { keyring, set };
}

export const SHAMIR_METHODS = Object.freeze({
  createShamir: async ({ password, groupThreshold, groups, replace }) => {
    await checkReplace(replace);
    const scheme = schemeOf({ groupThreshold, groups });
    return afterNewWallet(await core.createShamir(text(password, 'a password'), scheme), { restored: false });
  },
  restoreShares: async ({ password, shares, passphrase, replace }) => {
    await checkReplace(replace);
    const pass = text(password, 'a password');
    const restored = await core.restoreShares(pass, shareList(shares), passphraseOf(passphrase));
    return afterNewWallet(restored, { restored: true });
  },
  /**
   * `{ shares: [{ group, member, words }], set }`, after the core re-checked the password: every
   * share of a set made here (group and member count from 1).
   */
  revealShares: async ({ password }) => {
    const { keyring, set } = await shamirWallet();
    const groups = keyring.revealShares(text(password, 'the password'));
    const shares = groups.flatMap((members, g) => members.map((share, m) => ({ group: g + 1, member: m + 1, words: share.split(' ') })));
    return { shares, set };
  },
  /** A typed share's public fields (`{ identifier, group, member, memberThreshold, … }`), or its SHARE_* error. */
  inspectShare: ({ share }) => core.inspectShare(text(share, 'a share')),
  /** The user wrote share `member` of `group` down and typed back the words asked for. */
  confirmShare: async ({ group, member }) => {
    const { set } = await shamirWallet();
    const all = backup.shareIds(set.groups ?? []);
    const id = backup.shareId(group, member);
    if (!all.includes(id)) throw userError('error_shares_no_such');
    await backup.recordShare(id, 'confirmedAt', all);
    return status();
  },
  /**
   * Checks typed shares against the wallet, revealing nothing: one share says whether it is one
   * of the wallet's and which; several say whether they restore it. `{ result, exact?, share?,
   * status }` (see the core's checkShares). A share matched word for word records its date;
   * shares that restore the wallet record the backup as verified.
   */
  checkShares: async ({ shares, passphrase }) => {
    const { keyring, set } = await shamirWallet();
    const answer = keyring.checkShares(shareList(shares), passphraseOf(passphrase));
    if (answer.result === 'member' && answer.exact) {
      await backup.recordShare(backup.shareId(answer.share.group, answer.share.member), 'checkedAt', backup.shareIds(set.groups ?? []));
    }
    if (answer.result === 'restores') {
      await backup.recordPhrase((health, now) => ({ phraseVerifiedAt: now, phraseConfirmedAt: health.phraseConfirmedAt ?? now }));
    }
    return { ...answer, status: await status() };
  },
});
