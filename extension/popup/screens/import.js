// Import a wallet from its Secret Recovery Phrase with a new password; the worker finds the
// phrase's used accounts. `replace` is set only where the user chose to replace a wallet that
// is there (the recovery screen, the "forgot password" warning).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { t, tn } from '../../shared/i18n.js';
import { newPasswordFields } from '../components/new-password.js';
import { phraseInput } from '../components/phrase-input.js';

export function importScreen({ params: { replace = false }, refresh }) {
  const words = phraseInput();
  const fields = newPasswordFields();
  const error = errorLine();
  const next = h('button', { class: 'primary', testid: 'onboarding-next', type: 'submit' }, t('import_submit'));
  const entry = form({
    submit: next,
    error,
    work: async () => {
      const password = fields.value();
      const status = await call('restore', { password, phrase: words.phrase(), replace });
      words.clear();
      fields.clear();
      if (status.discovery?.checked === false) discoveryNote(status, refresh);
      else refresh(status);
    },
  }, words.node, fields.node, error, next);
  window.addEventListener('pagehide', () => words.clear(), { once: true });
  show(
    h('h1', {}, replace ? t('import_title_replace') : t('import_title')),
    h('p', {}, t('import_intro')),
    entry,
    h('button', { type: 'button', testid: 'import-back', onclick: () => { words.clear(); fields.clear(); refresh(); } }, t('common_cancel')),
  );
}

/** The node could not be asked which accounts were used: say so, and how to get them back. */
function discoveryNote(status, done) {
  const { count, network } = status.discovery;
  show(
    h('h1', {}, t('import_restored_title')),
    h('p', { testid: 'discovery-note', role: 'status' },
      tn('import_discovery_note', count, { network })),
    h('button', { class: 'primary', testid: 'discovery-continue', onclick: () => done(status) }, t('common_continue')),
  );
}
