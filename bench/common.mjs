// What every benchmark group shares: the identical inputs, the timer, the equality checks and the
// small EIP-55 helper the raw-primitive peers need. Runs unchanged in the page and under Node.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MAIL } from '../tests/diff/eip712-mail.mjs';

/** Timed repetitions per operation (the issue asks for at least 5), after WARMUP untimed runs. */
export const REPS = 7;
export const WARMUP = 2;

// ---- identical inputs for every library ----------------------------------------------------
export const PHRASE =
  'test test test test test test test test test test test junk';
export const PASSWORD = 'correct horse battery staple';
export const HD_PATH = "m/44'/60'/0'/0";
export const ITERATIONS = 600_000;
export const ACCOUNTS = 100;
export const PERSONAL_COUNT = 1000;
export const TYPED_COUNT = 200;
export const TX_COUNT = 200;

/** MetaMask's keyring list for the vault: the phrase with 3 accounts plus one imported key. */
export const KEYRINGS = [
  {
    type: 'HD Key Tree',
    data: {
      mnemonic: Array.from(utf8ToBytes(PHRASE)),
      numberOfAccounts: 3,
      hdPath: HD_PATH,
    },
  },
  {
    type: 'Simple Key Pair',
    data: ['4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d'],
  },
];

/** personal_sign payloads: distinct UTF-8 messages as 0x hex. */
export const personalMessages = () =>
  Array.from({ length: PERSONAL_COUNT }, (_, i) =>
    '0x' + bytesToHex(utf8ToBytes(`Keystead bench: sign in to example.org, nonce ${i}`)),
  );

/** The EIP-712 "Mail" example (as eth_signTypedData_v4 receives it: a JSON string), varied per i. */
export const typedDataRequests = () =>
  Array.from({ length: TYPED_COUNT }, (_, i) =>
    JSON.stringify({ ...MAIL, message: { ...MAIL.message, contents: `Hello, Bob! (${i})` } }),
  );

/** EIP-1559 transaction requests with JSON-RPC field names, varied by nonce. */
export const transactionRequests = () =>
  Array.from({ length: TX_COUNT }, (_, i) => ({
    type: '0x2',
    chainId: '0x1',
    nonce: '0x' + i.toString(16),
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    value: '0xde0b6b3a7640000',
    data: '0xa9059cbb000000000000000000000000' + '70997970c51812dc3a010c7d01b50e0d17dc79c8' +
      (i + 1).toString(16).padStart(64, '0'),
    gas: '0x5208',
    maxFeePerGas: '0x4a817c800',
    maxPriorityFeePerGas: '0x3b9aca00',
    accessList: [],
  }));

// ---- timing --------------------------------------------------------------------------------
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time in ms of `fn()` (awaited) over REPS runs after WARMUP runs. */
export async function measure(fn, reps = REPS) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Times Keystead and each peer on the same work. `impls` maps a name to an async function doing
 * the work once and returning its output; Keystead's variants are named `keystead…` and the first
 * entry is the reference. Before anything is timed, every output (passed through
 * `normalize[name]` when given, e.g. to decode a vault) must equal the reference's, so the bench
 * cannot silently compare different work.
 */
export async function compare(op, impls, { reps = REPS, target, normalize = {} } = {}) {
  const names = Object.keys(impls);
  const outputs = {};
  for (const name of names) {
    const out = await impls[name]();
    outputs[name] = normalize[name] ? await normalize[name](out) : out;
  }
  const [ref] = names;
  for (const name of names.slice(1)) assertSame(op, name, ref, outputs[ref], outputs[name]);
  const ms = {};
  for (const name of names) ms[name] = await measure(impls[name], reps);
  return { op, ms, target, reps };
}

function assertSame(op, name, ref, expected, actual) {
  const a = JSON.stringify(expected);
  const b = JSON.stringify(actual);
  if (a !== b) {
    throw new Error(`${op}: ${name} computed something else than ${ref}:\n  ${b.slice(0, 300)}\n  vs ${a.slice(0, 300)}`);
  }
}

// ---- helpers for the raw-primitive peers ------------------------------------------------------
/** EIP-55 checksum of 20 address bytes, with @noble/hashes' keccak. */
export function checksumAddress(bytes20) {
  const hex = bytesToHex(bytes20);
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? hex[i].toUpperCase() : hex[i];
  return out;
}

/** 0x-hex → bytes. */
export function hexToBytes(hex) {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(2 * i, 2), 16);
  return out;
}
