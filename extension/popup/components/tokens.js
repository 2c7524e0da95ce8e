// The home screen's Tokens section (the selected network's added tokens with the selected
// account's balances, a remove per token) and the screen that adds a token by its contract
// address. The worker checks the contract on the node before it keeps it (background/tokens.js).
import { h, show, errorLine, form, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { formatAmount } from '../ui/format.js';

/** The section for `account` on the selected network; errors of remove go to `error`. */
export function tokensSection(status, account, error, done) {
  const chainId = status.network.chainId;
  const list = h('ul', { class: 'tokens', testid: 'token-list' }, h('li', { class: 'muted' }, 'Loading tokens…'));
  const add = h('button', { testid: 'token-add', onclick: () => addTokenScreen(status, done) }, 'Add token');

  const item = (token) => {
    const remove = h('button', { testid: 'token-remove', 'aria-label': `Remove ${token.symbol}` }, 'Remove');
    remove.onclick = () => busy(remove, error, async () => {
      await call('removeToken', { chainId, address: token.address });
      done();
    });
    const amount = token.balance === null
      ? h('span', { class: 'muted', title: token.error }, 'Balance unavailable')
      : h('span', { testid: 'token-amount' }, formatAmount(token.balance, token.decimals));
    return h('li', { testid: 'token-item', title: token.address },
      h('strong', { testid: 'token-symbol' }, token.symbol), ' ', amount, ' ', remove);
  };

  call('tokenBalances', { chainId, owner: account.address }).then(
    (tokens) => list.replaceChildren(...(tokens.length
      ? tokens.map(item)
      : [h('li', { class: 'muted' }, `No tokens added on ${status.network.name}.`)])),
    (e) => list.replaceChildren(h('li', { class: 'error' }, `Tokens unavailable: ${e.message}`)),
  );
  return h('section', {}, h('h2', {}, 'Tokens'), list, add);
}

/** Add a token on the selected network by its contract address. */
export function addTokenScreen(status, done) {
  const address = h('input', { testid: 'token-address', id: 'token-address', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…' });
  const error = errorLine();
  const save = h('button', { class: 'primary', testid: 'token-save', type: 'submit' }, 'Add token');
  const entry = form({
    submit: save,
    error,
    work: async () => {
      await call('addToken', { chainId: status.network.chainId, address: address.value.trim() });
      done();
    },
  }, h('label', { for: 'token-address' }, 'Token contract address'), address, error, save,
  h('button', { type: 'button', onclick: () => done() }, 'Cancel'));
  show(h('h1', {}, `Add a token on ${status.network.name}`),
    h('p', { class: 'muted' }, 'Keystead reads the token’s symbol and decimals from the network before adding it.'),
    entry);
}
