// The review of a Speed up or Cancel: the replacement transaction exactly as a dApp's
// transaction is reviewed (same nonce, the new fees), what it does, and Confirm. A refusal by
// the node is shown in words and nothing is recorded.
import { h, show, errorLine, busy, row } from '../ui/dom.js';
import { call } from '../api.js';
import { explain, shortAddress } from '../ui/format.js';
import { transactionRows } from '../components/transaction-view.js';

const TEXT = {
  'speed-up': {
    title: 'Speed up this transaction?',
    about: 'Keystead signs the same transaction again, with the same nonce and higher fees. The network mines one of the two, most likely the new one; the other ends “Replaced”.',
    confirm: 'Speed up',
  },
  cancel: {
    title: 'Cancel this transaction?',
    about: 'Keystead sends 0 to your own account with the same nonce and higher fees. If that is mined first, the pending transaction never happens; you pay only this one’s fee. If the pending one is mined first, it cannot be undone.',
    confirm: 'Cancel transaction',
  },
};

const gwei = (wei) => `${Number(BigInt(wei)) / 1e9} gwei`;

export async function activityReviewScreen({ params, go }) {
  const { hash, kind, address } = params;
  const text = TEXT[kind];
  const error = errorLine('send-error');
  const back = h('button', { testid: 'review-back', onclick: () => go('activity') }, 'Back');
  show(h('h1', {}, text.title), h('p', { class: 'muted' }, 'Getting the current fees…'), error, back);
  let review;
  try {
    review = await call('replacement', { address, hash, kind });
  } catch (e) {
    error.set(explain(e));
    return;
  }
  const confirm = h('button', { class: 'primary', testid: 'send-confirm' }, text.confirm);
  confirm.onclick = () => busy(confirm, error, async () => {
    await call('replaceTransaction', { address, hash, kind, fees: review.fees });
    go('activity');
  });
  const fees = review.maxPriorityFeePerGas
    ? [row('Max fee per gas', `${gwei(review.maxFeePerGas)} (was ${gwei(review.previous.maxFeePerGas)})`, 'review-max-fee'),
      row('Priority fee', `${gwei(review.maxPriorityFeePerGas)} (was ${gwei(review.previous.maxPriorityFeePerGas)})`, 'review-priority-fee')]
    : [row('Gas price', `${gwei(review.maxFeePerGas)} (was ${gwei(review.previous.gasPrice)})`, 'review-gas-price')];
  show(
    h('h1', {}, text.title),
    h('p', {}, text.about),
    h('section', { class: 'card', testid: 'replace-review', 'data-kind': kind },
      h('dl', {}, row('Replaces', h('code', { title: review.replaces }, shortAddress(review.replaces))), ...fees),
      transactionRows(review)),
    error,
    h('div', { class: 'actions' }, back, confirm),
  );
}
