/**
 * Random UUIDs (v4) for request ids and the EIP-6963 info. `crypto.randomUUID` exists only in
 * secure contexts, but the provider also runs on plain-http pages, so this falls back to
 * `crypto.getRandomValues`, which every context has. Captured at load, before page scripts.
 */
const getRandomValues = crypto.getRandomValues.bind(crypto);
const randomUUID = typeof crypto.randomUUID === 'function' ? crypto.randomUUID.bind(crypto) : null;

function uuidFromRandomBytes() {
  const b = getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fresh random UUID string. */
export const newUuid = randomUUID ?? uuidFromRandomBytes;
