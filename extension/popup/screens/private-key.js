// Private keys of single accounts. Export: pick the account, read the warning, the password
// (the core checks it again), press-and-hold, then the key. Import: an account from a private
// key, which the Secret Recovery Phrase does not cover.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { call } from '../api.js';
import { shortAddress } from '../ui/format.js';
import { uncoveredTag } from '../components/account-tag.js';
import { gatedSecret, showSecretScreen } from '../components/secret-view.js';
import { t } from '../../shared/i18n.js';

export function exportKeyScreen({ status, refresh }) {
  const initial = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const byAddress = new Map(status.accounts.map((a) => [a.address, a]));
  const picker = h('select', { testid: 'export-account-select', id: 'export-account-select' },
    status.accounts.map((a) => h('option', { value: a.address, selected: a === initial },
      t(a.covered ? 'key_account_option' : 'key_account_option_uncovered', { name: a.name, address: shortAddress(a.address) }))));
  const mark = h('p', {});
  const showMark = () => mark.replaceChildren(uncoveredTag(byAddress.get(picker.value)) ?? '');
  picker.onchange = showMark;
  showMark();
  const secret = gatedSecret({
    prompt: t('key_export_prompt'),
    fetch: async (password) => (await call('exportPrivateKey', { address: picker.value, password })).privateKey,
    display: (key) => h('code', { class: 'address secret-value', testid: 'private-key-value' }, key),
    copyText: (key) => key,
    copyTestid: 'private-key-copy',
    onOpened: () => { picker.disabled = true; }, // the key shown is this account's, so the choice stays
  });
  showSecretScreen({ title: t('key_export_title'), backTestid: 'export-private-key-back', secret, done: refresh },
    h('label', { for: 'export-account-select' }, t('key_account')),
    picker,
    mark,
    h('p', { class: 'error', testid: 'export-warning' }, t('key_export_warning')),
    secret.node,
  );
}

export function importKeyScreen({ refresh }) {
  const key = secretInput({ testid: 'private-key-input', id: 'private-key-input' });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'import-private-key-submit' }, t('key_import_submit'));
  const leave = () => { key.value = ''; };
  window.addEventListener('pagehide', leave, { once: true });
  show(
    h('h1', {}, t('key_import_title')),
    h('p', {}, t('key_import_warning')),
    form({
      submit,
      error,
      work: async () => {
        const next = await call('importPrivateKey', { privateKey: key.value.trim() });
        leave();
        refresh(next);
      },
    }, h('label', { for: 'private-key-input' }, t('key_input_label')), withToggle(key, t('key_toggle_name')), error, submit),
    h('button', { testid: 'import-private-key-back', onclick: () => { leave(); refresh(); } }, t('common_cancel')),
  );
}
