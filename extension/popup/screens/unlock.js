// Unlock with the password. Used by the popup and, inline, by approval windows.
import { h, show, errorLine, form, secretInput } from '../ui/dom.js';
import { call } from '../api.js';
import { recoveryScreen } from './recovery.js';
import { replaceWarningScreen } from './replace-warning.js';

/**
 * The unlock form as a node; `done(status)` runs after a successful unlock. A vault the core
 * finds malformed leads to the recovery screen, never to a reset.
 */
export function unlockForm(done) {
  const password = secretInput({ testid: 'unlock-password', id: 'unlock-password' });
  const error = errorLine('unlock-error');
  const submit = h('button', { class: 'primary', testid: 'unlock-submit', type: 'submit' }, 'Unlock');
  return form({
    submit,
    error,
    work: async () => {
      try {
        const status = await call('unlock', { password: password.value });
        password.value = '';
        done(status);
      } catch (e) {
        if (e.code !== 'MALFORMED_VAULT') throw e;
        password.value = '';
        recoveryScreen({ ...(await call('status')), problem: 'corrupt-vault' }, done);
      }
    },
  }, h('label', { for: 'unlock-password' }, 'Password'), password, error, submit);
}

export function unlockScreen(_status, done) {
  show(
    h('h1', {}, 'Unlock Keystead'),
    unlockForm(done),
    h('button', { testid: 'forgot-password', onclick: () => replaceWarningScreen(done) }, 'Forgot password? Restore from your Secret Recovery Phrase'),
  );
}
