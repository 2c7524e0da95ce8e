//! What the approval window shows of typed data: exactly what [`super::signing_hash`] hashes.
//!
//! The view walks the declared fields in declared order, with the same type resolution as the
//! encoder (only `EIP712Domain` known inside the domain), and renders each value as it is
//! hashed ([`display_atomic`]). It is built only after the signing hash was computed, so every
//! check of the encoder (no undeclared or missing field, valid values) has passed.

use serde_json::{Map, Value};

use super::TypedDataError;

use super::types::{split_array, Base};
use super::values::display_atomic;
use super::{err, Encoder, TypedData, DOMAIN_TYPE, MAX_DEPTH};

/// The view of typed data, as JSON text:
///
/// ```text
/// { "primaryType": "Mail",
///   "domainOnly": false,              // true: primaryType is EIP712Domain, no message is signed
///   "chainId": "1" | null,            // the declared domain chainId (decimal), null if none
///   "domain": [Node],                 // the EIP712Domain fields in declared order
///   "message": [Node] | null }        // the primaryType fields in declared order
/// Node = { "name": …, "type": …, and one of
///          "value": "text" | null     // an atomic value as hashed; null: a null struct
///          "fields": [Node]           // a struct
///          "items": [Item] }          // an array; an Item is a Node without "name"
/// ```
///
/// # Errors
/// Those of [`TypedData::parse`] and [`TypedData::signing_hash`] (so anything not signable
/// is rejected here too).
pub fn view(json: &str) -> Result<String, TypedDataError> {
    let td = TypedData::parse(json)?;
    td.signing_hash()?;
    let domain = struct_fields(&Encoder::new(&td.types, true), DOMAIN_TYPE, &td.domain, 0)?;
    let domain_only = td.primary_type == DOMAIN_TYPE;
    let message = if domain_only {
        Value::Null
    } else {
        let encoder = Encoder::new(&td.types, false);
        Value::Array(struct_fields(&encoder, &td.primary_type, &td.message, 0)?)
    };
    let chain_id = td
        .chain_id()?
        .map_or(Value::Null, |id| Value::String(id.to_string()));
    // Built member by member, not with `json!`: the macro converts each interpolated value with
    // `to_value(..).unwrap()`, whose panic path keeps serde_json's error `Debug` (and core's
    // string escaping with its Unicode tables) in the .wasm (docs/benchmarks.md).
    let mut out = Map::new();
    out.insert("primaryType".into(), Value::String(td.primary_type));
    out.insert("domainOnly".into(), Value::Bool(domain_only));
    out.insert("chainId".into(), chain_id);
    out.insert("domain".into(), Value::Array(domain));
    out.insert("message".into(), message);
    Ok(Value::Object(out).to_string())
}

/// The declared fields of struct `name`, in declared order, with their values from `object`.
fn struct_fields(
    encoder: &Encoder<'_>,
    name: &str,
    object: &Map<String, Value>,
    depth: usize,
) -> Result<Vec<Value>, TypedDataError> {
    let (_, fields) = encoder.lookup(name).ok_or(err("unknown type"))?;
    fields
        .iter()
        .map(|field| {
            let mut node = node(encoder, &field.ty, object.get(&field.name), depth + 1)?;
            node.insert("name".into(), Value::String(field.name.clone()));
            Ok(Value::Object(node))
        })
        .collect()
}

/// One value of type `ty` (mirrors `Encoder::encode_field`).
fn node(
    encoder: &Encoder<'_>,
    ty: &str,
    value: Option<&Value>,
    depth: usize,
) -> Result<Map<String, Value>, TypedDataError> {
    if depth > MAX_DEPTH {
        return Err(err("nesting too deep"));
    }
    let mut out = Map::new();
    out.insert("type".into(), Value::String(ty.into()));
    if let Some((name, _)) = encoder.lookup(ty) {
        match value {
            Some(Value::Object(object)) => {
                let fields = struct_fields(encoder, name, object, depth)?;
                out.insert("fields".into(), Value::Array(fields));
            }
            Some(Value::Null) => {
                out.insert("value".into(), Value::Null);
            }
            None => return Err(err("missing value")),
            Some(_) => return Err(err("struct value is not an object")),
        }
        return Ok(out);
    }
    let value = value.ok_or(err("missing value"))?;
    if let Some((element, _)) = split_array(ty)? {
        let Value::Array(items) = value else {
            return Err(err("array value is not an array"));
        };
        let items = items
            .iter()
            .map(|item| node(encoder, element, Some(item), depth + 1).map(Value::Object))
            .collect::<Result<Vec<_>, _>>()?;
        out.insert("items".into(), Value::Array(items));
        return Ok(out);
    }
    let shown = match encoder.resolve(ty)? {
        Base::Struct(_) => return Err(err("unknown type")),
        base => display_atomic(base, value)?,
    };
    out.insert("value".into(), Value::String(shown));
    Ok(out)
}
