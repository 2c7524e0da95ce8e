// How the popup names a Shamir share and says how many restore the wallet, from the set's
// public fields (the worker's `shareSet`: `{ groupThreshold, groupCount, groups }`).

/** "Share 2 of 3" (one group) or "Group 1, share 2 of 3". */
export function shareName({ group, member }, set) {
  const [, count] = set.groups?.[group - 1] ?? [];
  const of = count ? ` of ${count}` : '';
  return set.groupCount === 1 ? `Share ${member}${of}` : `Group ${group}, share ${member}${of}`;
}

/** How many shares restore the wallet, in words. */
export function thresholdText(set) {
  if (set.groupCount === 1) {
    const [threshold, count] = set.groups?.[0] ?? [];
    return count ? `Any ${threshold} of your ${count} shares restore the wallet` : 'Enough of your shares restore the wallet';
  }
  return `Shares of any ${set.groupThreshold} of your ${set.groupCount} groups restore the wallet (enough shares of each)`;
}
