// The shared path to a secret on screen: password gate → nothing shown → hold to reveal →
// the secret and a Copy button. Leaving (Back, another screen, the page hidden or closed)
// takes the secret off the page and drops this module's reference to it.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { passwordGate } from './gate.js';
import { holdButton } from '../ui/hold.js';
import { copySecret, CLEAR_SECONDS } from '../ui/clipboard.js';

/**
 * `fetch(password)` asks the worker for the secret (a wrong password throws and changes
 * nothing); `display(secret)` builds its nodes; `copyText(secret)` is what Copy writes (no Copy
 * button without it). `onOpened()` runs once the password was accepted. Returns `{ node, clear }`.
 */
export function gatedSecret({ prompt, fetch, display, copyText, copyTestid, onOpened }) {
  let secret = null;
  const area = h('div', { class: 'secret' });
  const error = errorLine('copy-error');
  const copied = h('p', { class: 'muted small', hidden: true }, `Copied. Keystead clears the clipboard in ${CLEAR_SECONDS} seconds, even if you close this window.`);
  const copy = h('button', { type: 'button', testid: copyTestid }, 'Copy to clipboard');
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
      area.replaceChildren(h('p', {}, 'Make sure nobody can see your screen, then press and hold the button.'), hold);
    },
  }));
  const clear = () => {
    secret = null;
    area.replaceChildren(h('p', { class: 'muted' }, 'Hidden because you left this screen. Go back and start again to see it.'));
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
  show(h('header', {}, h('h1', {}, title), h('button', { testid: backTestid, onclick: back }, 'Back')), ...body);
}
