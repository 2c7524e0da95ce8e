//! JSON values → the 32-byte words of EIP-712 `encodeData`, for the non-struct, non-array types.
//!
//! The accepted JSON forms are the ones on which both @metamask/eth-sig-util encoders whose
//! source was read for this module (the `ethereumjs-abi` based one of v4–v5 and the
//! `@metamask/abi-utils` based one of v6–v7.0, `src/sign-typed-data.ts`) produce the same bytes;
//! forms on which they disagree, or on which they silently produce something other than what was
//! written (the string `"false"` as `true`, `1.5` as `1`, 255 in an `int8`), are rejected. See
//! the module documentation of [`super`] for the table.

use serde_json::{Number, Value};

use super::TypedDataError;
use crate::eth::keccak256;

use super::types::Base;

const fn err(reason: &'static str) -> TypedDataError {
    TypedDataError { reason }
}

/// 2^53 − 1: the largest integer a JavaScript number (which is what MetaMask parses JSON
/// numbers into) holds exactly.
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

macro_rules! width_reasons {
    ($prefix:literal) => {
        width_reasons!(@ $prefix; 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120,
            128, 136, 144, 152, 160, 168, 176, 184, 192, 200, 208, 216, 224, 232, 240, 248, 256)
    };
    (@ $prefix:literal; $($n:literal),*) => { [$(concat!($prefix, stringify!($n))),*] };
}

/// "value out of range for uintN", indexed by N / 8 − 1.
const UINT_OUT_OF_RANGE: [&str; 32] = width_reasons!("value out of range for uint");
/// "value out of range for intN", indexed by N / 8 − 1.
const INT_OUT_OF_RANGE: [&str; 32] = width_reasons!("value out of range for int");

fn out_of_range(table: &[&'static str; 32], bits: u16) -> TypedDataError {
    let reason = usize::from(bits / 8)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or("value out of range");
    err(reason)
}

/// A JSON number as an exact integer.
///
/// Only integers written without fraction or exponent and within ±(2^53 − 1) are accepted:
/// MetaMask reads JSON numbers as IEEE doubles, so larger ones are rounded there, and serde_json
/// (without `arbitrary_precision`) rounds anything with a fraction or exponent here.
///
/// # Errors
/// "number too large, use a string" beyond ±(2^53 − 1); "number is not an integer" for
/// anything written with a fraction or an exponent (including `1.0` and `1e3`).
pub(crate) fn safe_integer(n: &Number) -> Result<i64, TypedDataError> {
    if let Some(i) = n.as_i64() {
        if i.unsigned_abs() > MAX_SAFE_INTEGER {
            return Err(err("number too large, use a string"));
        }
        return Ok(i);
    }
    if n.as_u64().is_some() {
        return Err(err("number too large, use a string"));
    }
    match n.as_f64() {
        // An integer literal beyond the 64-bit range that serde_json could only keep as a float.
        Some(f) if f.is_finite() && f.fract() == 0.0 && f.abs() > MAX_SAFE_INTEGER as f64 => {
            Err(err("number too large, use a string"))
        }
        _ => Err(err("number is not an integer")),
    }
}

/// An integer of up to 256 bits of magnitude, with a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Integer {
    /// True for values below zero (never set for zero).
    pub negative: bool,
    /// |value|, big-endian.
    pub magnitude: [u8; 32],
}

impl Integer {
    fn from_i64(i: i64) -> Self {
        let mut magnitude = [0u8; 32];
        let (_, low) = magnitude.split_at_mut(24);
        low.copy_from_slice(&i.unsigned_abs().to_be_bytes());
        Self {
            negative: i < 0,
            magnitude,
        }
    }

    /// Number of significant bits of the magnitude.
    fn bit_length(&self) -> u32 {
        let mut bits = 256u32;
        for byte in self.magnitude {
            if byte == 0 {
                bits -= 8;
            } else {
                return bits - byte.leading_zeros();
            }
        }
        0
    }

    fn is_power_of_two(&self) -> bool {
        self.magnitude.iter().map(|b| b.count_ones()).sum::<u32>() == 1
    }

    /// Parses a JSON number or string: a safe integer (see [`safe_integer`]), a decimal string
    /// `-?[0-9]+`, or a hex string `0x[0-9a-fA-F]+` (non-negative).
    ///
    /// # Errors
    /// "invalid integer string", "integer too large" (beyond 256 bits), the errors of
    /// [`safe_integer`], or "integer value is not a number or string".
    pub(crate) fn parse(value: &Value) -> Result<Self, TypedDataError> {
        match value {
            Value::Number(n) => safe_integer(n).map(Self::from_i64),
            Value::String(s) => Self::parse_str(s),
            _ => Err(err("integer value is not a number or string")),
        }
    }

    fn parse_str(s: &str) -> Result<Self, TypedDataError> {
        let mut magnitude = [0u8; 32];
        if let Some(hex) = s.strip_prefix("0x") {
            let digits = hex.trim_start_matches('0');
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err("invalid integer string"));
            }
            if digits.len() > 64 {
                return Err(err("integer too large"));
            }
            // Fill from the least significant nibble.
            for (i, c) in digits.bytes().rev().enumerate() {
                let nibble = crate::hex::digit_value(c).ok_or(err("invalid integer string"))?;
                let byte = magnitude
                    .get_mut(31 - i / 2)
                    .ok_or(err("integer too large"))?;
                *byte |= if i % 2 == 0 { nibble } else { nibble << 4 };
            }
            return Ok(Self {
                negative: false,
                magnitude,
            });
        }
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("invalid integer string"));
        }
        for d in digits.bytes() {
            // magnitude = magnitude * 10 + d, most significant byte last to carry upwards.
            let mut carry = u16::from(d - b'0');
            for byte in magnitude.iter_mut().rev() {
                let v = u16::from(*byte) * 10 + carry;
                *byte = (v & 0xff) as u8;
                carry = v >> 8;
            }
            if carry != 0 {
                return Err(err("integer too large"));
            }
        }
        let zero = magnitude.iter().all(|&b| b == 0);
        Ok(Self {
            negative: negative && !zero,
            magnitude,
        })
    }

    /// The 32-byte ABI word of this value as a `uintN`: big-endian, left-padded with zeros.
    ///
    /// # Errors
    /// "value out of range for uintN" when negative or ≥ 2^N.
    pub(crate) fn encode_uint(&self, bits: u16) -> Result<[u8; 32], TypedDataError> {
        if self.negative || self.bit_length() > u32::from(bits) {
            return Err(out_of_range(&UINT_OUT_OF_RANGE, bits));
        }
        Ok(self.magnitude)
    }

    /// The 32-byte ABI word of this value as an `intN`: two's complement sign-extended to 256
    /// bits (negative values start with 0xff bytes).
    ///
    /// # Errors
    /// "value out of range for intN" outside −2^(N−1) ..= 2^(N−1) − 1.
    pub(crate) fn encode_int(&self, bits: u16) -> Result<[u8; 32], TypedDataError> {
        let max_bits = u32::from(bits) - 1;
        let len = self.bit_length();
        let fits =
            len <= max_bits || (self.negative && len == max_bits + 1 && self.is_power_of_two());
        if !fits {
            return Err(out_of_range(&INT_OUT_OF_RANGE, bits));
        }
        if !self.negative {
            return Ok(self.magnitude);
        }
        // Two's complement: invert and add one.
        let mut word = self.magnitude.map(|b| !b);
        for byte in word.iter_mut().rev() {
            let (sum, overflow) = byte.overflowing_add(1);
            *byte = sum;
            if !overflow {
                break;
            }
        }
        Ok(word)
    }
}

/// The bytes eth-sig-util makes of a JSON number in a `string` or `bytes` field
/// (`numberToBytes`): the big-endian bytes of the hex digits of the value, at least one byte
/// (0 → `[0x00]`, 256 → `[0x01, 0x00]`).
fn number_bytes(n: &Number) -> Result<Vec<u8>, TypedDataError> {
    let i = safe_integer(n)?;
    let u = u64::try_from(i).map_err(|_| err("negative number for a string or bytes value"))?;
    let be = u.to_be_bytes();
    let skip = be.iter().take(7).take_while(|&&b| b == 0).count();
    Ok(be.iter().skip(skip).copied().collect())
}

/// `string`: the text hashed (its UTF-8 bytes). `null` is the empty string (as eth-sig-util V4
/// does). A JSON number is rejected: eth-sig-util hashes the bytes of [`number_bytes`] (`10` as
/// `"\n"`), not the digits that would be shown.
fn string_of(value: &Value) -> Result<&str, TypedDataError> {
    match value {
        Value::String(s) => Ok(s),
        Value::Null => Ok(""),
        Value::Number(_) => Err(err("number for a string value, use a json string")),
        _ => Err(err("string value is not a string")),
    }
}

/// `bytes`: the bytes hashed. A `0x` string is hex (an even number of digits); a JSON number
/// gives the bytes of [`number_bytes`]; any other string is its UTF-8 bytes, except a non-empty
/// string made only of hex digits, which eth-sig-util releases read differently (as text, or as
/// hex) and which is therefore rejected.
fn bytes_of(value: &Value) -> Result<Vec<u8>, TypedDataError> {
    match value {
        Value::String(s) if s.starts_with("0x") => {
            crate::hex::decode_prefixed(s).ok_or(err("invalid hex string"))
        }
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Err(err("ambiguous bytes value, use 0x-prefixed hex"))
        }
        Value::String(s) => Ok(s.as_bytes().to_vec()),
        Value::Number(n) => number_bytes(n),
        _ => Err(err("bytes value is not a string")),
    }
}

/// `bytesN`: the bytes left-aligned in the word, zero-padded on the right. A `0x` string is hex
/// (an even number of digits, at most N bytes); a non-negative JSON number gives its minimal
/// big-endian bytes.
fn encode_fixed_bytes(value: &Value, len: usize) -> Result<[u8; 32], TypedDataError> {
    let bytes = match value {
        Value::String(s) => crate::hex::decode_prefixed(s).ok_or(err("invalid hex string"))?,
        Value::Number(n) => {
            let i = safe_integer(n)?;
            let u = u64::try_from(i).map_err(|_| err("negative number for a bytesN value"))?;
            let be = u.to_be_bytes();
            let skip = be.iter().take_while(|&&b| b == 0).count();
            be.iter().skip(skip).copied().collect()
        }
        _ => return Err(err("bytesN value is not a hex string")),
    };
    if bytes.len() > len {
        return Err(err("value too long for its bytesN type"));
    }
    let mut word = [0u8; 32];
    word.iter_mut().zip(bytes).for_each(|(w, b)| *w = b);
    Ok(word)
}

/// `address`: `0x` + 40 hex digits (any case, checksum not checked), left-padded to 32 bytes.
fn encode_address(value: &Value) -> Result<[u8; 32], TypedDataError> {
    let bytes = match value {
        Value::String(s) => crate::hex::decode_prefixed(s).filter(|b| b.len() == 20),
        _ => None,
    }
    .ok_or(err("invalid address"))?;
    let mut word = [0u8; 32];
    word.iter_mut()
        .skip(12)
        .zip(bytes)
        .for_each(|(w, b)| *w = b);
    Ok(word)
}

/// `bool`: 1 or 0 in the last byte. JSON `true`/`false`, or the numbers 1/0.
fn encode_bool(value: &Value) -> Result<[u8; 32], TypedDataError> {
    let b = match value {
        Value::Bool(b) => *b,
        Value::Number(n) if n.as_u64() == Some(0) => false,
        Value::Number(n) if n.as_u64() == Some(1) => true,
        _ => return Err(err("bool value is not true or false")),
    };
    let mut word = [0u8; 32];
    if let Some(last) = word.last_mut() {
        *last = u8::from(b);
    }
    Ok(word)
}

/// The 32-byte `encodeData` word of `value` for a non-struct, non-array type.
///
/// # Errors
/// Whatever the type's rules reject (see the individual encoders); a struct base is a caller bug
/// reported as "unknown type".
pub(crate) fn encode_atomic(base: Base<'_>, value: &Value) -> Result<[u8; 32], TypedDataError> {
    match base {
        Base::String => string_of(value).map(|s| keccak256(s.as_bytes())),
        // Every other type has no "null means empty" rule in eth-sig-util V4.
        _ if value.is_null() => Err(err("missing value")),
        Base::Bytes => bytes_of(value).map(|b| keccak256(&b)),
        Base::FixedBytes(len) => encode_fixed_bytes(value, len),
        Base::Address => encode_address(value),
        Base::Bool => encode_bool(value),
        Base::Uint(bits) => Integer::parse(value)?.encode_uint(bits),
        Base::Int(bits) => Integer::parse(value)?.encode_int(bits),
        Base::Struct(_) => Err(err("unknown type")),
    }
}

/// The value of a non-struct, non-array field as the approval window shows it, i.e. exactly what
/// [`encode_atomic`] hashes: the text of a `string`; `0x` + the hex of the bytes of a `bytes`
/// (UTF-8 text and numbers included) and of the N bytes of a `bytesN` (zero-padded as encoded);
/// the EIP-55 form of an `address`; `true`/`false` for a `bool` (also when sent as 1/0); the
/// decimal value of an integer (also when sent as hex).
///
/// # Errors
/// Those of [`encode_atomic`].
pub(crate) fn display_atomic(base: Base<'_>, value: &Value) -> Result<String, TypedDataError> {
    let word = encode_atomic(base, value)?;
    match base {
        Base::String => string_of(value).map(str::to_owned),
        Base::Bytes => bytes_of(value).map(|b| crate::hex::encode_prefixed(&b)),
        Base::FixedBytes(len) => word
            .get(..len)
            .map(crate::hex::encode_prefixed)
            .ok_or(err("value too long for its bytesN type")),
        Base::Address => {
            let bytes: [u8; 20] = word
                .get(12..)
                .and_then(|b| b.try_into().ok())
                .ok_or(err("invalid address"))?;
            Ok(crate::eth::Address(bytes).to_checksum())
        }
        Base::Bool => Ok(if word.iter().any(|&b| b != 0) {
            "true"
        } else {
            "false"
        }
        .into()),
        Base::Uint(_) | Base::Int(_) => Integer::parse(value).map(|i| i.to_decimal()),
        Base::Struct(_) => Err(err("unknown type")),
    }
}

impl Integer {
    /// The value in decimal, with a leading `-` when negative.
    pub(crate) fn to_decimal(self) -> String {
        let mut magnitude = self.magnitude;
        let mut digits = Vec::new();
        while magnitude.iter().any(|&b| b != 0) {
            // magnitude /= 10, most significant byte first; the remainder is the next digit.
            let mut rem = 0u16;
            for byte in magnitude.iter_mut() {
                let cur = (rem << 8) | u16::from(*byte);
                *byte = (cur / 10) as u8;
                rem = cur % 10;
            }
            digits.push(char::from(b'0' + rem as u8));
        }
        if digits.is_empty() {
            digits.push('0');
        }
        if self.negative {
            digits.push('-');
        }
        digits.iter().rev().collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;
    use serde_json::json;

    fn word(hex_str: &str) -> [u8; 32] {
        hex::decode(hex_str).unwrap().try_into().unwrap()
    }

    #[test]
    fn reasons_are_per_width() {
        assert_eq!(UINT_OUT_OF_RANGE[0], "value out of range for uint8");
        assert_eq!(UINT_OUT_OF_RANGE[31], "value out of range for uint256");
        assert_eq!(INT_OUT_OF_RANGE[1], "value out of range for int16");
    }

    #[test]
    fn integers_parse_exactly() {
        let max = Integer::parse(&json!(
            "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        ))
        .unwrap();
        assert_eq!(max.magnitude, [0xff; 32]);
        assert_eq!(max.bit_length(), 256);
        let hex_max = Integer::parse(&json!(format!("0x{}", "ff".repeat(32)))).unwrap();
        assert_eq!(hex_max, max);
        assert_eq!(
            Integer::parse(&json!(
                "115792089237316195423570985008687907853269984665640564039457584007913129639936"
            )),
            Err(err("integer too large"))
        );
        assert_eq!(
            Integer::parse(&json!(format!("0x1{}", "00".repeat(32)))),
            Err(err("integer too large"))
        );
        // Leading zeros beyond 64 digits are fine.
        assert_eq!(
            Integer::parse(&json!(format!("0x{}1", "0".repeat(80)))).unwrap(),
            Integer::parse(&json!(1)).unwrap()
        );
        assert_eq!(
            Integer::parse(&json!("-0")).unwrap(),
            Integer::parse(&json!(0)).unwrap()
        );
        for bad in [
            "", "-", "0x", "0X10", "-0x1", "+1", " 1", "1 ", "1.0", "1e3", "0xg",
        ] {
            assert_eq!(
                Integer::parse(&json!(bad)),
                Err(err("invalid integer string")),
                "{bad:?}"
            );
        }
        assert_eq!(
            Integer::parse(&json!(true)),
            Err(err("integer value is not a number or string"))
        );
    }

    #[test]
    fn safe_integers_only() {
        let n = |s: &str| serde_json::from_str::<Number>(s).unwrap();
        assert_eq!(safe_integer(&n("9007199254740991")), Ok(9007199254740991));
        assert_eq!(safe_integer(&n("-9007199254740991")), Ok(-9007199254740991));
        for big in [
            "9007199254740992",
            "-9007199254740992",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            "1e300",
        ] {
            assert_eq!(
                safe_integer(&n(big)),
                Err(err("number too large, use a string")),
                "{big}"
            );
        }
        for frac in ["1.5", "1.0", "1e3", "-0", "0.1"] {
            assert_eq!(
                safe_integer(&n(frac)),
                Err(err("number is not an integer")),
                "{frac}"
            );
        }
    }

    #[test]
    fn int_two_complement_and_bounds() {
        let enc = |v: Value, bits| Integer::parse(&v).unwrap().encode_int(bits);
        assert_eq!(enc(json!(-1), 8).unwrap(), [0xff; 32]);
        assert_eq!(
            enc(json!(-128), 8).unwrap(),
            word("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")
        );
        assert_eq!(enc(json!(127), 8).unwrap()[31], 0x7f);
        assert_eq!(enc(json!(128), 8), Err(err("value out of range for int8")));
        assert_eq!(enc(json!(-129), 8), Err(err("value out of range for int8")));
        assert_eq!(enc(json!(255), 8), Err(err("value out of range for int8")));
        let min256 = format!(
            "-{}",
            "57896044618658097711785492504343953926634992332820282019728792003956564819968"
        );
        assert_eq!(
            enc(json!(min256), 256).unwrap(),
            word("8000000000000000000000000000000000000000000000000000000000000000")
        );
        let over = "57896044618658097711785492504343953926634992332820282019728792003956564819968";
        assert_eq!(
            enc(json!(over), 256),
            Err(err("value out of range for int256"))
        );
    }

    #[test]
    fn uint_bounds() {
        let enc = |v: Value, bits| Integer::parse(&v).unwrap().encode_uint(bits);
        assert_eq!(enc(json!(255), 8).unwrap()[31], 0xff);
        assert_eq!(enc(json!(256), 8), Err(err("value out of range for uint8")));
        assert_eq!(enc(json!(-1), 8), Err(err("value out of range for uint8")));
        assert_eq!(
            enc(json!("-1"), 256),
            Err(err("value out of range for uint256"))
        );
        assert_eq!(enc(json!("0x0100"), 16).unwrap()[30], 1);
    }

    #[test]
    fn atomic_forms() {
        let zero = [0u8; 32];
        assert_eq!(encode_atomic(Base::Bool, &json!(false)).unwrap(), zero);
        assert_eq!(encode_atomic(Base::Bool, &json!(1)).unwrap()[31], 1);
        for bad in [
            json!("false"),
            json!("true"),
            json!(2),
            json!(-1),
            json!([]),
            json!({}),
        ] {
            assert_eq!(
                encode_atomic(Base::Bool, &bad),
                Err(err("bool value is not true or false"))
            );
        }
        for base in [
            Base::Bool,
            Base::Address,
            Base::Bytes,
            Base::FixedBytes(4),
            Base::Uint(8),
            Base::Int(8),
        ] {
            assert_eq!(encode_atomic(base, &Value::Null), Err(err("missing value")));
        }
        assert_eq!(
            encode_atomic(Base::String, &Value::Null).unwrap(),
            keccak256(b"")
        );
        assert_eq!(
            encode_atomic(Base::Struct("X"), &json!({})),
            Err(err("unknown type"))
        );
    }

    #[test]
    fn number_bytes_match_eth_sig_util() {
        let nb = |v: u64| number_bytes(&Number::from(v)).unwrap();
        assert_eq!(nb(0), vec![0]);
        assert_eq!(nb(10), vec![0x0a]);
        assert_eq!(nb(256), vec![1, 0]);
        assert_eq!(nb(MAX_SAFE_INTEGER), hex::decode("1fffffffffffff").unwrap());
        assert_eq!(
            number_bytes(&Number::from(-1)),
            Err(err("negative number for a string or bytes value"))
        );
    }

    #[test]
    fn hex_decoding() {}
}
