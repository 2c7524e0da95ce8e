// Create a wallet backed up with Shamir shares (SLIP-39): a new password, how many shares to make
// (`share-count`) and how many of them restore the wallet (`share-threshold`); as an advanced
// choice, several groups, each with its own threshold, and how many groups restore it. Then each
// share is shown and confirmed on its own (backup-shares.js).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { newPasswordFields } from '../components/new-password.js';
import { t } from '../../shared/i18n.js';

/** Most groups, and most shares of a group (SLIP-39). */
const MAX = 16;

/** A <select> of the numbers `from`..MAX. */
function numberSelect(attrs, from, chosen) {
  return h('select', attrs, Array.from({ length: MAX - from + 1 }, (_, i) => from + i)
    .map((n) => h('option', { value: String(n), selected: n === chosen }, String(n))));
}

/**
 * The message `key` with its `{name}` placeholders replaced by the nodes `slots[name]` (the
 * others filled from `params`): a sentence with drop-down lists in it, in the language's order.
 */
function sentence(key, slots, params = {}) {
  return t(key, params).split(/\{(\w+)\}/).map((part, i) => (i % 2 ? slots[part] ?? `{${part}}` : part)).filter((part) => part !== '');
}

/** One group's "T of N" choice; `testids` name its two selects. */
function groupChoice(label, testids, [threshold, count]) {
  const need = numberSelect({ testid: testids[0], 'aria-label': t('shamir_threshold_aria', { label }) }, 1, threshold);
  const make = numberSelect({ testid: testids[1], 'aria-label': t('shamir_count_aria', { label }) }, 1, count);
  return {
    node: h('p', { class: 'row' }, ...sentence('shamir_group_row', { threshold: need, count: make }, { label })),
    value: () => [Number(need.value), Number(make.value)],
  };
}

/** Why a scheme cannot be made, in words (null when it can); SLIP-39's rules, checked again by the core. */
function problem(groupThreshold, groups) {
  for (const [i, [threshold, count]] of groups.entries()) {
    const which = groups.length === 1 ? t('shamir_which_backup') : t('shamir_group', { n: i + 1 });
    if (threshold > count) return t('shamir_too_few', { which, threshold, count });
    if (threshold === 1 && count > 1) return t('shamir_any_one', { which });
  }
  if (groupThreshold > groups.length) return t('shamir_groups_too_few', { threshold: groupThreshold, count: groups.length });
  return null;
}

export function createShamirScreen({ go, params: { replace = false } }) {
  const fields = newPasswordFields();
  const first = groupChoice(t('shamir_shares'), ['share-threshold', 'share-count'], [2, 3]);
  // Advanced: more groups. Group 1 is the choice above.
  const extra = h('div', { class: 'fields' });
  let others = [];
  const groupThreshold = numberSelect({ testid: 'group-threshold', 'aria-label': t('shamir_group_threshold_aria') }, 1, 1);
  const groupCount = numberSelect({
    testid: 'group-count',
    'aria-label': t('shamir_group_count_aria'),
    onchange: () => {
      const n = Number(groupCount.value);
      others = Array.from({ length: n - 1 }, (_, i) => others[i] ?? groupChoice(t('shamir_group', { n: i + 2 }), [`group-${i + 2}-threshold`, `group-${i + 2}-count`], [2, 3]));
      extra.replaceChildren(...others.map((g) => g.node));
    },
  }, 1, 1);
  const advanced = h('details', {},
    h('summary', {}, t('shamir_advanced')),
    h('p', { class: 'small muted' }, t('shamir_advanced_intro')),
    h('p', { class: 'row' }, ...sentence('shamir_groups_row', { count: groupCount, threshold: groupThreshold })),
    extra);

  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, t('shamir_submit'));
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
  }, fields.node, h('h2', {}, t('shamir_shares')), first.node, advanced, error, next);
  show(
    h('h1', {}, t('shamir_title')),
    h('p', {}, t('shamir_intro')),
    entry,
  );
}
