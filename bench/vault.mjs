// Vault: unlock a 600,000-iteration vault, and create + encrypt one, against
// @metamask/browser-passworder (PBKDF2 in native WebCrypto) on the same vault and keyrings.
import { encrypt, decrypt } from '@metamask/browser-passworder';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { deriveVaultKey } from '../lib/webcrypto-kdf.js';
import { compare, checksumAddress, hexToBytes, PASSWORD, PHRASE, HD_PATH, ITERATIONS, KEYRINGS } from './common.mjs';

export const name = 'vault';
const PBKDF2 = { algorithm: 'PBKDF2', params: { iterations: ITERATIONS } };
const REPS = 5; // each repetition is a 600,000-iteration PBKDF2

const addressOfKey = (key) =>
  checksumAddress(keccak_256(secp256k1.getPublicKey(key, false).subarray(1)).subarray(12));

/** Accounts of a decrypted MetaMask keyring list, derived independently (scure + noble). */
function addressesOfKeyrings(keyrings) {
  const out = [];
  for (const { type, data } of keyrings) {
    if (type === 'HD Key Tree') {
      const phrase = typeof data.mnemonic === 'string' ? data.mnemonic : new TextDecoder().decode(Uint8Array.from(data.mnemonic));
      const parent = HDKey.fromMasterSeed(mnemonicToSeedSync(phrase)).derive(HD_PATH);
      for (let i = 0; i < data.numberOfAccounts; i++) out.push(addressOfKey(parent.deriveChild(i).privateKey));
    } else if (type === 'Simple Key Pair') {
      for (const hex of data) out.push(addressOfKey(hexToBytes(hex)));
    }
  }
  return out;
}

const accountsOf = (k) => {
  const list = k.accounts().map((a) => a.address);
  k.free();
  return list;
};

export async function run({ core }) {
  const { Keyring } = core;
  const webcrypto = typeof core.vaultKeyParams === 'function';
  const vault = await encrypt(PASSWORD, KEYRINGS, undefined, undefined, PBKDF2);
  const results = [];

  // Unlock: PBKDF2 + AES-GCM decrypt + parse the keyrings (Keystead also derives the accounts).
  const unlock = {};
  if (webcrypto) {
    unlock['keystead (WebCrypto PBKDF2)'] = async () =>
      accountsOf(Keyring.unlockWithKey(vault, await deriveVaultKey(PASSWORD, core.vaultKeyParams(vault))));
  }
  unlock['keystead (WASM PBKDF2)'] = async () => accountsOf(Keyring.unlock(vault, PASSWORD));
  unlock['@metamask/browser-passworder'] = async () => decrypt(PASSWORD, vault);
  results.push(
    await compare(`unlock ${ITERATIONS.toLocaleString('en')}-iteration vault`, unlock, {
      reps: REPS,
      normalize: { '@metamask/browser-passworder': addressesOfKeyrings },
      target: { noSlowerThan: 1.25 },
    }),
  );

  // Create + encrypt: the phrase's keyring (1 account) into a fresh-salt 600,000-iteration vault.
  const keyrings = [{ ...KEYRINGS[0], data: { ...KEYRINGS[0].data, numberOfAccounts: 1 } }];
  const create = {};
  if (webcrypto) {
    create['keystead (WebCrypto PBKDF2)'] = async () => {
      const params = core.newVaultKeyParams();
      const k = Keyring.restoreWithKey(PHRASE, params, await deriveVaultKey(PASSWORD, params));
      const v = k.vault();
      k.free();
      return v;
    };
  }
  create['keystead (WASM PBKDF2)'] = async () => {
    const k = Keyring.restore(PASSWORD, PHRASE);
    const v = k.vault();
    k.free();
    return v;
  };
  create['@metamask/browser-passworder'] = async () => encrypt(PASSWORD, keyrings, undefined, undefined, PBKDF2);
  // Every vault made here must open in browser-passworder to the same accounts.
  const opened = async (v) => addressesOfKeyrings(await decrypt(PASSWORD, v));
  results.push(
    await compare('create + encrypt vault', create, {
      reps: REPS,
      normalize: Object.fromEntries(Object.keys(create).map((n) => [n, opened])),
      target: { noSlowerThan: 1.25 },
    }),
  );
  return results;
}
