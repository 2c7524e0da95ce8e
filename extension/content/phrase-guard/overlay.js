// The warning over the page: a host element in the top layer (a manual popover) whose content
// lives in a CLOSED shadow root, so the page can neither read it (whether the phrase is the
// user's own) nor click it (every button acts on trusted events only).
//
// The host is created, styled and shown at once and identically whatever the worker answers:
// same element, attributes, size and position; the answer only changes what is rendered inside
// the closed root, after it arrived. The page cannot hide or remove it: a removed host is put
// back, a changed attribute restored, a closed popover reopened.

const HOST_STYLE = 'all: initial !important; position: fixed !important; inset: 0 !important; '
  + 'width: 100vw !important; height: 100vh !important; margin: 0 !important; padding: 0 !important; '
  + 'border: 0 !important; max-width: none !important; max-height: none !important; '
  + 'display: block !important; visibility: visible !important; opacity: 1 !important; '
  + 'z-index: 2147483647 !important; pointer-events: auto !important; overflow: auto !important; background: rgba(15, 18, 25, 0.82) !important;';

import { t, around } from './words.js';

const CSS = `
  .box { font: 15px/1.45 system-ui, sans-serif; color: #111; background: #fff; max-width: 460px;
    margin: 6vh auto; padding: 22px 24px; border-radius: 12px; border-top: 6px solid #c62828;
    box-shadow: 0 10px 40px rgba(0,0,0,.4); }
  h1 { font-size: 18px; margin: 0 0 10px; color: #b71c1c; }
  p { margin: 0 0 12px; }
  .own { font-weight: 600; color: #b71c1c; }
  .origin { font-family: ui-monospace, monospace; word-break: break-all; }
  button { display: block; width: 100%; font: inherit; padding: 10px; margin: 8px 0 0; border-radius: 8px;
    cursor: pointer; border: 1px solid #999; background: #f4f4f4; color: #111; }
  button.leave { background: #c62828; border-color: #c62828; color: #fff; font-weight: 600; }
  button.quiet { border: 0; background: none; color: #555; text-decoration: underline; font-size: 13px; }
  .wait { color: #555; }
`;


function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** A button that acts only on the user's own (trusted) clicks. */
function button(testid, label, className, action) {
  const node = el('button', { type: 'button', 'data-testid': testid, class: className }, label);
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    if (event.isTrusted) action();
  });
  return node;
}

/**
 * Shows the warning now; `answer` (a promise of { own }) fills it in when it settles.
 * `actions`: { leave(), proceed(), disable() }. Returns { close() }.
 */
export function showWarning(origin, answer, actions) {
  const host = document.createElement('div');
  const attributes = [['data-testid', 'phrase-guard-warning'], ['popover', 'manual'], ['style', HOST_STYLE]];
  for (const [key, value] of attributes) host.setAttribute(key, value);
  const root = host.attachShadow({ mode: 'closed' });
  const box = el('div', { class: 'box', role: 'alertdialog', 'aria-modal': 'true' },
    el('h1', {}, t('guard_title')),
    el('p', { class: 'wait' }, t('guard_checking')));
  root.append(el('style', {}, CSS), box);
  let closed = false;
  // Keep the host in place, unchanged and open while the warning stands.
  const keep = () => {
    if (closed) return;
    if (!host.isConnected) document.documentElement.append(host);
    for (const [key, value] of attributes) if (host.getAttribute(key) !== value) host.setAttribute(key, value);
    for (const name of host.getAttributeNames()) if (!attributes.some(([key]) => key === name)) host.removeAttribute(name);
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch { /* not connected yet: the next mutation puts it back */ }
  };
  const observer = new MutationObserver(keep);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  host.addEventListener('toggle', keep);
  // Events inside the warning are not the page's business.
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'focusin', 'input']) {
    root.addEventListener(type, (event) => event.stopPropagation());
  }
  document.documentElement.append(host);
  keep();
  // Keys the user goes on typing land nowhere, not in the field the phrase was taken from.
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();

  const close = () => {
    closed = true;
    observer.disconnect();
    host.remove();
  };
  const render = (own) => {
    const message = el('p', { 'data-testid': 'phrase-guard-message', 'data-own-phrase': String(own) }, t('guard_message'));
    const disableButton = button('phrase-guard-disable', t('guard_disable'), 'quiet', () => {
      const [before, after] = around('guard_disable_explained', 'origin');
      disableButton.replaceWith(el('p', {}, before, el('span', { class: 'origin' }, origin), after),
        button('phrase-guard-disable-confirm', t('guard_disable_confirm'), '', () => { close(); actions.disable(); }));
    });
    const [siteBefore, siteAfter] = around('guard_site', 'origin');
    box.replaceChildren(
      el('h1', {}, t('guard_title')),
      message,
      ...(own ? [el('p', { class: 'own', 'data-testid': 'phrase-guard-own' }, t('guard_own'))] : []),
      el('p', {}, siteBefore, el('span', { class: 'origin' }, origin), siteAfter),
      el('p', {}, t('guard_held_back')),
      button('phrase-guard-leave', t('guard_leave'), 'leave', () => { close(); actions.leave(); }),
      button('phrase-guard-continue', t('guard_continue'), '', () => { close(); actions.proceed(); }),
      disableButton,
    );
  };
  answer.then(({ own }) => render(own === true), () => render(false));
  return { close };
}
