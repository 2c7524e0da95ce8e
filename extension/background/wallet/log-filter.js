// Log filter criteria (eth_newFilter, eth_getLogs, eth_subscribe "logs"): checking what a site
// sends, matching a log against it, and the one eth_getLogs query that covers several filters.
import { invalidParams } from '../../shared/rpc-errors.js';
import { isAddress } from './hex.js';

const TOPIC = /^0x[0-9a-fA-F]{64}$/;
const BLOCK_NUMBER = /^0x(0|[1-9a-fA-F][0-9a-fA-F]{0,15})$/;
const BLOCK_TAGS = new Set(['latest', 'pending', 'earliest', 'safe', 'finalized']);
/** Most addresses, and most topics at one position, a filter may name. */
const MAX_ALTERNATIVES = 1000;

function addresses(value) {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > MAX_ALTERNATIVES || !list.every(isAddress)) {
    throw invalidParams('The filter\'s address must be a 0x-prefixed 20-byte address or a non-empty list of them.');
  }
  return [...new Set(list.map((a) => a.toLowerCase()))];
}

function topics(value) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 4) throw invalidParams('The filter\'s topics must be a list of at most 4 positions.');
  return value.map((position) => {
    if (position === null) return null;
    const list = Array.isArray(position) ? position : [position];
    if (list.length > MAX_ALTERNATIVES || !list.every((t) => t === null || (typeof t === 'string' && TOPIC.test(t)))) {
      throw invalidParams('Each topic must be null, a 0x-prefixed 32-byte hex value, or a list of them.');
    }
    // A null among the alternatives matches anything there.
    return list.length === 0 || list.includes(null) ? null : [...new Set(list.map((t) => t.toLowerCase()))];
  });
}

function block(value, what) {
  if (value === undefined || value === null) return 'latest';
  if (typeof value === 'string' && (BLOCK_TAGS.has(value) || BLOCK_NUMBER.test(value))) return value.toLowerCase();
  throw invalidParams(`${what} must be a block tag (latest, earliest, pending, safe, finalized) or a 0x block number.`);
}

/**
 * Checks a filter object. `{ address, topics, fromBlock, toBlock, blockHash }` with addresses and
 * topics in lower case (null or [] for "any"); `ranged` false (a logs subscription) ignores the
 * block fields.
 */
export function parseCriteria(raw, { ranged = true } = {}) {
  const value = raw ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParams('The filter must be an object { address?, topics?, fromBlock?, toBlock? }.');
  const criteria = { address: addresses(value.address), topics: topics(value.topics), fromBlock: 'latest', toBlock: 'latest', blockHash: null };
  if (!ranged) return criteria;
  if (value.blockHash !== undefined && value.blockHash !== null) {
    if (typeof value.blockHash !== 'string' || !TOPIC.test(value.blockHash)) throw invalidParams('blockHash must be a 0x-prefixed 32-byte hex value.');
    if (value.fromBlock !== undefined || value.toBlock !== undefined) throw invalidParams('Give either blockHash or fromBlock/toBlock, not both.');
    criteria.blockHash = value.blockHash.toLowerCase();
    return criteria;
  }
  criteria.fromBlock = block(value.fromBlock, 'fromBlock');
  criteria.toBlock = block(value.toBlock, 'toBlock');
  return criteria;
}

/** The criteria as eth_getLogs params (what eth_getFilterLogs asks the node). */
export function asQuery(criteria) {
  const query = criteria.blockHash ? { blockHash: criteria.blockHash } : { fromBlock: criteria.fromBlock, toBlock: criteria.toBlock };
  if (criteria.address) query.address = criteria.address;
  if (criteria.topics.length > 0) query.topics = criteria.topics;
  return query;
}

/** Whether `log` (as eth_getLogs returns it) matches the criteria's address and topics. */
export function matches(criteria, log) {
  if (criteria.address && !criteria.address.includes(String(log.address).toLowerCase())) return false;
  const logTopics = Array.isArray(log.topics) ? log.topics.map((t) => String(t).toLowerCase()) : [];
  return criteria.topics.every((wanted, i) => wanted === null || (i < logTopics.length && wanted.includes(logTopics[i])));
}

/**
 * The address and first-topic part of one eth_getLogs query that returns every log any of
 * `list` matches (a superset: each filter then picks its own with `matches`).
 */
export function unionQuery(list) {
  const query = {};
  if (list.length > 0 && list.every((c) => c.address)) {
    const all = [...new Set(list.flatMap((c) => c.address))];
    if (all.length <= MAX_ALTERNATIVES) query.address = all;
  }
  if (list.length > 0 && list.every((c) => c.topics[0])) {
    const all = [...new Set(list.flatMap((c) => c.topics[0]))];
    if (all.length <= MAX_ALTERNATIVES) query.topics = [all];
  }
  return query;
}

/** The block number a block field names, given the current head; null for "no bound" (latest, pending). */
export function boundOf(tag, head) {
  if (tag === 'earliest') return 0;
  if (BLOCK_NUMBER.test(tag)) return Number(BigInt(tag));
  return tag === 'latest' || tag === 'pending' ? null : head;
}
