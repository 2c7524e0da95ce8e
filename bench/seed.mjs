// Phrase → seed (BIP39: PBKDF2-HMAC-SHA512, 2048 rounds). The core never lets a seed out, so the
// observable work is phrase → seed → account 0's address; every peer does the same steps, and
// the seed dominates (one node derivation is ~1–2% of it).
import { mnemonicToSeedSync } from '@scure/bip39';
import { HDKey } from '@scure/bip32';
import { HDNodeWallet } from 'ethers';
import { SLIP10Node } from '@metamask/key-tree';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { compare, checksumAddress, hexToBytes, PHRASE } from './common.mjs';

export const name = 'seed';
const PATH = "m/44'/60'/0'/0/0";

export async function run({ core }) {
  return [
    await compare('phrase → seed (BIP39) → account 0', {
      keystead: async () => core.deriveAddresses(PHRASE, 0, 1),
      '@scure/bip39 + bip32': async () => {
        const key = HDKey.fromMasterSeed(mnemonicToSeedSync(PHRASE)).derive(PATH);
        const pub = secp256k1.Point.fromBytes(key.publicKey).toBytes(false);
        return [checksumAddress(keccak_256(pub.subarray(1)).subarray(12))];
      },
      'ethers HDNodeWallet.fromPhrase': async () => [HDNodeWallet.fromPhrase(PHRASE, undefined, PATH).address],
      '@metamask/key-tree': async () => {
        const node = await SLIP10Node.fromDerivationPath({
          curve: 'secp256k1',
          derivationPath: [`bip39:${PHRASE}`, "bip32:44'", "bip32:60'", "bip32:0'", 'bip32:0', 'bip32:0'],
        });
        return [checksumAddress(hexToBytes(node.address))];
      },
    }),
  ];
}
