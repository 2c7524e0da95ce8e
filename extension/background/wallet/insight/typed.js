// Typed data that grants a spender tokens: EIP-2612 `Permit` and Permit2's `PermitSingle`,
// `PermitBatch`, `PermitTransferFrom` and `PermitBatchTransferFrom`, read from the core's view
// (core.typedDataView: the declared fields as hashed), never from the dApp's JSON, so what the
// window says it allows is what the signature covers. Pure.

/** A struct's fields as { name: node }, or null unless they are exactly `shape` (name → type). */
function fieldsOf(nodes, shape, { extra = false } = {}) {
  if (!Array.isArray(nodes)) return null;
  const names = Object.keys(shape);
  if (nodes.length < names.length || (!extra && nodes.length !== names.length)) return null;
  const out = {};
  for (const [i, name] of names.entries()) {
    const node = nodes[i];
    const type = shape[name];
    if (node.name !== name) return null;
    if (typeof type === 'string' ? node.type !== type || typeof node.value !== 'string' : !type(node)) return null;
    out[name] = node;
  }
  return out;
}

const struct = (shape) => (node) => Array.isArray(node.fields) && fieldsOf(node.fields, shape) !== null;
const structs = (shape) => (node) => Array.isArray(node.items) && node.items.every((item) => struct(shape)(item));

const DETAILS = { token: 'address', amount: 'uint160', expiration: 'uint48', nonce: 'uint48' };
const PERMISSIONS = { token: 'address', amount: 'uint256' };

const SHAPES = {
  Permit: { owner: 'address', spender: 'address', value: 'uint256', nonce: 'uint256', deadline: 'uint256' },
  PermitSingle: { details: struct(DETAILS), spender: 'address', sigDeadline: 'uint256' },
  PermitBatch: { details: structs(DETAILS), spender: 'address', sigDeadline: 'uint256' },
  PermitTransferFrom: { permitted: struct(PERMISSIONS), spender: 'address', nonce: 'uint256', deadline: 'uint256' },
  PermitBatchTransferFrom: { permitted: structs(PERMISSIONS), spender: 'address', nonce: 'uint256', deadline: 'uint256' },
};
// The witness forms carry one more field (the witness), shown in the field list below.
const WITNESS = { PermitWitnessTransferFrom: 'PermitTransferFrom', PermitBatchWitnessTransferFrom: 'PermitBatchTransferFrom' };

const valueOf = (fields, name) => fields[name].value;
const grant = (node, bits) => {
  const f = Object.fromEntries(node.fields.map((x) => [x.name, x.value]));
  return { token: f.token, amount: f.amount, bits, ...(f.expiration !== undefined ? { expiration: f.expiration, nonce: f.nonce } : {}) };
};

/**
 * What the typed data `view` allows, or null when it is none of the forms above:
 * `{ kind, spender, deadline, owner?, grants: [{ token, amount, bits, expiration? }] }` with
 * every value as the view shows it (addresses EIP-55, integers decimal). `kind` is `permit`
 * (EIP-2612: the token is the domain's verifyingContract), `permit2-allowance` (PermitSingle,
 * PermitBatch: an allowance until each grant's expiration; `deadline` is the signature's) or
 * `permit2-transfer` (a one-time transfer of each grant).
 */
export function readPermit(view) {
  if (!view || view.domainOnly) return null;
  const primary = WITNESS[view.primaryType] ?? view.primaryType;
  const shape = SHAPES[primary];
  if (!shape) return null;
  const fields = fieldsOf(view.message, shape, { extra: primary !== view.primaryType });
  if (!fields) return null;
  const spender = valueOf(fields, 'spender');
  if (primary === 'Permit') {
    const contract = view.domain.find((f) => f.name === 'verifyingContract' && f.type === 'address');
    if (!contract) return null;
    return {
      kind: 'permit',
      owner: valueOf(fields, 'owner'),
      spender,
      deadline: valueOf(fields, 'deadline'),
      grants: [{ token: contract.value, amount: valueOf(fields, 'value'), bits: 256 }],
    };
  }
  if (primary === 'PermitSingle' || primary === 'PermitBatch') {
    const details = fields.details.fields ? [fields.details] : fields.details.items;
    return { kind: 'permit2-allowance', spender, deadline: valueOf(fields, 'sigDeadline'), grants: details.map((d) => grant(d, 160)) };
  }
  const permitted = fields.permitted.fields ? [fields.permitted] : fields.permitted.items;
  return { kind: 'permit2-transfer', spender, deadline: valueOf(fields, 'deadline'), grants: permitted.map((p) => grant(p, 256)), witness: primary !== view.primaryType };
}

/** The domain's verifyingContract (EIP-55, as hashed), or null when the domain has none. */
export function verifyingContract(view) {
  return view?.domain?.find((f) => f.name === 'verifyingContract' && f.type === 'address')?.value ?? null;
}
