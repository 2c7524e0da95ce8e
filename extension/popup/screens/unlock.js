// Unlock with the password. Used by the popup and, inline, by approval windows.
import { h, show, errorLine, busy, secretInput } from '../dom.js';
import { call } from '../api.js';

/** The unlock form as a node; `done(status)` runs after a successful unlock. */
export function unlockForm(done) {
  const password = secretInput({ testid: 'unlock-password', id: 'unlock-password' });
  const error = errorLine('unlock-error');
  const submit = h('button', { class: 'primary', testid: 'unlock-submit', type: 'submit' }, 'Unlock');
  return h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      busy(submit, error, async () => {
        const status = await call('unlock', { password: password.value });
        password.value = '';
        done(status);
      });
    },
  }, h('label', { for: 'unlock-password' }, 'Password'), password, error, submit);
}

export function unlockScreen(_status, done) {
  show(h('h1', {}, 'Unlock Keystead'), unlockForm(done));
}
