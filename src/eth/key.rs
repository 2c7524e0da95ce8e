//! secp256k1 private keys and recoverable signatures. STUB: signatures fixed, bodies to be written.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::{KeyError, SignatureError};
use crate::eth::Address;
use zeroize::Zeroizing;

/// A secp256k1 private key. Zeroized on drop, constant-time equality; never `Copy`, `Debug`, `Display`.
pub struct PrivateKey(k256::ecdsa::SigningKey);

/// A recoverable ECDSA signature with low s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub r: [u8; 32],
    pub s: [u8; 32],
    /** 0 or 1 */
    pub y_parity: u8,
}

impl PrivateKey {
    /// From 32 big-endian bytes (rejects 0 and ≥ n).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        todo!()
    }
    /// From 64 hex digits, optional `0x`, surrounding whitespace ignored.
    pub fn from_hex(s: &str) -> Result<Self, KeyError> {
        todo!()
    }
    /// `0x` + 64 lower-case hex digits.
    pub fn to_hex(&self) -> Zeroizing<String> {
        todo!()
    }
    /// The 32 key bytes.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        todo!()
    }
    pub fn address(&self) -> Address {
        todo!()
    }
    pub fn verifying_key(&self) -> k256::ecdsa::VerifyingKey {
        todo!()
    }
    pub(crate) fn signing_key(&self) -> &k256::ecdsa::SigningKey {
        &self.0
    }
    /// RFC 6979 deterministic, low-s, recoverable signature of a 32-byte hash.
    pub fn sign_hash(&self, hash: &[u8; 32]) -> Signature {
        todo!()
    }
    pub fn ct_eq(&self, other: &Self) -> subtle::Choice {
        todo!()
    }
}

impl Signature {
    /// 65 bytes r‖s‖v with v = 27 + y_parity (the personal_sign / typed-data form).
    pub fn to_rsv_bytes(&self) -> [u8; 65] {
        todo!()
    }
    /// `0x` + hex of [`Signature::to_rsv_bytes`].
    pub fn to_rsv_hex(&self) -> String {
        todo!()
    }
    /// Parses 65 bytes of hex r‖s‖v, v ∈ {0, 1, 27, 28}.
    pub fn parse_rsv_hex(s: &str) -> Result<Self, SignatureError> {
        todo!()
    }
    /// The address whose key made this signature over `hash`.
    pub fn recover(&self, hash: &[u8; 32]) -> Result<Address, SignatureError> {
        todo!()
    }
}
