//! The phrase guard's fingerprint of a Secret Recovery Phrase.
//!
//! The extension's content script warns when a page receives something that looks like a
//! recovery phrase. To say whether it is *this wallet's* phrase without sending the words to the
//! worker, it sends only [`phrase_guard_hash`] of the normalized words, and the core compares it
//! with the same hash of its own phrase in constant time ([`is_own_phrase_hash`]).
//!
//! The hash, defined here and nowhere else in the core (the content script's twin is
//! `extension/content/phrase-guard/fingerprint.js`): SHA-256 over the UTF-8 bytes of
//! [`DOMAIN`] followed by the phrase's words in lower case, separated by single spaces.

use sha2::digest::Output;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use core::fmt;

use crate::hex;

/// Prefix that keeps the fingerprint apart from a plain SHA-256 of the phrase.
pub const DOMAIN: &str = "keystead phrase guard v1\n";

/// Bytes of the fingerprint.
pub const HASH_LEN: usize = 32;

/// A phrase fingerprint given in the wrong form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GuardHashError {
    /// Not 64 hexadecimal characters.
    BadHash,
}

impl GuardHashError {
    /// The stable code (`docs/core-api.md`): `INVALID_ARGUMENT`.
    pub fn code(&self) -> &'static str {
        "INVALID_ARGUMENT"
    }
}

impl fmt::Display for GuardHashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid argument: a phrase hash is 64 hexadecimal characters")
    }
}

impl std::error::Error for GuardHashError {}

/// The fingerprint of a normalized phrase (lower-case words joined by single spaces).
pub fn phrase_guard_hash(normalized: &str) -> Zeroizing<[u8; HASH_LEN]> {
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN.as_bytes());
    hasher.update(normalized.as_bytes());
    let mut digest = Zeroizing::new(Output::<Sha256>::default());
    hasher.finalize_into(&mut digest);
    let mut out = Zeroizing::new([0u8; HASH_LEN]);
    out.copy_from_slice(digest.as_slice());
    out
}

/// Reads a fingerprint given as 64 hex digits (no prefix, either case).
///
/// # Errors
/// [`GuardHashError::BadHash`] for anything else.
pub fn parse_hash(hash_hex: &str) -> Result<Zeroizing<[u8; HASH_LEN]>, GuardHashError> {
    let mut out = Zeroizing::new([0u8; HASH_LEN]);
    hex::decode_into(hash_hex.as_bytes(), out.as_mut_slice()).ok_or(GuardHashError::BadHash)?;
    Ok(out)
}

/// Whether `hash` is the fingerprint of `normalized_phrase`, compared in constant time.
pub fn is_own_phrase_hash(normalized_phrase: &str, hash: &[u8; HASH_LEN]) -> bool {
    bool::from(phrase_guard_hash(normalized_phrase).ct_eq(hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASE: &str = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    #[test]
    fn hash_is_sha256_of_domain_and_phrase() {
        let mut text = String::from(DOMAIN);
        text.push_str(PHRASE);
        let expected = Sha256::digest(text.as_bytes());
        assert_eq!(phrase_guard_hash(PHRASE).as_slice(), expected.as_slice());
    }

    #[test]
    fn parse_hash_accepts_only_64_hex_digits() {
        let hex_text: String = phrase_guard_hash(PHRASE)
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        assert_eq!(
            parse_hash(&hex_text).map(|h| *h),
            Ok(*phrase_guard_hash(PHRASE))
        );
        for bad in [
            "",
            "0x00",
            &hex_text[..62],
            &format!("{hex_text}00"),
            &"zz".repeat(32),
        ] {
            assert_eq!(
                parse_hash(bad).map(|h| *h).map_err(|e| e.code()),
                Err("INVALID_ARGUMENT")
            );
        }
    }

    #[test]
    fn matches_only_the_same_phrase() {
        let hash = phrase_guard_hash(PHRASE);
        assert!(is_own_phrase_hash(PHRASE, &hash));
        assert!(!is_own_phrase_hash(
            &PHRASE.replace("about", "abandon"),
            &hash
        ));
        assert!(!is_own_phrase_hash(PHRASE, &[0u8; HASH_LEN]));
    }
}
