// Settings → Check a share: the user types one share, and Keystead says whether it belongs to
// this wallet and which share it is; or several, and it says whether they restore this wallet.
// Nothing is shown or changed, except that a match records its date. The fields are emptied
// after every check.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { formatDate } from '../ui/format.js';
import { withToggle } from '../ui/masked.js';
import { forgetOnLeave } from '../ui/forget-on-leave.js';
import { shareInput } from '../components/share-input.js';
import { shareName, thresholdText } from '../components/share-text.js';

/** What to say for the worker's answer `{ result, exact?, share?, status }`. */
function verdict({ result, exact, share, status }) {
  const set = status.shareSet;
  switch (result) {
    case 'member':
      return exact
        ? { ok: true, text: `It belongs to this wallet: it is ${shareName(share, set).toLowerCase()}, word for word as Keystead made it. ${thresholdText(set)}.` }
        : { ok: true, text: `It belongs to this wallet’s backup: it is ${shareName(share, set).toLowerCase()}, and ${share.memberThreshold} shares of its group restore the wallet. Keystead keeps this wallet’s master secret, not the shares it was restored from, so it checked the share’s checksum and backup number only; to check the words themselves, type enough shares to restore the wallet.` };
    case 'not-member':
      return { ok: false, text: 'It carries this wallet’s backup number but is not one of its shares: its words differ from the share Keystead made. It cannot help restore this wallet.' };
    case 'other-set':
      return { ok: false, text: 'It belongs to another backup, not to this wallet. It cannot help restore this wallet.' };
    case 'restores':
      return { ok: true, text: `They restore this wallet. Checked ${formatDate(status.backup.phraseVerifiedAt)}.` };
    default:
      return { ok: false, text: 'They fit together, but restore another wallet than this one: check the passphrase (if you used one) and that they are this wallet’s shares.' };
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
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'check-share-submit' }, 'Check');
  const entry = form({
    submit,
    error,
    work: async () => {
      result.hidden = true;
      const typed = shares.shares();
      if (typed.length === 0) throw new Error('Type a share first.');
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
  status.shareSet?.passphrase ? [h('label', { for: 'share-passphrase' }, 'Passphrase'), withToggle(passphrase, 'the passphrase'),
    h('p', { class: 'muted small' }, 'This wallet was restored with a passphrase: type it to check several shares.')] : null,
  error, submit, result);
  const leave = forgetOnLeave(clear);
  const back = async () => {
    leave();
    go('settings', { status: await call('status') });
  };
  show(
    h('header', {}, h('h1', {}, 'Check a share'), h('button', { testid: 'check-share-back', onclick: back }, 'Back')),
    h('p', {}, 'Type one share from your written copy: Keystead says whether it belongs to this wallet and which share it is. Type enough shares to restore the wallet: it says whether they do. It shows nothing and changes nothing.'),
    entry,
  );
}
