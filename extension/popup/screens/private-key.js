// Private keys of single accounts. Export: pick the account, read the warning, the password
// (the core checks it again), press-and-hold, then the key. Import: an account from a private
// key, which the Secret Recovery Phrase does not cover.
import { h, show, secretInput, errorLine, form } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { call } from '../api.js';
import { shortAddress } from '../ui/format.js';
import { uncoveredTag, UNCOVERED } from '../components/account-tag.js';
import { gatedSecret, showSecretScreen } from '../components/secret-view.js';

export function exportKeyScreen({ status, refresh }) {
  const initial = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const byAddress = new Map(status.accounts.map((a) => [a.address, a]));
  const picker = h('select', { testid: 'export-account-select', id: 'export-account-select' },
    status.accounts.map((a) => h('option', { value: a.address, selected: a === initial },
      `${a.name} (${shortAddress(a.address)})${a.covered ? '' : ` — ${UNCOVERED.toLowerCase()}`}`)));
  const mark = h('p', {});
  const showMark = () => mark.replaceChildren(uncoveredTag(byAddress.get(picker.value)) ?? '');
  picker.onchange = showMark;
  showMark();
  const secret = gatedSecret({
    prompt: 'Enter your password to show this account’s private key.',
    fetch: async (password) => (await call('exportPrivateKey', { address: picker.value, password })).privateKey,
    display: (key) => h('code', { class: 'address secret-value', testid: 'private-key-value' }, key),
    copyText: (key) => key,
    copyTestid: 'private-key-copy',
    onOpened: () => { picker.disabled = true; }, // the key shown is this account's, so the choice stays
  });
  showSecretScreen({ title: 'Export private key', backTestid: 'export-private-key-back', secret, done: refresh },
    h('label', { for: 'export-account-select' }, 'Account'),
    picker,
    mark,
    h('p', { class: 'error', testid: 'export-warning' }, 'This key gives full control of this account: anyone who sees it can take its funds. Never share it or type it into a website.'),
    secret.node,
  );
}

export function importKeyScreen({ refresh }) {
  const key = secretInput({ testid: 'private-key-input', id: 'private-key-input' });
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'import-private-key-submit' }, 'Import');
  const leave = () => { key.value = ''; };
  window.addEventListener('pagehide', leave, { once: true });
  show(
    h('h1', {}, 'Import a private key'),
    h('p', {}, 'The account you import is NOT covered by your Secret Recovery Phrase: restoring from the phrase will not bring it back. Back it up on its own (export its key, or download a backup file).'),
    form({
      submit,
      error,
      work: async () => {
        const next = await call('importPrivateKey', { privateKey: key.value.trim() });
        leave();
        refresh(next);
      },
    }, h('label', { for: 'private-key-input' }, 'Private key (64 hex characters)'), withToggle(key, 'the private key'), error, submit),
    h('button', { testid: 'import-private-key-back', onclick: () => { leave(); refresh(); } }, 'Cancel'),
  );
}
