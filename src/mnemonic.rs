//! BIP39 Secret Recovery Phrases (English list): generation, tolerant parsing, phrase → seed.
//! STUB: signatures fixed, bodies to be written.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::{Error, PhraseError};
use zeroize::Zeroizing;

/// A valid BIP39 phrase. Holds word indices, zeroized on drop; never `Copy`, `Debug` or `Display`.
pub struct Mnemonic(bip39::Mnemonic);

/// A 64-byte BIP39 seed (empty passphrase), zeroized on drop.
pub struct Seed(pub(crate) Zeroizing<[u8; 64]>);

impl Seed {
    /// The 64 seed bytes.
    pub fn as_bytes(&self) -> &[u8; 64] {
        &self.0
    }
}

impl Mnemonic {
    /// A new phrase of `word_count` words (12, 15, 18, 21 or 24) from OS randomness.
    pub fn generate(word_count: usize) -> Result<Self, Error> {
        todo!()
    }
    /// The phrase for this entropy (16, 20, 24, 28 or 32 bytes).
    pub fn from_entropy(entropy: &[u8]) -> Result<Self, Error> {
        todo!()
    }
    /// Parses a typed phrase: any case, any whitespace between words; checks list and checksum.
    pub fn parse(phrase: &str) -> Result<Self, PhraseError> {
        todo!()
    }
    /// The phrase, lower-case words separated by single spaces.
    pub fn phrase(&self) -> Zeroizing<String> {
        todo!()
    }
    /// Number of words.
    pub fn word_count(&self) -> usize {
        todo!()
    }
    /// BIP39 seed with the empty passphrase (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic").
    pub fn to_seed(&self) -> Seed {
        todo!()
    }
    /// Constant-time equality of the two phrases.
    pub fn ct_eq(&self, other: &Self) -> subtle::Choice {
        todo!()
    }
}

/// Checks a typed phrase without keeping it.
pub fn validate_phrase(phrase: &str) -> Result<(), PhraseError> {
    todo!()
}

/// Up to `limit` list words starting with `prefix` (case-insensitive), in list order.
pub fn word_suggestions(prefix: &str, limit: usize) -> Vec<&'static str> {
    todo!()
}
