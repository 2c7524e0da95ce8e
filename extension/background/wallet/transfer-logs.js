// What an account received according to `Transfer` logs with it as topic 2: ERC-20 transfers
// have three topics (the amount is data), ERC-721 transfers four (the token id is topic 3).
// Pure: the logs come from logs.js; whether anything is still held is read from the chain after.

/** keccak256("Transfer(address,address,uint256)"): ERC-20 and ERC-721. */
export const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** The topic that filters logs by an address (left-padded to 32 bytes). */
export const addressTopic = (address) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;

/**
 * `{ erc20: [token], nfts: [{ token, tokenId }] }` (lower-case addresses, token ids as decimal
 * strings, each once, in first-seen order) from `logs` (eth_getLogs results for TRANSFER).
 */
export function receivedAssets(logs) {
  const erc20 = new Map();
  const nfts = new Map();
  for (const log of logs) {
    const topics = log?.topics ?? [];
    if (topics[0] !== TRANSFER || typeof log.address !== 'string') continue;
    const token = log.address.toLowerCase();
    if (topics.length === 3) erc20.set(token, token);
    else if (topics.length === 4 && /^0x[0-9a-fA-F]{1,64}$/.test(topics[3])) {
      const tokenId = BigInt(topics[3]).toString();
      nfts.set(`${token}:${tokenId}`, { token, tokenId });
    }
  }
  return { erc20: [...erc20.values()], nfts: [...nfts.values()] };
}
