// Create a wallet backed up with Shamir shares (SLIP-39): a new password, how many shares to make
// (`share-count`) and how many of them restore the wallet (`share-threshold`); as an advanced
// choice, several groups, each with its own threshold, and how many groups restore it. Then each
// share is shown and confirmed on its own (backup-shares.js).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { newPasswordFields } from '../components/new-password.js';

/** Most groups, and most shares of a group (SLIP-39). */
const MAX = 16;

/** A <select> of the numbers `from`..MAX. */
function numberSelect(attrs, from, chosen) {
  return h('select', attrs, Array.from({ length: MAX - from + 1 }, (_, i) => from + i)
    .map((n) => h('option', { value: String(n), selected: n === chosen }, String(n))));
}

/** One group's "T of N" choice; `testids` name its two selects. */
function groupChoice(label, testids, [threshold, count]) {
  const t = numberSelect({ testid: testids[0], 'aria-label': `${label}: shares that restore` }, 1, threshold);
  const n = numberSelect({ testid: testids[1], 'aria-label': `${label}: shares to make` }, 1, count);
  return {
    node: h('p', { class: 'row' }, `${label}: any `, t, ' of ', n, ' shares'),
    value: () => [Number(t.value), Number(n.value)],
  };
}

/** Why a scheme cannot be made, in words (null when it can); SLIP-39's rules, checked again by the core. */
function problem(groupThreshold, groups) {
  for (const [i, [t, n]] of groups.entries()) {
    const which = groups.length === 1 ? 'The backup' : `Group ${i + 1}`;
    if (t > n) return `${which} cannot need ${t} shares when it has only ${n}. Choose a smaller number of shares that restore, or make more shares.`;
    if (t === 1 && n > 1) return `${which}: with “any 1” every share would be a full copy of the wallet, which SLIP-39 does not allow. Choose at least 2 shares that restore, or make 1 share.`;
  }
  if (groupThreshold > groups.length) return `${groupThreshold} groups cannot be needed when there are only ${groups.length}.`;
  return null;
}

export function createShamirScreen({ go, params: { replace = false } }) {
  const fields = newPasswordFields();
  const first = groupChoice('Shares', ['share-threshold', 'share-count'], [2, 3]);
  // Advanced: more groups. Group 1 is the choice above.
  const extra = h('div', { class: 'fields' });
  let others = [];
  const groupThreshold = numberSelect({ testid: 'group-threshold', 'aria-label': 'Groups that restore' }, 1, 1);
  const groupCount = numberSelect({
    testid: 'group-count',
    'aria-label': 'Number of groups',
    onchange: () => {
      const n = Number(groupCount.value);
      others = Array.from({ length: n - 1 }, (_, i) => others[i] ?? groupChoice(`Group ${i + 2}`, [`group-${i + 2}-threshold`, `group-${i + 2}-count`], [2, 3]));
      extra.replaceChildren(...others.map((g) => g.node));
    },
  }, 1, 1);
  const advanced = h('details', {},
    h('summary', {}, 'Advanced: groups'),
    h('p', { class: 'small muted' }, 'Split the shares into groups (e.g. family and friends), each with its own threshold: the wallet comes back from enough shares of enough groups. With one group, the choice above is all there is.'),
    h('p', { class: 'row' }, 'Groups: ', groupCount, ' — any ', groupThreshold, ' of them restore'),
    extra);

  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, 'Create the wallet and its shares');
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const groups = [first.value(), ...others.map((g) => g.value())];
      const threshold = groups.length === 1 ? 1 : Number(groupThreshold.value);
      const why = problem(threshold, groups);
      if (why) throw new Error(why);
      const password = fields.value();
      await call('createShamir', { password, groupThreshold: threshold, groups, replace });
      // From here the wallet's backup is "not confirmed": closing the popup now leaves the home
      // reminder, which gets the shares again through the password.
      const { shares, set } = await call('revealShares', { password });
      fields.clear();
      go('backup-shares', { shares, set });
    },
  }, fields.node, h('h2', {}, 'Shares'), first.node, advanced, error, next);
  show(
    h('h1', {}, 'Create a wallet with Shamir shares'),
    h('p', {}, 'Instead of one Secret Recovery Phrase, your wallet is split into shares (SLIP-39, as on a Trezor): any few of them restore it, and one share alone reveals nothing. Keep each share in a different place.'),
    entry,
  );
}
