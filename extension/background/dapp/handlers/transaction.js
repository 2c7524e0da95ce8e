// eth_sendTransaction: validate the dApp's request, fill nonce, gas and fees from the node,
// show it for approval, sign in the core, broadcast; returns the transaction hash. The filling
// happens when the request's approval window opens (see the handler).
import * as core from '../../wallet/core.js';
import * as networks from '../../wallet/networks.js';
import * as approvals from '../../platform/approvals.js';
import * as activity from '../../wallet/activity.js';
import { reviewed } from '../../wallet/transaction-view.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray, address, quantity, data } from '../validate.js';

const hex = (n) => `0x${n.toString(16)}`;
const ONE_GWEI = 1_000_000_000n;

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

/**
 * The node's gas estimate; for a call the node says will revert, the latest block's gas limit,
 * so the window still opens and says it will fail, and why (wallet/insight/).
 */
async function estimateGas(tx, call) {
  try {
    return await call('eth_estimateGas', [{ from: tx.from, to: tx.to, value: tx.value, data: tx.data }]);
  } catch (e) {
    if (Number(e?.code) !== 3 && !/revert/i.test(String(e?.message))) throw e;
    return (await call('eth_getBlockByNumber', ['latest', false])).gasLimit;
  }
}

/** The request completed from the node: the exact fields the core will sign. */
async function fill(tx, network) {
  const call = (method, params) => networks.rpc(method, params, network);
  const nonce = tx.nonce ?? (await call('eth_getTransactionCount', [tx.from, 'pending']));
  const gas = tx.gas ?? (await estimateGas(tx, call));
  const base = { chainId: network.chainId, nonce, to: tx.to, value: tx.value, data: tx.data, gas };
  const block = tx.gasPrice ? null : await call('eth_getBlockByNumber', ['latest', false]);
  if (tx.gasPrice || !block?.baseFeePerGas) {
    return { ...base, type: '0x0', gasPrice: tx.gasPrice ?? (await call('eth_gasPrice', [])) };
  }
  let priority = tx.maxPriorityFeePerGas;
  if (!priority) priority = await call('eth_maxPriorityFeePerGas', []).catch(() => hex(ONE_GWEI));
  const maxFee = tx.maxFeePerGas ?? hex(2n * BigInt(block.baseFeePerGas) + BigInt(priority));
  if (BigInt(priority) > BigInt(maxFee)) throw invalidParams('maxPriorityFeePerGas is higher than maxFeePerGas.');
  return { ...base, type: '0x2', maxFeePerGas: maxFee, maxPriorityFeePerGas: priority, accessList: [] };
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
    // broadcast before the origin's next request is filled, so queued sends get consecutive
    // nonces.
    handler: async (ctx, { tx, network }) => {
      let filled;
      let hash;
      const prepare = async () => {
        filled = await fill(tx, network);
        return reviewed(filled, network, ctx.account);
      };
      const send = async () => {
        const raw = (await core.unlocked()).signTransaction(ctx.account, JSON.stringify(filled));
        hash = await networks.rpc('eth_sendRawTransaction', [raw], network);
        await activity.record({ ...filled, from: ctx.account, hash, origin: ctx.origin, submittedAt: Date.now() });
      };
      await approvals.request(ctx.origin, 'transaction', prepare, { commit: send });
      return hash;
    },
  },
};
