// 0x-hex in the worker: the shapes of an address and of hex bytes, and the conversions between
// hex and bytes, for the RPC checks, the signing display, the token calls and the backup checks.

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DATA = /^0x([0-9a-fA-F]{2})*$/;

/** `0x` and 40 hex digits (any case; the checksum is not checked here). */
export const isAddress = (value) => typeof value === 'string' && ADDRESS.test(value);

/** `0x` and an even number of hex digits (`0x` alone is empty data). */
export const isHexData = (value) => typeof value === 'string' && DATA.test(value);

/** The bytes of hex data; the caller has checked it with isHexData. */
export function hexToBytes(hex) {
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}

/** Lower-case `0x` hex of `bytes`. */
export function bytesToHex(bytes) {
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A random 128-bit `0x` quantity (no leading zero), for filter and subscription ids. */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] |= 0x10;
  return bytesToHex(bytes);
}
