// Signing with account 0 of the phrase: 1,000 personal_sign, 200 eth_signTypedData_v4 (the
// EIP-712 Mail example), 200 EIP-1559 transactions. RFC 6979 makes every library's signature
// of the same input identical, which is checked before timing.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { privateKeyToAccount } from 'viem/accounts';
import { Wallet, TypedDataEncoder } from 'ethers';
import { personalSign, signTypedData, SignTypedDataVersion } from '@metamask/eth-sig-util';
import {
  compare, hexToBytes, PASSWORD, PHRASE, personalMessages, typedDataRequests, transactionRequests,
} from './common.mjs';

export const name = 'sign';

/** viem's transaction shape (numbers as bigint) from a JSON-RPC request. */
const viemTx = (t) => ({
  type: 'eip1559',
  chainId: Number(t.chainId),
  nonce: Number(t.nonce),
  to: t.to,
  value: BigInt(t.value),
  data: t.data,
  gas: BigInt(t.gas),
  maxFeePerGas: BigInt(t.maxFeePerGas),
  maxPriorityFeePerGas: BigInt(t.maxPriorityFeePerGas),
  accessList: t.accessList,
});
/** ethers' transaction shape from a JSON-RPC request (it takes hex quantities; gas is gasLimit). */
const ethersTx = (t) => ({
  type: 2, chainId: t.chainId, nonce: Number(t.nonce), to: t.to, value: t.value, data: t.data,
  gasLimit: t.gas, maxFeePerGas: t.maxFeePerGas, maxPriorityFeePerGas: t.maxPriorityFeePerGas,
  accessList: t.accessList,
});

const rsv = (sig65RecoveryFirst) =>
  '0x' + bytesToHex(sig65RecoveryFirst.subarray(1)) + (27 + sig65RecoveryFirst[0]).toString(16);

export async function run({ core, keyring }) {
  const k = keyring ?? core.Keyring.restore(PASSWORD, PHRASE);
  const address = k.accounts()[0].address;
  const privateKeyHex = k.exportPrivateKey(address, PASSWORD);
  const privateKey = hexToBytes(privateKeyHex);
  const viem = privateKeyToAccount(privateKeyHex);
  const ethers = new Wallet(privateKeyHex);
  const keyBuffer = Buffer.from(privateKey);
  const messages = personalMessages();
  const typed = typedDataRequests();
  const txs = transactionRequests();
  const map = async (xs, f) => {
    const out = [];
    for (const x of xs) out.push(await f(x));
    return out;
  };
  const results = [];

  results.push(
    await compare(`${messages.length} personal_sign`, {
      keystead: async () => messages.map((m) => k.signPersonalMessage(address, m)),
      '@noble/curves': async () =>
        messages.map((m) => {
          const bytes = hexToBytes(m);
          const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${bytes.length}`);
          const hash = keccak_256(concatBytes(prefix, bytes));
          return rsv(secp256k1.sign(hash, privateKey, { prehash: false, format: 'recovered' }));
        }),
      viem: async () => map(messages, (m) => viem.signMessage({ message: { raw: m } })),
      ethers: async () => messages.map((m) => ethers.signMessageSync(hexToBytes(m))),
      '@metamask/eth-sig-util': async () => messages.map((m) => personalSign({ privateKey: keyBuffer, data: m })),
    }, { target: { fasterBy: 2 } }),
  );

  results.push(
    await compare(`${typed.length} eth_signTypedData_v4 (Mail)`, {
      keystead: async () => typed.map((json) => k.signTypedDataV4(address, json)),
      viem: async () => map(typed, (json) => viem.signTypedData(JSON.parse(json))),
      ethers: async () =>
        typed.map((json) => {
          const { domain, types, message } = JSON.parse(json);
          const { EIP712Domain, ...rest } = types;
          return ethers.signingKey.sign(TypedDataEncoder.hash(domain, rest, message)).serialized;
        }),
      '@metamask/eth-sig-util': async () =>
        typed.map((json) => signTypedData({ privateKey: keyBuffer, data: JSON.parse(json), version: SignTypedDataVersion.V4 })),
    }, { target: { fasterBy: 2 } }),
  );

  results.push(
    await compare(`${txs.length} EIP-1559 transactions`, {
      keystead: async () => txs.map((tx) => k.signTransaction(address, tx)),
      viem: async () => map(txs, (tx) => viem.signTransaction(viemTx(tx))),
      ethers: async () => map(txs, (tx) => ethers.signTransaction(ethersTx(tx))),
    }, { target: { fasterBy: 2 } }),
  );

  if (!keyring) k.free();
  return results;
}
