// One transaction of Activity: status in words, time, what was sent and to whom, the fee paid
// (or at most, while pending), the hash; Speed up and Cancel while it is the pending one of its
// nonce. The item carries data-status and data-hash.
import { h } from '../ui/dom.js';
import { formatAmount, exactEth, shortAddress } from '../ui/format.js';

const STATUS_WORDS = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  failed: 'Failed: reverted, nothing moved but the fee',
  dropped: 'Dropped: never mined, nothing paid',
  replaced: 'Replaced: another transaction with its nonce was mined',
};

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function what(entry) {
  if (entry.kind === 'cancel') return 'Cancel';
  if (entry.kind === 'speed-up') return 'Speed-up';
  if (entry.asset.address) return `Sent ${entry.asset.symbol}`;
  return entry.contractCall ? 'Contract call' : `Sent ${entry.asset.symbol}`;
}

function fee(entry, symbol) {
  if (entry.fee !== undefined) return `Fee ${exactEth(entry.fee)} ${symbol}`;
  if (entry.status === 'pending') return `Fee at most ${exactEth(BigInt(entry.gas) * BigInt(entry.maxFeePerGas ?? entry.gasPrice))} ${symbol}`;
  return 'No fee paid';
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
      h('span', { class: 'status', testid: 'activity-status' }, STATUS_WORDS[entry.status] ?? entry.status)),
    h('div', { class: 'activity-line' },
      h('span', { testid: 'activity-amount' }, amount),
      h('span', { testid: 'activity-recipient', title: entry.recipient ?? '' }, entry.recipient ? `to ${shortAddress(entry.recipient)}` : 'new contract')),
    h('div', { class: 'activity-line small muted' },
      h('span', { testid: 'activity-fee' }, fee(entry, network.symbol)),
      h('time', { testid: 'activity-time', datetime: new Date(entry.submittedAt).toISOString() }, TIME.format(entry.submittedAt))),
    h('div', { class: 'activity-line small muted' },
      hash,
      h('span', {}, `nonce ${Number(entry.nonce)}`),
      entry.origin !== 'keystead' ? h('span', { class: 'origin-tag', title: entry.origin }, `via ${new URL(entry.origin).host}`) : null),
    actions ? h('div', { class: 'actions' },
      h('button', { testid: 'speed-up', onclick: actions.speedUp }, 'Speed up'),
      h('button', { testid: 'cancel-tx', onclick: actions.cancel }, 'Cancel')) : null);
}
