//! The error of reading, combining and making SLIP-39 shares.

use core::fmt;

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

impl std::error::Error for Slip39Error {}
