/**
 * A dApp page written with viem over `custom(window.ethereum)`: watchContractEvent and
 * watchBlocks, each in poll mode (eth_newFilter / eth_getFilterChanges, eth_blockNumber) and in
 * subscription mode (eth_subscribe "logs" / "newHeads", answered by `message` events). viem
 * subscribes only through a transport that has `subscribe` (its WebSocket and IPC transports),
 * so for subscription mode this page wraps the EIP-1193 provider in such a transport
 * (`eip1193Subscriptions`, a dozen lines any site can write). For the end-to-end tests it
 * exposes `window.libraryPage = { ready, heard, watchTransfers(token, { poll }),
 * watchBlocks({ poll }), watchAsset(params), stop() }`.
 */
import { createPublicClient, createWalletClient, custom, erc20Abi } from 'viem';
import { foundry } from 'viem/chains';
import { record } from './record.js';

const provider = window.ethereum;

/** `custom(provider)` plus `subscribe` over eth_subscribe and the provider's `message` events. */
function eip1193Subscriptions(eip1193) {
  return (config) => {
    const base = custom(eip1193)(config);
    const subscribe = async ({ params, onData }) => {
      const id = await eip1193.request({ method: 'eth_subscribe', params });
      const listener = (message) => {
        if (message?.type === 'eth_subscription' && message.data?.subscription === id) onData(message.data);
      };
      eip1193.on('message', listener);
      return {
        subscriptionId: id,
        unsubscribe: async () => {
          eip1193.removeListener('message', listener);
          await eip1193.request({ method: 'eth_unsubscribe', params: [id] });
        },
      };
    };
    return { ...base, value: { ...base.value, subscribe } };
  };
}

const polling = createPublicClient({ chain: foundry, transport: custom(provider), pollingInterval: 500 });
const subscribing = createPublicClient({ chain: foundry, transport: eip1193Subscriptions(provider) });
const wallet = createWalletClient({ chain: foundry, transport: custom(provider) });
const stops = [];
const client = (poll) => (poll ? polling : subscribing);

window.libraryPage = Object.freeze({
  ready: true,
  heard: [],
  /** Records each Transfer of `token` as { kind: 'transfer', mode, from, to, value, tx }. */
  watchTransfers(token, { poll }) {
    stops.push(client(poll).watchContractEvent({
      address: token,
      abi: erc20Abi,
      eventName: 'Transfer',
      poll,
      onLogs: (logs) => {
        for (const log of logs) {
          record({ kind: 'transfer', mode: poll ? 'poll' : 'subscribe', from: log.args.from, to: log.args.to, value: log.args.value.toString(), tx: log.transactionHash });
        }
      },
      onError: (error) => record({ kind: 'error', message: error.shortMessage ?? error.message }),
    }));
  },
  /** Records each new block as { kind: 'block', mode, number, hash }. */
  watchBlocks({ poll }) {
    stops.push(client(poll).watchBlocks({
      poll,
      onBlock: (block) => record({ kind: 'block', mode: poll ? 'poll' : 'subscribe', number: Number(block.number), hash: block.hash }),
      onError: (error) => record({ kind: 'error', message: error.shortMessage ?? error.message }),
    }));
  },
  /** wallet_watchAsset through viem (the object form MetaMask documents); resolves with the answer. */
  watchAsset(params) {
    return wallet.watchAsset(params);
  },
  stop() {
    while (stops.length > 0) stops.pop()();
  },
});
