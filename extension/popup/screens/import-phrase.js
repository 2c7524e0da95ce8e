// Import another Secret Recovery Phrase into the unlocked wallet (`import-another-phrase` in
// Settings): the phrase, typed word by word in masked fields (components/phrase-input.js), and
// the wallet's password, which the worker checks against the stored vault. Its used accounts
// join the wallet, labelled by phrase. A phrase the wallet already holds, a wrong password or
// words that are no phrase change nothing and say so. The fields are emptied after every try.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { call } from '../api.js';
import { t, tn } from '../../shared/i18n.js';
import { coreDetail } from '../../shared/core-errors.js';
import { forgetOnLeave } from '../ui/forget-on-leave.js';
import { phraseInput } from '../components/phrase-input.js';

/** What to tell the user for an error of importPhrase, by its code. */
function errorText(e) {
  if (e?.code === 'DUPLICATE_PHRASE') return t('multiphrase_error_duplicate');
  if (e?.code === 'INCORRECT_PASSWORD') return t('multiphrase_error_password');
  if (e?.code === 'INVALID_PHRASE') return t('multiphrase_error_invalid', { problem: coreDetail(e.message) });
  return null;
}

export function importPhraseScreen({ refresh }) {
  const words = phraseInput('srp-import-word');
  const password = secretInput({ testid: 'import-phrase-password', id: 'import-phrase-password', 'aria-label': t('multiphrase_password_label') });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'import-phrase-submit' }, t('multiphrase_import_submit'));
  const forget = () => {
    words.clear();
    password.value = '';
  };
  const leave = forgetOnLeave(forget);
  const entry = form({
    submit,
    error,
    work: async () => {
      const phrase = words.phrase();
      const pass = password.value;
      if (phrase.split(' ').some((w) => !w)) throw new Error(t('multiphrase_error_fill'));
      if (!pass) throw new Error(t('multiphrase_error_no_password'));
      let next;
      try {
        next = await call('importPhrase', { phrase, password: pass });
      } catch (e) {
        const text = errorText(e);
        throw text ? Object.assign(new Error(text), { code: 'SHOWN' }) : e;
      } finally {
        forget();
      }
      leave();
      if (next.discovery?.checked === false) discoveryNote(next, refresh);
      else refresh(next);
    },
  }, words.node,
  h('label', { for: 'import-phrase-password' }, t('multiphrase_password_prompt')), withToggle(password, t('multiphrase_password_label')),
  error, submit);
  show(
    h('header', {}, h('h1', {}, t('multiphrase_import_title')),
      h('button', { type: 'button', testid: 'import-phrase-back', onclick: () => { leave(); refresh(); } }, t('multiphrase_cancel'))),
    h('p', {}, t('multiphrase_import_intro')),
    entry,
  );
}

/** The node could not be asked which accounts of the new phrase were used: say so, and how to add them. */
function discoveryNote(status, done) {
  const { count, network } = status.discovery;
  show(
    h('h1', {}, t('multiphrase_imported_title')),
    h('p', { testid: 'discovery-note', role: 'status' }, tn('multiphrase_discovery_unchecked', count, { network })),
    h('button', { class: 'primary', testid: 'discovery-continue', onclick: () => done(status) }, t('multiphrase_continue')),
  );
}
