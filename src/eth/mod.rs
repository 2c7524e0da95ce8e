//! Ethereum: addresses (EIP-55), keys and signatures, EIP-191, EIP-712 v4, transactions.

pub mod address;
pub mod eip191;
pub mod key;
mod rlp;
pub mod tx;
pub mod typed_data;

pub use address::Address;
pub use key::{PrivateKey, Signature};

use sha3::{Digest, Keccak256};

/// Keccak-256 (the pre-standard SHA-3 padding Ethereum uses) of `bytes`.
pub fn keccak256(bytes: &[u8]) -> [u8; 32] {
    Keccak256::digest(bytes).into()
}

/// `0x` followed by the lower-case hex digits of `bytes`.
pub fn to_hex_prefixed(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 + bytes.len() * 2);
    out.push_str("0x");
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            if let Some(d) = DIGITS.get(usize::from(nibble)) {
                out.push(char::from(*d));
            }
        }
    }
    out
}
