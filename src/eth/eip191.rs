//! EIP-191 version `0x45` ("personal_sign"): the hash a wallet signs for a plain message.
//!
//! `personal_sign` receives its message as `0x`-prefixed hex from the dApp
//! ([`message_bytes`]); the signed hash is [`hash`] of those bytes.

use crate::eth::keccak256;
use crate::Error;

/// The EIP-191 version `0x45` prefix: the byte `0x19` followed by `"Ethereum Signed Message:\n"`.
const PREFIX: &[u8] = b"\x19Ethereum Signed Message:\n";

/// Keccak-256 of `0x19 ‖ "Ethereum Signed Message:\n" ‖ decimal(len(message)) ‖ message`,
/// where `decimal(len)` is the byte length of `message` written in ASCII decimal digits with no
/// leading zeros and no terminator (e.g. `"11"` for `hello world`, `"0"` for the empty message).
///
/// This is the hash `personal_sign` / `eth_sign` signs (EIP-191, version `0x45`).
pub fn hash(message: &[u8]) -> [u8; 32] {
    let length = message.len().to_string();
    let mut bytes = Vec::with_capacity(PREFIX.len() + length.len() + message.len());
    bytes.extend_from_slice(PREFIX);
    bytes.extend_from_slice(length.as_bytes());
    bytes.extend_from_slice(message);
    keccak256(&bytes)
}

/// Decodes a `personal_sign` message parameter: `0x` followed by an even number of hex digits
/// (upper or lower case) into those bytes. `"0x"` alone is the empty message.
///
/// # Errors
///
/// [`Error::InvalidArgument`] (`"message must be 0x-prefixed hex"`) when the prefix is missing,
/// the number of digits is odd, or a character is not a hex digit.
pub fn message_bytes(data_hex: &str) -> Result<Vec<u8>, Error> {
    decode_0x_hex(data_hex).ok_or(Error::InvalidArgument("message must be 0x-prefixed hex"))
}

/// `0x` (lower-case `x` only) followed by an even number of hex digits → bytes; `None` otherwise.
///
/// Shared with the transaction parser (`data`, storage keys), which applies the same rule.
pub(crate) fn decode_0x_hex(s: &str) -> Option<Vec<u8>> {
    let digits = s.strip_prefix("0x")?.as_bytes();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => Some(hex_value(*hi)? << 4 | hex_value(*lo)?),
            _ => None,
        })
        .collect()
}

/// The value of one ASCII hex digit (either case), `None` for any other byte.
pub(crate) fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn hex_digits() {
        assert_eq!(hex_value(b'0'), Some(0));
        assert_eq!(hex_value(b'9'), Some(9));
        assert_eq!(hex_value(b'a'), Some(10));
        assert_eq!(hex_value(b'F'), Some(15));
        assert_eq!(hex_value(b'g'), None);
        assert_eq!(hex_value(b'x'), None);
    }

    #[test]
    fn decode() {
        assert_eq!(decode_0x_hex("0x"), Some(vec![]));
        assert_eq!(decode_0x_hex("0x00ffA1"), Some(vec![0x00, 0xff, 0xa1]));
        assert_eq!(decode_0x_hex("0x0"), None);
        assert_eq!(decode_0x_hex("0X00"), None);
        assert_eq!(decode_0x_hex("00"), None);
        assert_eq!(decode_0x_hex("0x0g"), None);
        assert_eq!(decode_0x_hex("0x+1"), None);
        assert_eq!(decode_0x_hex(""), None);
        // A multi-byte UTF-8 character is never a hex digit.
        assert_eq!(decode_0x_hex("0xé"), None);
    }

    #[test]
    fn hash_prefixes_decimal_length() {
        let mut expected = b"\x19Ethereum Signed Message:\n3abc".to_vec();
        assert_eq!(hash(b"abc"), keccak256(&expected));
        expected = b"\x19Ethereum Signed Message:\n0".to_vec();
        assert_eq!(hash(b""), keccak256(&expected));
    }
}
