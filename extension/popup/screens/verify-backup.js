// Verify my backup: the user types the phrase they wrote down and Keystead says whether it is
// this wallet's phrase. Nothing is shown or changed, except that a match records the date.
// The fields are emptied after every check.
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { t, formatDate } from '../../shared/i18n.js';
import { coreDetail } from '../../shared/core-errors.js';
import { forgetOnLeave } from '../ui/forget-on-leave.js';
import { phraseInput } from '../components/phrase-input.js';
import { phraseHeading } from '../components/phrase-label.js';

/** When phrase `n` was last verified (phrase 1's date is the record's own; wallet/backup.js). */
const verifiedAt = (backup, n = 1) => (n === 1 ? backup.phraseVerifiedAt : backup.phrases?.[n]?.verifiedAt);

function verdict({ match, valid, problem, status }, number) {
  if (match) return { ok: true, text: t('verify_match', { date: formatDate(verifiedAt(status.backup, number)) }) };
  if (!valid) return { ok: false, text: t('verify_invalid', { problem: coreDetail(problem) }) };
  return { ok: false, text: t('verify_mismatch') };
}

// `params.phrase`: which of the wallet's phrases (from 1; asked by choose-phrase when there are several).
export function verifyBackupScreen({ status, params: { phrase: number } = {}, go }) {
  const words = phraseInput('srp-verify-word');
  const error = errorLine();
  const result = h('p', { testid: 'verify-backup-result', role: 'status', hidden: true });
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'verify-backup-submit' }, t('verify_submit'));
  const entry = form({
    submit,
    error,
    work: async () => {
      result.hidden = true;
      const phrase = words.phrase();
      if (phrase.split(' ').some((w) => !w)) throw new Error(t('verify_fill_every'));
      let answer;
      try {
        answer = await call('verifyBackup', { phrase, number });
      } finally {
        words.clear();
      }
      const { ok, text } = verdict(answer, number);
      result.className = ok ? 'ok' : 'error';
      result.textContent = text;
      result.hidden = false;
    },
  }, words.node, error, submit, result);
  const leave = forgetOnLeave(() => words.clear());
  const back = async () => {
    leave();
    go('settings', { status: await call('status') });
  };
  show(
    h('header', {}, h('h1', {}, t('verify_title')), h('button', { testid: 'verify-backup-back', onclick: back }, t('common_back'))),
    ...phraseHeading(status, number),
    h('p', {}, t('verify_intro')),
    entry,
  );
}
