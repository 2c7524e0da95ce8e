//! EIP-7702 authorizations: the tuple `(chainId, address, nonce)` an account signs to set its
//! code to a delegation (`0xef0100 ‖ address`), or to clear it (`address` = the zero address),
//! and the signed tuple a type-4 transaction carries in its authorization list.
//!
//! How an authorization is read from JSON is in [`request`](super::request)
//! ([`Authorization::from_json`]); how a type-4 transaction encodes its list, in
//! [`encode`](super::encode).

use crate::eth::{keccak256, rlp, Address, SignHash, Signature};
use core::fmt;

/// The EIP-7702 domain byte that prefixes the signed payload of an authorization.
const MAGIC: u8 = 0x05;

/// An unsigned EIP-7702 authorization. Nothing here is secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization {
    /// The chain it is valid on; 0 means every chain.
    pub chain_id: u64,
    /// The contract whose code the account delegates to; the zero address clears a delegation.
    pub address: Address,
    /// The authorizing account's nonce when the authorization is applied. When the account also
    /// sends the transaction that carries it, that is the transaction's nonce + 1.
    pub nonce: u64,
}

impl Authorization {
    /// The bytes whose Keccak-256 is signed: `0x05 ‖ rlp([chainId, address, nonce])`, the
    /// integers as minimal big-endian byte strings (zero is the empty string `0x80`), the
    /// address as 20 bytes.
    pub fn encode_for_signing(&self) -> Vec<u8> {
        let body = self.fields().finish();
        let mut out = Vec::with_capacity(1 + body.len());
        out.push(MAGIC);
        out.extend_from_slice(&body);
        out
    }

    /// Keccak-256 of [`encode_for_signing`](Self::encode_for_signing): the authorization hash
    /// the key signs.
    pub fn signing_hash(&self) -> [u8; 32] {
        keccak256(&self.encode_for_signing())
    }

    /// Has `signer` sign [`signing_hash`](Self::signing_hash) (RFC 6979, low s) and returns
    /// the signed tuple.
    pub fn sign<S: SignHash>(&self, signer: &S) -> S::Signed<SignedAuthorization> {
        signer.sign_hash_with(&self.signing_hash(), |signature| SignedAuthorization {
            authorization: self.clone(),
            signature,
        })
    }

    /// The list `[chainId, address, nonce]`, without its header yet.
    fn fields(&self) -> rlp::List {
        let mut list = rlp::List::new();
        list.u64(self.chain_id)
            .bytes(&self.address.0)
            .u64(self.nonce);
        list
    }
}

/// An authorization with its signature, as a type-4 transaction's authorization list holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedAuthorization {
    /// What was signed.
    pub authorization: Authorization,
    /// `yParity` (0 or 1), `r` and `s`.
    pub signature: Signature,
}

impl SignedAuthorization {
    /// The list item `[chainId, address, nonce, yParity, r, s]`, `r` and `s` as minimal
    /// integers.
    pub(super) fn rlp(&self) -> rlp::List {
        let mut list = self.authorization.fields();
        list.u64(u64::from(self.signature.y_parity))
            .uint(&self.signature.r)
            .uint(&self.signature.s);
        list
    }

    /// The JSON-RPC form, which a type-4 request's `authorizationList` takes back:
    /// `{"chainId","address","nonce","yParity","r","s"}`, integers as minimal `0x` quantities,
    /// the address EIP-55 checksummed.
    pub fn to_json(&self) -> String {
        let a = &self.authorization;
        let s = &self.signature;
        let mut out = String::with_capacity(256);
        out.push_str(r#"{"chainId":""#);
        push_quantity(&mut out, &a.chain_id.to_be_bytes());
        out.push_str(r#"","address":""#);
        out.push_str(&a.address.to_checksum());
        out.push_str(r#"","nonce":""#);
        push_quantity(&mut out, &a.nonce.to_be_bytes());
        out.push_str(r#"","yParity":""#);
        push_quantity(&mut out, &[s.y_parity]);
        out.push_str(r#"","r":""#);
        push_quantity(&mut out, &s.r);
        out.push_str(r#"","s":""#);
        push_quantity(&mut out, &s.s);
        out.push_str(r#""}"#);
        out
    }
}

/// Appends `0x` + the big-endian integer in minimal hex digits (`0x0` for zero).
fn push_quantity(out: &mut String, be: &[u8]) {
    out.push_str("0x");
    match rlp::strip_leading_zeros(be).split_first() {
        None => out.push('0'),
        Some((&first, rest)) => {
            if first < 0x10 {
                out.extend(char::from_digit(u32::from(first), 16));
            } else {
                crate::hex::push_lower(out, &[first]);
            }
            crate::hex::push_lower(out, rest);
        }
    }
}

/// An authorization request could not be read (code `INVALID_AUTHORIZATION`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationError {
    /// A short lower-case description, e.g. "missing address" or "nonce is not a quantity".
    pub reason: &'static str,
}

impl AuthorizationError {
    /// The stable code: `INVALID_AUTHORIZATION`.
    pub fn code(&self) -> &'static str {
        "INVALID_AUTHORIZATION"
    }
}

impl fmt::Display for AuthorizationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid authorization: {}", self.reason)
    }
}

impl std::error::Error for AuthorizationError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    fn quantity(be: &[u8]) -> String {
        let mut out = String::new();
        push_quantity(&mut out, be);
        out
    }

    #[test]
    fn quantities_are_minimal() {
        assert_eq!(quantity(&0u64.to_be_bytes()), "0x0");
        assert_eq!(quantity(&1u64.to_be_bytes()), "0x1");
        assert_eq!(quantity(&0x10u64.to_be_bytes()), "0x10");
        assert_eq!(quantity(&0x0abcu64.to_be_bytes()), "0xabc");
        assert_eq!(quantity(&0x0a0bu64.to_be_bytes()), "0xa0b");
        assert_eq!(quantity(&[0xff; 32]), format!("0x{}", "f".repeat(64)));
    }

    #[test]
    fn payload_is_magic_then_rlp() {
        let auth = Authorization {
            chain_id: 1,
            address: Address([0x11; 20]),
            nonce: 0,
        };
        let mut expected = vec![0x05, 0xd7, 0x01, 0x94];
        expected.extend_from_slice(&[0x11; 20]);
        expected.push(0x80);
        assert_eq!(auth.encode_for_signing(), expected);
        assert_eq!(auth.signing_hash(), keccak256(&expected));
    }
}
