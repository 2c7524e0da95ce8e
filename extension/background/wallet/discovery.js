// Account discovery after a restore from the phrase: which of the phrase's HD accounts were
// used. Addresses are derived in order (BIP44 m/44'/60'/0'/0/i, by the core) and one counts as
// used when the selected network reports a balance or a nonce above zero; the search stops after
// GAP unused addresses in a row (the usual wallet gap rule) and never looks past MAX.
import * as core from './core.js';
import * as networks from './networks.js';

export const GAP = 5;
export const MAX = 100;
const BATCH = 10; // addresses asked about at once: 20 parallel requests
const TIMEOUT_MS = 15_000; // a node that hangs must not hold the restore forever

async function isUsed(address, network) {
  const [balance, nonce] = await Promise.all([
    networks.rpc('eth_getBalance', [address, 'latest'], network),
    networks.rpc('eth_getTransactionCount', [address, 'latest'], network),
  ]);
  return BigInt(balance) !== 0n || BigInt(nonce) !== 0n;
}

function withTimeout(promise, network) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${network.name} did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `{ count, checked, network }`: keep HD accounts 0..count-1 (count ≥ 1: account 0 always).
 * `checked` is false when the node could not be asked (unreachable, an error, no answer in
 * time); count then holds what was found before that, at least account 0.
 */
export async function discoverAccounts(phrase) {
  const network = await networks.selected();
  let lastUsed = 0;
  let sawUsed = false;
  try {
    for (let start = 0; start < MAX; start += BATCH) {
      const addresses = await core.deriveAddresses(phrase, start, Math.min(BATCH, MAX - start));
      const used = await withTimeout(Promise.all(addresses.map((a) => isUsed(a, network))), network);
      for (const [i, yes] of used.entries()) {
        const index = start + i;
        if (index - (sawUsed ? lastUsed : -1) > GAP) return { count: lastUsed + 1, checked: true, network: network.name };
        if (yes) {
          lastUsed = index;
          sawUsed = true;
        }
      }
    }
    return { count: lastUsed + 1, checked: true, network: network.name };
  } catch (e) {
    if (e?.code === 'INVALID_PHRASE') throw e;
    return { count: lastUsed + 1, checked: false, network: network.name };
  }
}
