/**
 * What the demo's buttons do. Each action takes the session `{ provider, wallet, reader,
 * state }` (state holds `account` and `chainId`, kept current by main.js), shows its results
 * through view.js and throws on failure (onClick shows the error).
 */
import { bytesToHex, hexToNumber, isAddress, isHex, parseEther, verifyMessage, verifyTypedData } from 'viem';
import { mailTypedData } from './mail.js';
import { InputError, byTestId, show } from './view.js';

function requireAccount(state) {
  if (!state.account) throw new InputError('No account is connected. Click Connect first.');
  return state.account;
}

/** eth_requestAccounts; main.js picks up the accounts through refresh(). */
export async function connect({ wallet }) {
  await wallet.requestAddresses();
}

/** personal_sign of the demo message with a fresh nonce, then verify it locally. */
export async function signMessage({ wallet, state }) {
  const address = requireAccount(state);
  const nonce = bytesToHex(crypto.getRandomValues(new Uint8Array(4))).slice(2);
  const message = `Hello from the Keystead demo (nonce: ${nonce})`;
  show('demo-message', message);
  show('demo-message-signature', '');
  show('demo-message-valid', '');
  const signature = await wallet.signMessage({ account: address, message });
  show('demo-message-signature', signature);
  const valid = await verifyMessage({ address, message, signature });
  show('demo-message-valid', valid ? 'valid' : 'invalid');
}

/** eth_signTypedData_v4 of the Ether Mail example on the current chain, then verify it. */
export async function signTyped({ wallet, state }) {
  const address = requireAccount(state);
  if (state.chainId === null) throw new InputError('The wallet has not reported a chain id yet.');
  const typedData = mailTypedData(state.chainId);
  show('demo-typed-signature', '');
  show('demo-typed-valid', '');
  const signature = await wallet.signTypedData({ account: address, ...typedData });
  show('demo-typed-signature', signature);
  const valid = await verifyTypedData({ address, signature, ...typedData });
  show('demo-typed-valid', valid ? 'valid' : 'invalid');
}

/** Sends 0.01 ETH to the recipient input and waits for the receipt on the RPC node. */
export async function send({ wallet, reader, state }) {
  const account = requireAccount(state);
  const to = byTestId('demo-recipient').value.trim();
  if (!isAddress(to)) {
    throw new InputError(`"${to}" is not an address: enter 0x and 40 hex digits (a mixed-case address must have a valid checksum).`);
  }
  show('demo-tx-hash', '');
  show('demo-tx-status', 'waiting for the wallet');
  try {
    const hash = await wallet.sendTransaction({ account, to, value: parseEther('0.01') });
    show('demo-tx-hash', hash);
    show('demo-tx-status', 'pending');
    const receipt = await reader.waitForTransactionReceipt({ hash });
    show('demo-tx-status', receipt.status);
  } catch (error) {
    show('demo-tx-status', 'failed');
    throw error;
  }
}

/** wallet_switchEthereumChain to the chain id typed in hex. */
export async function switchChain({ wallet }) {
  const input = byTestId('demo-chain-input').value.trim();
  if (!isHex(input, { strict: true }) || input === '0x') {
    throw new InputError(`"${input}" is not a hex chain id: enter 0x followed by hex digits, e.g. 0x7a69 for 31337.`);
  }
  await wallet.switchChain({ id: hexToNumber(input) });
}
