// Send ETH or a token of the list from the selected account: asset, recipient, amount (or Max)
// and fee level. The worker checks what is typed as it is typed (recipient warnings, the amount
// against the balance, the three fees for this transaction: background/wallet/send.js); Review
// shows the transaction as a dApp's approval window would (components/transaction-view.js),
// and Confirm signs it in the core and broadcasts it.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { exactAmount, exactEth } from '../ui/format.js';
import { addressText, namedAddress, accountNames } from '../ui/address.js';
import { identicon } from '../ui/identicon.js';
import { transactionRows } from '../components/transaction-view.js';

const FEES = [['low', 'Low'], ['market', 'Market'], ['high', 'High']];
const TYPING_MS = 300;

/** Each warning about the recipient, saying what to do. */
const warningNodes = (warnings) => warnings.map((w) => h('p', {
  class: `warning ${w.level}`, testid: 'send-warning', 'data-kind': w.kind, 'data-level': w.level,
}, w.text));

export function sendScreen({ status, refresh }) {
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const nameOf = accountNames(status.accounts);
  const symbol = status.network.symbol;
  const error = errorLine('send-error');
  const asset = h('select', { testid: 'send-asset', id: 'send-asset' }, h('option', { value: 'ETH' }, symbol));
  const balance = h('p', { class: 'muted small', testid: 'send-balance' }, 'Balance: …');
  const recipient = h('input', { testid: 'send-recipient', id: 'send-recipient', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…' });
  const checked = h('div', { class: 'small', testid: 'send-recipient-address', hidden: true });
  const warnings = h('div', { class: 'warnings' });
  const amount = h('input', { testid: 'send-amount', id: 'send-amount', type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '0.0' });
  const maxButton = h('button', { type: 'button', testid: 'send-max' }, 'Max');
  const fee = h('select', { testid: 'send-fee', id: 'send-fee' },
    FEES.map(([value, label]) => h('option', { value, selected: value === 'market' }, label)));
  const review = h('button', { class: 'primary', testid: 'send-review' }, 'Review');

  let max = false; // the amount is the Max the worker computed, kept in step with asset and fee
  let latest = 0; // the newest draft asked for: an older answer arriving late is dropped
  let timer = null;

  /** Asks the worker for the draft of what is typed and shows it; null when a newer one was asked meanwhile. */
  async function check({ final = false } = {}) {
    clearTimeout(timer);
    const mine = ++latest;
    const draft = await call('draftSend', { asset: asset.value, to: recipient.value, amount: amount.value, max, fee: fee.value });
    if (mine !== latest) return null;
    const token = draft.asset;
    balance.textContent = `Balance: ${exactAmount(token.balance, token.decimals)} ${token.symbol}`;
    const typed = recipient.value.trim() !== '';
    warnings.replaceChildren(...(typed || final ? warningNodes(draft.recipient.warnings) : []));
    checked.hidden = !draft.recipient.address;
    checked.replaceChildren(...(draft.recipient.address ? ['To ', namedAddress(draft.recipient.address, nameOf)] : []));
    for (const option of fee.options) {
      const level = draft.fees?.[option.value];
      option.textContent = `${FEES.find(([v]) => v === option.value)[1]}${level ? ` · up to ${exactEth(level.maxFee)} ${symbol}` : ''}`;
    }
    if (max && draft.amount) amount.value = draft.amount;
    error.set(draft.problem && (final || max || amount.value.trim() !== '') ? draft.problem : '');
    return draft;
  }
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => check().catch((e) => error.set(e.message)), TYPING_MS);
  };

  recipient.addEventListener('input', soon);
  amount.addEventListener('input', () => {
    max = false;
    soon();
  });
  asset.addEventListener('change', () => {
    if (!max) amount.value = '';
    soon();
  });
  fee.addEventListener('change', soon);
  maxButton.onclick = () => busy(maxButton, error, () => {
    max = true;
    return check();
  });
  review.onclick = () => busy(review, error, async () => {
    const draft = await check({ final: true });
    if (draft?.review) reviewStep(draft);
  });

  const form = [
    h('header', {}, h('h1', {}, 'Send'), h('button', { testid: 'send-back', onclick: () => refresh() }, 'Back')),
    h('p', { class: 'muted from' }, identicon(account.address), `From ${account.name} on ${status.network.name}`),
    h('div', { class: 'fields' },
      h('label', { for: 'send-asset' }, 'Asset'), asset, balance,
      h('label', { for: 'send-recipient' }, 'Recipient'), recipient, checked, warnings,
      h('label', { for: 'send-amount' }, 'Amount'), h('div', { class: 'actions' }, amount, maxButton),
      h('label', { for: 'send-fee' }, 'Fee'), fee),
    error,
    review,
  ];

  /** The review: what will be signed, exactly as a dApp's approval shows it; Confirm signs and broadcasts. */
  function reviewStep(draft) {
    latest += 1; // an answer still on its way belongs to the form, not to this review
    const confirm = h('button', { class: 'primary', testid: 'send-confirm' }, 'Confirm and send');
    const back = h('button', { testid: 'send-review-back', onclick: () => show(...form) }, 'Back');
    confirm.onclick = () => busy(confirm, error, async () => {
      const { hash } = await call('sendTransaction', { from: draft.from, tx: draft.review.tx });
      sent(draft, hash);
    });
    error.set('');
    show(
      h('h1', {}, 'Review'),
      h('p', { testid: 'send-summary' }, `Send ${draft.amount} ${draft.asset.symbol} to `, addressText(draft.recipient.address)),
      ...warningNodes(draft.recipient.warnings),
      transactionRows(draft.review.view, nameOf),
      error,
      h('div', { class: 'actions' }, back, confirm),
    );
  }

  function sent(draft, hash) {
    show(
      h('h1', {}, 'Sent'),
      h('p', { class: 'wrap' }, `The network accepted the transaction: ${draft.amount} ${draft.asset.symbol} to ${draft.recipient.address}. It is confirmed once it is in a block.`),
      h('code', { class: 'hex', testid: 'send-hash' }, hash),
      h('button', { class: 'primary', testid: 'send-done', onclick: () => refresh() }, 'Done'),
    );
  }

  show(...form);
  call('tokenBalances', { chainId: status.network.chainId, owner: account.address }).then(
    (tokens) => asset.append(...tokens.map((t) => h('option', { value: t.address }, t.symbol))),
    (e) => error.set(`Tokens unavailable: ${e.message}`),
  );
  check().catch((e) => error.set(e.message));
}
