//! BIP39 Secret Recovery Phrases (English list): generation, tolerant parsing, phrase → seed.
//!
//! The phrase is held as a [`bip39::Mnemonic`], which stores the 11-bit word indices (not the
//! words as text) and, with the `zeroize` feature this crate enables, wipes them on drop. Typed
//! phrases are lower-cased into a [`Zeroizing`] buffer before parsing, so the only plain copies of
//! a phrase are the caller's own.

use crate::error::{Error, PhraseError};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// The BIP39 English word list (2048 words, sorted).
const ENGLISH: bip39::Language = bip39::Language::English;

// Compile-time proof that the wrapped phrase wipes its word indices on drop (bip39's `zeroize`
// feature). If a future bip39 dropped that, this stops compiling instead of silently leaking.
const _: fn() = || {
    fn zeroizes_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    zeroizes_on_drop::<bip39::Mnemonic>();
};

/// BIP39's PBKDF2 salt is `"mnemonic"` followed by the (NFKD-normalized) passphrase.
const SEED_SALT_PREFIX: &[u8] = b"mnemonic";
/// BIP39's PBKDF2 iteration count.
const SEED_ITERATIONS: u32 = 2048;

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
    ///
    /// The entropy is `word_count * 4 / 3` bytes (16 to 32) read with [`getrandom::fill`] into a
    /// buffer that is wiped afterwards; the phrase is its BIP39 encoding.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `word_count` is not 12, 15, 18, 21 or 24, or if the operating
    /// system's random number generator fails.
    pub fn generate(word_count: usize) -> Result<Self, Error> {
        let entropy_len = match word_count {
            12 => 16,
            15 => 20,
            18 => 24,
            21 => 28,
            24 => 32,
            _ => {
                return Err(Error::InvalidArgument(
                    "word count must be 12, 15, 18, 21 or 24",
                ))
            }
        };
        let mut buffer = Zeroizing::new([0u8; 32]);
        let entropy = buffer.get_mut(..entropy_len).ok_or(Error::InvalidArgument(
            "word count must be 12, 15, 18, 21 or 24",
        ))?;
        getrandom::fill(entropy)
            .map_err(|_| Error::InvalidArgument("the system random number generator failed"))?;
        Self::from_entropy(entropy)
    }

    /// The phrase for this entropy (16, 20, 24, 28 or 32 bytes), as BIP39 specifies: the entropy
    /// followed by the first `len / 4` bits of its SHA-256, split into 11-bit word indices.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if the entropy is not 16, 20, 24, 28 or 32 bytes long.
    pub fn from_entropy(entropy: &[u8]) -> Result<Self, Error> {
        bip39::Mnemonic::from_entropy_in(ENGLISH, entropy)
            .map(Self)
            .map_err(|_| Error::InvalidArgument("entropy must be 16, 20, 24, 28 or 32 bytes"))
    }

    /// Parses a typed phrase: any case, any whitespace between words; checks list and checksum.
    ///
    /// The phrase is lower-cased (ASCII) into a buffer that is wiped afterwards and split on
    /// whitespace (spaces, tabs, newlines, non-breaking spaces, ...).
    ///
    /// # Errors
    /// Checked in this order:
    /// - [`PhraseError::BadWordCount`] if there are not 12, 15, 18, 21 or 24 words;
    /// - [`PhraseError::UnknownWord`] with the 1-based position of the first word that is not in
    ///   the English list;
    /// - [`PhraseError::BadChecksum`] if the last word's checksum bits do not match.
    pub fn parse(phrase: &str) -> Result<Self, PhraseError> {
        // `to_owned` allocates exactly once; `make_ascii_lowercase` works in place, so no
        // reallocation leaves an unwiped copy behind.
        let mut lowered = Zeroizing::new(phrase.to_owned());
        lowered.make_ascii_lowercase();
        bip39::Mnemonic::parse_in_normalized(ENGLISH, &lowered)
            .map(Self)
            .map_err(|e| match e {
                bip39::Error::BadWordCount(count) => PhraseError::BadWordCount { count },
                bip39::Error::UnknownWord(index) => PhraseError::UnknownWord {
                    position: index.saturating_add(1),
                },
                // `parse_in_normalized` reports nothing else; these cannot happen for a phrase
                // that passed the word-count and word-list checks.
                bip39::Error::InvalidChecksum
                | bip39::Error::BadEntropyBitCount(_)
                | bip39::Error::AmbiguousLanguages(_) => PhraseError::BadChecksum,
            })
    }

    /// The phrase, lower-case words separated by single spaces.
    pub fn phrase(&self) -> Zeroizing<String> {
        // Reserve the exact length first so the buffer never reallocates (which would leave an
        // unwiped copy of part of the phrase in freed memory).
        let len = self
            .0
            .words()
            .map(str::len)
            .sum::<usize>()
            .saturating_add(self.word_count().saturating_sub(1));
        let mut out = Zeroizing::new(String::with_capacity(len));
        for (i, word) in self.0.words().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.0.word_count()
    }

    /// BIP39 seed with the empty passphrase (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic").
    ///
    /// The 64 bytes are PBKDF2-HMAC-SHA512(password = the phrase as single-spaced UTF-8 words,
    /// salt = `"mnemonic"`, 2048 iterations).
    pub fn to_seed(&self) -> Seed {
        self.seed_with_salt(SEED_SALT_PREFIX)
    }

    /// PBKDF2-HMAC-SHA512(the single-spaced phrase, `salt`, 2048 iterations).
    ///
    /// RustCrypto's `pbkdf2` + `hmac` + `sha2` (the SHA-512 that BIP32 uses too) rather than
    /// bip39's own `to_seed_normalized`, which runs `bitcoin_hashes`' PBKDF2 and SHA-512: one
    /// SHA-512 in the .wasm instead of two (README, Benchmarks). The phrase text lives in a
    /// [`Zeroizing`] buffer ([`Self::phrase`]); the HMAC state wipes itself (`zeroize` features).
    fn seed_with_salt(&self, salt: &[u8]) -> Seed {
        let phrase = self.phrase();
        let mut seed = Zeroizing::new([0u8; 64]);
        pbkdf2::pbkdf2_hmac::<sha2::Sha512>(
            phrase.as_bytes(),
            salt,
            SEED_ITERATIONS,
            seed.as_mut_slice(),
        );
        Seed(seed)
    }

    /// BIP39 seed with a passphrase: PBKDF2-HMAC-SHA512(the phrase, salt = `"mnemonic"` ‖
    /// passphrase, 2048 iterations), 64 bytes.
    ///
    /// Only ASCII passphrases are accepted, for which BIP39's NFKD normalization is the identity.
    /// Keystead itself never uses a passphrase (MetaMask does not); this exists so the official
    /// vectors (passphrase `"TREZOR"`) can be checked.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if the passphrase contains a non-ASCII character.
    pub fn to_seed_with_passphrase(&self, passphrase: &str) -> Result<Seed, Error> {
        if !passphrase.is_ascii() {
            return Err(Error::InvalidArgument("the passphrase must be ascii"));
        }
        let mut salt = Zeroizing::new(Vec::with_capacity(
            SEED_SALT_PREFIX.len().saturating_add(passphrase.len()),
        ));
        salt.extend_from_slice(SEED_SALT_PREFIX);
        salt.extend_from_slice(passphrase.as_bytes());
        Ok(self.seed_with_salt(&salt))
    }

    /// Constant-time equality of the two phrases.
    ///
    /// Compares the entropy (and its length) without branching on secret data; the temporary
    /// entropy arrays are wiped.
    pub fn ct_eq(&self, other: &Self) -> subtle::Choice {
        let (a, a_len) = self.0.to_entropy_array();
        let a = Zeroizing::new(a);
        let (b, b_len) = other.0.to_entropy_array();
        let b = Zeroizing::new(b);
        // The array also carries the checksum bits after the entropy; they are a function of the
        // entropy, so comparing the whole array is the same as comparing the entropy.
        a.as_slice().ct_eq(b.as_slice()) & (a_len as u64).ct_eq(&(b_len as u64))
    }
}

/// Checks a typed phrase without keeping it.
///
/// # Errors
/// The same as [`Mnemonic::parse`].
pub fn validate_phrase(phrase: &str) -> Result<(), PhraseError> {
    Mnemonic::parse(phrase).map(|_| ())
}

/// Up to `limit` list words starting with `prefix` (case-insensitive), in list order.
///
/// An empty prefix gives an empty list (a suggestion box should not offer the whole list).
pub fn word_suggestions(prefix: &str, limit: usize) -> Vec<&'static str> {
    if prefix.is_empty() {
        return Vec::new();
    }
    // A prefix is part of a phrase being typed: keep the lower-cased copy in a wiped buffer.
    let mut lowered = Zeroizing::new(prefix.to_owned());
    lowered.make_ascii_lowercase();
    ENGLISH.words_by_prefix_iter(&lowered).take(limit).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn phrase_has_exact_capacity() {
        let m = Mnemonic::from_entropy(&[0u8; 16]).unwrap();
        let p = m.phrase();
        assert_eq!(p.len(), p.capacity());
        assert_eq!(
            p.as_str(),
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
             abandon about"
        );
    }

    #[test]
    fn ct_eq_distinguishes_lengths_and_content() {
        let a12 = Mnemonic::from_entropy(&[0u8; 16]).unwrap();
        let b12 = Mnemonic::from_entropy(&[0u8; 16]).unwrap();
        let c12 = Mnemonic::from_entropy(&[1u8; 16]).unwrap();
        let a24 = Mnemonic::from_entropy(&[0u8; 32]).unwrap();
        assert!(bool::from(a12.ct_eq(&b12)));
        assert!(!bool::from(a12.ct_eq(&c12)));
        assert!(!bool::from(a12.ct_eq(&a24)));
    }

    #[test]
    fn from_entropy_rejects_bad_lengths() {
        for len in [0usize, 12, 15, 17, 33, 36] {
            assert!(matches!(
                Mnemonic::from_entropy(&vec![0u8; len]),
                Err(Error::InvalidArgument(_))
            ));
        }
    }

    #[test]
    fn passphrase_must_be_ascii() {
        let m = Mnemonic::from_entropy(&[0u8; 16]).unwrap();
        assert!(matches!(
            m.to_seed_with_passphrase("pässword"),
            Err(Error::InvalidArgument(_))
        ));
        // The empty passphrase is the same as `to_seed`.
        assert_eq!(
            m.to_seed_with_passphrase("").unwrap().as_bytes(),
            m.to_seed().as_bytes()
        );
    }
}
