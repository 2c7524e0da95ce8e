//! EIP-191 version `0x45` ("personal_sign"): the hash a wallet signs for a plain message.
//!
//! `personal_sign` receives its message as `0x`-prefixed hex from the dApp
//! ([`message_bytes`]); the signed hash is [`hash`] of those bytes, and [`sign`] signs it.

use crate::eth::{keccak256, SignHash, Signature};
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

/// EIP-191 `personal_sign` of `message`: `signer` signs [`hash`]`(message)`. The signature's
/// 65-byte form is [`Signature::to_rsv_bytes`] (v ∈ {27, 28}).
pub fn sign<S: SignHash>(signer: &S, message: &[u8]) -> S::Signed<Signature> {
    signer.sign_hash_with(&hash(message), |signature| signature)
}

/// Decodes a `personal_sign` message parameter: `0x` followed by an even number of hex digits
/// (upper or lower case) into those bytes. `"0x"` alone is the empty message.
///
/// # Errors
///
/// [`Error::InvalidArgument`] (`"message must be 0x-prefixed hex"`) when the prefix is missing,
/// the number of digits is odd, or a character is not a hex digit.
pub fn message_bytes(data_hex: &str) -> Result<Vec<u8>, Error> {
    crate::hex::decode_prefixed(data_hex)
        .ok_or(Error::InvalidArgument("message must be 0x-prefixed hex"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn hash_prefixes_decimal_length() {
        let mut expected = b"\x19Ethereum Signed Message:\n3abc".to_vec();
        assert_eq!(hash(b"abc"), keccak256(&expected));
        expected = b"\x19Ethereum Signed Message:\n0".to_vec();
        assert_eq!(hash(b""), keccak256(&expected));
    }
}
