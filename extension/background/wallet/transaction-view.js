// What a review shows of a filled transaction (the dApp's approval window, Speed up and Cancel
// in the popup): the same fields everywhere, so every review reads the same.
import { forTransaction } from './insight/index.js';

const hex = (n) => `0x${n.toString(16)}`;

/** The review of the filled transaction `f` (JSON-RPC field names) from `account` on `network`. */
export function shown(f, network, account) {
  const perGas = BigInt(f.maxFeePerGas ?? f.gasPrice);
  return {
    account,
    network: { name: network.name, chainId: network.chainId, symbol: network.symbol },
    to: f.to ?? null,
    value: f.value,
    data: f.data,
    gas: f.gas,
    maxFeePerGas: f.maxFeePerGas ?? f.gasPrice,
    maxPriorityFeePerGas: f.maxPriorityFeePerGas ?? null,
    maxCost: hex(BigInt(f.gas) * perGas + BigInt(f.value)),
    nonce: f.nonce,
  };
}

/**
 * The review with what the transaction does (wallet/insight/): `to` EIP-55, the decoded call,
 * the warnings and the balance-change preview, read from `network`'s node.
 */
export async function reviewed(f, network, account) {
  return { ...shown(f, network, account), ...(await forTransaction(f, account, network)) };
}
