// The review of a Speed up or Cancel: the replacement transaction exactly as a dApp's
// transaction is reviewed (same nonce, the new fees), what it does, and Confirm. A refusal by
// the node is shown in words and nothing is recorded.
import { h, show, errorLine, busy, row } from '../ui/dom.js';
import { call } from '../api.js';
import { explain, shortAddress, formatAmount } from '../ui/format.js';
import { t } from '../../shared/i18n.js';
import { transactionRows } from '../components/transaction-view.js';

/** The words of each kind of replacement (activity_review_speed_up_title, _about; activity_review_cancel_title, _about). */
const text = (kind) => (kind === 'cancel'
  ? { title: t('activity_review_cancel_title'), about: t('activity_review_cancel_about'), confirm: t('activity_review_cancel_confirm') }
  : { title: t('activity_review_speed_up_title'), about: t('activity_review_speed_up_about'), confirm: t('activity_speed_up') });

/** A fee per gas (wei) in gwei, every digit, in the language's notation. */
const gwei = (wei) => t('activity_review_gwei', { amount: formatAmount(wei, 9, Infinity) });
const was = (now, before) => t('activity_review_was', { now: gwei(now), before: gwei(before) });

export async function activityReviewScreen({ params, go }) {
  const { hash, kind, address } = params;
  const words = text(kind);
  const error = errorLine('send-error');
  const back = h('button', { testid: 'review-back', onclick: () => go('activity') }, t('common_back'));
  show(h('h1', {}, words.title), h('p', { class: 'muted' }, t('activity_review_loading')), error, back);
  let review;
  try {
    review = await call('replacement', { address, hash, kind });
  } catch (e) {
    error.set(explain(e));
    return;
  }
  const confirm = h('button', { class: 'primary', testid: 'send-confirm' }, words.confirm);
  confirm.onclick = () => busy(confirm, error, async () => {
    await call('replaceTransaction', { address, hash, kind, fees: review.fees });
    go('activity');
  });
  const fees = review.maxPriorityFeePerGas
    ? [row(t('activity_review_max_fee'), was(review.maxFeePerGas, review.previous.maxFeePerGas), 'review-max-fee'),
      row(t('activity_review_priority_fee'), was(review.maxPriorityFeePerGas, review.previous.maxPriorityFeePerGas), 'review-priority-fee')]
    : [row(t('activity_review_gas_price'), was(review.maxFeePerGas, review.previous.gasPrice), 'review-gas-price')];
  show(
    h('h1', {}, words.title),
    h('p', {}, words.about),
    h('section', { class: 'card', testid: 'replace-review', 'data-kind': kind },
      h('dl', {}, row(t('activity_review_replaces'), h('code', { title: review.replaces }, shortAddress(review.replaces))), ...fees),
      transactionRows(review)),
    error,
    h('div', { class: 'actions' }, back, confirm),
  );
}
