// The two checksums a recovery phrase carries, checked locally.
// - BIP39: the last word's low count/3 bits are the first bits of SHA-256 (WebCrypto) of the
//   entropy the other bits encode.
// - SLIP-39: RS1024 over GF(1024) with the customization string "shamir" (or
//   "shamir_extendable" when the share's extendable flag is set).

/** Whether `indices` (12, 15, 18, 21 or 24 BIP39 word indices) carry a valid checksum. */
export async function bip39ChecksumOk(indices) {
  const bitCount = indices.length * 11;
  const checksumBits = indices.length / 3;
  const entropyBytes = (bitCount - checksumBits) / 8;
  const bits = new Uint8Array(Math.ceil(bitCount / 8));
  indices.forEach((index, position) => {
    for (let b = 0; b < 11; b++) {
      if ((index >> (10 - b)) & 1) {
        const i = position * 11 + b;
        bits[i >> 3] |= 0x80 >> (i & 7);
      }
    }
  });
  const entropy = bits.slice(0, entropyBytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', entropy));
  const expected = digest[0] >> (8 - checksumBits);
  const last = indices[indices.length - 1];
  const actual = last & ((1 << checksumBits) - 1);
  bits.fill(0);
  entropy.fill(0);
  return expected === actual;
}

const GEN = [0x00e0e040, 0x01c1c080, 0x03838100, 0x07070200, 0x0e0e0009,
  0x1c0c2412, 0x38086c24, 0x3090fc48, 0x21b1f890, 0x03f3f120];

function polymod(values) {
  let chk = 1;
  for (const v of values) {
    const b = chk >>> 20;
    chk = (((chk & 0xfffff) << 10) ^ v) >>> 0;
    for (let i = 0; i < 10; i++) if ((b >>> i) & 1) chk = (chk ^ GEN[i]) >>> 0;
  }
  return chk;
}

const codes = (text) => Array.from(text, (c) => c.charCodeAt(0));

/** Whether `indices` (20 or 33 SLIP-39 word indices) are a share with a valid RS1024 checksum. */
export function slip39ChecksumOk(indices) {
  const extendable = ((indices[1] >> 4) & 1) === 1;
  const customization = codes(extendable ? 'shamir_extendable' : 'shamir');
  return polymod([...customization, ...indices]) === 1;
}
