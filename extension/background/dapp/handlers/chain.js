// eth_chainId, net_version, wallet_switchEthereumChain (EIP-3326), wallet_addEthereumChain (EIP-3085).
import * as networks from '../../wallet/networks.js';
import * as approvals from '../../platform/approvals.js';
import * as events from '../../wallet/events.js';
import { ProviderError, UNKNOWN_CHAIN, invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray } from '../validate.js';

const noParams = (p) => paramsArray(p ?? [], 0, 0, '[]');

async function switchTo(origin, network) {
  const current = await networks.selected();
  if (current.chainId === network.chainId) return null;
  await approvals.request(origin, 'switch-chain', { from: current, to: network });
  await networks.select(network.chainId);
  await events.chainChanged(network.chainId);
  return null;
}

export const methods = {
  eth_chainId: { validate: noParams, handler: async () => (await networks.selected()).chainId },
  net_version: { validate: noParams, handler: async () => BigInt((await networks.selected()).chainId).toString(10) },
  wallet_switchEthereumChain: {
    validate: (p) => {
      const [param] = paramsArray(p, 1, 1, '[{ chainId }]');
      const chainId = networks.normalizeChainId(param?.chainId);
      if (!chainId) throw invalidParams('chainId must be a 0x-prefixed hex number.');
      return chainId;
    },
    handler: async ({ origin }, chainId) => {
      const network = await networks.find(chainId);
      if (!network) throw new ProviderError(UNKNOWN_CHAIN, `Keystead does not know chain ${chainId}. Add it with wallet_addEthereumChain first.`);
      return switchTo(origin, network);
    },
  },
  wallet_addEthereumChain: {
    validate: (p) => networks.parseAddChain(paramsArray(p, 1, 1, '[{ chainId, chainName, rpcUrls, nativeCurrency }]')[0]),
    handler: async ({ origin }, network) => {
      const known = await networks.find(network.chainId);
      if (known) return switchTo(origin, known);
      // The worker's fetch is bound by neither the page's CORS nor its Private Network Access
      // rules, so the page's URL is contacted only once the user approved, and the page learns
      // only that the network could not be added, never what answered there (or that nothing did).
      await approvals.request(origin, 'add-chain', { network });
      try {
        await networks.verify(network);
      } catch {
        throw invalidParams(`Keystead could not add "${network.name}": its RPC URL did not answer as chain `
          + `${BigInt(network.chainId)}. Check the URL and that the node runs, then try again.`);
      }
      await networks.add(network);
      await networks.select(network.chainId);
      await events.chainChanged(network.chainId);
      return null;
    },
  },
};
