//! Ethereum: addresses (EIP-55), keys and signatures, the one signing primitive ([`SignHash`]),
//! EIP-191, EIP-712 v4, transactions.

pub mod address;
pub mod eip191;
pub mod key;
mod rlp;
pub mod signer;
pub mod tx;
pub mod typed_data;

pub use address::Address;
pub use key::{PrivateKey, Signature};
pub use signer::SignHash;

use sha3::{Digest, Keccak256};

/// Keccak-256 (the pre-standard SHA-3 padding Ethereum uses) of `bytes`.
pub fn keccak256(bytes: &[u8]) -> [u8; 32] {
    Keccak256::digest(bytes).into()
}

pub use crate::hex::encode_prefixed as to_hex_prefixed;
