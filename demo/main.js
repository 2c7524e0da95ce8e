/**
 * Keystead demo dApp: finds Keystead through EIP-6963 and exercises it with viem — connect,
 * personal_sign, EIP-712 v4, sending 0.01 ETH on anvil (chain 31337) and switching chains.
 * Balances and receipts are read over HTTP from the RPC URL (`?rpc=`, default
 * http://127.0.0.1:8545). For tests, `window.keysteadDemo = { provider, info }` once found.
 *
 * data-testid contract (end-to-end tests rely on these):
 *   demo-wallet             discovery status: "Keystead (app.keystead)" when found, else a message
 *   demo-wallets            list of every EIP-6963 wallet announced: "<name> (<rdns>)" per item
 *   demo-connect            button: eth_requestAccounts
 *   demo-account            connected account (EIP-55) or "not connected"
 *   demo-chain              wallet's chain id in decimal, e.g. "31337", or "unknown"
 *   demo-balance            balance at the RPC URL, e.g. "10000 ETH", or "unknown"/"unavailable"
 *   demo-rpc                the RPC URL in use
 *   demo-sign-message       button: personal_sign
 *   demo-message            the message signed ("Hello from the Keystead demo (nonce: …)")
 *   demo-message-signature  0x signature
 *   demo-message-valid      "valid" or "invalid" (viem verifyMessage)
 *   demo-sign-typed         button: eth_signTypedData_v4 (Ether Mail, domain chainId = demo-chain)
 *   demo-typed-signature    0x signature
 *   demo-typed-valid        "valid" or "invalid" (viem verifyTypedData)
 *   demo-recipient          input: recipient, default 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
 *   demo-send               button: send 0.01 ETH and wait for the receipt
 *   demo-tx-hash            0x transaction hash
 *   demo-tx-status          "waiting for the wallet", "pending", then "success"/"reverted", or "failed"
 *   demo-chain-input        input: hex chain id for the switch, default 0x7a69
 *   demo-switch-chain       button: wallet_switchEthereumChain
 *   demo-error              last error as "<code>: <message>" (the error's name when it has no
 *                           numeric code, e.g. "InputError: …"); cleared when a button is clicked
 */
import { formatEther, getAddress, hexToNumber } from 'viem';
import * as actions from './actions.js';
import { createClients, rpcUrlFromQuery } from './clients.js';
import { discoverWallets } from './discover.js';
import { byTestId, onClick, setButtonsEnabled, show, showError } from './view.js';

const KEYSTEAD_RDNS = 'app.keystead';
const NOT_FOUND_AFTER_MS = 1500;
const BUTTONS = {
  'demo-connect': actions.connect,
  'demo-sign-message': actions.signMessage,
  'demo-sign-typed': actions.signTyped,
  'demo-send': actions.send,
  'demo-switch-chain': actions.switchChain,
};

const rpcUrl = rpcUrlFromQuery();
show('demo-rpc', rpcUrl);
let session = null;

async function showBalance() {
  const { reader, state } = session;
  if (!state.account) {
    show('demo-balance', 'unknown');
    return;
  }
  try {
    const wei = await reader.getBalance({ address: state.account });
    show('demo-balance', `${formatEther(wei)} ETH`);
  } catch (error) {
    show('demo-balance', 'unavailable');
    showError(new Error(`Could not read the balance from ${rpcUrl}; is anvil running there? (${error.shortMessage ?? error.message})`));
  }
}

function setAccounts(accounts) {
  session.state.account = accounts.length > 0 ? getAddress(accounts[0]) : null;
  show('demo-account', session.state.account ?? 'not connected');
  return showBalance();
}

function setChain(hex) {
  session.state.chainId = hexToNumber(hex);
  show('demo-chain', String(session.state.chainId));
}

/** Reads accounts and chain id from the wallet (no prompt) and shows them. */
async function refresh() {
  const { provider } = session;
  const [accounts, chainId] = await Promise.all([
    provider.request({ method: 'eth_accounts' }),
    provider.request({ method: 'eth_chainId' }),
  ]);
  setChain(chainId);
  await setAccounts(accounts);
}

function useWallet({ info, provider }) {
  session = { provider, info, ...createClients(provider, rpcUrl), state: { account: null, chainId: null } };
  window.keysteadDemo = Object.freeze({ provider, info });
  show('demo-wallet', `${info.name} (${info.rdns})`);
  provider.on('accountsChanged', (accounts) => setAccounts(accounts));
  provider.on('chainChanged', (chainId) => { setChain(chainId); showBalance(); });
  provider.on('disconnect', (error) => showError(error));
  for (const [id, action] of Object.entries(BUTTONS)) {
    onClick(id, async () => {
      await action(session);
      await refresh();
    });
  }
  setButtonsEnabled(Object.keys(BUTTONS), true);
  refresh().catch(showError);
}

function listWallets(wallets) {
  byTestId('demo-wallets').replaceChildren(...wallets.map(({ info }) => {
    const item = document.createElement('li');
    item.textContent = `${info.name} (${info.rdns})`;
    return item;
  }));
  const keystead = wallets.find(({ info }) => info.rdns === KEYSTEAD_RDNS);
  if (keystead && !session) useWallet(keystead);
}

discoverWallets(listWallets);
setTimeout(() => {
  if (session) return;
  const others = byTestId('demo-wallets').children.length;
  show('demo-wallet', `Keystead was not found${others ? ' (the wallets found are listed below)' : ''}. `
    + 'Load the extension (dist/) unpacked at chrome://extensions, then reload this page.');
}, NOT_FOUND_AFTER_MS);
