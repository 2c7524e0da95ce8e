//! The Shamir backup's own error.

use core::fmt;

use super::MAX_ACCEPTED_ITERATION_EXPONENT;

/// A Shamir wallet's shares could not be shown or accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShamirError {
    /// The shares were made elsewhere (the wallet was restored from them): Keystead cannot
    /// make them again.
    MadeElsewhere,
    /// The wallet is not backed up with shares (it has a phrase, or no HD keyring).
    NotShamir,
    /// Typed shares whose iteration exponent is above [`MAX_ACCEPTED_ITERATION_EXPONENT`].
    TooManyIterations {
        /// The shares' iteration exponent.
        exponent: u8,
    },
}

impl ShamirError {
    /// The stable code: `SHARES_MADE_ELSEWHERE`, `SHARE_TOO_MANY_ITERATIONS`, or
    /// `INVALID_ARGUMENT` (a wallet without shares).
    pub fn code(&self) -> &'static str {
        match self {
            Self::MadeElsewhere => "SHARES_MADE_ELSEWHERE",
            Self::NotShamir => "INVALID_ARGUMENT",
            Self::TooManyIterations { .. } => "SHARE_TOO_MANY_ITERATIONS",
        }
    }
}

impl fmt::Display for ShamirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MadeElsewhere => f.write_str(
                "this wallet's shares were made elsewhere: keystead cannot show them",
            ),
            Self::NotShamir => f.write_str("this wallet is not backed up with shamir shares"),
            Self::TooManyIterations { exponent } => write!(
                f,
                "these shares use iteration exponent {exponent}, which takes too long to open: at most {MAX_ACCEPTED_ITERATION_EXPONENT} is accepted"
            ),
        }
    }
}

impl std::error::Error for ShamirError {}
