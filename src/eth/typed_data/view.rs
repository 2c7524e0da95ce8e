//! What the approval window shows of typed data: exactly what [`super::signing_hash`] hashes.
//!
//! The view walks the declared fields in declared order, with the same type resolution as the
//! encoder (only `EIP712Domain` known inside the domain), and renders each value as it is
//! hashed ([`display_atomic`]). It is built only after the signing hash was computed, so every
//! check of the encoder (no undeclared or missing field, valid values) has passed.

use std::collections::BTreeMap;

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
        Json::Null
    } else {
        let encoder = Encoder::new(&td.types, false);
        Json::Array(struct_fields(&encoder, &td.primary_type, &td.message, 0)?)
    };
    let chain_id = td
        .chain_id()?
        .map_or(Json::Null, |id| Json::String(id.to_string()));
    let mut out = BTreeMap::new();
    out.insert("primaryType", Json::String(td.primary_type));
    out.insert("domainOnly", Json::Bool(domain_only));
    out.insert("chainId", chain_id);
    out.insert("domain", Json::Array(domain));
    out.insert("message", message);
    let mut text = String::new();
    Json::Object(out).write(&mut text);
    Ok(text)
}

/// The view's JSON, written by [`Json::write`] as serde_json writes a `Value` (compact, members
/// in key order, the same string escapes). Not a `serde_json::Value`: serializing one keeps
/// serde_json's serializer and its float formatting in the .wasm, for text that holds only
/// strings, booleans and null (docs/benchmarks.md).
enum Json {
    Null,
    Bool(bool),
    String(String),
    Array(Vec<Json>),
    /// Members in key order.
    Object(BTreeMap<&'static str, Json>),
}

impl Json {
    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::String(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// `s` as a JSON string, escaped as serde_json escapes: `"` and `\` after a backslash, the control characters
/// (`\b \f \n \r \t`, the others as `\u00xx` with lower-case hex); everything else as is.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' => {
                let b = u32::from(c);
                out.push_str("\\u00");
                for digit in [b >> 4, b & 0xf] {
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The declared fields of struct `name`, in declared order, with their values from `object`.
fn struct_fields(
    encoder: &Encoder<'_>,
    name: &str,
    object: &Map<String, Value>,
    depth: usize,
) -> Result<Vec<Json>, TypedDataError> {
    let (_, fields) = encoder.lookup(name).ok_or(err("unknown type"))?;
    fields
        .iter()
        .map(|field| {
            let mut node = node(encoder, &field.ty, object.get(&field.name), depth + 1)?;
            node.insert("name", Json::String(field.name.clone()));
            Ok(Json::Object(node))
        })
        .collect()
}

/// One value of type `ty` (mirrors `Encoder::encode_field`).
fn node(
    encoder: &Encoder<'_>,
    ty: &str,
    value: Option<&Value>,
    depth: usize,
) -> Result<BTreeMap<&'static str, Json>, TypedDataError> {
    if depth > MAX_DEPTH {
        return Err(err("nesting too deep"));
    }
    let mut out = BTreeMap::new();
    out.insert("type", Json::String(ty.into()));
    if let Some((name, _)) = encoder.lookup(ty) {
        match value {
            Some(Value::Object(object)) => {
                let fields = struct_fields(encoder, name, object, depth)?;
                out.insert("fields", Json::Array(fields));
            }
            Some(Value::Null) => {
                out.insert("value", Json::Null);
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
            .map(|item| node(encoder, element, Some(item), depth + 1).map(Json::Object))
            .collect::<Result<Vec<_>, _>>()?;
        out.insert("items", Json::Array(items));
        return Ok(out);
    }
    let shown = match encoder.resolve(ty)? {
        Base::Struct(_) => return Err(err("unknown type")),
        base => display_atomic(base, value)?,
    };
    out.insert("value", Json::String(shown));
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn writes_json_as_serde_json_does() {
        let mut tricky = String::from("a\"b\\c/\u{7f}é😀");
        tricky.extend((0u8..0x20).map(char::from));
        let mut members = BTreeMap::new();
        members.insert("zeta", Json::String(tricky.clone()));
        members.insert("alpha", Json::Array(vec![Json::Null, Json::Bool(true)]));
        members.insert(
            "mid",
            Json::Array(vec![Json::Bool(false), Json::Object(BTreeMap::new())]),
        );
        let mut ours = String::new();
        Json::Object(members).write(&mut ours);
        let theirs = serde_json::json!({
            "zeta": tricky,
            "alpha": [null, true],
            "mid": [false, {}],
        })
        .to_string();
        assert_eq!(ours, theirs);
    }
}
