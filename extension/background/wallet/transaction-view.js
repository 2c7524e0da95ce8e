// What every review shows of a filled transaction (a dApp's approval window, the popup's Send,
// Speed up and Cancel): the same fields everywhere, so every review reads the same
// (popup/components/transaction-view.js draws them). Only public data. A dApp's window also
// gets what the transaction does (wallet/insight/).
import * as core from './core.js';
import * as tokens from './tokens.js';
import { perGas } from './fees.js';
import { forTransaction } from './insight/index.js';

const hex = (n) => `0x${n.toString(16)}`;

/** The most the filled transaction `f` can cost in fees (gas × max fee per gas), as a bigint. */
export const maxFee = (f) => BigInt(f.gas) * perGas(f);

/**
 * The listed token and its recipient and amount when `f` is an ERC-20 transfer call to a token
 * of the list on `chainId`: `{ token, to (EIP-55), amount (bigint) }`; else null.
 */
export async function tokenTransfer(f, chainId) {
  const call = f.to ? tokens.decodeTransfer(f.data) : null;
  const token = call ? await tokens.find(chainId, f.to) : null;
  return token ? { token, to: await core.toChecksumAddress(call.to), amount: call.amount } : null;
}

/**
 * The review of the filled transaction `f` (JSON-RPC field names) from `account` on `network`:
 * network, to, value, data, gas, fees, the most it can cost (`maxCost`, value included), nonce,
 * and for an ERC-20 transfer of a listed token, `transfer` (the token, its recipient, the amount).
 */
export async function describe(f, network, account) {
  const transfer = await tokenTransfer(f, network.chainId);
  return {
    account,
    network: { name: network.name, chainId: network.chainId, symbol: network.symbol },
    to: f.to ?? null,
    value: f.value,
    data: f.data,
    gas: f.gas,
    maxFeePerGas: f.maxFeePerGas ?? f.gasPrice,
    maxPriorityFeePerGas: f.maxPriorityFeePerGas ?? null,
    maxCost: hex(maxFee(f) + BigInt(f.value)),
    nonce: f.nonce,
    transfer: transfer && {
      symbol: transfer.token.symbol,
      decimals: transfer.token.decimals,
      token: transfer.token.address,
      to: transfer.to,
      amount: hex(transfer.amount),
    },
  };
}

/**
 * The review with what the transaction does (wallet/insight/): `to` EIP-55, the decoded call,
 * the warnings and the balance-change preview, read from `network`'s node.
 */
export async function reviewed(f, network, account) {
  const [described, insight] = await Promise.all([describe(f, network, account), forTransaction(f, account, network)]);
  return { ...described, ...insight };
}
