// The password gate in front of every secret (reveal the phrase, export a key, the backup
// file): one password field and a submit button. `work(password)` does the gated call; the
// field is emptied whether it succeeds or not, and a wrong password is shown in the error line.
import { h, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { t } from '../../shared/i18n.js';

export function passwordGate({ prompt = t('password_gate_prompt'), submitText = t('common_continue'), work }) {
  const password = secretInput({ testid: 'gate-password', id: 'gate-password', 'aria-label': t('password_label') });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'gate-submit' }, submitText);
  const node = form({
    submit,
    error,
    work: async () => {
      const value = password.value;
      password.value = '';
      if (!value) throw new Error(t('password_gate_empty'));
      await work(value);
    },
  }, h('label', { for: 'gate-password' }, prompt), withToggle(password, t('masked_name_password')), error, submit);
  return node;
}
