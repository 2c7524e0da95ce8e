// keystead_getProviderState: what the in-page provider asks when it starts (and after Keystead
// comes back from a disconnect): the chain id, the accounts this origin sees (lower case, [] when
// not connected or locked) and whether it should say isMetaMask for this origin. Nothing here is
// more than eth_chainId and eth_accounts already tell any page.
import * as networks from '../../wallet/networks.js';
import * as accounts from '../../wallet/accounts.js';
import * as metaMaskFlag from '../../wallet/metamask-flag.js';
import { paramsArray } from '../validate.js';

export const methods = {
  keystead_getProviderState: {
    validate: (p) => paramsArray(p ?? [], 0, 0, '[]'),
    handler: async ({ origin }) => {
      const { chainId } = await networks.selected();
      return {
        chainId,
        networkVersion: BigInt(chainId).toString(10),
        accounts: await accounts.exposedTo(origin),
        isMetaMask: await metaMaskFlag.isOn(origin),
      };
    },
  },
};
