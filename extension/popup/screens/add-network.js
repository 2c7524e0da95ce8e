// Add a network by hand: name, RPC URL, chain id and currency symbol. The worker checks that
// the node answers with that chain id before it keeps the network.
import { h, show, errorLine, form } from '../ui/dom.js';
import { call } from '../api.js';

export function addNetworkScreen({ refresh }) {
  const field = (label, testid, attrs = {}) => {
    const input = h('input', { testid, id: testid, autocomplete: 'off', spellcheck: 'false', ...attrs });
    return { input, node: [h('label', { for: testid }, label), input] };
  };
  const name = field('Network name', 'network-name');
  const rpcUrl = field('RPC URL (https://, or http:// on this computer)', 'network-rpc', { type: 'url' });
  const chainId = field('Chain id', 'network-chain-id', { inputmode: 'numeric' });
  const symbol = field('Currency symbol', 'network-symbol', { value: 'ETH' });
  const error = errorLine();
  const save = h('button', { class: 'primary', testid: 'network-save', type: 'submit' }, 'Add network');
  const entry = form({
    submit: save,
    error,
    work: async () => {
      const id = chainId.input.value.trim();
      if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(id)) throw new Error('The chain id is a number, like 1 or 31337.');
      refresh(await call('addNetwork', {
        name: name.input.value,
        rpcUrl: rpcUrl.input.value.trim(),
        chainId: `0x${BigInt(id).toString(16)}`,
        symbol: symbol.input.value.trim() || 'ETH',
      }));
    },
  }, name.node, rpcUrl.node, chainId.node, symbol.node, error, save,
  h('button', { type: 'button', onclick: () => refresh() }, 'Cancel'));
  show(h('h1', {}, 'Add a network'), entry);
}
