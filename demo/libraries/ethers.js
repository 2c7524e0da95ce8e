/**
 * A dApp page written with ethers v6 the way sites written for MetaMask are: a BrowserProvider
 * over window.ethereum, `contract.on('Transfer', …)` (ethers installs an eth_newFilter and polls
 * eth_getFilterChanges) and `provider.on('block', …)`. For the end-to-end tests it exposes
 * `window.libraryPage = { ready, heard, watchTransfers(token), watchBlocks(), stop() }`; every
 * event is also listed on the page.
 */
import { BrowserProvider, Contract } from 'ethers';
import { record } from './record.js';

const ERC20_EVENTS = ['event Transfer(address indexed from, address indexed to, uint256 value)'];

const provider = new BrowserProvider(window.ethereum, 'any', { pollingInterval: 500 });

window.libraryPage = Object.freeze({
  ready: true,
  heard: [],
  /** Listens for the token's Transfer events; each is recorded as { kind: 'transfer', from, to, value, tx }. */
  async watchTransfers(token) {
    const contract = new Contract(token, ERC20_EVENTS, provider);
    await contract.on('Transfer', (from, to, value, event) => record({
      kind: 'transfer', from, to, value: value.toString(), tx: event.log.transactionHash,
    }));
  },
  /** Listens for new blocks; each is recorded as { kind: 'block', number }. */
  async watchBlocks() {
    await provider.on('block', (number) => record({ kind: 'block', number }));
  },
  async stop() {
    await provider.removeAllListeners();
  },
});
