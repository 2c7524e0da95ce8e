// Random EIP-712 typed data for the differential tests. One abstract value tree is rendered
// twice: as JSON-compatible data (what a dApp sends to eth_signTypedData_v4, given to the core and
// to @metamask/eth-sig-util) and as viem's typed input (bigints for integers).
import { getAddress } from 'viem';
import { toHex } from './core.mjs';

const DOMAIN_FIELDS = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
  { name: 'salt', type: 'bytes32' },
];

const STRING_CHARS = ['a', 'b', 'z', 'A', 'Q', '0', '9', ' ', '"', '\\', '/', '\n', 'é', 'ß', '中', '文', '🦊', '\u0000', '{', '}'];

function ident(rng, upper) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  const n = rng.range(1, 7);
  for (let i = 0; i < n; i++) s += letters[rng.int(26)];
  if (rng.bool(0.2)) s += rng.int(100);
  if (rng.bool(0.1)) s += '_' + letters[rng.int(26)];
  return upper ? s[0].toUpperCase() + s.slice(1) : s;
}

function atomType(rng) {
  switch (rng.int(7)) {
    case 0: return `uint${8 * rng.range(1, 32)}`;
    case 1: return `int${8 * rng.range(1, 32)}`;
    case 2: return 'address';
    case 3: return 'bool';
    case 4: return 'bytes';
    case 5: return `bytes${rng.range(1, 32)}`;
    default: return 'string';
  }
}

/**
 * Random struct definitions; struct i only references structs j > i (no cycles). Fields are
 * arrays now and then unless `arrays` is false (eth_signTypedData_v3 has none).
 */
export function randomTypes(rng, { arrays = true } = {}) {
  const nStructs = rng.range(1, 4);
  const names = [];
  while (names.length < nStructs) {
    const n = ident(rng, true);
    if (!names.includes(n) && n !== 'EIP712Domain') names.push(n);
  }
  const types = {};
  for (let i = 0; i < nStructs; i++) {
    const fields = [];
    const used = new Set();
    const nFields = rng.range(1, 6);
    while (fields.length < nFields) {
      const name = ident(rng, false);
      if (used.has(name)) continue;
      used.add(name);
      let type = i + 1 < nStructs && rng.bool(0.3) ? names[rng.range(i + 1, nStructs - 1)] : atomType(rng);
      if (arrays && rng.bool(0.25)) {
        type += rng.bool(0.5) ? '[]' : `[${rng.range(1, 3)}]`;
        if (rng.bool(0.15)) type += rng.bool(0.5) ? '[]' : `[${rng.range(1, 2)}]`;
      }
      fields.push({ name, type });
    }
    types[names[i]] = fields;
  }
  return { types, primaryType: names[0] };
}

// An abstract value is rendered by `renderJson` and `renderViem`; integers are BigInts here.
function randomValue(rng, types, type) {
  const arr = type.match(/^(.*)\[(\d*)\]$/);
  if (arr) {
    const len = arr[2] === '' ? rng.int(4) : Number(arr[2]);
    return Array.from({ length: len }, () => randomValue(rng, types, arr[1]));
  }
  if (types[type]) return randomStruct(rng, types, type);
  let m;
  if ((m = type.match(/^uint(\d+)$/))) return rng.bigInt(Number(m[1]));
  if ((m = type.match(/^int(\d+)$/))) {
    const v = rng.bigInt(Number(m[1]) - 1);
    return rng.bool() ? -v - 1n : v;
  }
  if (type === 'address') return { address: toHex(rng.bytes(20)) };
  if (type === 'bool') return rng.bool();
  if (type === 'bytes') return { bytes: toHex(rng.bytes(rng.int(40))) };
  if ((m = type.match(/^bytes(\d+)$/))) return { bytes: toHex(rng.bytes(Number(m[1]))) };
  if (type === 'string') return Array.from({ length: rng.int(16) }, () => rng.pick(STRING_CHARS)).join('');
  throw new Error(`generator: unknown type ${type}`);
}

function randomStruct(rng, types, name) {
  const out = {};
  for (const f of types[name]) out[f.name] = randomValue(rng, types, f.type);
  return out;
}

function renderJson(rng, v) {
  if (typeof v === 'bigint') {
    const safe = v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n;
    const r = rng.int(3);
    if (r === 0 && safe) return Number(v);
    if (r === 1 && v >= 0n) return '0x' + v.toString(16);
    return v.toString(10);
  }
  if (Array.isArray(v)) return v.map((x) => renderJson(rng, x));
  if (v && typeof v === 'object') {
    if ('address' in v) return rng.bool() ? v.address : getAddress(v.address);
    if ('bytes' in v) return v.bytes;
    const o = {};
    for (const k of Object.keys(v)) o[k] = renderJson(rng, v[k]);
    return o;
  }
  return v;
}

function renderViem(v) {
  if (Array.isArray(v)) return v.map(renderViem);
  if (v && typeof v === 'object') {
    if ('address' in v) return getAddress(v.address);
    if ('bytes' in v) return v.bytes;
    const o = {};
    for (const k of Object.keys(v)) o[k] = renderViem(v[k]);
    return o;
  }
  return v;
}

/** `{ json, viem }`: the same random typed data for the core/eth-sig-util and for viem. */
export function randomTypedData(rng, options) {
  const { types, primaryType } = randomTypes(rng, options);
  // A non-empty subset of the domain fields, in the canonical order.
  let domainFields;
  do domainFields = DOMAIN_FIELDS.filter(() => rng.bool(0.6));
  while (domainFields.length === 0);
  const domain = {};
  for (const f of domainFields) {
    if (f.name === 'chainId') domain.chainId = rng.pick([1n, 5n, 137n, 31337n, BigInt(rng.range(1, 2 ** 31))]);
    else domain[f.name] = randomValue(rng, types, f.type);
  }
  const message = randomStruct(rng, types, primaryType);
  const jsonDomain = renderJson(rng, domain);
  if ('chainId' in domain) jsonDomain.chainId = Number(domain.chainId);
  const json = {
    types: { EIP712Domain: domainFields, ...types },
    primaryType,
    domain: jsonDomain,
    message: renderJson(rng, message),
  };
  const viem = {
    types: { EIP712Domain: domainFields, ...types },
    primaryType,
    domain: renderViem(domain),
    message: renderViem(message),
  };
  return { json, viem };
}
