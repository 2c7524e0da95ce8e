// Unlock with the password. Used by the popup and, inline, by approval windows.
import { h, show, errorLine, busy, secretInput } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { waitText } from '../../shared/wait-text.js';

/**
 * The unlock form as a node for the screen whose `ctx` it gets: a successful unlock refreshes.
 * A vault the core finds malformed leads to the recovery screen, never to a reset. After repeated wrong passwords
 * the worker asks for a growing wait: the form says how long and keeps Unlock off until then.
 * When the password opens only the previous copy (the stored vault is damaged), it offers that.
 */
export function unlockForm(ctx) {
  const password = secretInput({ testid: 'unlock-password', id: 'unlock-password' });
  const error = errorLine('unlock-error');
  const wait = h('p', { class: 'muted', testid: 'unlock-wait', role: 'status', hidden: true });
  const submit = h('button', { class: 'primary', testid: 'unlock-submit', type: 'submit' }, t('unlock_submit'));
  const previous = h('button', { testid: 'unlock-previous', type: 'button', hidden: true }, t('unlock_previous'));
  let timer = null;

  const countDown = (seconds) => {
    clearInterval(timer);
    let left = seconds;
    const tick = () => {
      if (left <= 0 || !submit.isConnected) {
        clearInterval(timer);
        wait.hidden = true;
        submit.disabled = false;
        return;
      }
      wait.textContent = t('unlock_wait', { wait: waitText(left) });
      wait.hidden = false;
      submit.disabled = true;
      left -= 1;
    };
    tick();
    timer = setInterval(tick, 1000);
  };
  const refreshWait = async () => {
    const status = await call('status').catch(() => null);
    if (status?.state === 'locked' && status.unlockWaitSeconds > 0) countDown(status.unlockWaitSeconds);
  };
  const unlocked = (status) => {
    password.value = '';
    clearInterval(timer);
    ctx.refresh(status);
  };

  const attempt = async () => {
    previous.hidden = true;
    try {
      unlocked(await call('unlock', { password: password.value }));
    } catch (e) {
      if (e.code === 'PREVIOUS_COPY_OPENS') previous.hidden = false;
      if (e.code !== 'MALFORMED_VAULT') throw e;
      password.value = '';
      ctx.go('recovery', { status: { ...(await call('status')), problem: 'corrupt-vault' } });
    }
  };
  previous.onclick = () => busy(previous, error, async () => unlocked(await call('unlockPrevious', { password: password.value }))).then(refreshWait);
  refreshWait();
  return h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      busy(submit, error, attempt).then(refreshWait);
    },
  }, h('label', { for: 'unlock-password' }, t('password_label')), withToggle(password, t('masked_name_password')), error, previous, wait, submit);
}

export function unlockScreen(ctx) {
  show(
    h('h1', {}, t('unlock_title')),
    unlockForm(ctx),
    h('button', { testid: 'forgot-password', onclick: () => ctx.go('replace-warning') }, t('unlock_forgot')),
  );
}
