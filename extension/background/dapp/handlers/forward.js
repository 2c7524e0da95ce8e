// Read-only methods passed straight to the selected network's node. An allow-list: anything
// not named here is not forwarded.
import * as networks from '../../wallet/networks.js';
import { invalidParams } from '../../../shared/rpc-errors.js';

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

export const methods = Object.fromEntries(
  FORWARDED.map((method) => [method, { ...forward, handler: (_ctx, params) => networks.rpc(method, params) }]),
);
