// The shared path to a secret on screen: password gate → nothing shown → hold to reveal →
// the secret and a Copy button. Leaving (Back, another screen, the page hidden or closed)
// takes the secret off the page and drops this module's reference to it.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { passwordGate } from './gate.js';
import { holdButton } from '../ui/hold.js';
import { copySecret, CLEAR_SECONDS } from '../ui/clipboard.js';
import { t } from '../../shared/i18n.js';

/**
 * `fetch(password)` asks the worker for the secret (a wrong password throws and changes
 * nothing); `display(secret)` builds its nodes; `copyText(secret)` is what Copy writes (no Copy
 * button without it). `onOpened()` runs once the password was accepted. Returns `{ node, clear }`.
 */
export function gatedSecret({ prompt, fetch, display, copyText, copyTestid, onOpened }) {
  let secret = null;
  const area = h('div', { class: 'secret' });
  const error = errorLine('copy-error');
  const copied = h('p', { class: 'muted small', hidden: true }, t('reveal_copied', { seconds: CLEAR_SECONDS }));
  const copy = h('button', { type: 'button', testid: copyTestid }, t('reveal_copy'));
  copy.onclick = () => busy(copy, error, async () => {
    await copySecret(copyText(secret));
    copied.hidden = false;
  });
  const hold = holdButton({ onHeld: () => area.replaceChildren(display(secret), ...(copyText ? [copy, copied, error] : [])) });
  area.append(passwordGate({
    prompt,
    work: async (password) => {
      secret = await fetch(password);
      onOpened?.();
      area.replaceChildren(h('p', {}, t('reveal_hold_note')), hold);
    },
  }));
  const clear = () => {
    secret = null;
    area.replaceChildren(h('p', { class: 'muted' }, t('reveal_hidden_left')));
  };
  return { node: area, clear };
}

/**
 * Runs `clear` when the page is hidden or closed; the returned `leave()` runs it too (for Back
 * and navigation) and removes the listeners, so a later screen is not affected.
 */
function clearOnLeave(clear) {
  const onHidden = () => {
    if (document.visibilityState === 'hidden') clear();
  };
  const leave = () => {
    window.removeEventListener('pagehide', leave);
    document.removeEventListener('visibilitychange', onHidden);
    clear();
  };
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', onHidden);
  return leave;
}

/** Shows a screen holding `secret` (from gatedSecret): a title, Back, then `body`. */
export function showSecretScreen({ title, backTestid, secret, done }, ...body) {
  const leave = clearOnLeave(secret.clear);
  const back = () => {
    leave();
    done();
  };
  show(h('header', {}, h('h1', {}, title), h('button', { testid: backTestid, onclick: back }, t('common_back'))), ...body);
}
