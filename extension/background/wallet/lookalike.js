// Address poisoning: an attacker makes an address with the same first and last hex digits as one
// the user knows (wallets show addresses shortened as 0x1234…abcd) and sends a tiny transfer
// from it, so that it shows in the history and is copied from there next time.
import { isAddress } from './hex.js';

const key = (address) => `${address.slice(2, 6)}…${address.slice(-4)}`.toLowerCase();

/**
 * The first of `known` that looks like `address` without being it: the same first 4 and last 4
 * hex digits (case ignored) and another middle. Null when none does.
 */
export function lookalike(address, known) {
  if (!isAddress(address)) return null;
  const lower = address.toLowerCase();
  return known.find((k) => isAddress(k) && k.toLowerCase() !== lower && key(k) === key(address)) ?? null;
}
