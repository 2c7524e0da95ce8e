//! The facade's umbrella error: [`Error`] wraps the error of every concern, each defined beside
//! the code that produces it (rust-bitcoin's policy), and gives it the stable
//! [`code`](Error::code) the JS facade exposes as `error.code` (see `docs/core-api.md`).
//!
//! Functions return their module's own, narrowest error; only calls that cross concerns (the
//! wallet, the keyring collection, the facade) return [`Error`]. Messages are lower-case, say one
//! thing, and never contain secret material (no words of a phrase, no key bytes, no password).

use core::fmt;

use crate::eth::address::AddressError;
use crate::eth::key::{KeyError, SignatureError};
use crate::eth::tx::{AuthorizationError, TransactionError};
use crate::eth::typed_data::TypedDataError;
use crate::hd::HdError;
use crate::keyring::error::KeyringError;
use crate::mnemonic::{MnemonicError, PhraseError};
use crate::phrase_guard::GuardHashError;
use crate::session::SessionError;
use crate::shamir_backup::error::ShamirError;
use crate::slip39::Slip39Error;
use crate::vault::VaultError;

/// Every error the core returns, with the stable code the JS facade exposes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// See [`PhraseError`].
    Phrase(PhraseError),
    /// See [`MnemonicError`].
    Mnemonic(MnemonicError),
    /// See [`GuardHashError`].
    GuardHash(GuardHashError),
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
    /// See [`AuthorizationError`].
    Authorization(AuthorizationError),
    /// See [`VaultError`].
    Vault(VaultError),
    /// See [`KeyringError`].
    Keyring(KeyringError),
    /// See [`SessionError`].
    Session(SessionError),
    /// See [`Slip39Error`].
    Slip39(Slip39Error),
    /// See [`ShamirError`].
    Shamir(ShamirError),
    /// An argument of the wrong shape (e.g. a word count of 13, a password that is empty).
    InvalidArgument(&'static str),
}

impl Error {
    /// The stable code (`docs/core-api.md`): `INCORRECT_PASSWORD`, `MALFORMED_VAULT`
    /// ([`VaultError::code`]), `INVALID_PHRASE`, `INVALID_PRIVATE_KEY`, `DUPLICATE_ACCOUNT`, `UNKNOWN_ACCOUNT`,
    /// `INVALID_TYPED_DATA`, `INVALID_TRANSACTION`, `INVALID_AUTHORIZATION`, `LOCKED`, `INVALID_ARGUMENT`,
    /// `INVALID_SESSION` for the session snapshot calls, and [`Slip39Error::code`]'s
    /// `SHARE_*` / `SHARES_*` codes for SLIP-39 backups (and [`ShamirError::code`]'s for a
    /// Shamir wallet's).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Phrase(_) => "INVALID_PHRASE",
            Self::Mnemonic(e) => e.code(),
            Self::GuardHash(e) => e.code(),
            Self::Key(_) => "INVALID_PRIVATE_KEY",
            Self::Hd(_) | Self::Address(_) | Self::Signature(_) | Self::InvalidArgument(_) => {
                "INVALID_ARGUMENT"
            }
            Self::TypedData(_) => "INVALID_TYPED_DATA",
            Self::Transaction(e) => e.code(),
            Self::Authorization(e) => e.code(),
            Self::Vault(e) => e.code(),
            Self::Keyring(e) => e.code(),
            Self::Session(_) => "INVALID_SESSION",
            Self::Slip39(e) => e.code(),
            Self::Shamir(e) => e.code(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Phrase(e) => e.fmt(f),
            Self::Mnemonic(e) => e.fmt(f),
            Self::GuardHash(e) => e.fmt(f),
            Self::Key(e) => e.fmt(f),
            Self::Hd(e) => e.fmt(f),
            Self::Address(e) => e.fmt(f),
            Self::Signature(e) => e.fmt(f),
            Self::TypedData(e) => e.fmt(f),
            Self::Transaction(e) => e.fmt(f),
            Self::Authorization(e) => e.fmt(f),
            Self::Vault(e) => e.fmt(f),
            Self::Keyring(e) => e.fmt(f),
            Self::Session(e) => e.fmt(f),
            Self::Slip39(e) => e.fmt(f),
            Self::Shamir(e) => e.fmt(f),
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
    MnemonicError => Mnemonic,
    GuardHashError => GuardHash,
    KeyError => Key,
    HdError => Hd,
    AddressError => Address,
    SignatureError => Signature,
    TypedDataError => TypedData,
    TransactionError => Transaction,
    AuthorizationError => Authorization,
    VaultError => Vault,
    KeyringError => Keyring,
    SessionError => Session,
    Slip39Error => Slip39,
    ShamirError => Shamir,
);

impl std::error::Error for Error {}
