// Settings → Check a share: the user types one share, and Keystead says whether it belongs to
// this wallet and which share it is; or several, and it says whether they restore this wallet.
// Nothing is shown or changed, except that a match records its date. The fields are emptied
// after every check.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { withToggle } from '../ui/masked.js';
import { forgetOnLeave } from '../ui/forget-on-leave.js';
import { shareInput } from '../components/share-input.js';
import { shareName, thresholdText } from '../components/share-text.js';
import { t, formatDate } from '../../shared/i18n.js';

/** What to say for the worker's answer `{ result, exact?, share?, status }`. */
function verdict({ result, exact, share, status }) {
  const set = status.shareSet;
  switch (result) {
    case 'member':
      return exact
        ? { ok: true, text: t('share_check_member', { share: shareName(share, set).toLowerCase(), restore: thresholdText(set) }) }
        : { ok: true, text: t('share_check_member_unsure', { share: shareName(share, set).toLowerCase(), threshold: share.memberThreshold }) };
    case 'not-member':
      return { ok: false, text: t('share_check_not_member') };
    case 'other-set':
      return { ok: false, text: t('share_check_other_set') };
    case 'restores':
      return { ok: true, text: t('share_check_restores', { date: formatDate(status.backup.phraseVerifiedAt) }) };
    default:
      return { ok: false, text: t('share_check_other_wallet') };
  }
}

export function checkShareScreen({ status, go }) {
  const shares = shareInput({ initial: 1 });
  const passphrase = secretInput({ testid: 'share-passphrase', id: 'share-passphrase' });
  const clear = () => {
    shares.clear();
    passphrase.value = '';
  };
  const error = errorLine();
  const result = h('p', { testid: 'check-share-result', role: 'status', hidden: true });
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'check-share-submit' }, t('share_check_submit'));
  const entry = form({
    submit,
    error,
    work: async () => {
      result.hidden = true;
      const typed = shares.shares();
      if (typed.length === 0) throw new Error(t('share_check_empty'));
      let answer;
      try {
        answer = await call('checkShares', { shares: typed, passphrase: passphrase.value });
      } finally {
        clear();
      }
      const { ok, text } = verdict(answer);
      result.className = ok ? 'ok' : 'error';
      result.dataset.result = answer.result;
      result.textContent = text;
      result.hidden = false;
    },
  }, shares.node,
  status.shareSet?.passphrase ? [h('label', { for: 'share-passphrase' }, t('share_check_passphrase')), withToggle(passphrase, t('share_toggle_passphrase')),
    h('p', { class: 'muted small' }, t('share_check_passphrase_note'))] : null,
  error, submit, result);
  const leave = forgetOnLeave(clear);
  const back = async () => {
    leave();
    go('settings', { status: await call('status') });
  };
  show(
    h('header', {}, h('h1', {}, t('share_check_title')), h('button', { testid: 'check-share-back', onclick: back }, t('common_back'))),
    h('p', {}, t('share_check_intro')),
    entry,
  );
}
