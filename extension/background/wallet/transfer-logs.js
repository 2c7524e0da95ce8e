// What an account received according to `Transfer` logs with it as topic 2: ERC-20 transfers
// have three topics (the amount is data), ERC-721 transfers four (the token id is topic 3); and
// according to ERC-1155's `TransferSingle` / `TransferBatch` logs with it as topic 3 (the ids are
// in the data). Pure: the logs come from logs.js; what is still held is read from the chain after.

/** keccak256("Transfer(address,address,uint256)"): ERC-20 and ERC-721. */
export const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** keccak256("TransferSingle(address,address,address,uint256,uint256)"): ERC-1155. */
export const TRANSFER_SINGLE = '0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62';
/** keccak256("TransferBatch(address,address,address,uint256[],uint256[])"): ERC-1155. */
export const TRANSFER_BATCH = '0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb';

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

const words = (data) => (typeof data === 'string' && /^0x([0-9a-fA-F]{64})*$/.test(data) ? data.slice(2).match(/.{64}/g) ?? [] : null);

/** The ids of a TransferBatch log's data (abi-encoded uint256[] ids, uint256[] values), or null. */
function batchIds(data) {
  const w = words(data);
  if (!w || w.length < 2) return null;
  const start = Number(BigInt(`0x${w[0]}`) / 32n);
  if (!(start < w.length)) return null;
  const count = Number(BigInt(`0x${w[start]}`));
  if (!(count >= 0 && start + 1 + count <= w.length)) return null;
  return w.slice(start + 1, start + 1 + count).map((x) => BigInt(`0x${x}`).toString());
}

/**
 * `[{ token, tokenId }]` (lower-case addresses, decimal ids, each once, in first-seen order): the
 * ERC-1155 tokens `logs` (eth_getLogs results for TRANSFER_SINGLE and TRANSFER_BATCH with the
 * account as topic 3) say it received. A log whose data does not decode is skipped.
 */
export function receivedMultiTokens(logs) {
  const out = new Map();
  for (const log of logs) {
    const topics = log?.topics ?? [];
    if (topics.length !== 4 || typeof log.address !== 'string') continue;
    const token = log.address.toLowerCase();
    let ids = null;
    if (topics[0] === TRANSFER_SINGLE) ids = (words(log.data) ?? []).length === 2 ? [BigInt(`0x${words(log.data)[0]}`).toString()] : null;
    else if (topics[0] === TRANSFER_BATCH) ids = batchIds(log.data);
    for (const tokenId of ids ?? []) out.set(`${token}:${tokenId}`, { token, tokenId });
  }
  return [...out.values()];
}
