// An account's picture: MetaMask's jazzicon of the address (the same picture MetaMask shows for
// it, seeded as MetaMask seeds it: the address's first 8 hex digits), so accounts are told apart
// at a glance. Decorative: the name and address next to it carry the meaning.
import jazzicon from '@metamask/jazzicon';

/** The jazzicon of `address` (0x + 40 hex), `size` px wide, as a node. */
export function identicon(address, size = 24) {
  const node = jazzicon(size, Number.parseInt(address.slice(2, 10), 16));
  node.classList.add('identicon');
  node.setAttribute('aria-hidden', 'true');
  return node;
}
