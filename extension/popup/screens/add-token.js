// Add a token on the selected network by its contract address. The worker checks the contract
// on the node before it keeps it (background/wallet/tokens.js).
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';

export function addTokenScreen({ status, refresh }) {
  const address = h('input', { testid: 'token-address', id: 'token-address', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…' });
  const error = errorLine();
  const save = h('button', { class: 'primary', testid: 'token-save', type: 'submit' }, t('token_add'));
  const entry = form({
    submit: save,
    error,
    work: async () => {
      await call('addToken', { chainId: status.network.chainId, address: address.value.trim() });
      refresh();
    },
  }, h('label', { for: 'token-address' }, t('token_address')), address, error, save,
  h('button', { type: 'button', onclick: () => refresh() }, t('common_cancel')));
  show(h('h1', {}, t('token_add_title', { network: status.network.name })),
    h('p', { class: 'muted' }, t('token_add_about')),
    entry);
}
