// eth_sendTransaction: validate the dApp's request, then the one transaction path
// (wallet/transactions.js): fill nonce, gas and fees from the node when the request's approval
// window opens, show it as every review does with what it does (wallet/transaction-view.js,
// wallet/insight/), then sign in the core, broadcast and record; returns the hash.
import * as networks from '../../wallet/networks.js';
import * as transactions from '../../wallet/transactions.js';
import { reviewed } from '../../wallet/transaction-view.js';
import * as approvals from '../../platform/approvals.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray, address, quantity, data } from '../validate.js';

function parseRequest(params) {
  const [tx] = paramsArray(params, 1, 1, '[{ from, to?, value?, data?, gas?, ... }]');
  if (typeof tx !== 'object' || tx === null || Array.isArray(tx)) throw invalidParams('The transaction must be an object.');
  if (tx.data !== undefined && tx.input !== undefined && tx.data !== tx.input) throw invalidParams('data and input differ; send one of them.');
  const out = {
    from: address(tx.from, 'from'),
    to: tx.to === undefined || tx.to === null ? undefined : address(tx.to, 'to'),
    value: quantity(tx.value, 'value') ?? '0x0',
    data: data(tx.data ?? tx.input, 'data') ?? '0x',
    gas: quantity(tx.gas ?? tx.gasLimit, 'gas'),
    nonce: quantity(tx.nonce, 'nonce'),
    gasPrice: quantity(tx.gasPrice, 'gasPrice'),
    maxFeePerGas: quantity(tx.maxFeePerGas, 'maxFeePerGas'),
    maxPriorityFeePerGas: quantity(tx.maxPriorityFeePerGas, 'maxPriorityFeePerGas'),
    chainId: tx.chainId === undefined ? undefined : networks.normalizeChainId(tx.chainId),
  };
  if (tx.chainId !== undefined && !out.chainId) throw invalidParams('chainId must be a 0x-prefixed hex number.');
  if (out.to === undefined && out.data === '0x') throw invalidParams('A transaction without "to" creates a contract and needs data.');
  if (out.gasPrice && (out.maxFeePerGas || out.maxPriorityFeePerGas)) throw invalidParams('Give either gasPrice or the EIP-1559 fee fields, not both.');
  return out;
}

export const methods = {
  eth_sendTransaction: {
    validate: async (p) => {
      const tx = parseRequest(p);
      const network = await networks.selected();
      if (tx.chainId && tx.chainId !== network.chainId) {
        throw invalidParams(`The transaction is for chain ${tx.chainId}, but Keystead is on chain ${network.chainId}. Switch network first.`);
      }
      return { tx, network };
    },
    account: ({ tx }) => tx.from,
    // The approval is asked here rather than through `approval`: the transaction is filled
    // (nonce, gas, fees) when its window opens, not when the page asked, and it is signed and
    // broadcast before the origin's next request is filled. The nonce is taken again when the
    // user approves, in the account's turn (wallet/nonces.js): another site or the popup may
    // have sent meanwhile.
    handler: async (ctx, { tx, network }) => {
      let filled;
      let hash;
      const prepare = async () => {
        // A call the node says will revert still gets its window, which says so and why.
        filled = await transactions.fill(tx, network, { reverting: 'block-limit' });
        return reviewed(filled, network, ctx.account);
      };
      const send = async () => {
        hash = await transactions.send(filled, network, { account: ctx.account, origin: ctx.origin, fixedNonce: tx.nonce !== undefined });
      };
      await approvals.request(ctx.origin, 'transaction', prepare, { commit: send });
      return hash;
    },
  },
};
