//! Errors: one enum per concern, each variant with a stable [`code`](Error::code).
//!
//! Messages are lower-case, say one thing, and never contain secret material (no words of a
//! phrase, no key bytes, no password). The codes are the ones the JS facade exposes as
//! `error.code` (see `docs/core-api.md`).

use core::fmt;

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

/// A BIP32 derivation failed or a path was malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HdError {
    /// The path is not of the form `m/44'/60'/0'/0/0`.
    MalformedPath,
    /// A path component is 2^31 or larger (it would wrap into the hardened range).
    IndexOutOfRange,
    /// The seed is not 16 to 64 bytes long.
    BadSeedLength,
    /// The derived key is invalid (probability below 2^-127; BIP32 says skip this index).
    InvalidChild,
}

impl fmt::Display for HdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MalformedPath => f.write_str("malformed derivation path"),
            Self::IndexOutOfRange => f.write_str("derivation index must be below 2^31"),
            Self::BadSeedLength => f.write_str("a seed is 16 to 64 bytes"),
            Self::InvalidChild => f.write_str("derived key is invalid for this index"),
        }
    }
}

/// An Ethereum address or signature could not be parsed or used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressError {
    /// Not 20 bytes of hex with an optional `0x` prefix.
    NotHex,
    /// Mixed case that is not the EIP-55 checksum of the address.
    BadChecksum,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotHex => f.write_str("an address is 40 hexadecimal characters after 0x"),
            Self::BadChecksum => f.write_str("the address has an invalid eip-55 checksum"),
        }
    }
}

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

/// EIP-712 typed data was malformed. `reason` names what was wrong, never the values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedDataError {
    /// A short lower-case description, e.g. "unknown type" or "value out of range for uint8".
    pub reason: &'static str,
}

impl fmt::Display for TypedDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid typed data: {}", self.reason)
    }
}

/// A transaction request could not be encoded or signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionError {
    /// A short lower-case description, e.g. "missing chainId" or "nonce is not a quantity".
    pub reason: &'static str,
}

impl fmt::Display for TransactionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid transaction: {}", self.reason)
    }
}

/// The vault could not be opened or written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VaultError {
    /// Authentication failed: wrong password, or any byte of the vault altered.
    /// Deliberately one error for both (an attacker learns nothing from which).
    IncorrectPassword,
    /// The vault is not structurally a vault: `reason` says which part is broken.
    Malformed {
        /// A short lower-case description, e.g. "iv is not base64".
        reason: &'static str,
    },
    /// A caller asked to write a vault with an unusable parameter (not a vault being read):
    /// `reason` says which, e.g. "plaintext is empty".
    BadParameter {
        /// A short lower-case description, e.g. "iterations must be between 1 and 10000000".
        reason: &'static str,
    },
    /// The system random number generator (OS or WebCrypto) could not supply a salt or IV.
    RandomUnavailable,
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IncorrectPassword => f.write_str("incorrect password"),
            Self::Malformed { reason } => write!(f, "malformed vault: {reason}"),
            Self::BadParameter { reason } => write!(f, "invalid vault parameter: {reason}"),
            Self::RandomUnavailable => f.write_str("the random number generator is unavailable"),
        }
    }
}

/// An operation on the keyring's accounts failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyringError {
    /// The account is already in the keyring.
    DuplicateAccount,
    /// No account of the keyring has this address.
    UnknownAccount,
    /// Only imported accounts can be removed; HD accounts are covered by the phrase.
    NotRemovable,
    /// The keyring has no HD (phrase) keyring.
    NoPhrase,
    /// The keyring was locked; unlock it again.
    Locked,
    /// The HD keyring cannot hold more accounts.
    TooManyAccounts,
}

impl fmt::Display for KeyringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::DuplicateAccount => "this account is already in the wallet",
            Self::UnknownAccount => "no account of this wallet has that address",
            Self::NotRemovable => "only imported accounts can be removed",
            Self::NoPhrase => "this wallet has no secret recovery phrase",
            Self::Locked => "the wallet is locked",
            Self::TooManyAccounts => "no more accounts can be derived",
        })
    }
}

/// A session snapshot could not be sealed or resumed (see `session`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionError {
    /// The snapshot did not authenticate under the session key: another session's key,
    /// or an altered snapshot. Unlock with the password instead.
    Unauthentic,
    /// The snapshot is not one this crate wrote: `reason` says which part is broken.
    Malformed {
        /// A short lower-case description, e.g. "snapshot is not base64".
        reason: &'static str,
    },
    /// The session key is not 32 bytes.
    BadKey,
    /// The system random number generator could not supply a nonce.
    RandomUnavailable,
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unauthentic => f.write_str("the session snapshot does not match the session key"),
            Self::Malformed { reason } => write!(f, "malformed session snapshot: {reason}"),
            Self::BadKey => f.write_str("the session key must be 32 bytes"),
            Self::RandomUnavailable => f.write_str("the random number generator is unavailable"),
        }
    }
}

/// A SLIP-39 share could not be read, or a set of shares could not be combined or made.
///
/// Group and member indices are the 0-based values of the share format; messages count from 1.
/// No variant carries a word, a share value or a passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Slip39Error {
    /// The word at this 1-based position is not in the SLIP-39 word list.
    UnknownWord {
        /// 1-based position of the first unknown word.
        position: usize,
    },
    /// The share has fewer than 20 or more than 59 words (a 512-bit secret), or a count whose
    /// share value would need more than 8 padding bits (e.g. 21 words).
    BadLength {
        /// How many words the share has.
        words: usize,
    },
    /// The RS1024 checksum (the last three words) does not match: a word is wrong or misplaced.
    BadChecksum,
    /// The padding bits in front of the share value are not zero.
    BadPadding,
    /// The share's group threshold exceeds its group count, or its group index is not below it.
    BadGroupParameters,
    /// No shares were given.
    NoShares,
    /// The shares do not belong to one backup: their identifier, extendable flag, iteration
    /// exponent, group threshold, group count or length differ, or two shares of one group
    /// disagree on the member threshold.
    DifferentSets,
    /// Two shares have the same group and member index (the same share entered twice?).
    DuplicateShare {
        /// 0-based group index.
        group_index: u8,
        /// 0-based member index.
        member_index: u8,
    },
    /// A group has fewer shares than its member threshold.
    TooFewShares {
        /// 0-based group index.
        group_index: u8,
        /// The group's member threshold.
        threshold: u8,
        /// How many of its shares were given.
        given: usize,
    },
    /// A group has more shares than its member threshold (SLIP-39 combines exactly that many).
    TooManyShares {
        /// 0-based group index.
        group_index: u8,
        /// The group's member threshold.
        threshold: u8,
        /// How many of its shares were given.
        given: usize,
    },
    /// Shares of fewer groups than the group threshold were given.
    TooFewGroups {
        /// The group threshold.
        threshold: u8,
        /// How many distinct groups the shares come from.
        given: usize,
    },
    /// Shares of more groups than the group threshold were given (SLIP-39 combines exactly
    /// that many).
    TooManyGroups {
        /// The group threshold.
        threshold: u8,
        /// How many distinct groups the shares come from.
        given: usize,
    },
    /// The recovered secret does not match its digest: a share was altered or forged.
    DigestMismatch,
    /// A caller asked to split with an unusable parameter: `reason` says which.
    BadParameter {
        /// A short lower-case description, e.g. "the group threshold exceeds the group count".
        reason: &'static str,
    },
    /// The system random number generator could not supply randomness.
    RandomUnavailable,
}

impl Slip39Error {
    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownWord { .. } => "SHARE_UNKNOWN_WORD",
            Self::BadLength { .. } => "SHARE_BAD_LENGTH",
            Self::BadChecksum => "SHARE_BAD_CHECKSUM",
            Self::BadPadding => "SHARE_BAD_PADDING",
            Self::BadGroupParameters => "SHARE_BAD_GROUP_PARAMETERS",
            Self::NoShares => "SHARES_NONE",
            Self::DifferentSets => "SHARES_DIFFERENT_SETS",
            Self::DuplicateShare { .. } => "SHARES_DUPLICATE",
            Self::TooFewShares { .. } => "SHARES_TOO_FEW",
            Self::TooManyShares { .. } => "SHARES_TOO_MANY",
            Self::TooFewGroups { .. } => "SHARES_TOO_FEW_GROUPS",
            Self::TooManyGroups { .. } => "SHARES_TOO_MANY_GROUPS",
            Self::DigestMismatch => "SHARES_DIGEST_MISMATCH",
            Self::BadParameter { .. } | Self::RandomUnavailable => "INVALID_ARGUMENT",
        }
    }
}

impl fmt::Display for Slip39Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownWord { position } => {
                write!(
                    f,
                    "word {position} of the share is not in the slip-39 word list"
                )
            }
            Self::BadLength { words } => write!(
                f,
                "a share has 20 words (33 for a 256-bit secret), not {words}"
            ),
            Self::BadChecksum => {
                f.write_str("the share checksum does not match: a word is wrong or out of order")
            }
            Self::BadPadding => f.write_str("the share has invalid padding: a word is wrong"),
            Self::BadGroupParameters => {
                f.write_str("the share's group threshold or group index is out of range")
            }
            Self::NoShares => f.write_str("no shares were given"),
            Self::DifferentSets => f.write_str("the shares do not all belong to the same backup"),
            Self::DuplicateShare {
                group_index,
                member_index,
            } => write!(
                f,
                "share {} of group {} was given twice",
                u16::from(*member_index) + 1,
                u16::from(*group_index) + 1
            ),
            Self::TooFewShares {
                group_index,
                threshold,
                given,
            } => write!(
                f,
                "group {} needs {threshold} shares, {given} given",
                u16::from(*group_index) + 1
            ),
            Self::TooManyShares {
                group_index,
                threshold,
                given,
            } => write!(
                f,
                "group {} needs exactly {threshold} shares, {given} given",
                u16::from(*group_index) + 1
            ),
            Self::TooFewGroups { threshold, given } => {
                write!(f, "shares of {threshold} groups are needed, {given} given")
            }
            Self::TooManyGroups { threshold, given } => write!(
                f,
                "shares of exactly {threshold} groups are needed, {given} given"
            ),
            Self::DigestMismatch => f.write_str(
                "the shares do not fit together: one of them was altered or is not genuine",
            ),
            Self::BadParameter { reason } => write!(f, "invalid backup parameter: {reason}"),
            Self::RandomUnavailable => f.write_str("the random number generator is unavailable"),
        }
    }
}

/// Every error the core returns, with the stable code the JS facade exposes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// See [`PhraseError`].
    Phrase(PhraseError),
    /// See [`KeyError`].
    Key(KeyError),
    /// See [`HdError`].
    Hd(HdError),
    /// See [`AddressError`].
    Address(AddressError),
    /// See [`SignatureError`].
    Signature(SignatureError),
    /// See [`TypedDataError`].
    TypedData(TypedDataError),
    /// See [`TransactionError`].
    Transaction(TransactionError),
    /// See [`VaultError`].
    Vault(VaultError),
    /// See [`KeyringError`].
    Keyring(KeyringError),
    /// See [`SessionError`].
    Session(SessionError),
    /// See [`Slip39Error`].
    Slip39(Slip39Error),
    /// An argument of the wrong shape (e.g. a word count of 13, a password that is empty).
    InvalidArgument(&'static str),
}

impl Error {
    /// The stable code (`docs/core-api.md`): `INCORRECT_PASSWORD`, `MALFORMED_VAULT`,
    /// `INVALID_PHRASE`, `INVALID_PRIVATE_KEY`, `DUPLICATE_ACCOUNT`, `UNKNOWN_ACCOUNT`,
    /// `INVALID_TYPED_DATA`, `INVALID_TRANSACTION`, `LOCKED`, `INVALID_ARGUMENT`,
    /// `INVALID_SESSION` for the session snapshot calls, and [`Slip39Error::code`]'s
    /// `SHARE_*` / `SHARES_*` codes for SLIP-39 backups.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Phrase(_) => "INVALID_PHRASE",
            Self::Key(_) => "INVALID_PRIVATE_KEY",
            Self::Hd(_) | Self::Address(_) | Self::Signature(_) | Self::InvalidArgument(_) => {
                "INVALID_ARGUMENT"
            }
            Self::TypedData(_) => "INVALID_TYPED_DATA",
            Self::Transaction(_) => "INVALID_TRANSACTION",
            Self::Vault(VaultError::IncorrectPassword) => "INCORRECT_PASSWORD",
            Self::Vault(VaultError::Malformed { .. }) => "MALFORMED_VAULT",
            // No dedicated code for these (docs/core-api.md); both are failures of the caller's
            // request or environment, not of a stored vault.
            Self::Vault(VaultError::BadParameter { .. } | VaultError::RandomUnavailable) => {
                "INVALID_ARGUMENT"
            }
            Self::Keyring(KeyringError::DuplicateAccount) => "DUPLICATE_ACCOUNT",
            Self::Keyring(KeyringError::UnknownAccount) => "UNKNOWN_ACCOUNT",
            Self::Keyring(KeyringError::Locked) => "LOCKED",
            Self::Keyring(_) => "INVALID_ARGUMENT",
            Self::Session(_) => "INVALID_SESSION",
            Self::Slip39(e) => e.code(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Phrase(e) => e.fmt(f),
            Self::Key(e) => e.fmt(f),
            Self::Hd(e) => e.fmt(f),
            Self::Address(e) => e.fmt(f),
            Self::Signature(e) => e.fmt(f),
            Self::TypedData(e) => e.fmt(f),
            Self::Transaction(e) => e.fmt(f),
            Self::Vault(e) => e.fmt(f),
            Self::Keyring(e) => e.fmt(f),
            Self::Session(e) => e.fmt(f),
            Self::Slip39(e) => e.fmt(f),
            Self::InvalidArgument(reason) => write!(f, "invalid argument: {reason}"),
        }
    }
}

macro_rules! from_concern {
    ($($ty:ident => $variant:ident),* $(,)?) => {$(
        impl From<$ty> for Error {
            fn from(e: $ty) -> Self {
                Self::$variant(e)
            }
        }
    )*};
}
from_concern!(
    PhraseError => Phrase,
    KeyError => Key,
    HdError => Hd,
    AddressError => Address,
    SignatureError => Signature,
    TypedDataError => TypedData,
    TransactionError => Transaction,
    VaultError => Vault,
    KeyringError => Keyring,
    SessionError => Session,
    Slip39Error => Slip39,
);

impl std::error::Error for PhraseError {}
impl std::error::Error for KeyError {}
impl std::error::Error for HdError {}
impl std::error::Error for AddressError {}
impl std::error::Error for SignatureError {}
impl std::error::Error for TypedDataError {}
impl std::error::Error for TransactionError {}
impl std::error::Error for VaultError {}
impl std::error::Error for KeyringError {}
impl std::error::Error for SessionError {}
impl std::error::Error for Slip39Error {}
impl std::error::Error for Error {}
