// A press-and-hold button: `onHeld` runs only after the button is held down for `ms`
// (pointer or Space/Enter). Letting go earlier cancels. Used before showing a secret, so a
// stray click or a script-driven click cannot reveal it.
import { h } from './dom.js';
import { t, formatNumber } from '../../shared/i18n.js';

export const HOLD_MS = 2000;

export function holdButton({ testid = 'hold-to-reveal', label = t('hold_label'), ms = HOLD_MS, onHeld }) {
  let timer = null;
  const button = h('button', { type: 'button', class: 'hold', testid, 'aria-label': t('hold_aria', { label, seconds: formatNumber(ms / 1000) }) }, label);
  button.style.setProperty('--hold-ms', `${ms}ms`);
  const start = (event) => {
    if (timer !== null || button.disabled) return;
    event.preventDefault();
    button.classList.add('holding');
    timer = setTimeout(() => {
      timer = null;
      button.classList.remove('holding');
      button.disabled = true;
      onHeld();
    }, ms);
  };
  const cancel = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    button.classList.remove('holding');
  };
  button.addEventListener('pointerdown', start);
  for (const type of ['pointerup', 'pointerleave', 'pointercancel', 'blur']) button.addEventListener(type, cancel);
  button.addEventListener('keydown', (event) => {
    if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) start(event);
  });
  button.addEventListener('keyup', cancel);
  button.addEventListener('click', (event) => event.preventDefault()); // a click alone does nothing
  return button;
}
