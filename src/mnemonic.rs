//! BIP39 Secret Recovery Phrases (English list): generation, tolerant parsing, phrase → seed.
//!
//! Written out from the BIP39 text with `sha2` (checksum, PBKDF2-HMAC-SHA512 seed), so the core
//! carries one SHA-2 implementation and a compact word list instead of the `bip39` crate's
//! `bitcoin_hashes` and its table of 2048 string slices (docs/benchmarks.md: 8.4 KB less gzipped).
//! A phrase is held as its entropy in a [`Zeroizing`] buffer; words are looked up when needed.
//! Typed phrases are lower-cased into a [`Zeroizing`] buffer before parsing, so the only plain
//! copies of a phrase are the caller's own.

use crate::wordlist::{self, SLOT};
use core::fmt;
use std::sync::LazyLock;

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// The BIP39 English word list, one word per line, sorted (the file of the BIP39 repository,
/// SHA-256 `2f5eed53…24dbda`).
const ENGLISH_TEXT: &str = include_str!("bip39-english.txt");
/// Number of words in the list.
const LIST_LEN: usize = 2048;
/// The list laid out at compile time in 2048 slots (see [`wordlist::pack`]). The build fails
/// unless the text has exactly 2048 lines of 1 to 8 lower-case ASCII letters in strictly
/// increasing order.
const PACKED: [u8; LIST_LEN * SLOT] =
    wordlist::pack::<LIST_LEN, { LIST_LEN * SLOT }>(ENGLISH_TEXT.as_bytes());
/// The list as the `.wasm` carries it: front-coded (see [`wordlist::front_code`]; 8.3 KB raw).
static CODED: [u8; wordlist::front_coded_len(&PACKED)] = wordlist::front_code(&PACKED);
/// The slots, rebuilt from [`CODED`] on first use.
static ENGLISH: LazyLock<Vec<u8>> = LazyLock::new(|| wordlist::unpack(&CODED, LIST_LEN));

/// Word `index` (below 2048) of the list; `""` past the end.
fn word(index: usize) -> &'static str {
    wordlist::word(ENGLISH.as_slice(), index)
}

/// The list index of `w`, by binary search.
fn index_of(w: &str) -> Option<usize> {
    wordlist::index_of(ENGLISH.as_slice(), w)
}

/// A valid BIP39 phrase: its entropy (16 to 32 bytes). Zeroized on drop; never `Copy`,
/// `Debug` or `Display`.
pub struct Mnemonic {
    entropy: Zeroizing<[u8; 32]>,
    len: usize,
}

/// BIP39's PBKDF2 salt is `"mnemonic"` followed by the (NFKD-normalized) passphrase.
const SEED_SALT_PREFIX: &[u8] = b"mnemonic";
/// BIP39's PBKDF2 iteration count.
const SEED_ITERATIONS: u32 = 2048;

/// A 64-byte BIP39 seed (empty passphrase), zeroized on drop.
pub struct Seed(pub(crate) Zeroizing<[u8; 64]>);

impl Seed {
    /// The 64 seed bytes.
    pub fn as_bytes(&self) -> &[u8; 64] {
        &self.0
    }
}

/// Bit `i` (0 = most significant bit of byte 0) of `bytes`.
fn bit(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i / 8)
        .is_some_and(|b| (b >> (7 - i % 8)) & 1 == 1)
}

impl Mnemonic {
    /// A new phrase of `word_count` words (12, 15, 18, 21 or 24) from OS randomness.
    ///
    /// The entropy is `word_count * 4 / 3` bytes (16 to 32) read with [`getrandom::fill`] into a
    /// buffer that is wiped afterwards; the phrase is its BIP39 encoding.
    ///
    /// # Errors
    /// [`MnemonicError::WordCount`] if `word_count` is not 12, 15, 18, 21 or 24;
    /// [`MnemonicError::RandomUnavailable`] if the operating system's random number generator
    /// fails.
    pub fn generate(word_count: usize) -> Result<Self, MnemonicError> {
        let entropy_len = match word_count {
            12 => 16,
            15 => 20,
            18 => 24,
            21 => 28,
            24 => 32,
            _ => return Err(MnemonicError::WordCount),
        };
        let mut buffer = Zeroizing::new([0u8; 32]);
        let entropy = buffer
            .get_mut(..entropy_len)
            .ok_or(MnemonicError::WordCount)?;
        getrandom::fill(entropy).map_err(|_| MnemonicError::RandomUnavailable)?;
        Self::from_entropy(entropy)
    }

    /// The phrase for this entropy (16, 20, 24, 28 or 32 bytes), as BIP39 specifies: the entropy
    /// followed by the first `len / 4` bits of its SHA-256, split into 11-bit word indices.
    ///
    /// # Errors
    /// [`MnemonicError::EntropyLength`] if the entropy is not 16, 20, 24, 28 or 32 bytes long.
    pub fn from_entropy(entropy: &[u8]) -> Result<Self, MnemonicError> {
        if !matches!(entropy.len(), 16 | 20 | 24 | 28 | 32) {
            return Err(MnemonicError::EntropyLength);
        }
        let mut buffer = Zeroizing::new([0u8; 32]);
        for (dst, src) in buffer.iter_mut().zip(entropy) {
            *dst = *src;
        }
        Ok(Self {
            entropy: buffer,
            len: entropy.len(),
        })
    }

    /// The entropy bytes.
    fn entropy(&self) -> &[u8] {
        self.entropy.get(..self.len).unwrap_or_default()
    }

    /// The 11-bit word indices: the entropy followed by the first `len / 4` bits of its SHA-256.
    fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        let entropy = self.entropy();
        // The checksum bits are part of the phrase: kept in a buffer wiped on drop.
        let mut checksum = Zeroizing::new([0u8; 32]);
        for (dst, src) in checksum.iter_mut().zip(Sha256::digest(entropy)) {
            *dst = src;
        }
        let entropy_bits = self.len * 8;
        (0..self.word_count()).map(move |w| {
            (0..11).fold(0usize, |acc, b| {
                let i = w * 11 + b;
                let set = if i < entropy_bits {
                    bit(entropy, i)
                } else {
                    bit(checksum.as_slice(), i - entropy_bits)
                };
                (acc << 1) | usize::from(set)
            })
        })
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
        let count = lowered.split_whitespace().count();
        if !matches!(count, 12 | 15 | 18 | 21 | 24) {
            return Err(PhraseError::BadWordCount { count });
        }
        // count * 11 bits: the entropy (count * 32 / 3 bits) then its checksum (count / 3 bits).
        let mut bits = Zeroizing::new([0u8; 33]);
        for (position, w) in lowered.split_whitespace().enumerate() {
            let index = index_of(w).ok_or(PhraseError::UnknownWord {
                position: position.saturating_add(1),
            })?;
            for b in 0..11 {
                if (index >> (10 - b)) & 1 == 1 {
                    let i = position * 11 + b;
                    if let Some(byte) = bits.get_mut(i / 8) {
                        *byte |= 0x80 >> (i % 8);
                    }
                }
            }
        }
        let len = count * 4 / 3;
        let mnemonic = Self::from_entropy(bits.get(..len).unwrap_or_default())
            .map_err(|_| PhraseError::BadChecksum)?;
        // Same indices back means the checksum bits match.
        let mut expected = lowered.split_whitespace().map(index_of);
        if mnemonic.indices().all(|i| expected.next() == Some(Some(i))) {
            Ok(mnemonic)
        } else {
            Err(PhraseError::BadChecksum)
        }
    }

    /// The phrase, lower-case words separated by single spaces.
    pub fn phrase(&self) -> Zeroizing<String> {
        // Reserve the exact length first so the buffer never reallocates (which would leave an
        // unwiped copy of part of the phrase in freed memory).
        let len = self
            .words()
            .map(str::len)
            .sum::<usize>()
            .saturating_add(self.word_count().saturating_sub(1));
        let mut out = Zeroizing::new(String::with_capacity(len));
        for (i, word) in self.words().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.len * 3 / 4
    }

    /// The words, in order.
    fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.indices().map(word)
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
    /// RustCrypto's `pbkdf2` + `hmac` + `sha2` (the SHA-512 that BIP32 uses too). The phrase
    /// text lives in a [`Zeroizing`] buffer ([`Self::phrase`]); the HMAC state wipes itself
    /// (`zeroize` features).
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
    /// [`MnemonicError::NonAsciiPassphrase`] if the passphrase contains a non-ASCII character.
    pub fn to_seed_with_passphrase(&self, passphrase: &str) -> Result<Seed, MnemonicError> {
        if !passphrase.is_ascii() {
            return Err(MnemonicError::NonAsciiPassphrase);
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
        self.entropy.as_slice().ct_eq(other.entropy.as_slice())
            & (self.len as u64).ct_eq(&(other.len as u64))
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
    (0..LIST_LEN)
        .map(word)
        .filter(|w| w.starts_with(lowered.as_str()))
        .take(limit)
        .collect()
}

/// A typed Secret Recovery Phrase could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PhraseError {
    /// The phrase does not have 12, 15, 18, 21 or 24 words.
    BadWordCount {
        /// How many words were typed.
        count: usize,
    },
    /// The word at this 1-based position is not in the BIP39 English list.
    UnknownWord {
        /// 1-based position of the first unknown word.
        position: usize,
    },
    /// Every word is in the list, but the checksum does not match: a word is wrong or misplaced.
    BadChecksum,
}

impl fmt::Display for PhraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadWordCount { count } => {
                write!(
                    f,
                    "a recovery phrase has 12, 15, 18, 21 or 24 words, not {count}"
                )
            }
            Self::UnknownWord { position } => {
                write!(f, "word {position} is not in the recovery phrase word list")
            }
            Self::BadChecksum => f.write_str(
                "the recovery phrase checksum does not match: a word is wrong or out of order",
            ),
        }
    }
}

impl std::error::Error for PhraseError {}

/// A phrase could not be made, or turned into a seed, from the arguments given (the caller's
/// mistake or environment, not a typed phrase: that is [`PhraseError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MnemonicError {
    /// A word count other than 12, 15, 18, 21 or 24 was asked for.
    WordCount,
    /// Entropy of a length other than 16, 20, 24, 28 or 32 bytes.
    EntropyLength,
    /// The operating system's random number generator failed.
    RandomUnavailable,
    /// A BIP39 passphrase with a non-ASCII character (NFKD is not applied).
    NonAsciiPassphrase,
}

impl MnemonicError {
    /// The stable code (`docs/core-api.md`): `INVALID_ARGUMENT` for each.
    pub fn code(&self) -> &'static str {
        "INVALID_ARGUMENT"
    }
}

impl fmt::Display for MnemonicError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WordCount => "invalid argument: word count must be 12, 15, 18, 21 or 24",
            Self::EntropyLength => "invalid argument: entropy must be 16, 20, 24, 28 or 32 bytes",
            Self::RandomUnavailable => {
                "invalid argument: the system random number generator failed"
            }
            Self::NonAsciiPassphrase => "invalid argument: the passphrase must be ascii",
        })
    }
}

impl std::error::Error for MnemonicError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn packed_list_round_trips() {
        assert_eq!(word(0), "abandon");
        assert_eq!(word(2047), "zoo");
        assert_eq!(word(2048), "");
        for (i, line) in ENGLISH_TEXT.lines().enumerate() {
            assert_eq!(word(i), line);
            assert_eq!(index_of(line), Some(i));
        }
        assert_eq!(index_of("abandonx"), None);
        assert_eq!(index_of(""), None);
    }

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
                Err(MnemonicError::EntropyLength)
            ));
        }
    }

    #[test]
    fn passphrase_must_be_ascii() {
        let m = Mnemonic::from_entropy(&[0u8; 16]).unwrap();
        assert!(matches!(
            m.to_seed_with_passphrase("pässword"),
            Err(MnemonicError::NonAsciiPassphrase)
        ));
        // The empty passphrase is the same as `to_seed`.
        assert_eq!(
            m.to_seed_with_passphrase("").unwrap().as_bytes(),
            m.to_seed().as_bytes()
        );
    }
}
