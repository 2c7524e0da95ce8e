// Loads the core (wasm-bindgen `--target web` output in pkg/) synchronously in Node, plus the
// small helpers every differential test file shares: a seeded PRNG and error-code assertions.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { initSync } from '../../pkg/keystead.js';

initSync({ module: readFileSync(new URL('../../pkg/keystead_bg.wasm', import.meta.url)) });

export {
  Keyring,
  validatePhrase,
  wordSuggestions,
  toChecksumAddress,
  recoverPersonalSignature,
  hashTypedDataV4,
  hashAuthorization,
  typedDataView,
  deriveAddresses,
  vaultKeyParams,
  newVaultKeyParams,
  sealPayload,
  openPayload,
} from '../../pkg/keystead.js';

export const PASSWORD = 'correct horse battery staple';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (xoshiro128** seeded through splitmix32). One seed per test file, printed so a
// failing run can be replayed with `KEYSTEAD_SEED=<seed> npm run test:diff`.
// ---------------------------------------------------------------------------------------------
function splitmix32(a) {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export class Rng {
  constructor(seed) {
    const sm = splitmix32(seed >>> 0);
    this.s = [sm(), sm(), sm(), sm()];
  }
  /** uniform 32-bit unsigned integer */
  u32() {
    const s = this.s;
    const result = Math.imul(((Math.imul(s[1], 5) << 7) | (Math.imul(s[1], 5) >>> 25)), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return result;
  }
  /** integer in [0, n) for n <= 2^32 */
  int(n) {
    return Math.floor((this.u32() / 4294967296) * n);
  }
  /** integer in [lo, hi] */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  bool(p = 0.5) {
    return this.u32() / 4294967296 < p;
  }
  pick(arr) {
    return arr[this.int(arr.length)];
  }
  bytes(n) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }
  /** uniform BigInt with exactly `bits` random bits (0 <= x < 2^bits) */
  bigBits(bits) {
    let x = 0n;
    for (let i = 0; i < bits; i += 32) x = (x << 32n) | BigInt(this.u32());
    const extra = Math.ceil(bits / 32) * 32 - bits;
    return x >> BigInt(extra);
  }
  /**
   * BigInt in [0, 2^bits) with a random magnitude: small numbers, edge values and full-width
   * numbers all show up, which uniform sampling over 2^256 would practically never produce.
   */
  bigInt(bits) {
    const r = this.int(10);
    const max = (1n << BigInt(bits)) - 1n;
    if (r === 0) return 0n;
    if (r === 1) return max;
    if (r === 2) return BigInt(this.int(256)) & max;
    if (r === 3) return 1n << BigInt(this.int(bits));
    return this.bigBits(this.range(1, bits));
  }
}

/** A fresh PRNG for one test file; logs the seed so a run can be replayed. */
export function seededRng(file) {
  const env = process.env.KEYSTEAD_SEED;
  const seed = env !== undefined && env !== '' ? Number(env) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  console.log(`${file}: seed ${seed} (replay with KEYSTEAD_SEED=${seed})`);
  return new Rng(seed);
}

/**
 * Imports random valid secp256k1 keys into `keyring` until `accounts` holds `count` entries;
 * each is `{ address, key }`. Returns `accounts`.
 */
export function importRandomKeys(keyring, rng, accounts, count, order) {
  while (accounts.length < count) {
    const key = toHex(rng.bytes(32));
    const x = BigInt(key);
    if (x === 0n || x >= order) continue;
    accounts.push({ address: keyring.importPrivateKey(key), key });
  }
  return accounts;
}

// ---------------------------------------------------------------------------------------------
// Hex helpers
// ---------------------------------------------------------------------------------------------
export function toHex(bytes) {
  return '0x' + Buffer.from(bytes).toString('hex');
}
export function fromHex(hex) {
  return new Uint8Array(Buffer.from(hex.replace(/^0x/, ''), 'hex'));
}

// ---------------------------------------------------------------------------------------------
// Error assertions: the core throws JS Errors with a stable `code`.
// ---------------------------------------------------------------------------------------------
/** Runs fn, asserts it throws an Error whose `code` is `code`, and returns the error. */
export function throwsCode(fn, code, what = '') {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, `expected ${code} but the call returned normally ${what}`);
  assert.ok(err instanceof Error, `expected an Error, got ${typeof err}: ${String(err)} ${what}`);
  assert.equal(err.code, code, `wrong error code (message: ${err.message}) ${what}`);
  return err;
}

/** Runs a clean-up step whose own failure must not hide the error of the test body. */
export function quietly(fn) {
  try {
    fn();
  } catch {
    /* reported by the test body */
  }
}
