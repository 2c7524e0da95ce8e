// The new-password fields shared by create and import: the rules are shown, a strength meter
// rates the password as it is typed, a "weak" one is refused, and both fields must match.
import { h, secretInput } from '../ui/dom.js';
import { rateStrength } from './password-strength.js';
import { withToggle } from '../ui/masked.js';

export const MIN_LENGTH = 8;

export function newPasswordFields() {
  const password = secretInput({ testid: 'password', id: 'password', minLength: MIN_LENGTH, 'aria-describedby': 'password-strength' });
  const confirm = secretInput({ testid: 'password-confirm', id: 'password-confirm' });
  const meter = h('p', { class: 'strength', id: 'password-strength', testid: 'password-strength', 'aria-live': 'polite', hidden: true });
  const rate = () => {
    const { level, reason } = rateStrength(password.value, MIN_LENGTH);
    meter.hidden = password.value.length === 0;
    meter.dataset.level = level;
    meter.textContent = `Strength: ${level} — ${reason}`;
  };
  password.addEventListener('input', rate);
  const node = h('div', { class: 'fields' },
    h('label', { for: 'password' }, 'New password'),
    withToggle(password, 'the new password'),
    meter,
    h('label', { for: 'password-confirm' }, 'Confirm password'),
    withToggle(confirm, 'the confirmation'),
    h('p', { class: 'muted small' }, `At least ${MIN_LENGTH} characters, and not rated weak: a long phrase of unrelated words is easy to remember and hard to guess. It unlocks Keystead on this device only; it cannot recover your wallet.`));
  /** The password, or an Error saying what is wrong with it. */
  const value = () => {
    if (password.value.length < MIN_LENGTH) throw new Error(`The password needs at least ${MIN_LENGTH} characters.`);
    const { level, reason } = rateStrength(password.value, MIN_LENGTH);
    if (level === 'weak') throw new Error(`That password is too easy to guess (${reason}). Choose a longer one, or add words, digits or symbols.`);
    if (password.value !== confirm.value) throw new Error('The two passwords differ. Type the same password twice.');
    return password.value;
  };
  const clear = () => {
    password.value = '';
    confirm.value = '';
    meter.hidden = true;
  };
  return { node, value, clear };
}
