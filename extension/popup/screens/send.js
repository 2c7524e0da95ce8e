// Send ETH or a token of the list from the selected account: asset, recipient, amount (or Max)
// and fee level. The worker checks what is typed as it is typed (recipient warnings, the amount
// against the balance, the three fees for this transaction: background/wallet/send.js); Review
// shows the transaction as a dApp's approval window would (components/transaction-view.js),
// and Confirm signs it in the core and broadcasts it.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { exactAmount, exactEth, explain } from '../ui/format.js';
import { t, formatNumber, normalizeAmount, decimalSeparator } from '../../shared/i18n.js';
import { parseAmount } from '../../shared/amounts.js';
import { addressText, namedAddress, accountNames } from '../ui/address.js';
import { identicon } from '../ui/identicon.js';
import { transactionRows } from '../components/transaction-view.js';

const FEES = ['low', 'market', 'high']; // their names: send_fee_low, send_fee_market, send_fee_high
const TYPING_MS = 300;

/** An exact decimal amount (code notation) and its symbol, in the language's notation. */
const amountText = (amount, symbol) => `${formatNumber(amount)} ${symbol}`;

/** A param of the worker's text: an amount `{ amount, symbol }` written as amountText. */
const param = (v) => (v && typeof v === 'object' && typeof v.amount === 'string' ? amountText(v.amount, v.symbol) : v);

/**
 * A text from the worker (send.js problems, recipient.js warnings), always `{ key, params }`, in
 * the language; null (no problem) stays null.
 */
const said = (x) => (x ? t(x.key, Object.fromEntries(Object.entries(x.params ?? {}).map(([name, v]) => [name, param(v)]))) : x);

/** Each warning about the recipient, saying what to do. */
const warningNodes = (warnings) => warnings.map((w) => h('p', {
  class: `warning ${w.level}`, testid: 'send-warning', 'data-kind': w.kind, 'data-level': w.level,
}, said(w)));

/**
 * What stops the typed amount, in the language, checked here before the worker's own check
 * (shared/amounts.js, the same parser): null when it reads as an amount of `token`.
 */
function amountProblem(typed, token) {
  try {
    parseAmount(normalizeAmount(typed), token.decimals, token.symbol);
    return null;
  } catch (e) {
    return e.key ? t(e.key, { ...e.params, typed: typed.trim().slice(0, 40) }) : e.message;
  }
}

export function sendScreen({ status, refresh }) {
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const nameOf = accountNames(status.accounts);
  const symbol = status.network.symbol;
  const error = errorLine('send-error');
  const asset = h('select', { testid: 'send-asset', id: 'send-asset' }, h('option', { value: 'ETH' }, symbol));
  const balance = h('p', { class: 'muted small', testid: 'send-balance' }, t('send_balance', { amount: '…' }));
  const recipient = h('input', { testid: 'send-recipient', id: 'send-recipient', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…' });
  const checked = h('div', { class: 'small', testid: 'send-recipient-address', hidden: true });
  const warnings = h('div', { class: 'warnings' });
  const amount = h('input', { testid: 'send-amount', id: 'send-amount', type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: `0${decimalSeparator()}0` });
  const maxButton = h('button', { type: 'button', testid: 'send-max' }, t('send_max'));
  const fee = h('select', { testid: 'send-fee', id: 'send-fee' },
    FEES.map((value) => h('option', { value, selected: value === 'market' }, t(`send_fee_${value}`))));
  const review = h('button', { class: 'primary', testid: 'send-review' }, t('send_review'));

  let max = false; // the amount is the Max the worker computed, kept in step with asset and fee
  let latest = 0; // the newest draft asked for: an older answer arriving late is dropped
  let timer = null;

  /** Asks the worker for the draft of what is typed and shows it; null when a newer one was asked meanwhile. */
  async function check({ final = false } = {}) {
    clearTimeout(timer);
    const mine = ++latest;
    const draft = await call('draftSend', { asset: asset.value, to: recipient.value, amount: normalizeAmount(amount.value), max, fee: fee.value });
    if (mine !== latest) return null;
    const token = draft.asset;
    balance.textContent = t('send_balance', { amount: `${exactAmount(token.balance, token.decimals)} ${token.symbol}` });
    const typed = recipient.value.trim() !== '';
    warnings.replaceChildren(...(typed || final ? warningNodes(draft.recipient.warnings) : []));
    checked.hidden = !draft.recipient.address;
    checked.replaceChildren(...(draft.recipient.address ? [t('send_to'), ' ', namedAddress(draft.recipient.address, nameOf)] : []));
    for (const option of fee.options) {
      const level = draft.fees?.[option.value];
      const name = t(`send_fee_${option.value}`); // send_fee_low, send_fee_market, send_fee_high
      option.textContent = level ? t('send_fee_up_to', { level: name, amount: `${exactEth(level.maxFee)} ${symbol}` }) : name;
    }
    if (max && draft.amount) amount.value = draft.amount.replace('.', decimalSeparator()); // plain digits: it reads back as typed
    const problem = (!max && amount.value.trim() !== '' ? amountProblem(amount.value, token) : null) ?? said(draft.problem);
    error.set(problem && (final || max || amount.value.trim() !== '') ? problem : '');
    return draft;
  }
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => check().catch((e) => error.set(explain(e))), TYPING_MS);
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
    h('header', {}, h('h1', {}, t('send_title')), h('button', { testid: 'send-back', onclick: () => refresh() }, t('common_back'))),
    h('p', { class: 'muted from' }, identicon(account.address), t('send_from', { account: account.name, network: status.network.name })),
    h('div', { class: 'fields' },
      h('label', { for: 'send-asset' }, t('send_asset')), asset, balance,
      h('label', { for: 'send-recipient' }, t('send_recipient')), recipient, checked, warnings,
      h('label', { for: 'send-amount' }, t('send_amount')), h('div', { class: 'actions' }, amount, maxButton),
      h('label', { for: 'send-fee' }, t('send_fee')), fee),
    error,
    review,
  ];

  /** The review: what will be signed, exactly as a dApp's approval shows it; Confirm signs and broadcasts. */
  function reviewStep(draft) {
    latest += 1; // an answer still on its way belongs to the form, not to this review
    const confirm = h('button', { class: 'primary', testid: 'send-confirm' }, t('send_confirm'));
    const back = h('button', { testid: 'send-review-back', onclick: () => show(...form) }, t('common_back'));
    confirm.onclick = () => busy(confirm, error, async () => {
      const { hash } = await call('sendTransaction', { from: draft.from, tx: draft.review.tx });
      sent(draft, hash);
    });
    error.set('');
    show(
      h('h1', {}, t('send_review_title')),
      h('p', { testid: 'send-summary' }, t('send_summary', { amount: amountText(draft.amount, draft.asset.symbol) }), ' ', addressText(draft.recipient.address)),
      ...warningNodes(draft.recipient.warnings),
      transactionRows(draft.review.view, nameOf),
      error,
      h('div', { class: 'actions' }, back, confirm),
    );
  }

  function sent(draft, hash) {
    show(
      h('h1', {}, t('send_sent_title')),
      h('p', { class: 'wrap' }, t('send_sent', { amount: amountText(draft.amount, draft.asset.symbol), address: draft.recipient.address })),
      h('code', { class: 'hex', testid: 'send-hash' }, hash),
      h('button', { class: 'primary', testid: 'send-done', onclick: () => refresh() }, t('common_done')),
    );
  }

  show(...form);
  call('tokenBalances', { chainId: status.network.chainId, owner: account.address }).then(
    (tokens) => asset.append(...tokens.map((t) => h('option', { value: t.address }, t.symbol))),
    (e) => error.set(t('token_unavailable', { reason: explain(e) })),
  );
  check().catch((e) => error.set(explain(e)));
}
