// Settings → Download encrypted backup file: what the file protects and what it does not, the
// password, then the browser saves keystead-backup-YYYY-MM-DD.json (built by the worker).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from '../components/gate.js';
import { datedFileName, saveTextFile } from '../ui/download.js';
import { t } from '../../shared/i18n.js';

export function backupFileScreen({ refresh }) {
  const saved = h('p', { testid: 'backup-file-saved', role: 'status', hidden: true });
  const gate = passwordGate({
    prompt: t('file_prompt'),
    submitText: t('file_submit'),
    work: async (password) => {
      const { text, createdAt } = await call('backupFile', { password });
      const name = datedFileName('keystead-backup', new Date(createdAt));
      saveTextFile(name, text);
      saved.textContent = t('file_saved', { name });
      saved.hidden = false;
    },
  });
  show(
    h('header', {}, h('h1', {}, t('file_title')), h('button', { testid: 'backup-file-back', onclick: () => refresh() }, t('common_back'))),
    h('p', {}, t('file_contents')),
    h('p', {}, t('file_strength')),
    gate,
    saved,
  );
}
