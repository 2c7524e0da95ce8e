// The new-password fields shared by create and import: the rules are shown, both must match.
import { h, secretInput } from '../dom.js';

export const MIN_LENGTH = 8;

export function newPasswordFields() {
  const password = secretInput({ testid: 'password', id: 'password', minLength: MIN_LENGTH });
  const confirm = secretInput({ testid: 'password-confirm', id: 'password-confirm' });
  const node = h('div', { class: 'fields' },
    h('label', { for: 'password' }, 'New password'),
    password,
    h('label', { for: 'password-confirm' }, 'Confirm password'),
    confirm,
    h('p', { class: 'muted small' }, `At least ${MIN_LENGTH} characters. It unlocks Keystead on this device only; it cannot recover your wallet.`));
  /** The password, or an Error saying what is wrong with it. */
  const value = () => {
    if (password.value.length < MIN_LENGTH) throw new Error(`The password needs at least ${MIN_LENGTH} characters.`);
    if (password.value !== confirm.value) throw new Error('The two passwords differ. Type the same password twice.');
    return password.value;
  };
  const clear = () => {
    password.value = '';
    confirm.value = '';
  };
  return { node, value, clear };
}
