// On home, for the selected account: rename it, and remove it when it is an imported one
// (after a confirmation that says what is lost).
import { h, errorLine, form, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { NAME_MAX } from '../../shared/account-name.js';
import { t } from '../../shared/i18n.js';

/** A Rename button that turns into a name field with Save and Cancel. `done(status)` redraws. */
export function renameControl(account, done) {
  const slot = h('div', { class: 'account-edit' });
  const start = () => {
    const input = h('input', {
      testid: 'account-name-input', 'aria-label': t('account_name_label'), value: account.name,
      maxLength: NAME_MAX, autocomplete: 'off', spellcheck: 'false',
    });
    const error = errorLine('account-name-error');
    const save = h('button', { class: 'primary', type: 'submit', testid: 'account-name-save' }, t('account_name_save'));
    slot.replaceChildren(form({
      submit: save,
      error,
      work: async () => done(await call('renameAccount', { address: account.address, name: input.value })),
    }, input, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: idle }, t('common_cancel')), save), error));
    input.select();
  };
  const idle = () => slot.replaceChildren(h('button', { type: 'button', testid: 'account-rename', onclick: start }, t('account_rename')));
  idle();
  return slot;
}

/** For an imported account, a Remove button that asks first; null for the phrase's accounts. */
export function removeControl(account, done) {
  if (account.type !== 'imported') return null;
  const slot = h('div', { class: 'account-edit' });
  const ask = () => {
    const error = errorLine('account-remove-error');
    const confirm = h('button', { type: 'button', class: 'danger', testid: 'account-remove-confirm' }, t('account_remove_confirm'));
    confirm.onclick = () => busy(confirm, error, async () => done(await call('removeAccount', { address: account.address })));
    slot.replaceChildren(
      h('p', { class: 'error' }, t('account_remove_question')),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: idle }, t('common_cancel')), confirm),
      error,
    );
  };
  const idle = () => slot.replaceChildren(h('button', { type: 'button', testid: 'account-remove', onclick: ask }, t('account_remove')));
  idle();
  return slot;
}
