// Strict reading of ABI-encoded words (calldata arguments, return values, event data) from `0x`
// hex: each read checks the bounds and that the word holds a value of its type (an address's
// upper 12 bytes zero, a bool 0 or 1, a uintN below 2^N), and throws AbiError otherwise, so a
// value is only ever shown as what the contract will read. Addresses come out lower-case.
import { hexToBytes } from '../hex.js';

export class AbiError extends Error {}

const WORD = 64; // hex digits in a 32-byte word

/** A reader over the hex digits `body` (no `0x`), whose word 0 starts at digit `base`. */
export function reader(body, base = 0) {
  /** `count` bytes from byte `at` of this reader, as hex digits, bounds-checked. */
  const digits = (at, count) => {
    const start = base + at * 2;
    const end = start + count * 2;
    if (!Number.isSafeInteger(end) || end > body.length) throw new AbiError('past the end of the data');
    return body.slice(start, end);
  };
  const word = (i) => digits(i * 32, 32);
  const uint = (i, bits = 256) => {
    const value = BigInt(`0x${word(i)}`);
    if (bits < 256 && value >> BigInt(bits) !== 0n) throw new AbiError(`not a uint${bits}`);
    return value;
  };
  /** The reader of the dynamic value whose offset (bytes from this reader's start) is word i. */
  const tail = (i) => {
    const offset = uint(i);
    if (offset > BigInt(body.length)) throw new AbiError('a bad offset');
    return reader(body, base + Number(offset) * 2);
  };
  return {
    word,
    uint,
    address(i) {
      const w = word(i);
      if (!w.startsWith('0'.repeat(24))) throw new AbiError('not an address');
      return `0x${w.slice(24)}`;
    },
    bool(i) {
      const value = uint(i);
      if (value > 1n) throw new AbiError('not a bool');
      return value === 1n;
    },
    bytes32: (i) => `0x${word(i)}`,
    /** A dynamic `bytes` (or `string`) whose offset is word i, as `0x` hex. */
    bytes(i) {
      const inner = tail(i);
      const length = inner.uint(0);
      if (length > BigInt(body.length)) throw new AbiError('bytes past the end of the data');
      return `0x${inner.digits(32, Number(length))}`;
    },
    /** A dynamic array whose offset is word i: its length and a reader of its items. */
    array(i, limit = 1000) {
      const inner = tail(i);
      const length = inner.uint(0);
      if (length > BigInt(limit)) throw new AbiError('an array too long to show');
      const items = reader(body, inner.base + 64);
      if (length > 0n) items.word(Number(length) - 1); // the last static item is inside the data
      return { length: Number(length), items };
    },
    digits,
    base,
  };
}

/** The 4-byte selector and a reader of the arguments of calldata `data` (`0x` hex), or null. */
export function callData(data) {
  if (typeof data !== 'string' || !/^0x([0-9a-f]{2})*$/i.test(data) || data.length < 10) return null;
  const lower = data.toLowerCase();
  return { selector: lower.slice(0, 10), args: reader(lower.slice(10)), argsLength: (lower.length - 10) / 2 };
}

/**
 * An ABI `string` return (`0x` hex) as text of at most `maxChars` characters, without control
 * characters; also the old `bytes32` form (MKR, SAI) padded with zeros. Null otherwise.
 */
export function decodeText(hex, maxChars) {
  if (typeof hex !== 'string' || !/^0x([0-9a-f]{2})*$/i.test(hex)) return null;
  const body = hex.slice(2).toLowerCase();
  let raw;
  try {
    raw = hexToBytes(body.length === 64 ? hex : reader(body).bytes(0));
  } catch {
    return null;
  }
  if (body.length === 64) {
    const end = raw.indexOf(0);
    raw = raw.subarray(0, end === -1 ? 32 : end);
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw).trim();
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (text.length === 0 || [...text].length > maxChars || /[\u0000-\u001f\u007f-\u009f]/.test(text)) return null;
  return text;
}

/**
 * The reason of revert data, as facts the approval window words (components/approval-warnings.js):
 * `{ kind: 'text', text }` for Error(string)'s readable text, `{ kind: 'unreadable' }` when it is
 * not, `{ kind: 'panic', code }` (hex digits) for Panic(uint256), `{ kind: 'bad-panic' }` when its
 * code cannot be read, `{ kind: 'custom', selector }` for a custom error; null for empty data.
 */
export function revertReason(data) {
  const call = callData(data);
  if (!call) return null;
  if (call.selector === '0x08c379a0') {
    const text = decodeText(`0x${data.slice(10)}`, 500);
    return text === null ? { kind: 'unreadable' } : { kind: 'text', text };
  }
  if (call.selector === '0x4e487b71') {
    try {
      return { kind: 'panic', code: call.args.uint(0).toString(16) };
    } catch {
      return { kind: 'bad-panic' };
    }
  }
  return { kind: 'custom', selector: call.selector };
}
