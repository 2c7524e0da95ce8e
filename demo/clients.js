/**
 * The demo's viem clients: a wallet client over the discovered EIP-1193 provider and a public
 * client over HTTP to the local anvil node (chain 31337). The RPC URL is
 * http://127.0.0.1:8545 unless the page's `?rpc=` query parameter names another.
 */
import { createPublicClient, createWalletClient, custom, defineChain, http } from 'viem';
import { foundry } from 'viem/chains';

/** The RPC URL the demo reads balances and receipts from. */
export function rpcUrlFromQuery() {
  return new URLSearchParams(window.location.search).get('rpc') || foundry.rpcUrls.default.http[0];
}

/** `{ chain, wallet, reader }` for this provider and RPC URL. */
export function createClients(provider, rpcUrl) {
  const chain = defineChain({ ...foundry, rpcUrls: { default: { http: [rpcUrl] } } });
  return {
    chain,
    wallet: createWalletClient({ chain, transport: custom(provider) }),
    reader: createPublicClient({ chain, transport: http(rpcUrl) }),
  };
}
