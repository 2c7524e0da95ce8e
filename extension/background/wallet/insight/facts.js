// What the selected network's node says about the contracts a request names, read in one
// JSON-RPC batch: whether an address has code, and for a token its standard (ERC-165
// supportsInterface for ERC-721 and ERC-1155, decimals() for ERC-20), symbol, name and
// decimals; a symbol or name with hidden characters is withheld and `hidden` says so. Every
// address comes back EIP-55 (the core's checksum). What the node does not answer stays null
// ("unknown"), never guessed.
import * as networks from '../networks.js';
import * as core from '../core.js';
import { decodeDecimals } from '../tokens.js';
import { decodeText } from './abi.js';
import { hasHidden } from '../../../shared/hidden-chars.js';

const SYMBOL = '0x95d89b41';
const NAME = '0x06fdde03';
const DECIMALS = '0x313ce567';
const SUPPORTS = '0x01ffc9a7';
const ERC721 = '80ac58cd';
const ERC1155 = 'd9b67a26';
const supports = (id) => `${SUPPORTS}${id}${'0'.repeat(56)}`;

/** How long the node has for each batch of an approval window's reads. */
export const TIMEOUT_MS = 10_000;

const TOKEN_CALLS = ['code', 'symbol', 'name', 'decimals', 'erc721', 'erc1155'];

function tokenCalls(address) {
  const call = (data) => ['eth_call', [{ to: address, data }, 'latest']];
  return [['eth_getCode', [address, 'latest']], call(SYMBOL), call(NAME), call(DECIMALS), call(supports(ERC721)), call(supports(ERC1155))];
}

const hasCode = (answer) => (answer?.error || typeof answer?.result !== 'string' ? null : !/^0x0*$/.test(answer.result));
const isTrue = (answer) => !answer?.error && typeof answer?.result === 'string' && /^0x0{63}1$/.test(answer.result);
const okResult = (answer) => (answer?.error ? null : answer?.result);

/** A token's facts from its answers (in TOKEN_CALLS order). */
export function tokenFacts(address, answers) {
  const [code, symbol, name, decimals, erc721, erc1155] = answers;
  const texts = [decodeText(okResult(symbol), 16), decodeText(okResult(name), 64)];
  // A symbol or name with invisible or reordering characters is not shown (it imitates another
  // token's): the window warns instead.
  const hidden = texts.some((t) => t !== null && hasHidden(t));
  const [shownSymbol, shownName] = texts.map((t) => (t !== null && hasHidden(t) ? null : t));
  const facts = {
    address,
    code: hasCode(code),
    symbol: shownSymbol,
    name: shownName,
    hidden,
    decimals: okResult(decimals) ? decodeDecimals(okResult(decimals)) : null,
    standard: null,
  };
  if (isTrue(erc721)) facts.standard = 'erc721';
  else if (isTrue(erc1155)) facts.standard = 'erc1155';
  else if (facts.decimals !== null) facts.standard = 'erc20';
  if (facts.standard !== 'erc20') facts.decimals = null;
  return facts;
}

/** `{ [lower]: EIP-55 }` for the given addresses. */
async function checksums(addresses) {
  const out = new Map();
  for (const a of addresses) out.set(a, await core.toChecksumAddress(a));
  return out;
}

/**
 * Reads the facts of `tokens` and the code of `codes` from `network`, and checksums those and
 * `names`: `{ cs(address), token(address), code(address), unreachable }`, lookups taking any
 * case. `code` gives true, false, or null when the node did not say.
 */
export async function read(network, { tokens = [], codes = [], names: others = [] }) {
  const tokenList = [...new Set([...tokens].map((a) => a.toLowerCase()))];
  const codeList = [...new Set([...codes].map((a) => a.toLowerCase()))].filter((a) => !tokenList.includes(a));
  const calls = [...tokenList.flatMap(tokenCalls), ...codeList.map((a) => ['eth_getCode', [a, 'latest']])];
  let answers = [];
  let unreachable = false;
  try {
    answers = await networks.batch(calls, network, { timeoutMs: TIMEOUT_MS });
  } catch {
    unreachable = true;
  }
  const names = await checksums(new Set([...tokenList, ...codeList, ...[...others].map((a) => a.toLowerCase())]));
  const facts = new Map();
  const codeOf = new Map();
  tokenList.forEach((a, i) => {
    const f = tokenFacts(names.get(a), answers.slice(i * TOKEN_CALLS.length, (i + 1) * TOKEN_CALLS.length));
    facts.set(a, f);
    codeOf.set(a, f.code);
  });
  codeList.forEach((a, i) => codeOf.set(a, hasCode(answers[tokenList.length * TOKEN_CALLS.length + i])));
  return lookups({ names, facts, codeOf, unreachable });
}

/** The lookups over what was read; an address not read is checksummed-unknown. */
function lookups({ names, facts, codeOf, unreachable }) {
  const key = (a) => a.toLowerCase();
  const cs = (a) => names.get(key(a)) ?? a;
  const unknown = (a) => ({ address: cs(a), code: null, symbol: null, name: null, hidden: false, decimals: null, standard: null });
  return {
    cs,
    token: (a) => facts.get(key(a)) ?? unknown(a),
    code: (a) => codeOf.get(key(a)) ?? null,
    unreachable,
  };
}

/** Reads more: a new lookup over both what `known` read and the facts of `tokens`. */
export async function extend(network, known, tokens) {
  const fresh = [...new Set(tokens.map((a) => a.toLowerCase()))].filter((a) => known.token(a).symbol === null && known.token(a).code === null);
  if (fresh.length === 0) return known;
  const more = await read(network, { tokens: fresh });
  const pick = (a) => (fresh.includes(a.toLowerCase()) ? more : known);
  return {
    cs: (a) => pick(a).cs(a),
    token: (a) => pick(a).token(a),
    code: (a) => pick(a).code(a),
    unreachable: known.unreachable || more.unreachable,
  };
}
