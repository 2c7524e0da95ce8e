// What moves in a simulated transaction, read from what the node reports: the logs of
// eth_simulateV1 (with traceTransfers, ETH moves appear as Transfer logs of 0xeeee…eeee), or a
// debug_traceCall callTracer tree (ETH moves are the frames' values, logs are per frame, and
// a frame that failed took its moves and its children's back). Then the account's net change
// per asset. Pure.
import { reader, AbiError } from './abi.js';

export const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const TRANSFER_SINGLE = '0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62';
const TRANSFER_BATCH = '0x4a39dc06d4c0dbc64b70af90fd698a233a518aa5d07e595d983b8c0526c8f7fb';

const topicAddress = (topic) => (typeof topic === 'string' && /^0x0{24}[0-9a-fA-F]{40}$/.test(topic) ? `0x${topic.slice(26).toLowerCase()}` : null);
const body = (data) => (typeof data === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(data) ? data.slice(2).toLowerCase() : null);

/**
 * The moves one log records: `[{ asset, standard, tokenId?, from, to, amount }]` (asset `ETH`
 * or the lower-case token address, amount BigInt); [] for logs that are not transfers or do
 * not have the standard's exact shape.
 */
export function movesOfLog(log) {
  const topics = Array.isArray(log?.topics) ? log.topics.map((t) => String(t).toLowerCase()) : [];
  const data = body(log?.data);
  const emitter = typeof log?.address === 'string' ? log.address.toLowerCase() : null;
  if (!emitter || data === null) return [];
  try {
    if (topics[0] === TRANSFER) {
      const from = topicAddress(topics[1]);
      const to = topicAddress(topics[2]);
      if (!from || !to) return [];
      if (emitter === NATIVE) {
        if (topics.length !== 3 || data.length !== 64) return [];
        return [{ asset: 'ETH', standard: 'native', from, to, amount: reader(data).uint(0) }];
      }
      if (topics.length === 3 && data.length === 64) return [{ asset: emitter, standard: 'erc20', from, to, amount: reader(data).uint(0) }];
      if (topics.length === 4 && data.length === 0) return [{ asset: emitter, standard: 'erc721', tokenId: BigInt(topics[3]), from, to, amount: 1n }];
      return [];
    }
    if (topics[0] === TRANSFER_SINGLE && topics.length === 4) {
      const [from, to] = [topicAddress(topics[2]), topicAddress(topics[3])];
      if (!from || !to || data.length !== 128) return [];
      const r = reader(data);
      return [{ asset: emitter, standard: 'erc1155', tokenId: r.uint(0), from, to, amount: r.uint(1) }];
    }
    if (topics[0] === TRANSFER_BATCH && topics.length === 4) {
      const [from, to] = [topicAddress(topics[2]), topicAddress(topics[3])];
      if (!from || !to) return [];
      const r = reader(data);
      const ids = r.array(0);
      const amounts = r.array(1);
      if (ids.length !== amounts.length) return [];
      return Array.from({ length: ids.length }, (_, i) => ({ asset: emitter, standard: 'erc1155', tokenId: ids.items.uint(i), from, to, amount: amounts.items.uint(i) }));
    }
  } catch (e) {
    if (e instanceof AbiError) return [];
    throw e;
  }
  return [];
}

/** The moves of eth_simulateV1's logs of one call. */
export const movesOfLogs = (logs) => (Array.isArray(logs) ? logs.flatMap(movesOfLog) : []);

const VALUE_FRAMES = new Set(['CALL', 'CREATE', 'CREATE2', 'SELFDESTRUCT']);

/** The moves of a callTracer frame (with logs) and its children; nothing from a failed frame. */
export function movesOfTrace(frame) {
  if (!frame || typeof frame !== 'object' || frame.error) return [];
  const out = [];
  const value = typeof frame.value === 'string' && /^0x[0-9a-fA-F]+$/.test(frame.value) ? BigInt(frame.value) : 0n;
  if (value > 0n && VALUE_FRAMES.has(String(frame.type).toUpperCase()) && frame.from && frame.to) {
    out.push({ asset: 'ETH', standard: 'native', from: frame.from.toLowerCase(), to: frame.to.toLowerCase(), amount: value });
  }
  out.push(...movesOfLogs(frame.logs));
  for (const child of Array.isArray(frame.calls) ? frame.calls : []) out.push(...movesOfTrace(child));
  return out;
}

/**
 * The account's net change per asset (and per token id for NFTs), zero changes left out:
 * `[{ asset, standard, tokenId?, delta }]` (delta BigInt), ETH first, then by asset and id.
 */
export function netChanges(moves, account) {
  const me = account.toLowerCase();
  const byKey = new Map();
  for (const m of moves) {
    const sign = (m.to === me ? 1n : 0n) - (m.from === me ? 1n : 0n);
    if (sign === 0n) continue;
    const key = `${m.asset}#${m.tokenId ?? ''}`;
    const entry = byKey.get(key) ?? { asset: m.asset, standard: m.standard, ...(m.tokenId !== undefined ? { tokenId: m.tokenId } : {}), delta: 0n };
    entry.delta += sign * m.amount;
    byKey.set(key, entry);
  }
  const order = (c) => [c.asset === 'ETH' ? 0 : 1, c.asset, c.tokenId ?? -1n];
  const compare = (x, y) => {
    const [a, b] = [order(x), order(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  return [...byKey.values()].filter((c) => c.delta !== 0n).sort(compare);
}
