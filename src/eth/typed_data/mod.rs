//! EIP-712 typed structured data, as MetaMask signs it for `eth_signTypedData_v4`.
//!
//! The entry point is [`signing_hash`]: JSON `{ types, primaryType, domain, message }` in, the
//! 32 bytes to sign out, byte-identical to @metamask/eth-sig-util's
//! `TypedDataUtils.eip712Hash(data, SignTypedDataVersion.V4)` wherever Keystead accepts the
//! input; [`sign`] has an account sign it. [`TypedData`] exposes the steps (`encodeType`,
//! `typeHash`, `encodeData`, `hashStruct`, domain separator) for tests and for display code.
//!
//! # Rules (eth-sig-util V4)
//! - The domain separator is computed with *only* `EIP712Domain` known, so a struct-typed
//!   domain field is an "unknown type".
//! - `primaryType` `EIP712Domain`: the hash is `keccak256(0x19 ‖ 0x01 ‖ domainSeparator)`; the
//!   message is not part of it.
//! - `encodeType`: the type, then the struct types it references (recursively, through
//!   arrays), deduplicated and sorted by name, each as `Name(type1 name1,type2 name2)`.
//! - `encodeData`: `typeHash ‖ enc(field₁) ‖ …`, one 32-byte word per declared field, in
//!   declaration order.
//!   - struct: `hashStruct` of the value; `null` → 32 zero bytes.
//!   - `T[]`, `T[n]` (nested too): keccak of the concatenated words of the elements.
//!   - `string`: keccak of the UTF-8 (`null` → keccak of nothing).
//!   - `bytes`: keccak of the bytes.
//!   - `address`, `bool`, `uintN`, `intN`, `bytesN`: the ABI word.

//! # Nothing shown that is not signed
//! The approval window shows [`view`]: the declared fields in declared order, with the values
//! as hashed. So that nothing the dApp sent can be shown without being signed, these inputs,
//! which eth-sig-util V4 signs (ignoring or defaulting what they add), are rejected:
//! - a missing `types.EIP712Domain` ("missing EIP712Domain type"): eth-sig-util signs an empty
//!   domain, viem derives the domain type from the domain's keys: they sign different hashes;
//! - a key of `domain`, `message` or a nested struct that its type does not declare
//!   ("undeclared field"): eth-sig-util and viem ignore it, so it would be shown but not signed
//!   (a domain `chainId` that `EIP712Domain` does not declare would leave the signature valid on
//!   every chain);
//! - a declared field that is absent ("missing value"), structs included (eth-sig-util encodes an
//!   absent struct as 32 zero bytes; viem throws); an explicit `null` struct stays 32 zero bytes
//!   and is shown as `null`.
//!
//! With `primaryType` `EIP712Domain` the message is not hashed (by any library); [`view`] then
//! has no message, and the window says that only the domain is signed.
//!
//! # Accepted values, and deliberate rejections
//! Where eth-sig-util releases disagree with each other, or silently encode something other
//! than what was written, Keystead rejects the input instead of guessing:
//!
//! | type | accepted | rejected (eth-sig-util would sign something) |
//! |---|---|---|
//! | `uintN`/`intN` | JSON integer within ±(2^53−1); `"-?[0-9]+"`; `"0x[0-9a-fA-F]+"` | out of range for N (eth-sig-util lets `int8` take 255); `1.5`, `1.0`, `1e3`; numbers beyond 2^53−1 (rounded by JavaScript); `""`, `" 1"`, `"0X1"` |
//! | `address` | `"0x"` + 40 hex digits, any case | short or long hex, numbers, unprefixed strings |
//! | `bool` | `true`, `false`, `0`, `1` | strings (`"false"` is `true` in eth-sig-util), other numbers, `null` |
//! | `bytesN` | `"0x"` + even hex of at most N bytes; non-negative safe integers | longer values (eth-sig-util keeps up to 32 bytes), odd hex, negatives, `null` |
//! | `bytes` | `"0x"` + even hex; non-negative safe integers (eth-sig-util's `numberToBytes`); other text as UTF-8 | odd hex, `"0x"` + non-hex, unprefixed all-hex-digit text such as `"cafe"` (read as text or as hex depending on the eth-sig-util release) |
//! | `string` | strings; `null` (empty) | numbers (eth-sig-util hashes the bytes of the number, `10` as `"\n"`), booleans, objects |
//! | arrays | JSON arrays; `T[n]` must have exactly n elements | other lengths (eth-sig-util does not check) |
//! | struct | objects, `null` | other JSON values |
//!
//! Type names: struct names are `[A-Za-z0-9_]+` and not an atomic type name; field names are
//! non-empty without whitespace, `,`, `(`, `)`, `[`, `]` (so `encodeType` strings cannot be
//! forged); atomic names are canonical (`uint256`, not `uint` or `uint0256`); `T[0]` and
//! `T[01]` are rejected. Value nesting (structs and arrays) is capped at [`MAX_DEPTH`].

mod types;
mod values;
mod view;

use core::fmt;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::eth::{keccak256, SignHash, Signature};

use types::{atomic, base_name, is_field_name, is_struct_name, split_array, Base, Dim};
use values::{encode_atomic, Integer};

pub use view::view;

/// The deepest nesting of structs and arrays inside the message (or domain) that is encoded;
/// deeper values fail with "nesting too deep". Bounds the recursion of cyclic types.
pub const MAX_DEPTH: usize = 64;

/// The name of the domain type.
pub const DOMAIN_TYPE: &str = "EIP712Domain";

const fn err(reason: &'static str) -> TypedDataError {
    TypedDataError { reason }
}

/// One field of a struct type: `{ "name": …, "type": … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The field's name (the key in the value object).
    pub name: String,
    /// The field's type, exactly as written (it goes verbatim into `encodeType`).
    pub ty: String,
}

/// Parsed `eth_signTypedData_v4` data: `{ types, primaryType, domain, message }`.
///
/// Parsing checks the shape (what eth-sig-util's `TYPED_MESSAGE_SCHEMA` requires, plus valid
/// struct and field names); type strings and values are checked when hashed.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedData {
    types: BTreeMap<String, Vec<Field>>,
    primary_type: String,
    domain: Map<String, Value>,
    message: Map<String, Value>,
}

impl TypedData {
    /// Parses the JSON text of typed data.
    ///
    /// # Errors
    /// "malformed json" when the text is not JSON (or nests deeper than serde_json's limit of
    /// 128); otherwise those of [`TypedData::from_value`].
    pub fn parse(json: &str) -> Result<Self, TypedDataError> {
        let value: Value = serde_json::from_str(json).map_err(|_| err("malformed json"))?;
        Self::from_value(value)
    }

    /// Builds typed data from a parsed JSON value.
    ///
    /// # Errors
    /// "typed data is not an object"; "missing types" / "types is not an object";
    /// "missing primaryType" / "primaryType is not a string"; "missing domain" / "domain is not
    /// an object"; "missing message" / "message is not an object"; "a type is not a list of
    /// fields"; "a field is not an object with string name and type"; "invalid type name";
    /// "invalid field name"; "missing EIP712Domain type"; "unknown primary type".
    pub fn from_value(value: Value) -> Result<Self, TypedDataError> {
        let Value::Object(mut top) = value else {
            return Err(err("typed data is not an object"));
        };
        let types = match top.remove("types") {
            None | Some(Value::Null) => return Err(err("missing types")),
            Some(Value::Object(types)) => types,
            Some(_) => return Err(err("types is not an object")),
        };
        let primary_type = match top.remove("primaryType") {
            None | Some(Value::Null) => return Err(err("missing primaryType")),
            Some(Value::String(s)) => s,
            Some(_) => return Err(err("primaryType is not a string")),
        };
        let domain = match top.remove("domain") {
            None | Some(Value::Null) => return Err(err("missing domain")),
            Some(Value::Object(domain)) => domain,
            Some(_) => return Err(err("domain is not an object")),
        };
        let message = match top.remove("message") {
            None | Some(Value::Null) => return Err(err("missing message")),
            Some(Value::Object(message)) => message,
            Some(_) => return Err(err("message is not an object")),
        };

        let mut parsed = BTreeMap::new();
        for (name, fields) in types {
            if !is_struct_name(&name) {
                return Err(err("invalid type name"));
            }
            let Value::Array(fields) = fields else {
                return Err(err("a type is not a list of fields"));
            };
            let fields = fields
                .into_iter()
                .map(parse_field)
                .collect::<Result<Vec<_>, _>>()?;
            parsed.insert(name, fields);
        }
        if !parsed.contains_key(DOMAIN_TYPE) {
            return Err(err("missing EIP712Domain type"));
        }
        if !parsed.contains_key(&primary_type) {
            return Err(err("unknown primary type"));
        }
        Ok(Self {
            types: parsed,
            primary_type,
            domain,
            message,
        })
    }

    /// The `primaryType`.
    pub fn primary_type(&self) -> &str {
        &self.primary_type
    }

    /// The struct types (`EIP712Domain` among them).
    pub fn types(&self) -> &BTreeMap<String, Vec<Field>> {
        &self.types
    }

    /// The `domain` object.
    pub fn domain(&self) -> &Map<String, Value> {
        &self.domain
    }

    /// The `message` object.
    pub fn message(&self) -> &Map<String, Value> {
        &self.message
    }

    fn encoder(&self) -> Encoder<'_> {
        Encoder::new(&self.types, false)
    }

    /// EIP-712 `encodeType(name)`: `Name(type1 name1,…)` followed by every struct type it
    /// references, directly or through arrays, deduplicated and sorted by name.
    ///
    /// # Errors
    /// "unknown type" for a type name that is neither defined nor atomic (in `name` or any
    /// referenced struct); "invalid array type" for a malformed array suffix.
    pub fn encode_type(&self, name: &str) -> Result<String, TypedDataError> {
        self.encoder().encode_type(name)
    }

    /// `typeHash(name)` = Keccak-256 of the UTF-8 of [`TypedData::encode_type`].
    ///
    /// # Errors
    /// Those of [`TypedData::encode_type`].
    pub fn type_hash(&self, name: &str) -> Result<[u8; 32], TypedDataError> {
        self.encoder().type_hash(name)
    }

    /// EIP-712 `encodeData(name, value)`: `typeHash(name)` followed by one 32-byte word per
    /// field of `name`, in declaration order (see the module documentation for each type).
    /// Uses all of `types` (as eth-sig-util does for the message).
    ///
    /// # Errors
    /// "struct value is not an object" when `value` is not an object; any error of the type or
    /// value rules (module documentation); "nesting too deep" beyond [`MAX_DEPTH`].
    pub fn encode_data(&self, name: &str, value: &Value) -> Result<Vec<u8>, TypedDataError> {
        let Value::Object(object) = value else {
            return Err(err("struct value is not an object"));
        };
        self.encoder().encode_data(name, object, 0)
    }

    /// EIP-712 `hashStruct(name, value)` = Keccak-256 of [`TypedData::encode_data`].
    ///
    /// # Errors
    /// Those of [`TypedData::encode_data`].
    pub fn hash_struct(&self, name: &str, value: &Value) -> Result<[u8; 32], TypedDataError> {
        self.encode_data(name, value).map(|data| keccak256(&data))
    }

    /// The domain separator: `hashStruct(EIP712Domain, domain)` with only `EIP712Domain` known
    /// (eth-sig-util's `eip712DomainHash`).
    ///
    /// # Errors
    /// Those of [`TypedData::encode_data`]; a struct-typed domain field is "unknown type".
    pub fn domain_separator(&self) -> Result<[u8; 32], TypedDataError> {
        Encoder::new(&self.types, true)
            .encode_data(DOMAIN_TYPE, &self.domain, 0)
            .map(|data| keccak256(&data))
    }

    /// `hashStruct(primaryType, message)`, or `None` when primaryType is `EIP712Domain` (the
    /// message is then not part of the signed hash).
    ///
    /// # Errors
    /// Those of [`TypedData::encode_data`].
    pub fn message_hash(&self) -> Result<Option<[u8; 32]>, TypedDataError> {
        if self.primary_type == DOMAIN_TYPE {
            return Ok(None);
        }
        self.encoder()
            .encode_data(&self.primary_type, &self.message, 0)
            .map(|data| Some(keccak256(&data)))
    }

    /// The hash to sign: Keccak-256 of `0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)`
    /// (66 bytes), or of `0x19 ‖ 0x01 ‖ domainSeparator` (34 bytes) when primaryType is
    /// `EIP712Domain`.
    ///
    /// # Errors
    /// Those of [`TypedData::domain_separator`] and [`TypedData::message_hash`].
    pub fn signing_hash(&self) -> Result<[u8; 32], TypedDataError> {
        let mut preimage = Vec::with_capacity(66);
        preimage.extend_from_slice(&[0x19, 0x01]);
        preimage.extend_from_slice(&self.domain_separator()?);
        if let Some(message) = self.message_hash()? {
            preimage.extend_from_slice(&message);
        }
        Ok(keccak256(&preimage))
    }

    /// The chainId the signature is bound to: `domain.chainId` when `EIP712Domain` declares a
    /// `chainId` field, as a number (within ±(2^53−1)), a decimal string or a `0x` hex string;
    /// `None` when no `chainId` field is declared (a `chainId` key of the domain that is not
    /// declared is not signed, so it is never read) or its value is `null`.
    ///
    /// # Errors
    /// "invalid chainId" when it is another JSON type or not an integer string; "chainId out of
    /// range" when negative or above 2^64−1; the number errors of the module documentation.
    pub fn chain_id(&self) -> Result<Option<u64>, TypedDataError> {
        let declared = self
            .types
            .get(DOMAIN_TYPE)
            .is_some_and(|fields| fields.iter().any(|f| f.name == "chainId"));
        if !declared {
            return Ok(None);
        }
        chain_id_of(&self.domain)
    }
}

fn parse_field(field: Value) -> Result<Field, TypedDataError> {
    let bad = err("a field is not an object with string name and type");
    let Value::Object(mut field) = field else {
        return Err(bad);
    };
    let (Some(Value::String(name)), Some(Value::String(ty))) =
        (field.remove("name"), field.remove("type"))
    else {
        return Err(bad);
    };
    if !is_field_name(&name) {
        return Err(err("invalid field name"));
    }
    Ok(Field { name, ty })
}

fn chain_id_of(domain: &Map<String, Value>) -> Result<Option<u64>, TypedDataError> {
    let value = match domain.get("chainId") {
        None | Some(Value::Null) => return Ok(None),
        Some(v @ (Value::Number(_) | Value::String(_))) => v,
        Some(_) => return Err(err("invalid chainId")),
    };
    let integer = Integer::parse(value).map_err(|e| match e.reason {
        "invalid integer string" | "integer value is not a number or string" => {
            err("invalid chainId")
        }
        "integer too large" => err("chainId out of range"),
        _ => e,
    })?;
    let word = integer
        .encode_uint(64)
        .map_err(|_| err("chainId out of range"))?;
    let (_, low) = word
        .split_at_checked(24)
        .ok_or(err("chainId out of range"))?;
    let low: [u8; 8] = low.try_into().map_err(|_| err("chainId out of range"))?;
    Ok(Some(u64::from_be_bytes(low)))
}

/// Walks types and values. `domain_only` restricts the known structs to `EIP712Domain`, as
/// eth-sig-util does for the domain separator.
struct Encoder<'a> {
    types: &'a BTreeMap<String, Vec<Field>>,
    domain_only: bool,
    type_hashes: BTreeMap<&'a str, [u8; 32]>,
}

impl<'a> Encoder<'a> {
    fn new(types: &'a BTreeMap<String, Vec<Field>>, domain_only: bool) -> Self {
        Self {
            types,
            domain_only,
            type_hashes: BTreeMap::new(),
        }
    }

    /// The struct called `name`, with the map's own key (for the lifetime).
    fn lookup(&self, name: &str) -> Option<(&'a str, &'a [Field])> {
        if self.domain_only && name != DOMAIN_TYPE {
            return None;
        }
        self.types
            .get_key_value(name)
            .map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Classifies a type without array suffixes: a known struct first (as eth-sig-util
    /// checks `types[type]` first), else an atomic or dynamic type.
    fn resolve(&self, name: &str) -> Result<Base<'a>, TypedDataError> {
        match self.lookup(name) {
            Some((key, _)) => Ok(Base::Struct(key)),
            None => atomic(name).ok_or(err("unknown type")),
        }
    }

    fn encode_type(&self, primary: &str) -> Result<String, TypedDataError> {
        let (primary, primary_fields) = self.lookup(primary).ok_or(err("unknown type"))?;
        // Iterative search (no recursion), so long chains of types cannot exhaust the stack.
        let mut deps: BTreeSet<&'a str> = BTreeSet::new();
        let mut pending: Vec<&'a [Field]> = vec![primary_fields];
        while let Some(fields) = pending.pop() {
            for field in fields {
                if let Base::Struct(dep) = self.resolve(base_name(&field.ty)?)? {
                    if dep != primary && deps.insert(dep) {
                        let (_, dep_fields) = self.lookup(dep).ok_or(err("unknown type"))?;
                        pending.push(dep_fields);
                    }
                }
            }
        }
        let mut out = String::new();
        for (name, fields) in core::iter::once((primary, primary_fields)).chain(
            deps.iter()
                .filter_map(|&dep| self.lookup(dep).map(|(_, f)| (dep, f))),
        ) {
            out.push_str(name);
            out.push('(');
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&field.ty);
                out.push(' ');
                out.push_str(&field.name);
            }
            out.push(')');
        }
        Ok(out)
    }

    fn type_hash(&mut self, name: &str) -> Result<[u8; 32], TypedDataError> {
        let (key, _) = self.lookup(name).ok_or(err("unknown type"))?;
        if let Some(hash) = self.type_hashes.get(key) {
            return Ok(*hash);
        }
        let hash = keccak256(self.encode_type(key)?.as_bytes());
        self.type_hashes.insert(key, hash);
        Ok(hash)
    }

    fn encode_data(
        &mut self,
        name: &str,
        object: &Map<String, Value>,
        depth: usize,
    ) -> Result<Vec<u8>, TypedDataError> {
        let type_hash = self.type_hash(name)?;
        let (_, fields) = self.lookup(name).ok_or(err("unknown type"))?;
        let declared: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        if object.keys().any(|key| !declared.contains(key.as_str())) {
            return Err(err("undeclared field"));
        }
        let mut out = Vec::with_capacity(32 * (fields.len() + 1));
        out.extend_from_slice(&type_hash);
        for field in fields {
            let word = self.encode_field(&field.ty, object.get(&field.name), depth + 1)?;
            out.extend_from_slice(&word);
        }
        Ok(out)
    }

    /// The 32-byte word of one value (`None`: the key is absent).
    fn encode_field(
        &mut self,
        ty: &str,
        value: Option<&Value>,
        depth: usize,
    ) -> Result<[u8; 32], TypedDataError> {
        if depth > MAX_DEPTH {
            return Err(err("nesting too deep"));
        }
        if let Some((name, _)) = self.lookup(ty) {
            return match value {
                None => Err(err("missing value")),
                Some(Value::Null) => Ok([0; 32]),
                Some(Value::Object(object)) => {
                    Ok(keccak256(&self.encode_data(name, object, depth)?))
                }
                Some(_) => Err(err("struct value is not an object")),
            };
        }
        let value = value.ok_or(err("missing value"))?;
        if let Some((element, dim)) = split_array(ty)? {
            let Value::Array(items) = value else {
                return Err(err("array value is not an array"));
            };
            if let Dim::Fixed(len) = dim {
                if items.len() != len {
                    return Err(err("array length does not match its type"));
                }
            }
            let mut words = Vec::with_capacity(32 * items.len());
            for item in items {
                words.extend_from_slice(&self.encode_field(element, Some(item), depth + 1)?);
            }
            return Ok(keccak256(&words));
        }
        match self.resolve(ty)? {
            Base::Struct(_) => Err(err("unknown type")),
            base => encode_atomic(base, value),
        }
    }
}

/// Keccak-256 of `0x19 ‖ 0x01 ‖ hashStruct(EIP712Domain, domain) ‖ hashStruct(primaryType, message)`
/// for the JSON `{ types, primaryType, domain, message }` (the message part is omitted when
/// primaryType is EIP712Domain), with the same encoding rules as @metamask/eth-sig-util V4.
///
/// # Errors
/// Any [`TypedDataError`] of [`TypedData::parse`] and [`TypedData::signing_hash`].
pub fn signing_hash(json: &str) -> Result<[u8; 32], TypedDataError> {
    TypedData::parse(json)?.signing_hash()
}

/// EIP-712 `eth_signTypedData_v4`: `signer` signs the [`signing_hash`] of `json`. The typed
/// data is checked and hashed before the signer is asked, so its errors come first.
///
/// # Errors
/// Those of [`signing_hash`]; the signer's own failure (an account the wallet does not hold) is
/// inside the `Ok`, in [`SignHash::Signed`].
pub fn sign<S: SignHash>(signer: &S, json: &str) -> Result<S::Signed<Signature>, TypedDataError> {
    Ok(signer.sign_hash_with(&signing_hash(json)?, |signature| signature))
}

/// The chainId the typed data's signature is bound to (for the extension's chain check): see
/// [`TypedData::chain_id`]. Only `domain.chainId` declared in `types.EIP712Domain` counts.
/// Only the shape is checked, not the types and values.
///
/// # Errors
/// Those of [`TypedData::parse`] and [`TypedData::chain_id`].
pub fn domain_chain_id(json: &str) -> Result<Option<u64>, TypedDataError> {
    TypedData::parse(json)?.chain_id()
}

/// EIP-712 typed data was malformed. `reason` names what was wrong, never the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedDataError {
    /// A short lower-case description, e.g. "unknown type" or "value out of range for uint8".
    pub reason: &'static str,
}

impl fmt::Display for TypedDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid typed data: {}", self.reason)
    }
}

impl std::error::Error for TypedDataError {}
