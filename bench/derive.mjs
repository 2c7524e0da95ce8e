// Derive 100 accounts m/44'/60'/0'/0/i to checksummed addresses, from the phrase (seed included
// for everyone; each library derives the account node m/44'/60'/0'/0 once where its API allows).
import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { hdKeyToAccount } from 'viem/accounts';
import { HDNodeWallet } from 'ethers';
import { SLIP10Node } from '@metamask/key-tree';
import { compare, checksumAddress, hexToBytes, PHRASE, HD_PATH, ACCOUNTS } from './common.mjs';

export const name = 'derive';
const range = (n) => Array.from({ length: n }, (_, i) => i);

export async function run({ core }) {
  return [
    await compare(`derive ${ACCOUNTS} accounts → EIP-55 addresses`, {
      keystead: async () => core.deriveAddresses(PHRASE, 0, ACCOUNTS),
      '@scure/bip32 + @noble/hashes': async () => {
        const parent = HDKey.fromMasterSeed(mnemonicToSeedSync(PHRASE)).derive(HD_PATH);
        return range(ACCOUNTS).map((i) => {
          const pub = secp256k1.Point.fromBytes(parent.deriveChild(i).publicKey).toBytes(false);
          return checksumAddress(keccak_256(pub.subarray(1)).subarray(12));
        });
      },
      // mnemonicToAccount(phrase, { addressIndex: i }) is hdKeyToAccount(HDKey.fromMasterSeed(
      // mnemonicToSeedSync(phrase)), …): here the seed is computed once, not 100 times.
      'viem hdKeyToAccount': async () => {
        const root = HDKey.fromMasterSeed(mnemonicToSeedSync(PHRASE));
        return range(ACCOUNTS).map((i) => hdKeyToAccount(root, { addressIndex: i }).address);
      },
      'ethers HDNodeWallet': async () => {
        const parent = HDNodeWallet.fromPhrase(PHRASE, undefined, HD_PATH);
        return range(ACCOUNTS).map((i) => parent.deriveChild(i).address);
      },
      '@metamask/key-tree': async () => {
        const parent = await SLIP10Node.fromDerivationPath({
          curve: 'secp256k1',
          derivationPath: [`bip39:${PHRASE}`, "bip32:44'", "bip32:60'", "bip32:0'", 'bip32:0'],
        });
        const out = [];
        for (const i of range(ACCOUNTS)) out.push(checksumAddress(hexToBytes((await parent.derive([`bip32:${i}`])).address)));
        return out;
      },
    }, { target: { fasterBy: 3 } }),
  ];
}

