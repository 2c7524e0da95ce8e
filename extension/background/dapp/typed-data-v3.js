// eth_signTypedData_v3, as MetaMask's eth-sig-util signs "V3": EIP-712 without arrays. V3 and
// V4 share the encoding of every other type, the type hashes and the domain, so for typed data
// that holds no array and no empty struct they produce the same bytes, and Keystead signs v3
// with the core's v4 signing after this check. Where they differ, Keystead refuses:
// - an array field: eth-sig-util V3 throws ("Arrays are unimplemented");
// - a struct-typed field that is null or absent: V3 throws on null and silently leaves an absent
//   field out of the hash (V4 encodes both as 32 zero bytes), so the approval window would show
//   a field the signature does not cover.
// (An absent value of any other type is refused by the core, for v4 as well.)
// Pure: imported by the worker and by the differential tests (tests/diff/signing.test.mjs).

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why eth_signTypedData_v3 cannot sign `typed` as V3 would (a sentence naming the field), or
 * null when V3 and V4 agree on it. Malformed typed data gives null: the core's own validation
 * reports it.
 */
export function v3Problem(typed) {
  const types = isRecord(typed) ? typed.types : null;
  if (!isRecord(types)) return null;
  const isStruct = (name) => typeof name === 'string' && Object.hasOwn(types, name) && Array.isArray(types[name]);
  const visit = (name, value, depth) => {
    if (!isStruct(name) || !isRecord(value) || depth > 64) return null;
    for (const field of types[name]) {
      if (typeof field?.type !== 'string') continue;
      const where = `${name}.${String(field?.name).slice(0, 64)}`;
      if (field.type.includes('[')) return `${where} is an array (${field.type.slice(0, 64)}), which v3 does not have`;
      if (!isStruct(field.type)) continue;
      const inner = value[field.name];
      if (inner === null || inner === undefined) return `${where} (a ${field.type.slice(0, 64)}) has no value, which v3 cannot encode`;
      const found = visit(field.type, inner, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit('EIP712Domain', typed.domain, 0) ?? (typed.primaryType === 'EIP712Domain' ? null : visit(typed.primaryType, typed.message, 0));
}
