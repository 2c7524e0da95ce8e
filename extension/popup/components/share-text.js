// How the popup names a Shamir share and says how many restore the wallet, from the set's
// public fields (the worker's `shareSet`: `{ groupThreshold, groupCount, groups }`).
import { t } from '../../shared/i18n.js';

/** "Share 2 of 3" (one group) or "Group 1, share 2 of 3". */
export function shareName({ group, member }, set) {
  const [, count] = set.groups?.[group - 1] ?? [];
  // share_name, share_name_of, share_name_group, share_name_group_of
  const key = `share_name${set.groupCount === 1 ? '' : '_group'}${count ? '_of' : ''}`;
  return t(key, { group, member, count });
}

/** How many shares restore the wallet, in words. */
export function thresholdText(set) {
  if (set.groupCount === 1) {
    const [threshold, count] = set.groups?.[0] ?? [];
    return count ? t('share_threshold', { threshold, count }) : t('share_threshold_unknown');
  }
  return t('share_threshold_groups', { threshold: set.groupThreshold, count: set.groupCount });
}
