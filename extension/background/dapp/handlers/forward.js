// Read-only methods passed straight to the selected network's node, and eth_sendRawTransaction.
// An allow-list: anything not named here is not forwarded.
import * as networks from '../../wallet/networks.js';
import { isHexData } from '../../wallet/hex.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray } from '../validate.js';

export const FORWARDED = Object.freeze([
  'eth_blockNumber', 'eth_call', 'eth_estimateGas', 'eth_feeHistory', 'eth_gasPrice',
  'eth_getBalance', 'eth_getBlockByHash', 'eth_getBlockByNumber', 'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber', 'eth_getCode', 'eth_getLogs', 'eth_getProof', 'eth_getStorageAt',
  'eth_getTransactionByBlockHashAndIndex', 'eth_getTransactionByBlockNumberAndIndex', 'eth_getTransactionByHash',
  'eth_getTransactionCount', 'eth_getTransactionReceipt', 'eth_maxPriorityFeePerGas', 'eth_syncing',
  'net_listening', 'web3_clientVersion',
]);

const forward = {
  validate: (p) => {
    const params = p ?? [];
    if (!Array.isArray(params)) throw invalidParams('params must be an array.');
    return params;
  },
};

export const methods = {
  ...Object.fromEntries(FORWARDED.map((method) => [method, { ...forward, handler: (_ctx, params) => networks.rpc(method, params) }])),
  // A transaction someone already signed: the node checks it and broadcasts it, as MetaMask
  // passes it on. It needs no account of this wallet and no approval (nothing is signed here);
  // the node's error (a bad encoding, a nonce too low) reaches the site unchanged.
  eth_sendRawTransaction: {
    validate: (p) => {
      const [raw] = paramsArray(p, 1, 1, '[signedTransaction]');
      if (!isHexData(raw) || raw.length < 4) throw invalidParams('The signed transaction must be 0x-prefixed hex bytes.');
      return [raw];
    },
    handler: (_ctx, params) => networks.rpc('eth_sendRawTransaction', params),
  },
};
