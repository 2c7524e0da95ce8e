//! The type grammar of EIP-712: atomic and dynamic type names, array suffixes, struct names.
//!
//! Type strings are kept exactly as the caller wrote them (they go verbatim into `encodeType`);
//! this module only classifies them. Only canonical spellings are accepted: `uint256`, not
//! `uint` or `uint0256`; `T[2]`, not `T[02]` or `T[0]`.

use super::TypedDataError;

const fn err(reason: &'static str) -> TypedDataError {
    TypedDataError { reason }
}

/// A type without array suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base<'a> {
    /// `address`: 20 bytes.
    Address,
    /// `bool`.
    Bool,
    /// `string`: hashed UTF-8.
    String,
    /// `bytes`: hashed bytes.
    Bytes,
    /// `uintN`, N the width in bits.
    Uint(u16),
    /// `intN`, N the width in bits.
    Int(u16),
    /// `bytesN`, N the length in bytes (1..=32).
    FixedBytes(usize),
    /// A struct defined in `types` (the key as stored there).
    Struct(&'a str),
}

/// The last array suffix of a type: `[]` or `[n]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    /// `T[]`: any number of elements.
    Dynamic,
    /// `T[n]`: exactly n elements, n ≥ 1.
    Fixed(usize),
}

/// Parses a width written in canonical decimal (no sign, no leading zero).
fn canonical_decimal(digits: &str) -> Option<usize> {
    if digits.is_empty() || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The atomic or dynamic (non-struct, non-array) type named `name`, if it is one.
pub(crate) fn atomic(name: &str) -> Option<Base<'static>> {
    match name {
        "address" => return Some(Base::Address),
        "bool" => return Some(Base::Bool),
        "string" => return Some(Base::String),
        "bytes" => return Some(Base::Bytes),
        _ => {}
    }
    let int_width = |digits: &str| {
        canonical_decimal(digits)
            .filter(|n| (8..=256).contains(n) && n % 8 == 0)
            .and_then(|n| u16::try_from(n).ok())
    };
    if let Some(digits) = name.strip_prefix("uint") {
        return int_width(digits).map(Base::Uint);
    }
    if let Some(digits) = name.strip_prefix("int") {
        return int_width(digits).map(Base::Int);
    }
    if let Some(digits) = name.strip_prefix("bytes") {
        return canonical_decimal(digits)
            .filter(|n| (1..=32).contains(n))
            .map(Base::FixedBytes);
    }
    None
}

/// Whether `name` may name a struct: non-empty, only `[A-Za-z0-9_]` (what eth-sig-util's
/// dependency search `/^\w*/` can see), and not the name of an atomic or dynamic type.
pub(crate) fn is_struct_name(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && atomic(name).is_none()
}

/// Whether `name` may name a field: non-empty and free of the characters that structure
/// `encodeType` (`,`, `(`, `)`, `[`, `]`) and of whitespace, so that no two different type
/// definitions can produce the same `encodeType` string.
pub(crate) fn is_field_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '[' | ']'))
}

/// Splits the last array suffix off a type: `"T[2][]"` → `Some(("T[2]", Dynamic))`;
/// `"T"` → `None`.
///
/// # Errors
/// "invalid array type" when the type ends in `]` but the suffix is not `[]` or `[n]` with n a
/// canonical decimal ≥ 1.
pub(crate) fn split_array(ty: &str) -> Result<Option<(&str, Dim)>, TypedDataError> {
    let Some(open_and_inner) = ty.strip_suffix(']') else {
        return Ok(None);
    };
    let open = open_and_inner.rfind('[').ok_or(err("invalid array type"))?;
    let (element, bracket_and_len) = open_and_inner
        .split_at_checked(open)
        .ok_or(err("invalid array type"))?;
    let len = bracket_and_len
        .strip_prefix('[')
        .ok_or(err("invalid array type"))?;
    if element.is_empty() {
        return Err(err("invalid array type"));
    }
    let dim = if len.is_empty() {
        Dim::Dynamic
    } else {
        Dim::Fixed(canonical_decimal(len).ok_or(err("invalid array type"))?)
    };
    Ok(Some((element, dim)))
}

/// Strips every array suffix: `"Person[2][]"` → `"Person"`.
///
/// # Errors
/// "invalid array type" for a malformed suffix (see [`split_array`]).
pub(crate) fn base_name(mut ty: &str) -> Result<&str, TypedDataError> {
    while let Some((element, _)) = split_array(ty)? {
        ty = element;
    }
    Ok(ty)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn atomic_names_are_canonical() {
        assert_eq!(atomic("uint8"), Some(Base::Uint(8)));
        assert_eq!(atomic("uint256"), Some(Base::Uint(256)));
        assert_eq!(atomic("int16"), Some(Base::Int(16)));
        assert_eq!(atomic("bytes1"), Some(Base::FixedBytes(1)));
        assert_eq!(atomic("bytes32"), Some(Base::FixedBytes(32)));
        assert_eq!(atomic("bytes"), Some(Base::Bytes));
        for bad in [
            "uint",
            "int",
            "uint7",
            "uint264",
            "uint0",
            "uint08",
            "bytes0",
            "bytes33",
            "bytes05",
            "Uint8",
            "uint8 ",
            "fixed",
            "ufixed128x18",
            "function",
            "",
        ] {
            assert_eq!(atomic(bad), None, "{bad}");
        }
    }

    #[test]
    fn array_suffixes() {
        assert_eq!(split_array("uint8").unwrap(), None);
        assert_eq!(
            split_array("uint8[]").unwrap(),
            Some(("uint8", Dim::Dynamic))
        );
        assert_eq!(
            split_array("Person[3][]").unwrap(),
            Some(("Person[3]", Dim::Dynamic))
        );
        assert_eq!(
            split_array("Person[3]").unwrap(),
            Some(("Person", Dim::Fixed(3)))
        );
        assert_eq!(base_name("Person[3][][1]").unwrap(), "Person");
        for bad in [
            "uint8]",
            "[]",
            "uint8[0]",
            "uint8[03]",
            "uint8[-1]",
            "uint8[x]",
            "a[ 1]",
        ] {
            assert_eq!(
                base_name(bad),
                Err(TypedDataError {
                    reason: "invalid array type"
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn names() {
        assert!(is_struct_name("Person"));
        assert!(is_struct_name("EIP712Domain"));
        assert!(is_struct_name("_x1"));
        assert!(!is_struct_name(""));
        assert!(!is_struct_name("uint256"));
        assert!(!is_struct_name("Per-son"));
        assert!(!is_struct_name("Person[]"));
        assert!(is_field_name("from"));
        assert!(is_field_name("$x"));
        assert!(!is_field_name(""));
        assert!(!is_field_name("a,uint256 b"));
        assert!(!is_field_name("a b"));
        assert!(!is_field_name("a)"));
    }
}
