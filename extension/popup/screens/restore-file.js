// Restore from an encrypted backup file (Keystead's, or a MetaMask vault file): pick the file,
// type the password it was saved with. The worker checks everything before it writes anything.
// `replace` only where the user already agreed to replace the wallet here (replace-warning.js).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { passwordGate } from '../components/gate.js';

export function restoreFileScreen({ params: { replace = false }, refresh }) {
  const file = h('input', { type: 'file', accept: '.json,application/json', testid: 'restore-file-input', id: 'restore-file-input' });
  const gate = passwordGate({
    prompt: t('import_file_prompt'),
    submitText: replace ? t('import_file_submit_replace') : t('import_file_submit'),
    work: async (password) => {
      const chosen = file.files?.[0];
      if (!chosen) throw new Error(t('import_file_missing'));
      refresh(await call('restoreFromFile', { text: await chosen.text(), password, replace }));
    },
  });
  show(
    h('header', {}, h('h1', {}, t('import_file_title')), h('button', { testid: 'restore-file-back', onclick: () => refresh() }, t('common_back'))),
    h('p', {}, t('import_file_intro')),
    h('label', { for: 'restore-file-input' }, t('import_file_label')),
    file,
    gate,
  );
}
