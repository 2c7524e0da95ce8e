//! The keyring collection's own error.

use core::fmt;

/// An operation on the keyring's accounts failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyringError {
    /// The account is already in the keyring.
    DuplicateAccount,
    /// The Secret Recovery Phrase is already in the wallet.
    DuplicatePhrase,
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

impl KeyringError {
    /// The stable code: `DUPLICATE_ACCOUNT`, `DUPLICATE_PHRASE`, `UNKNOWN_ACCOUNT`, `LOCKED`, or `INVALID_ARGUMENT`
    /// (removing an HD account, no phrase, too many accounts).
    pub fn code(&self) -> &'static str {
        match self {
            Self::DuplicateAccount => "DUPLICATE_ACCOUNT",
            Self::DuplicatePhrase => "DUPLICATE_PHRASE",
            Self::UnknownAccount => "UNKNOWN_ACCOUNT",
            Self::Locked => "LOCKED",
            Self::NotRemovable | Self::NoPhrase | Self::TooManyAccounts => "INVALID_ARGUMENT",
        }
    }
}

impl fmt::Display for KeyringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::DuplicateAccount => "this account is already in the wallet",
            Self::DuplicatePhrase => "this secret recovery phrase is already in the wallet",
            Self::UnknownAccount => "no account of this wallet has that address",
            Self::NotRemovable => "only imported accounts can be removed",
            Self::NoPhrase => "this wallet has no secret recovery phrase",
            Self::Locked => "the wallet is locked",
            Self::TooManyAccounts => "no more accounts can be derived",
        })
    }
}

impl std::error::Error for KeyringError {}
