// The password gate in front of every secret (reveal the phrase, export a key, the backup
// file): one password field and a submit button. `work(password)` does the gated call; the
// field is emptied whether it succeeds or not, and a wrong password is shown in the error line.
import { h, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';

export function passwordGate({ prompt = 'Enter your password to continue.', submitText = 'Continue', work }) {
  const password = secretInput({ testid: 'gate-password', id: 'gate-password', 'aria-label': 'Password' });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'gate-submit' }, submitText);
  const node = form({
    submit,
    error,
    work: async () => {
      const value = password.value;
      password.value = '';
      if (!value) throw new Error('Type your Keystead password first.');
      await work(value);
    },
  }, h('label', { for: 'gate-password' }, prompt), withToggle(password, 'the password'), error, submit);
  return node;
}
