//! SLIP-39 Shamir backups: a master secret split into share mnemonics, any T of N of which
//! (per group, for GT of G groups) restore it, while fewer reveal nothing about it.
//!
//! Written out from the SLIP-0039 text (satoshilabs/slips `slip-0039.md`) with the core's own
//! `pbkdf2`, `hmac` and `sha2`; checked against the 45 vectors of the reference implementation
//! and against the reference Python package itself (`tests/slip39.rs`,
//! `tests/slip39_reference.rs`).
//!
//! For a wallet the master secret is the BIP-32 seed (SLIP-39, "Specification for backing up
//! BIP-0032 Hierarchical Deterministic Wallets"), so shares made on a Trezor restore the same
//! accounts here: pass [`MasterSecret::as_bytes`] to
//! [`ExtendedPrivateKey::master`](crate::hd::ExtendedPrivateKey::master).
//!
//! Secrets — the master secret, every share value, the passphrase's copies and every
//! intermediate (the encrypted master secret, group shares, Feistel halves, digest) — live in
//! [`Zeroizing`] buffers. [`MasterSecret`] and [`ShareMnemonic`] are neither `Copy`, `Clone`,
//! `Debug` nor `Display`. No input panics: every length and index is checked.

mod cipher;
mod error;
mod gf256;
mod rs1024;
mod shamir;
mod share;

pub use error::Slip39Error;
use shamir::{Fill, Value};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// The most groups, and the most members of a group (4-bit fields).
pub const MAX_SHARE_COUNT: u8 = 16;
/// The largest iteration exponent (a 4-bit field): 2500 · 2^15 PBKDF2 iterations per round.
pub const MAX_ITERATION_EXPONENT: u8 = 15;

/// The public fields of a share: enough to tell which backup, group and member it belongs to
/// and how many shares are needed, without its secret value. Indices are 0-based, as encoded;
/// thresholds and counts are the actual numbers (1 to 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareInfo {
    /// The random 15-bit identifier shared by all shares of one backup.
    pub identifier: u16,
    /// The extendable backup flag: when set, the identifier is not part of the encryption, so
    /// another set of shares of the same secret can be made later.
    pub extendable: bool,
    /// PBKDF2 runs 10,000 · 2^e iterations in total.
    pub iteration_exponent: u8,
    /// 0-based group index.
    pub group_index: u8,
    /// How many groups are needed.
    pub group_threshold: u8,
    /// How many groups there are.
    pub group_count: u8,
    /// 0-based member index within the group.
    pub member_index: u8,
    /// How many members of this group are needed.
    pub member_threshold: u8,
    /// How many words the share has (20 for a 128-bit secret, 33 for 256-bit).
    pub word_count: usize,
}

impl ShareInfo {
    /// Whether `other` has the fields every share of one backup has in common.
    fn same_set(&self, other: &Self) -> bool {
        self.identifier == other.identifier
            && self.extendable == other.extendable
            && self.iteration_exponent == other.iteration_exponent
            && self.group_threshold == other.group_threshold
            && self.group_count == other.group_count
            && self.word_count == other.word_count
    }
}

/// A master secret (for a wallet: the BIP-32 seed), wiped on drop; never `Copy`, `Clone`,
/// `Debug` or `Display`.
pub struct MasterSecret(Value);

impl MasterSecret {
    /// The secret bytes (16 to 64, an even number).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Constant-time equality of two master secrets (length included).
    pub fn ct_eq(&self, other: &Self) -> subtle::Choice {
        self.0.as_slice().ct_eq(other.0.as_slice())
    }
}

/// One share mnemonic (lower-case words separated by single spaces), wiped on drop; never
/// `Copy`, `Clone`, `Debug` or `Display`.
pub struct ShareMnemonic(Zeroizing<String>);

impl ShareMnemonic {
    /// The words, separated by single spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A passphrase as SLIP-39 allows it: printable ASCII (32 to 126), empty for none.
fn check_passphrase(passphrase: &str) -> Result<&[u8], Slip39Error> {
    if passphrase.bytes().all(|c| (32..=126).contains(&c)) {
        Ok(passphrase.as_bytes())
    } else {
        Err(Slip39Error::BadParameter {
            reason: "the passphrase may only contain printable ascii characters",
        })
    }
}

/// The checks of [`split`] on its parameters; the passphrase's bytes when they pass.
fn check_scheme<'a>(
    master_secret: &[u8],
    passphrase: &'a str,
    group_threshold: u8,
    groups: &[(u8, u8)],
    iteration_exponent: u8,
) -> Result<&'a [u8], Slip39Error> {
    let bad = |reason| Err(Slip39Error::BadParameter { reason });
    let passphrase = check_passphrase(passphrase)?;
    let len = master_secret.len();
    if !(16..=64).contains(&len) || len % 2 != 0 {
        return bad("the master secret must be 16 to 64 bytes, an even number");
    }
    if iteration_exponent > MAX_ITERATION_EXPONENT {
        return bad("the iteration exponent must be 0 to 15");
    }
    check_groups(group_threshold, groups)?;
    Ok(passphrase)
}

/// The group structure [`split`] accepts: 1 to 16 groups, 1 ≤ group threshold ≤ groups, and
/// for each group 1 ≤ member threshold ≤ member count ≤ 16, a member threshold of 1 only with
/// a member count of 1.
///
/// # Errors
/// [`Slip39Error::BadParameter`] saying which rule is broken.
pub fn check_groups(group_threshold: u8, groups: &[(u8, u8)]) -> Result<(), Slip39Error> {
    let bad = |reason| Err(Slip39Error::BadParameter { reason });
    let group_count = match u8::try_from(groups.len()) {
        Ok(count @ 1..=MAX_SHARE_COUNT) => count,
        _ => return bad("there must be 1 to 16 groups"),
    };
    if group_threshold == 0 || group_threshold > group_count {
        return bad("the group threshold must be 1 to the number of groups");
    }
    for &(threshold, count) in groups {
        if threshold == 0 || threshold > count || count > MAX_SHARE_COUNT {
            return bad("a member threshold must be 1 to its group's size, at most 16");
        }
        if threshold == 1 && count > 1 {
            return bad("a group with member threshold 1 must have exactly one share");
        }
    }
    Ok(())
}

/// Reads one share without combining it: its identifier, group, member index and thresholds.
/// The share's value is read into a buffer that is wiped before this returns.
///
/// # Errors
/// [`Slip39Error::BadLength`], [`Slip39Error::UnknownWord`], [`Slip39Error::BadChecksum`],
/// [`Slip39Error::BadPadding`] or [`Slip39Error::BadGroupParameters`], checked in that order.
pub fn inspect(mnemonic: &str) -> Result<ShareInfo, Slip39Error> {
    share::parse(mnemonic).map(|share| share.info)
}

/// Splits `master_secret` into share mnemonics with OS randomness ([`getrandom::fill`]):
/// SLIP-39's GenerateShares. `groups` lists (member threshold, member count) per group; the
/// result lists each group's mnemonics in member order.
///
/// New backups should use `extendable = true` (SLIP-39: "In newly created shares ext SHOULD be
/// set to 1") and iteration exponent 1 (what the reference implementation and Trezor use).
///
/// # Errors
/// [`Slip39Error::BadParameter`] unless the master secret has 16 to 64 bytes, an even number;
/// the passphrase is printable ASCII; there are 1 to 16 groups; 1 ≤ group threshold ≤ groups;
/// for each group 1 ≤ member threshold ≤ member count ≤ 16, and a member threshold of 1 comes
/// with a member count of 1; the iteration exponent is at most 15.
/// [`Slip39Error::RandomUnavailable`] if the system random number generator fails.
pub fn split(
    master_secret: &[u8],
    passphrase: &str,
    group_threshold: u8,
    groups: &[(u8, u8)],
    iteration_exponent: u8,
    extendable: bool,
) -> Result<Vec<Vec<ShareMnemonic>>, Slip39Error> {
    split_with_rng(
        master_secret,
        passphrase,
        group_threshold,
        groups,
        iteration_exponent,
        extendable,
        |buffer| getrandom::fill(buffer).map_err(|_| Slip39Error::RandomUnavailable),
    )
}

/// [`split`] with the randomness from `fill` (which must be suitable for keys; tests pass a
/// seeded generator to make runs reproducible). `fill` is first asked for 2 bytes, the set's
/// identifier (big-endian, top bit cleared), then for the share values; so a deterministic
/// `fill` whose first 2 bytes are a chosen identifier makes the same set again
/// (`crate::shamir_backup` shows a wallet's shares that way).
///
/// # Errors
/// Those of [`split`], and any error `fill` returns.
pub fn split_with_rng<F>(
    master_secret: &[u8],
    passphrase: &str,
    group_threshold: u8,
    groups: &[(u8, u8)],
    iteration_exponent: u8,
    extendable: bool,
    mut fill: F,
) -> Result<Vec<Vec<ShareMnemonic>>, Slip39Error>
where
    F: FnMut(&mut [u8]) -> Result<(), Slip39Error>,
{
    let passphrase = check_scheme(
        master_secret,
        passphrase,
        group_threshold,
        groups,
        iteration_exponent,
    )?;
    let group_count = u8::try_from(groups.len()).unwrap_or(u8::MAX);
    let fill: &mut Fill<'_> = &mut fill;
    let mut id = [0u8; 2];
    fill(&mut id)?;
    let identifier = u16::from_be_bytes(id) & 0x7fff;
    let encrypted = cipher::Cipher::new(passphrase, iteration_exponent, identifier, extendable)
        .encrypt(master_secret);
    let group_shares = shamir::split_secret(group_threshold, group_count, &encrypted, fill)?;
    let mut out = Vec::with_capacity(groups.len());
    for ((group_index, &(member_threshold, member_count)), group_share) in
        (0u8..).zip(groups).zip(group_shares.iter())
    {
        let members = shamir::split_secret(member_threshold, member_count, group_share, fill)?;
        let mut mnemonics = Vec::with_capacity(members.len());
        for (member_index, value) in (0u8..).zip(members.iter()) {
            let info = ShareInfo {
                identifier,
                extendable,
                iteration_exponent,
                group_index,
                group_threshold,
                group_count,
                member_index,
                member_threshold,
                word_count: share::word_count(value.len()),
            };
            mnemonics.push(ShareMnemonic(share::encode(&info, value)));
        }
        out.push(mnemonics);
    }
    Ok(out)
}

/// Combines share mnemonics into the master secret: SLIP-39's "Combining the shares". Exactly
/// the member threshold of shares from each of exactly the group threshold of groups.
///
/// A wrong passphrase is not detected: it gives another master secret (SLIP-39, "Passphrase").
///
/// # Errors
/// Any error of [`inspect`] for the first share that fails to parse; then, in this order,
/// [`Slip39Error::NoShares`], [`Slip39Error::DifferentSets`], [`Slip39Error::DuplicateShare`],
/// [`Slip39Error::TooFewGroups`] / [`Slip39Error::TooManyGroups`],
/// [`Slip39Error::TooFewShares`] / [`Slip39Error::TooManyShares`],
/// [`Slip39Error::DigestMismatch`]; [`Slip39Error::BadParameter`] if the passphrase is not
/// printable ASCII.
pub fn combine<S: AsRef<str>>(shares: &[S], passphrase: &str) -> Result<MasterSecret, Slip39Error> {
    let passphrase = check_passphrase(passphrase)?;
    let (first, encrypted) = recover(shares)?;
    let cipher = cipher::Cipher::new(
        passphrase,
        first.iteration_exponent,
        first.identifier,
        first.extendable,
    );
    Ok(MasterSecret(cipher.decrypt(&encrypted)))
}

/// Checks that `shares` combine (every check of [`combine`], the digest included) without
/// decrypting the master secret: no PBKDF2 runs, whatever the iteration exponent, and no
/// passphrase is needed (a wrong one is never detected anyway). Returns the first share's
/// public fields, which every share of the set has in common.
///
/// # Errors
/// Those of [`combine`] except the passphrase's.
pub fn validate<S: AsRef<str>>(shares: &[S]) -> Result<ShareInfo, Slip39Error> {
    recover(shares).map(|(first, _)| first)
}

/// The first share's fields and the encrypted master secret the shares give.
fn recover<S: AsRef<str>>(shares: &[S]) -> Result<(ShareInfo, Value), Slip39Error> {
    let parsed = shares
        .iter()
        .map(|s| share::parse(s.as_ref()))
        .collect::<Result<Vec<_>, _>>()?;
    let first = parsed.first().ok_or(Slip39Error::NoShares)?.info;
    if parsed.iter().any(|s| !first.same_set(&s.info)) {
        return Err(Slip39Error::DifferentSets);
    }
    // Shares by group index, in order of first appearance.
    let mut groups: Vec<Vec<&share::Share>> = Vec::new();
    for s in &parsed {
        let group = groups.iter_mut().find(|g| {
            g.first()
                .is_some_and(|m| m.info.group_index == s.info.group_index)
        });
        match group {
            None => groups.push(vec![s]),
            Some(group) => {
                for m in group.iter() {
                    if m.info.member_threshold != s.info.member_threshold {
                        return Err(Slip39Error::DifferentSets);
                    }
                    if m.info.member_index == s.info.member_index {
                        return Err(Slip39Error::DuplicateShare {
                            group_index: s.info.group_index,
                            member_index: s.info.member_index,
                        });
                    }
                }
                group.push(s);
            }
        }
    }
    let threshold = first.group_threshold;
    match groups.len().cmp(&usize::from(threshold)) {
        core::cmp::Ordering::Less => {
            return Err(Slip39Error::TooFewGroups {
                threshold,
                given: groups.len(),
            })
        }
        core::cmp::Ordering::Greater => {
            return Err(Slip39Error::TooManyGroups {
                threshold,
                given: groups.len(),
            })
        }
        core::cmp::Ordering::Equal => {}
    }
    let mut group_secrets: Vec<(u8, Value)> = Vec::with_capacity(groups.len());
    for group in &groups {
        let Some(head) = group.first() else {
            continue;
        };
        let (group_index, member_threshold) = (head.info.group_index, head.info.member_threshold);
        let given = group.len();
        if given < usize::from(member_threshold) {
            return Err(Slip39Error::TooFewShares {
                group_index,
                threshold: member_threshold,
                given,
            });
        }
        if given > usize::from(member_threshold) {
            return Err(Slip39Error::TooManyShares {
                group_index,
                threshold: member_threshold,
                given,
            });
        }
        let points: Vec<(u8, &[u8])> = group
            .iter()
            .map(|m| (m.info.member_index, m.value.as_slice()))
            .collect();
        group_secrets.push((
            group_index,
            shamir::recover_secret(member_threshold, &points)?,
        ));
    }
    let points: Vec<(u8, &[u8])> = group_secrets
        .iter()
        .map(|(x, y)| (*x, y.as_slice()))
        .collect();
    Ok((first, shamir::recover_secret(threshold, &points)?))
}

/// Words per share of a master secret of `secret_len` bytes (20 for 16 bytes, 33 for 32).
pub fn word_count(secret_len: usize) -> usize {
    share::word_count(secret_len)
}

/// The 1024 words of the SLIP-39 list, in order (for suggestion boxes and tests).
pub fn wordlist() -> impl Iterator<Item = &'static str> {
    (0..1024).map(share::word)
}

/// Up to `limit` SLIP-39 list words starting with `prefix` (case-insensitive), in list order;
/// none for an empty prefix (a suggestion box should not offer the whole list). The lower-cased
/// prefix (part of a share being typed) is kept in a wiped buffer.
pub fn word_suggestions(prefix: &str, limit: usize) -> Vec<&'static str> {
    if prefix.is_empty() {
        return Vec::new();
    }
    let mut lowered = Zeroizing::new(prefix.to_owned());
    lowered.make_ascii_lowercase();
    wordlist()
        .filter(|w| w.starts_with(lowered.as_str()))
        .take(limit)
        .collect()
}
