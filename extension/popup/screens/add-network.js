// Add a network by hand: name, RPC URL, chain id and currency symbol. The worker checks that
// the node answers with that chain id before it keeps the network.
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';

export function addNetworkScreen({ refresh }) {
  const field = (label, testid, attrs = {}) => {
    const input = h('input', { testid, id: testid, autocomplete: 'off', spellcheck: 'false', ...attrs });
    return { input, node: [h('label', { for: testid }, label), input] };
  };
  const name = field(t('network_name'), 'network-name');
  const rpcUrl = field(t('network_rpc'), 'network-rpc', { type: 'url' });
  const chainId = field(t('network_chain_id'), 'network-chain-id', { inputmode: 'numeric' });
  const symbol = field(t('network_symbol'), 'network-symbol', { value: 'ETH' });
  const error = errorLine();
  const save = h('button', { class: 'primary', testid: 'network-save', type: 'submit' }, t('network_add'));
  const entry = form({
    submit: save,
    error,
    work: async () => {
      const id = chainId.input.value.trim();
      if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(id)) throw new Error(t('network_chain_id_invalid'));
      refresh(await call('addNetwork', {
        name: name.input.value,
        rpcUrl: rpcUrl.input.value.trim(),
        chainId: `0x${BigInt(id).toString(16)}`,
        symbol: symbol.input.value.trim() || 'ETH',
      }));
    },
  }, name.node, rpcUrl.node, chainId.node, symbol.node, error, save,
  h('button', { type: 'button', onclick: () => refresh() }, t('common_cancel')));
  show(h('h1', {}, t('network_add_title')), entry);
}
