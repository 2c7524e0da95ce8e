// One transaction of Activity: status in words, time, what was sent and to whom, the fee paid
// (or at most, while pending), the hash; Speed up and Cancel while it is the pending one of its
// nonce. The item carries data-status and data-hash.
import { h } from '../ui/dom.js';
import { formatAmount, exactEth, shortAddress, formatDate } from '../ui/format.js';
import { t } from '../../shared/i18n.js';

// Its status in words: activity_status_pending, _confirmed, _failed, _dropped, _replaced.
const STATUSES = ['pending', 'confirmed', 'failed', 'dropped', 'replaced'];
const statusWords = (status) => (STATUSES.includes(status) ? t(`activity_status_${status}`) : status);

function what(entry) {
  if (entry.kind === 'cancel') return t('activity_kind_cancel');
  if (entry.kind === 'speed-up') return t('activity_kind_speed_up');
  if (entry.asset.address) return t('activity_kind_sent', { symbol: entry.asset.symbol });
  return entry.contractCall ? t('activity_kind_call') : t('activity_kind_sent', { symbol: entry.asset.symbol });
}

function fee(entry, symbol) {
  if (entry.fee !== undefined) return t('activity_fee_paid', { amount: `${exactEth(entry.fee)} ${symbol}` });
  if (entry.status === 'pending') return t('activity_fee_at_most', { amount: `${exactEth(BigInt(entry.gas) * BigInt(entry.maxFeePerGas ?? entry.gasPrice))} ${symbol}` });
  return t('activity_fee_none');
}

/**
 * The list item of `entry` on `network`; `actions` ({ speedUp, cancel }, or null) when it can
 * be sped up or cancelled.
 */
export function activityItem(entry, network, actions) {
  const amount = `${formatAmount(entry.asset.amount, entry.asset.decimals, Infinity)} ${entry.asset.symbol}`;
  const hash = network.explorerUrl
    ? h('a', { href: `${network.explorerUrl.replace(/\/+$/, '')}/tx/${entry.hash}`, target: '_blank', rel: 'noopener noreferrer', title: entry.hash }, shortAddress(entry.hash))
    : h('code', { title: entry.hash }, shortAddress(entry.hash));
  return h('li', { class: `card activity-item ${entry.status}`, testid: 'activity-item', 'data-status': entry.status, 'data-hash': entry.hash },
    h('div', { class: 'activity-head' },
      h('strong', {}, what(entry)),
      h('span', { class: 'status', testid: 'activity-status' }, statusWords(entry.status))),
    h('div', { class: 'activity-line' },
      h('span', { testid: 'activity-amount' }, amount),
      h('span', { testid: 'activity-recipient', title: entry.recipient ?? '' }, entry.recipient ? t('activity_to', { address: shortAddress(entry.recipient) }) : t('activity_new_contract'))),
    h('div', { class: 'activity-line small muted' },
      h('span', { testid: 'activity-fee' }, fee(entry, network.symbol)),
      h('time', { testid: 'activity-time', datetime: new Date(entry.submittedAt).toISOString() }, formatDate(entry.submittedAt))),
    h('div', { class: 'activity-line small muted' },
      hash,
      h('span', {}, t('activity_nonce', { nonce: Number(entry.nonce) })),
      entry.origin !== 'keystead' ? h('span', { class: 'origin-tag', title: entry.origin }, t('activity_via', { site: new URL(entry.origin).host })) : null),
    actions ? h('div', { class: 'actions' },
      h('button', { testid: 'speed-up', onclick: actions.speedUp }, t('activity_speed_up')),
      h('button', { testid: 'cancel-tx', onclick: actions.cancel }, t('activity_cancel'))) : null);
}
