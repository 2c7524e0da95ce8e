//! secp256k1 private keys and recoverable ECDSA signatures, as Ethereum uses them.

use crate::eth::Address;
use core::fmt;
use ecdsa::hazmat::sign_prehashed;
use hmac::digest::FixedOutput;
use hmac::{Hmac, KeyInit, Mac};
use k256::ecdsa::{RecoveryId, SigningKey, VerifyingKey};
use k256::elliptic_curve::ops::Reduce;
use k256::elliptic_curve::scalar::IsHigh;
use k256::elliptic_curve::PrimeField;
use k256::{FieldBytes, NonZeroScalar, Scalar};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// HMAC-SHA256, the PRF of the RFC 6979 nonce generator.
type HmacSha256 = Hmac<Sha256>;

// Compile-time proof that k256 0.14's `SigningKey` wipes its secret scalar on drop.
const _: fn() = || {
    fn zeroizes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    zeroizes_on_drop::<SigningKey>();
};

/// A secp256k1 private key. Zeroized on drop, constant-time equality; never `Copy`, `Debug`, `Display`.
pub struct PrivateKey(SigningKey);

/// A recoverable ECDSA signature with low s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// `r`, 32 bytes big-endian.
    pub r: [u8; 32],
    /// `s`, 32 bytes big-endian (at most n/2 when produced by [`PrivateKey::sign_hash`]).
    pub s: [u8; 32],
    /// 0 or 1: the parity of the y coordinate of the nonce point R.
    pub y_parity: u8,
}

/// Strips an optional `0x` / `0X` prefix.
fn strip_0x(s: &str) -> &str {
    s.strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s)
}

/// Copies a 32-byte field element into a plain array.
fn field_bytes_to_array(bytes: &FieldBytes) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (dst, src) in out.iter_mut().zip(bytes.iter()) {
        *dst = *src;
    }
    out
}

impl PrivateKey {
    /// From 32 big-endian bytes (rejects 0 and ≥ n).
    ///
    /// # Errors
    /// [`KeyError::NotHex`] if `bytes` is not 32 bytes long (the same error [`Self::from_hex`]
    /// gives for the wrong number of digits); [`KeyError::OutOfRange`] if the number is 0 or not
    /// below the secp256k1 group order n.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        if bytes.len() != 32 {
            return Err(KeyError::NotHex);
        }
        let mut field = Zeroizing::new(FieldBytes::default());
        for (dst, src) in field.iter_mut().zip(bytes.iter()) {
            *dst = *src;
        }
        SigningKey::from_bytes(&field)
            .map(Self)
            .map_err(|_| KeyError::OutOfRange)
    }

    /// From 64 hex digits, optional `0x`, surrounding whitespace ignored.
    ///
    /// # Errors
    /// [`KeyError::NotHex`] unless the trimmed input is an optional `0x` followed by exactly 64
    /// hex digits (either case); [`KeyError::OutOfRange`] if the number is 0 or ≥ n.
    pub fn from_hex(s: &str) -> Result<Self, KeyError> {
        let digits = strip_0x(s.trim());
        let mut bytes = Zeroizing::new([0u8; 32]);
        crate::hex::decode_into(digits.as_bytes(), bytes.as_mut_slice()).ok_or(KeyError::NotHex)?;
        Self::from_bytes(bytes.as_slice())
    }

    /// Wraps a non-zero scalar (used by BIP32 derivation).
    pub(crate) fn from_signing_key(key: SigningKey) -> Self {
        Self(key)
    }

    /// A second copy of this key (kept crate-private so copies are deliberate).
    pub(crate) fn duplicate(&self) -> Self {
        Self(self.0.clone())
    }

    /// `0x` + 64 lower-case hex digits.
    pub fn to_hex(&self) -> Zeroizing<String> {
        let bytes = self.to_bytes();
        let mut out = Zeroizing::new(String::with_capacity(66));
        out.push_str("0x");
        crate::hex::push_lower(&mut out, bytes.as_slice());
        out
    }

    /// The 32 key bytes.
    pub fn to_bytes(&self) -> Zeroizing<[u8; 32]> {
        let field = Zeroizing::new(self.0.to_bytes());
        Zeroizing::new(field_bytes_to_array(&field))
    }

    /// The Ethereum address of this key: see [`Address::from_public_key`].
    pub fn address(&self) -> Address {
        Address::from_public_key(self.0.verifying_key())
    }

    /// The public key.
    pub fn verifying_key(&self) -> VerifyingKey {
        *self.0.verifying_key()
    }

    /// The k256 signing key, for the crate's own signing code (EIP-191, EIP-712, transactions).
    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.0
    }

    /// RFC 6979 deterministic, low-s, recoverable signature of a 32-byte hash.
    ///
    /// The nonce is RFC 6979 with HMAC-SHA256 over the key and `hash` (no extra entropy), so
    /// the same key and hash always give the same signature. `s` is normalized to at most n/2
    /// (EIP-2), flipping `y_parity` accordingly. The recovery id's "x reduced" bit (r ≥ n,
    /// probability about 2^-128) cannot be expressed in Ethereum's `v` and is not represented.
    pub fn sign_hash(&self, hash: &[u8; 32]) -> Signature {
        let (signature, recovery_id) = rfc6979_sign(self.0.as_nonzero_scalar(), hash);
        let mut y_parity = u8::from(recovery_id.is_y_odd());
        // k256 already normalizes s (Secp256k1::NORMALIZE_S); this keeps the guarantee even if
        // that ever changed.
        let signature = if bool::from(signature.s().is_high()) {
            y_parity ^= 1;
            signature.normalize_s()
        } else {
            signature
        };
        let (r, s) = signature.split_bytes();
        Signature {
            r: field_bytes_to_array(&r),
            s: field_bytes_to_array(&s),
            y_parity,
        }
    }

    /// Constant-time equality of the two secret scalars.
    pub fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.0.ct_eq(&other.0)
    }
}

/// `HMAC_key(parts…)` into `out`.
fn hmac_into(key: &HmacSha256, parts: &[&[u8]], out: &mut FieldBytes) {
    let mut mac = key.clone();
    for part in parts {
        mac.update(part);
    }
    mac.finalize_into(out);
}

/// A keyed HMAC-SHA256 state. HMAC accepts keys of any length, so the fallback (an all-zero
/// key) is never taken.
fn hmac_key(key: &FieldBytes) -> HmacSha256 {
    <HmacSha256 as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha256 as KeyInit>::new(&Default::default()))
}

/// ECDSA over secp256k1 with the RFC 6979 (section 3.2) HMAC-SHA256 nonce, as k256's
/// `SigningKey::sign_prehash_recoverable` computes it (same signature, same recovery id, low s):
/// the same HMAC_DRBG steps, but each keyed HMAC state is set up once and cloned instead of
/// re-keyed per call, and the DRBG is not advanced after a nonce that is accepted (k256 does
/// that eagerly for a possible next candidate). For secp256k1 qlen = hlen = 256, so
/// `bits2int(h)` is `h` itself and `bits2octets(h)` is `h mod n`; `K`, `V` and the keyed HMAC
/// states are wiped on drop (the candidate nonce scalar is a stack copy, as in k256).
fn rfc6979_sign(d: &NonZeroScalar, hash: &[u8; 32]) -> (k256::ecdsa::Signature, RecoveryId) {
    let x = Zeroizing::new(d.to_repr());
    let h1 = <Scalar as Reduce<FieldBytes>>::reduce(&FieldBytes::from(*hash)).to_repr();
    // Steps b-c: V = 0x01 * 32, K = 0x00 * 32.
    let mut v = Zeroizing::new(FieldBytes::from([1u8; 32]));
    let mut k = Zeroizing::new(FieldBytes::default());
    // Step d: K = HMAC_K(V || 0x00 || x || h1); step e: V = HMAC_K(V).
    let zero_key = hmac_key(&k);
    hmac_into(&zero_key, &[&v, &[0x00], &x, &h1], &mut k);
    let mut key = hmac_key(&k);
    let mut next = Zeroizing::new(FieldBytes::default());
    hmac_into(&key, &[&v], &mut next);
    core::mem::swap(&mut *v, &mut *next);
    // Step f: K = HMAC_K(V || 0x01 || x || h1); step g: V = HMAC_K(V).
    hmac_into(&key, &[&v, &[0x01], &x, &h1], &mut k);
    key = hmac_key(&k);
    hmac_into(&key, &[&v], &mut next);
    core::mem::swap(&mut *v, &mut *next);
    loop {
        // Step h: V = HMAC_K(V) is the candidate (tlen = qlen = 256).
        hmac_into(&key, &[&v], &mut next);
        core::mem::swap(&mut *v, &mut *next);
        if let Some(nonce) = NonZeroScalar::from_repr(*v).into_option() {
            if let Ok(signed) = sign_prehashed(d, &nonce, hash) {
                return signed;
            }
        }
        // Step h.3: K = HMAC_K(V || 0x00), V = HMAC_K(V).
        hmac_into(&key, &[&v, &[0x00]], &mut k);
        key = hmac_key(&k);
        hmac_into(&key, &[&v], &mut next);
        core::mem::swap(&mut *v, &mut *next);
    }
}

impl Signature {
    /// 65 bytes r‖s‖v with v = 27 + y_parity (the personal_sign / typed-data form).
    pub fn to_rsv_bytes(&self) -> [u8; 65] {
        let v = 27u8.saturating_add(self.y_parity);
        let mut out = [0u8; 65];
        for (dst, src) in out.iter_mut().zip(
            self.r
                .iter()
                .chain(self.s.iter())
                .chain(core::iter::once(&v)),
        ) {
            *dst = *src;
        }
        out
    }

    /// `0x` + hex of [`Signature::to_rsv_bytes`] (132 characters, lower-case).
    pub fn to_rsv_hex(&self) -> String {
        let mut out = String::with_capacity(132);
        out.push_str("0x");
        crate::hex::push_lower(&mut out, &self.to_rsv_bytes());
        out
    }

    /// Parses 65 bytes of hex r‖s‖v, v ∈ {0, 1, 27, 28}.
    ///
    /// Only the shape is checked here; whether r and s are valid scalars is checked by
    /// [`Signature::recover`].
    ///
    /// # Errors
    /// [`SignatureError::Malformed`] unless the input is an optional `0x` followed by exactly 130
    /// hex digits; [`SignatureError::BadRecoveryId`] if v is not 0, 1, 27 or 28.
    pub fn parse_rsv_hex(s: &str) -> Result<Self, SignatureError> {
        let digits = strip_0x(s.trim());
        let mut bytes = [0u8; 65];
        crate::hex::decode_into(digits.as_bytes(), &mut bytes).ok_or(SignatureError::Malformed)?;
        let (v, rs) = bytes.split_last().ok_or(SignatureError::Malformed)?;
        let (r, s) = rs.split_at_checked(32).ok_or(SignatureError::Malformed)?;
        let y_parity = match *v {
            0 | 27 => 0,
            1 | 28 => 1,
            _ => return Err(SignatureError::BadRecoveryId),
        };
        Ok(Self {
            r: r.try_into().map_err(|_| SignatureError::Malformed)?,
            s: s.try_into().map_err(|_| SignatureError::Malformed)?,
            y_parity,
        })
    }

    /// The address whose key made this signature over `hash`.
    ///
    /// Works for any valid signature, including high-s ones (as Ethereum's `ecrecover` does):
    /// recovery is not a signing path, so malleability does not matter here. Signatures this
    /// crate produces are always low-s.
    ///
    /// # Errors
    /// [`SignatureError::BadRecoveryId`] if `y_parity` is not 0 or 1;
    /// [`SignatureError::Unrecoverable`] if r or s is 0 or not below n, or no curve point has
    /// x = r (so no public key recovers).
    pub fn recover(&self, hash: &[u8; 32]) -> Result<Address, SignatureError> {
        let is_y_odd = match self.y_parity {
            0 => false,
            1 => true,
            _ => return Err(SignatureError::BadRecoveryId),
        };
        let signature = k256::ecdsa::Signature::from_scalars(
            FieldBytes::from(self.r),
            FieldBytes::from(self.s),
        )
        .map_err(|_| SignatureError::Unrecoverable)?;
        let key =
            VerifyingKey::recover_from_prehash(hash, &signature, RecoveryId::new(is_y_odd, false))
                .map_err(|_| SignatureError::Unrecoverable)?;
        Ok(Address::from_public_key(&key))
    }
}

/// A private key was not a valid secp256k1 secret scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// Not 32 bytes of hex (an optional `0x` prefix is allowed).
    NotHex,
    /// Zero, or not below the curve order.
    OutOfRange,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotHex => f.write_str("a private key is 64 hexadecimal characters"),
            Self::OutOfRange => f.write_str("the private key is outside the secp256k1 range"),
        }
    }
}

impl std::error::Error for KeyError {}

/// A signature could not be parsed or recovered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// Not 65 bytes of hex r‖s‖v.
    Malformed,
    /// v is not 0, 1, 27 or 28.
    BadRecoveryId,
    /// No public key recovers from this signature and hash.
    Unrecoverable,
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed => f.write_str("a signature is 65 bytes of hex (r, s, v)"),
            Self::BadRecoveryId => f.write_str("signature v must be 27 or 28"),
            Self::Unrecoverable => f.write_str("no signer can be recovered from this signature"),
        }
    }
}

impl std::error::Error for SignatureError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn to_bytes_round_trips() {
        let key = PrivateKey::from_hex(
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        )
        .unwrap();
        let again = PrivateKey::from_bytes(key.to_bytes().as_slice()).unwrap();
        assert!(bool::from(key.ct_eq(&again)));
        assert!(bool::from(key.ct_eq(&key.duplicate())));
        assert_eq!(
            key.to_hex().as_str(),
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
        );
    }

    #[test]
    fn rfc6979_matches_k256() {
        // Keys and hashes from a simple generator, plus hashes at and above the group order
        // (bits2octets reduces them) and the extremes.
        let mut seed = [0x5au8; 32];
        let mut hashes: Vec<[u8; 32]> = vec![[0u8; 32], [0xffu8; 32]];
        let n = hex::decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
            .unwrap();
        let mut at_n = [0u8; 32];
        at_n.copy_from_slice(&n);
        hashes.push(at_n);
        at_n[31] += 1;
        hashes.push(at_n);
        for _ in 0..64 {
            seed = crate::eth::keccak256(&seed);
            hashes.push(seed);
        }
        for (i, hash) in hashes.iter().enumerate() {
            let key = PrivateKey::from_bytes(&crate::eth::keccak256(&[i as u8; 7])).unwrap();
            let (expected, id) = key.signing_key().sign_prehash_recoverable(hash);
            let ours = key.sign_hash(hash);
            let (r, s) = expected.split_bytes();
            assert_eq!(ours.r.as_slice(), r.as_slice());
            assert_eq!(ours.s.as_slice(), s.as_slice());
            assert_eq!(ours.y_parity, u8::from(id.is_y_odd()));
        }
    }

    #[test]
    fn from_bytes_rejects_wrong_length() {
        assert_eq!(
            PrivateKey::from_bytes(&[1u8; 31]).err(),
            Some(KeyError::NotHex)
        );
        assert_eq!(
            PrivateKey::from_bytes(&[1u8; 33]).err(),
            Some(KeyError::NotHex)
        );
    }

    #[test]
    fn recover_rejects_bad_parity_and_scalars() {
        let key = PrivateKey::from_bytes(&[7u8; 32]).unwrap();
        let mut sig = key.sign_hash(&[9u8; 32]);
        assert_eq!(sig.recover(&[9u8; 32]).unwrap(), key.address());
        sig.y_parity = 2;
        assert_eq!(
            sig.recover(&[9u8; 32]).err(),
            Some(SignatureError::BadRecoveryId)
        );
        sig.y_parity = 0;
        sig.r = [0u8; 32];
        assert_eq!(
            sig.recover(&[9u8; 32]).err(),
            Some(SignatureError::Unrecoverable)
        );
        sig.r = [0xffu8; 32];
        assert_eq!(
            sig.recover(&[9u8; 32]).err(),
            Some(SignatureError::Unrecoverable)
        );
    }
}
