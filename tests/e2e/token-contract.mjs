// A minimal ERC-20-like contract for the end-to-end tests (there is no Solidity compiler here):
// runtime bytecode assembled by hand, installed on anvil with anvil_setCode. It answers
//   symbol()            0x95d89b41 → the ABI string "KST"
//   decimals()          0x313ce567 → 6
//   balanceOf(address)  0x70a08231 → the value in storage slot <address> (set it with
//                                    anvil_setStorageAt; see setTokenBalance)
// and reverts on anything else.

// [byte offset, bytes, assembly]. Jump targets are the offsets of the JUMPDESTs below.
const PROGRAM = [
  [0x00, '6000', 'PUSH1 0x00'],
  [0x02, '35', 'CALLDATALOAD          ; first 32 bytes of calldata'],
  [0x03, '60e0', 'PUSH1 0xe0'],
  [0x05, '1c', 'SHR                   ; the 4-byte selector'],
  [0x06, '80', 'DUP1'],
  [0x07, '6395d89b41', 'PUSH4 0x95d89b41      ; symbol()'],
  [0x0c, '14', 'EQ'],
  [0x0d, '6027', 'PUSH1 0x27            ; → symbol'],
  [0x0f, '57', 'JUMPI'],
  [0x10, '80', 'DUP1'],
  [0x11, '63313ce567', 'PUSH4 0x313ce567      ; decimals()'],
  [0x16, '14', 'EQ'],
  [0x17, '6041', 'PUSH1 0x41            ; → decimals'],
  [0x19, '57', 'JUMPI'],
  [0x1a, '6370a08231', 'PUSH4 0x70a08231      ; balanceOf(address)'],
  [0x1f, '14', 'EQ'],
  [0x20, '604c', 'PUSH1 0x4c            ; → balanceOf'],
  [0x22, '57', 'JUMPI'],
  [0x23, '6000', 'PUSH1 0x00'],
  [0x25, '80', 'DUP1'],
  [0x26, 'fd', 'REVERT                ; any other call: revert(0, 0)'],
  // symbol: memory[0..96] = offset 0x20, length 3, "KST" left-aligned; return it
  [0x27, '5b', 'JUMPDEST              ; symbol'],
  [0x28, '6020', 'PUSH1 0x20'],
  [0x2a, '6000', 'PUSH1 0x00'],
  [0x2c, '52', 'MSTORE                ; memory[0x00] = 0x20 (offset of the string)'],
  [0x2d, '6003', 'PUSH1 0x03'],
  [0x2f, '6020', 'PUSH1 0x20'],
  [0x31, '52', 'MSTORE                ; memory[0x20] = 3 (its length)'],
  [0x32, '624b5354', 'PUSH3 0x4b5354        ; "KST"'],
  [0x36, '60e8', 'PUSH1 0xe8'],
  [0x38, '1b', 'SHL                   ; shifted left 232 bits: left-aligned in the word'],
  [0x39, '6040', 'PUSH1 0x40'],
  [0x3b, '52', 'MSTORE                ; memory[0x40] = "KST" + zero padding'],
  [0x3c, '6060', 'PUSH1 0x60'],
  [0x3e, '6000', 'PUSH1 0x00'],
  [0x40, 'f3', 'RETURN                ; return memory[0..0x60]'],
  // decimals: return the word 6
  [0x41, '5b', 'JUMPDEST              ; decimals'],
  [0x42, '6006', 'PUSH1 0x06'],
  [0x44, '6000', 'PUSH1 0x00'],
  [0x46, '52', 'MSTORE                ; memory[0x00] = 6'],
  [0x47, '6020', 'PUSH1 0x20'],
  [0x49, '6000', 'PUSH1 0x00'],
  [0x4b, 'f3', 'RETURN                ; return memory[0..0x20]'],
  // balanceOf: return storage[the address argument as a number]
  [0x4c, '5b', 'JUMPDEST              ; balanceOf'],
  [0x4d, '6004', 'PUSH1 0x04'],
  [0x4f, '35', 'CALLDATALOAD          ; the argument word: the address, right-aligned'],
  [0x50, '54', 'SLOAD                 ; storage[address]'],
  [0x51, '6000', 'PUSH1 0x00'],
  [0x53, '52', 'MSTORE'],
  [0x54, '6020', 'PUSH1 0x20'],
  [0x56, '6000', 'PUSH1 0x00'],
  [0x58, 'f3', 'RETURN                ; return memory[0..0x20]'],
];

// The offsets written above must be where the bytes really are (a miscount would jump into
// the middle of an instruction and revert).
let at = 0;
for (const [offset, hex, asm] of PROGRAM) {
  if (offset !== at) throw new Error(`token contract: "${asm}" is at byte ${at}, not ${offset}`);
  at += hex.length / 2;
}

/** The contract's runtime bytecode. */
export const TOKEN_CODE = `0x${PROGRAM.map(([, hex]) => hex).join('')}`;

export const TOKEN_ABI = [
  { type: 'function', name: 'symbol', stateMutability: 'view', inputs: [], outputs: [{ type: 'string' }] },
  { type: 'function', name: 'decimals', stateMutability: 'view', inputs: [], outputs: [{ type: 'uint8' }] },
  { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }], outputs: [{ type: 'uint256' }] },
];

const word = (value) => `0x${BigInt(value).toString(16).padStart(64, '0')}`;

/** Installs the contract at `address` on the anvil behind `client`. */
export async function installToken(client, address) {
  await client.request({ method: 'anvil_setCode', params: [address, TOKEN_CODE] });
}

/** Sets `owner`'s balance (in the smallest unit) of the contract at `token`. */
export async function setTokenBalance(client, token, owner, amount) {
  await client.request({ method: 'anvil_setStorageAt', params: [token, word(owner), word(amount)] });
}
