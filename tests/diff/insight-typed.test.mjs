// Permits read from the core's typed-data view (extension/background/wallet/insight/typed.js
// over core.typedDataView): seeded random EIP-2612 Permit and Permit2 PermitSingle,
// PermitBatch, PermitTransferFrom (and the witness form) read back as exactly the values that
// were signed (viem's getAddress for addresses, decimal integers), and near misses (a field
// renamed, retyped, added or missing; a domain-only request) are not read as permits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getAddress } from 'viem';
import { typedDataView, seededRng } from './core.mjs';
import { readPermit, verifyingContract } from '../../extension/background/wallet/insight/typed.js';

const rng = seededRng('insight-typed.test.mjs');
const hex = (bytes) => `0x${Array.from({ length: bytes }, () => rng.range(0, 255).toString(16).padStart(2, '0')).join('')}`;
const uint = (bits) => (rng.range(0, 3) === 0 ? (1n << BigInt(bits)) - 1n : BigInt(hex(Math.ceil(bits / 8))) & ((1n << BigInt(bits)) - 1n));
const DOMAIN_TYPE = [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }];
const DETAILS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint160' }, { name: 'expiration', type: 'uint48' }, { name: 'nonce', type: 'uint48' }];
const PERMISSIONS = [{ name: 'token', type: 'address' }, { name: 'amount', type: 'uint256' }];

const view = (typed) => typedDataView(JSON.stringify(typed, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
const domain = (name) => ({ name, chainId: 31337, verifyingContract: hex(20) });
const details = () => ({ token: hex(20), amount: uint(160), expiration: uint(48), nonce: uint(48) });
const permitted = () => ({ token: hex(20), amount: uint(256) });

const makers = {
  Permit: () => ({
    types: { EIP712Domain: DOMAIN_TYPE, Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
    primaryType: 'Permit',
    domain: domain('Token'),
    message: { owner: hex(20), spender: hex(20), value: uint(256), nonce: uint(256), deadline: uint(256) },
  }),
  PermitSingle: () => ({
    types: { EIP712Domain: DOMAIN_TYPE, PermitDetails: DETAILS, PermitSingle: [{ name: 'details', type: 'PermitDetails' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }] },
    primaryType: 'PermitSingle',
    domain: domain('Permit2'),
    message: { details: details(), spender: hex(20), sigDeadline: uint(256) },
  }),
  PermitBatch: () => ({
    types: { EIP712Domain: DOMAIN_TYPE, PermitDetails: DETAILS, PermitBatch: [{ name: 'details', type: 'PermitDetails[]' }, { name: 'spender', type: 'address' }, { name: 'sigDeadline', type: 'uint256' }] },
    primaryType: 'PermitBatch',
    domain: domain('Permit2'),
    message: { details: Array.from({ length: rng.range(1, 4) }, details), spender: hex(20), sigDeadline: uint(256) },
  }),
  PermitTransferFrom: () => ({
    types: { EIP712Domain: DOMAIN_TYPE, TokenPermissions: PERMISSIONS, PermitTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }] },
    primaryType: 'PermitTransferFrom',
    domain: domain('Permit2'),
    message: { permitted: permitted(), spender: hex(20), nonce: uint(256), deadline: uint(256) },
  }),
  PermitWitnessTransferFrom: () => ({
    types: {
      EIP712Domain: DOMAIN_TYPE,
      TokenPermissions: PERMISSIONS,
      Order: [{ name: 'id', type: 'uint256' }],
      PermitWitnessTransferFrom: [{ name: 'permitted', type: 'TokenPermissions' }, { name: 'spender', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }, { name: 'witness', type: 'Order' }],
    },
    primaryType: 'PermitWitnessTransferFrom',
    domain: domain('Permit2'),
    message: { permitted: permitted(), spender: hex(20), nonce: uint(256), deadline: uint(256), witness: { id: 1n } },
  }),
};

/** What readPermit should give for `typed` (made by `makers`). */
function expected(typed) {
  const m = typed.message;
  const grant = (g, bits) => ({ token: getAddress(g.token), amount: String(g.amount), bits, ...(g.expiration !== undefined ? { expiration: String(g.expiration), nonce: String(g.nonce) } : {}) });
  switch (typed.primaryType) {
    case 'Permit': return { kind: 'permit', owner: getAddress(m.owner), spender: getAddress(m.spender), deadline: String(m.deadline), grants: [{ token: getAddress(typed.domain.verifyingContract), amount: String(m.value), bits: 256 }] };
    case 'PermitSingle': return { kind: 'permit2-allowance', spender: getAddress(m.spender), deadline: String(m.sigDeadline), grants: [grant(m.details, 160)] };
    case 'PermitBatch': return { kind: 'permit2-allowance', spender: getAddress(m.spender), deadline: String(m.sigDeadline), grants: m.details.map((d) => grant(d, 160)) };
    default: return { kind: 'permit2-transfer', spender: getAddress(m.spender), deadline: String(m.deadline), grants: [grant(m.permitted, 256)], witness: typed.primaryType !== 'PermitTransferFrom' };
  }
}

test('random permits read back as exactly the signed values', () => {
  for (let i = 0; i < 300; i++) {
    const typed = rng.pick(Object.values(makers))();
    const v = view(typed);
    assert.deepEqual(readPermit(v), expected(typed), typed.primaryType);
    assert.equal(verifyingContract(v), getAddress(typed.domain.verifyingContract));
  }
});

test('near misses are not read as permits', () => {
  const permit = makers.Permit();
  const renamed = structuredClone(permit);
  renamed.types.Permit[1].name = 'operator';
  renamed.message.operator = renamed.message.spender;
  delete renamed.message.spender;
  const retyped = structuredClone(permit);
  retyped.types.Permit[2].type = 'uint128';
  retyped.message.value = 5n;
  const extra = structuredClone(permit);
  extra.types.Permit.push({ name: 'note', type: 'string' });
  extra.message.note = 'hi';
  const missing = structuredClone(permit);
  missing.types.Permit.pop();
  delete missing.message.deadline;
  const noContract = structuredClone(permit);
  noContract.types.EIP712Domain = [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }];
  delete noContract.domain.verifyingContract;
  const domainOnly = { ...structuredClone(permit), primaryType: 'EIP712Domain', message: {} };
  const single = makers.PermitSingle();
  single.types.PermitDetails = single.types.PermitDetails.slice(0, 3);
  delete single.message.details.nonce;
  for (const [what, typed] of Object.entries({ renamed, retyped, extra, missing, noContract, domainOnly, single })) {
    assert.equal(readPermit(view(typed)), null, what);
  }
});
