// The approval window's warnings, each its own element (data-testid approval-warning, data-kind
// its kind), worded with what happened and what to do. The worker finds the facts
// (wallet/insight/warnings.js: kinds and their parameters, no text); blind-hash and
// hidden-characters come from the text the window shows (message-view.js, typed-data-view.js).
import { h } from '../ui/dom.js';
import { addressWords } from '../ui/address.js';
import { formatDeadline } from '../ui/format.js';
import { t, tn } from '../../shared/i18n.js';

/** How a token is named in a warning: its symbol, else its short address. */
const tokenWords = (token, nameOf) => token?.symbol ?? (token?.address ? t('warning_token_at', { address: addressWords(token.address, nameOf) }) : t('warning_this_token'));

// Keys: warning_unlimited_allowance, warning_unlimited_all_nfts, warning_unlimited_permit,
// warning_unlimited_permit2_allowance, warning_unlimited_permit2_transfer.
const UNLIMITED_SUBJECTS = ['allowance', 'all-nfts', 'permit', 'permit2-allowance', 'permit2-transfer'];

function unlimited(w, n) {
  const subject = UNLIMITED_SUBJECTS.includes(w.subject) ? w.subject : 'allowance';
  const token = subject === 'all-nfts' ? (w.token?.name ?? tokenWords(w.token, n)) : tokenWords(w.token, n);
  return t(`warning_unlimited_${subject.replaceAll('-', '_')}`, { spender: addressWords(w.spender, n), token });
}

/** Why a transaction will fail, from the worker's `reason` (wallet/insight/abi.js revertReason). */
export function revertText(reason) {
  if (!reason) return null;
  if (typeof reason === 'string') return reason; // what the node or the contract said
  switch (reason.kind) {
    case 'text': return reason.text;
    case 'unreadable': return t('insight_revert_unreadable');
    // Keys: insight_panic_1, _11, _12, _21, _22, _31, _32, _41, _51 (hex codes), else insight_panic_other.
    case 'panic': {
      const known = ['1', '11', '12', '21', '22', '31', '32', '41', '51'].includes(reason.code);
      return t('insight_revert_panic', { code: `0x${reason.code}`, what: t(known ? `insight_panic_${reason.code}` : 'insight_panic_other') });
    }
    case 'bad-panic': return t('insight_revert_bad_panic');
    case 'custom': return t('insight_revert_custom', { selector: reason.selector });
    default: return null;
  }
}

const TEXT = {
  'unlimited-approval': unlimited,
  'approval-to-eoa': (w, n) => t('warning_approval_to_eoa', { spender: addressWords(w.spender, n) }),
  'far-deadline': (w) => t(w.subject === 'allowance' || w.subject === 'permit2-allowance' ? 'warning_far_deadline_permission' : 'warning_far_deadline_signature', { until: formatDeadline(w.until) }),
  'no-code': (w, n, network) => t(w.subject === 'verifying-contract' ? 'warning_no_code_verifying' : 'warning_no_code',
    { address: addressWords(w.address, n), network: network?.name ?? t('warning_this_network') }),
  'will-revert': (w) => {
    const why = revertText(w.reason);
    return why ? t('warning_will_revert', { reason: why }) : t('warning_will_revert_no_reason');
  },
};

/** One warning element. */
export function warningLine(kind, text) {
  return h('p', { class: 'warning', testid: 'approval-warning', 'data-kind': kind, role: 'alert' }, text);
}

/** The elements of `warnings` (`{ kind, … }` from the worker), in order; `nameOf` names accounts. */
export function warningList(warnings, { nameOf, network } = {}) {
  return (warnings ?? []).map((w) => warningLine(w.kind, TEXT[w.kind]?.(w, nameOf, network) ?? t('warning_check_request')));
}

/** The warning that a token's symbol or name was withheld for its hidden characters. */
export function hiddenTokenText(token, nameOf) {
  return t('warning_hidden_token', { address: addressWords(token.address, nameOf) });
}

/** The warning that a text holds `count` invisible or control characters, marked ⟨U+…⟩. */
export function hiddenCharsText(what, count) {
  return tn(what === 'message' ? 'warning_hidden_chars_message' : 'warning_hidden_chars_request', count);
}
