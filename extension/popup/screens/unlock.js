// Unlock with the password. Used by the popup and, inline, by approval windows.
import { h, show, errorLine, form, secretInput } from '../ui/dom.js';
import { call } from '../api.js';

/**
 * The unlock form as a node for the screen whose `ctx` it gets: a successful unlock refreshes.
 * A vault the core finds malformed leads to the recovery screen, never to a reset.
 */
export function unlockForm(ctx) {
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
        ctx.refresh(status);
      } catch (e) {
        if (e.code !== 'MALFORMED_VAULT') throw e;
        password.value = '';
        ctx.go('recovery', { status: { ...(await call('status')), problem: 'corrupt-vault' } });
      }
    },
  }, h('label', { for: 'unlock-password' }, 'Password'), password, error, submit);
}

export function unlockScreen(ctx) {
  show(
    h('h1', {}, 'Unlock Keystead'),
    unlockForm(ctx),
    h('button', { testid: 'forgot-password', onclick: () => ctx.go('replace-warning') }, 'Forgot password? Restore from your Secret Recovery Phrase'),
  );
}
