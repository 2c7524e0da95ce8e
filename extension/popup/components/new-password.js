// The new-password fields shared by create and import: the rules are shown, a strength meter
// rates the password as it is typed, a "weak" one is refused, and both fields must match.
import { h, secretInput } from '../ui/dom.js';
import { rateStrength } from './password-strength.js';
import { withToggle } from '../ui/masked.js';
import { t } from '../../shared/i18n.js';

export const MIN_LENGTH = 8;

/** A strength level (password-strength.js LEVELS) in words: password_level_weak, _fair, _good, _strong. */
const levelName = (level) => t(`password_level_${level}`);

export function newPasswordFields() {
  const password = secretInput({ testid: 'password', id: 'password', minLength: MIN_LENGTH, 'aria-describedby': 'password-strength' });
  const confirm = secretInput({ testid: 'password-confirm', id: 'password-confirm' });
  const meter = h('p', { class: 'strength', id: 'password-strength', testid: 'password-strength', 'aria-live': 'polite', hidden: true });
  const rate = () => {
    const { level, reason } = rateStrength(password.value, MIN_LENGTH);
    meter.hidden = password.value.length === 0;
    meter.dataset.level = level;
    meter.textContent = t('password_strength', { level: levelName(level), reason });
  };
  password.addEventListener('input', rate);
  const node = h('div', { class: 'fields' },
    h('label', { for: 'password' }, t('password_new_label')),
    withToggle(password, t('masked_name_new_password')),
    meter,
    h('label', { for: 'password-confirm' }, t('password_confirm_label')),
    withToggle(confirm, t('masked_name_confirmation')),
    h('p', { class: 'muted small' }, t('password_rules', { min: MIN_LENGTH })));
  /** The password, or an Error saying what is wrong with it. */
  const value = () => {
    if (password.value.length < MIN_LENGTH) throw new Error(t('password_too_short', { min: MIN_LENGTH }));
    const { level, reason } = rateStrength(password.value, MIN_LENGTH);
    if (level === 'weak') throw new Error(t('password_too_weak', { reason }));
    if (password.value !== confirm.value) throw new Error(t('password_mismatch'));
    return password.value;
  };
  const clear = () => {
    password.value = '';
    confirm.value = '';
    meter.hidden = true;
  };
  return { node, value, clear };
}
