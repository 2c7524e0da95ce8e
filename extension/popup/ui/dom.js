// A tiny DOM builder: h('button', { testid: 'lock', onclick }, 'Lock'). Text is always set as
// text (never HTML), so nothing a dApp sends can inject markup.
import { explain } from './format.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'testid') el.dataset.testid = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** One label–value row of a <dl> (the reviews' rows); `testid` marks the value. */
export const row = (label, value, testid) => h('div', { class: 'row' }, h('dt', {}, label), h('dd', { testid }, value));

/**
 * Replaces the page content; null, undefined and false are left out (as h() leaves them out).
 * The focus goes to the first field, else to the screen's heading, so a screen reader reads the
 * new screen from its title (the page is not a live region: it would read every screen whole).
 */
export function show(...nodes) {
  const app = document.getElementById('app');
  app.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined && node !== false));
  const field = app.querySelector('input:not([type=hidden])');
  if (field) return field.focus();
  const heading = app.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** A password field that no browser feature may remember, autofill or spell-check. */
export function secretInput(attrs) {
  return h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', ...attrs });
}

/** A status line for errors; `set(message)` shows it (empty hides it). */
export function errorLine(testid = 'error') {
  const el = h('p', { class: 'error', role: 'alert', testid, hidden: true });
  el.set = (message) => {
    el.textContent = message ?? '';
    el.hidden = !message;
  };
  return el;
}

/** A form whose submit (the button or Enter) runs `work` through busy() on `submit`. */
export function form({ submit, error, work }, ...children) {
  return h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      busy(submit, error, work);
    },
  }, ...children);
}

/** Runs `work` with `button` disabled, showing failures in `error`. */
export async function busy(button, error, work) {
  button.disabled = true;
  error.set('');
  try {
    return await work();
  } catch (e) {
    error.set(explain(e));
    return undefined;
  } finally {
    button.disabled = false;
  }
}
