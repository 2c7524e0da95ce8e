//! A wallet backed up with SLIP-39 shares: its master secret (the BIP-32 seed, as SLIP-39
//! says, so shares made on a Trezor give the accounts they give there), the public description
//! of its share set, the shares again for a set Keystead made, and checks of typed shares
//! against the wallet.
//!
//! What the vault stores is the master secret and the set's public fields, never share words
//! (the keyring entry: [`SHAMIR_KEYRING_TYPE`], `docs/vault-format.md`).
//!
//! **The shares of a set made here can be shown again.** Their random parts (the polynomial
//! coefficients and the digest's random bytes) are not drawn from the OS but read from
//! HMAC-SHA256 in counter mode keyed by the master secret, over a domain string and the set's
//! public fields ([`ShamirBackup::shares`]); the set's identifier is drawn from the OS at
//! creation and stored. So the same shares come back at every reveal (a backup interrupted
//! half-way goes on with the shares already written down) and one typed share can be compared
//! with the one Keystead made. The price: fewer shares than the threshold hide the secret
//! computationally (guessing it means searching the 2^128 or 2^256 master secrets, the same
//! search as from the wallet's addresses) rather than information-theoretically.
//!
//! Shares made elsewhere (restored) cannot be shown again; a typed share is then checked by its
//! set's public fields only, and a group of shares by combining them.

use core::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::error::Error;
use crate::json;
use crate::slip39::{self, ShareInfo, ShareMnemonic, Slip39Error};
use crate::vault::VaultError;

pub mod error;
pub use error::ShamirError;

/// The keyring type of a Shamir wallet in the vault's keyring list. Keystead's own: MetaMask
/// keeps a keyring of a type it does not know verbatim.
pub const SHAMIR_KEYRING_TYPE: &str = "Keystead SLIP-39";

/// The highest iteration exponent accepted from typed shares or a vault: 10,000 · 2^6 =
/// 640,000 PBKDF2-HMAC-SHA256 rounds, about what opening a vault costs. The format allows 15
/// (over 300 million rounds: hours in the browser), which a hostile share or vault could use
/// to hang the wallet. Trezor and the reference implementation use 1.
pub const MAX_ACCEPTED_ITERATION_EXPONENT: u8 = 6;

/// The iteration exponent of new sets (Trezor's and the reference implementation's).
pub const NEW_ITERATION_EXPONENT: u8 = 1;

/// Most shares typed at once (16 groups of 16).
pub const MAX_TYPED_SHARES: usize = 256;

/// Domain string of the share randomness (see the module docs).
const SHARE_STREAM_DOMAIN: &[u8] = b"keystead slip-39 shares v1";

/// How a new set is split: the group threshold, and (member threshold, member count) per group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// How many groups restore the wallet.
    pub group_threshold: u8,
    /// Each group's (member threshold, member count).
    pub groups: Vec<(u8, u8)>,
}

/// The public description of a wallet's share set: what every share of it carries, plus how
/// it was made. Never holds a secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareSet {
    /// The set's random 15-bit identifier.
    pub identifier: u16,
    /// The extendable flag (set in every set Keystead makes).
    pub extendable: bool,
    /// PBKDF2 runs 10,000 · 2^e rounds to decrypt the master secret.
    pub iteration_exponent: u8,
    /// How many groups restore the wallet.
    pub group_threshold: u8,
    /// How many groups there are.
    pub group_count: u8,
    /// Each group's (member threshold, member count) for a set Keystead made (which it can show
    /// again); `None` for shares made elsewhere.
    pub groups: Option<Vec<(u8, u8)>>,
    /// Whether the wallet was restored with a passphrase (the passphrase itself is not kept).
    pub passphrase: bool,
    /// Words per share (20 for a 128-bit master secret, 33 for 256 bits).
    pub word_count: usize,
}

impl From<&ShareInfo> for ShareSet {
    /// The set a share belongs to, as far as the share tells: made elsewhere, no passphrase.
    fn from(info: &ShareInfo) -> Self {
        Self {
            identifier: info.identifier,
            extendable: info.extendable,
            iteration_exponent: info.iteration_exponent,
            group_threshold: info.group_threshold,
            group_count: info.group_count,
            groups: None,
            passphrase: false,
            word_count: info.word_count,
        }
    }
}

impl ShareSet {
    /// Whether `info` could be a share of this set: the fields every share of it carries, and
    /// for a set made here, a group and member that exist with the group's threshold.
    fn admits(&self, info: &ShareInfo) -> bool {
        let common = info.identifier == self.identifier
            && info.extendable == self.extendable
            && info.iteration_exponent == self.iteration_exponent
            && info.group_threshold == self.group_threshold
            && info.group_count == self.group_count
            && info.word_count == self.word_count;
        let member = match &self.groups {
            None => true,
            Some(groups) => {
                groups
                    .get(usize::from(info.group_index))
                    .is_some_and(|&(threshold, count)| {
                        info.member_threshold == threshold && info.member_index < count
                    })
            }
        };
        common && member
    }
}

/// What a check of typed shares found ([`ShamirBackup::check`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareCheck {
    /// One share of this wallet's set. `exact`: it is, word for word, the share Keystead made
    /// for that group and member; otherwise (shares made elsewhere) only its set's fields were
    /// compared.
    Member {
        /// The share's public fields.
        info: ShareInfo,
        /// Compared word for word with the share made here.
        exact: bool,
    },
    /// A share with this set's fields that is not the share Keystead made for its group and
    /// member: it belongs to another set (of another wallet with the same identifier, by
    /// chance) and cannot help restore this one.
    NotMember {
        /// The share's public fields.
        info: ShareInfo,
    },
    /// One share of another backup.
    OtherSet {
        /// The share's public fields.
        info: ShareInfo,
    },
    /// The shares combine to this wallet's master secret.
    Restores,
    /// The shares combine, but to another master secret: another backup, or another passphrase.
    DoesNotRestore,
}

/// A Shamir wallet's master secret and share set. Holds a secret: never `Copy`, `Clone`,
/// `Debug` or `Display`; the master secret is wiped on drop.
pub struct ShamirBackup {
    secret: Zeroizing<Vec<u8>>,
    set: ShareSet,
}

/// The keyring entry's fields besides the master secret and the set ([`ShamirBackup::read`]).
pub struct ShamirKeyringData {
    /// The wallet's master secret and set.
    pub backup: ShamirBackup,
    /// `numberOfAccounts`, if given.
    pub number_of_accounts: Option<u32>,
    /// `hdPath`, if given.
    pub hd_path: Option<String>,
}

/// The randomness of a set made here: the identifier's 2 bytes, then HMAC-SHA256(key = master
/// secret, domain ‖ public fields ‖ counter) blocks (see the module docs).
struct ShareStream<'a> {
    key: &'a [u8],
    context: Vec<u8>,
    position: usize,
    block: Zeroizing<[u8; 32]>,
}

impl<'a> ShareStream<'a> {
    fn new(key: &'a [u8], set: &ShareSet, groups: &[(u8, u8)]) -> Self {
        let mut context = SHARE_STREAM_DOMAIN.to_vec();
        context.extend_from_slice(&set.identifier.to_be_bytes());
        context.extend_from_slice(&[
            u8::from(set.extendable),
            set.iteration_exponent,
            set.group_threshold,
            set.group_count,
        ]);
        for &(threshold, count) in groups {
            context.extend_from_slice(&[threshold, count]);
        }
        Self {
            key,
            context,
            position: 0,
            block: Zeroizing::new([0; 32]),
        }
    }

    fn fill(&mut self, out: &mut [u8], identifier: u16) {
        for byte in out {
            let n = self.position;
            self.position += 1;
            if n < 2 {
                *byte = identifier.to_be_bytes().get(n).copied().unwrap_or(0);
                continue;
            }
            let (index, offset) = ((n - 2) / 32, (n - 2) % 32);
            if offset == 0 {
                self.refill(index);
            }
            *byte = self.block.get(offset).copied().unwrap_or(0);
        }
    }

    fn refill(&mut self, index: usize) {
        // HMAC takes keys of any length; its state wipes itself on drop (`zeroize` feature).
        if let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(self.key) {
            mac.update(&self.context);
            mac.update(&u32::try_from(index).unwrap_or(u32::MAX).to_be_bytes());
            let tag = Zeroizing::new(mac.finalize().into_bytes());
            self.block.copy_from_slice(&tag);
        }
    }
}

/// Single-spaced lower-case words of a typed share, in a wiped buffer that never grows.
fn normalized(share: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(share.len()));
    for word in share.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// Every check of combining `shares` that needs no passphrase and no PBKDF2 ([`slip39::validate`]),
/// then the caps on their number and iteration exponent. The first share's fields.
fn validated<S: AsRef<str>>(shares: &[S]) -> Result<ShareInfo, Error> {
    if shares.len() > MAX_TYPED_SHARES {
        return Err(Error::InvalidArgument("at most 256 shares at once"));
    }
    let first = slip39::validate(shares)?;
    if first.iteration_exponent > MAX_ACCEPTED_ITERATION_EXPONENT {
        return Err(ShamirError::TooManyIterations {
            exponent: first.iteration_exponent,
        }
        .into());
    }
    Ok(first)
}

/// Throws the error of combining `shares` without decrypting anything: a wrong word, a share of
/// another set, too few shares, a slow iteration exponent. Checked before a restore's vault key
/// is derived, so a typo costs no PBKDF2.
///
/// # Errors
/// Those of [`ShamirBackup::restore`] except the passphrase's.
pub fn validate_shares<S: AsRef<str>>(shares: &[S]) -> Result<(), Error> {
    validated(shares).map(|_| ())
}

impl ShamirBackup {
    /// A new wallet: a random master secret of `secret_bytes` bytes (16 or 32: shares of 20 or
    /// 33 words) and a new set split as `scheme` says, extendable, at iteration exponent 1.
    ///
    /// # Errors
    /// `INVALID_ARGUMENT` for another length, a scheme SLIP-39 does not allow
    /// ([`slip39::check_groups`]), or no randomness.
    pub fn create(scheme: &Scheme, secret_bytes: usize) -> Result<Self, Error> {
        if secret_bytes != 16 && secret_bytes != 32 {
            return Err(Error::InvalidArgument(
                "a new master secret has 128 or 256 bits",
            ));
        }
        slip39::check_groups(scheme.group_threshold, &scheme.groups)?;
        let mut secret = Zeroizing::new(vec![0u8; secret_bytes]);
        let mut id = [0u8; 2];
        getrandom::fill(&mut secret)
            .and_then(|()| getrandom::fill(&mut id))
            .map_err(|_| Slip39Error::RandomUnavailable)?;
        let set = ShareSet {
            identifier: u16::from_be_bytes(id) & 0x7fff,
            extendable: true,
            iteration_exponent: NEW_ITERATION_EXPONENT,
            group_threshold: scheme.group_threshold,
            group_count: u8::try_from(scheme.groups.len()).unwrap_or(u8::MAX),
            groups: Some(scheme.groups.clone()),
            passphrase: false,
            word_count: slip39::word_count(secret_bytes),
        };
        Ok(Self { secret, set })
    }

    /// A wallet restored from typed shares (any case, any whitespace) and an optional
    /// `passphrase` (empty for none; printable ASCII). A wrong passphrase is not detected: it
    /// gives another wallet (SLIP-39).
    ///
    /// # Errors
    /// Every [`slip39::combine`] error (`SHARE_*`, `SHARES_*`); `SHARE_TOO_MANY_ITERATIONS`
    /// above [`MAX_ACCEPTED_ITERATION_EXPONENT`] (checked before any PBKDF2 runs);
    /// `INVALID_ARGUMENT` for more than [`MAX_TYPED_SHARES`] shares or a passphrase that is not
    /// printable ASCII.
    pub fn restore<S: AsRef<str>>(shares: &[S], passphrase: &str) -> Result<Self, Error> {
        let first = validated(shares)?;
        let secret = slip39::combine(shares, passphrase)?;
        let set = ShareSet {
            passphrase: !passphrase.is_empty(),
            ..ShareSet::from(&first)
        };
        Ok(Self {
            secret: Zeroizing::new(secret.as_bytes().to_vec()),
            set,
        })
    }

    /// The master secret: the wallet's BIP-32 seed.
    pub fn seed(&self) -> &[u8] {
        &self.secret
    }

    /// The set's public description.
    pub fn set(&self) -> &ShareSet {
        &self.set
    }

    /// The shares of a set made here, each group's in member order: the same at every call
    /// (see the module docs). Callers gate this behind the password.
    ///
    /// # Errors
    /// `SHARES_MADE_ELSEWHERE` for a restored wallet.
    pub fn shares(&self) -> Result<Vec<Vec<ShareMnemonic>>, Error> {
        let groups = self
            .set
            .groups
            .as_deref()
            .ok_or(ShamirError::MadeElsewhere)?;
        let mut stream = ShareStream::new(&self.secret, &self.set, groups);
        let identifier = self.set.identifier;
        Ok(slip39::split_with_rng(
            &self.secret,
            "",
            self.set.group_threshold,
            groups,
            self.set.iteration_exponent,
            self.set.extendable,
            |buffer| {
                stream.fill(buffer, identifier);
                Ok(())
            },
        )?)
    }

    /// Checks typed shares against this wallet; reveals nothing of it. One share: whether it
    /// belongs to the wallet's set and which group and member it is (for a set made here,
    /// compared word for word, in constant time, with the share made for that member). Several:
    /// whether they restore this wallet (with `passphrase`, empty for none).
    ///
    /// # Errors
    /// For one share, those of [`slip39::inspect`]; for several, those of
    /// [`ShamirBackup::restore`]; `SHARES_NONE` for none.
    pub fn check<S: AsRef<str>>(
        &self,
        shares: &[S],
        passphrase: &str,
    ) -> Result<ShareCheck, Error> {
        match shares {
            [] => Err(Slip39Error::NoShares.into()),
            [one] => self.check_one(one.as_ref()),
            _ => {
                validated(shares)?;
                let secret = slip39::combine(shares, passphrase)?;
                Ok(
                    if bool::from(secret.as_bytes().ct_eq(self.secret.as_slice())) {
                        ShareCheck::Restores
                    } else {
                        ShareCheck::DoesNotRestore
                    },
                )
            }
        }
    }

    fn check_one(&self, share: &str) -> Result<ShareCheck, Error> {
        let info = slip39::inspect(share)?;
        if !self.set.admits(&info) {
            return Ok(ShareCheck::OtherSet { info });
        }
        if self.set.groups.is_none() {
            return Ok(ShareCheck::Member { info, exact: false });
        }
        let made = self.shares()?;
        let typed = normalized(share);
        let same = made
            .get(usize::from(info.group_index))
            .and_then(|group| group.get(usize::from(info.member_index)))
            .is_some_and(|m| bool::from(m.as_str().as_bytes().ct_eq(typed.as_bytes())));
        Ok(if same {
            ShareCheck::Member { info, exact: true }
        } else {
            ShareCheck::NotMember { info }
        })
    }

    /// An upper bound of what [`ShamirBackup::write_keyring`] writes for `hd_path`.
    pub(crate) fn keyring_capacity(&self, hd_path: &str) -> usize {
        320 + self.secret.len() * 2
            + hd_path.len()
            + self.set.groups.as_ref().map_or(0, |g| g.len() * 8)
    }

    /// Appends this wallet's keyring entry (`docs/vault-format.md`) without its closing brace
    /// (the caller adds the entry's `metadata` first) to `out`, which the caller
    /// sized with [`ShamirBackup::keyring_capacity`] so it never grows (a grown buffer would
    /// leave an unwiped copy of the master secret behind). `hd_path` must be a parsed path
    /// (no JSON escaping needed).
    pub(crate) fn write_keyring(&self, out: &mut String, accounts: usize, hd_path: &str) {
        use fmt::Write as _;
        let set = &self.set;
        out.push_str(r#"{"type":""#);
        out.push_str(SHAMIR_KEYRING_TYPE);
        out.push_str(r#"","data":{"masterSecret":""#);
        crate::hex::push_lower(out, &self.secret);
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            r#"","numberOfAccounts":{accounts},"hdPath":"{hd_path}","shareSet":{{"identifier":{},"extendable":{},"iterationExponent":{},"groupThreshold":{},"groupCount":{}"#,
            set.identifier,
            set.extendable,
            set.iteration_exponent,
            set.group_threshold,
            set.group_count
        );
        if let Some(groups) = &set.groups {
            out.push_str(r#","groups":["#);
            for (i, (threshold, count)) in groups.iter().enumerate() {
                let _ = write!(out, "{}[{threshold},{count}]", if i > 0 { "," } else { "" });
            }
            out.push(']');
        }
        let _ = write!(out, r#","passphrase":{}}}}}"#, set.passphrase);
    }

    /// Reads the `data` of a [`SHAMIR_KEYRING_TYPE`] keyring entry (JSON text).
    ///
    /// # Errors
    /// `MALFORMED_VAULT` naming what is wrong: not the layout of `docs/vault-format.md`, a
    /// master secret that is not 16 to 64 bytes of hex (an even number), set fields out of
    /// range or inconsistent, an iteration exponent above [`MAX_ACCEPTED_ITERATION_EXPONENT`].
    pub fn read(data: &str) -> Result<ShamirKeyringData, Error> {
        let node = json::parse(data).map_err(|_| VaultError::Malformed {
            reason: "the shamir keyring's data is not an object",
        })?;
        Self::read_node(&node)
    }

    /// [`ShamirBackup::read`] of a value the keyring list's reader has parsed in place: the
    /// master secret's digits are decoded straight from the decrypted text into a buffer
    /// wiped on drop.
    pub(crate) fn read_node(data: &json::Node<'_>) -> Result<ShamirKeyringData, Error> {
        let malformed = |reason| Error::from(VaultError::Malformed { reason });
        let [secret, set, count, path] = json::members(
            data,
            ["masterSecret", "shareSet", "numberOfAccounts", "hdPath"],
        )
        .ok_or_else(|| malformed("the shamir keyring's data is not an object"))?;
        let Some(json::Value::String(digits)) = secret.map(|node| &node.value) else {
            return Err(malformed("the shamir keyring has no master secret"));
        };
        let digits = digits.as_bytes();
        if !(32..=128).contains(&digits.len()) || digits.len() % 4 != 0 {
            return Err(malformed(
                "the master secret is not 16 to 64 bytes, an even number",
            ));
        }
        let mut secret = Zeroizing::new(vec![0u8; digits.len() / 2]);
        crate::hex::decode_into(digits, &mut secret)
            .ok_or_else(|| malformed("the master secret is not hex"))?;
        let set = read_set(set, slip39::word_count(secret.len()))
            .ok_or_else(|| malformed("the share set's fields are missing or out of range"))?;
        if set.iteration_exponent > MAX_ACCEPTED_ITERATION_EXPONENT {
            return Err(malformed("the share set's iteration exponent is too high"));
        }
        let number_of_accounts = match json::present(count) {
            None => None,
            Some(n) => Some(
                n.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| malformed("numberOfAccounts is not a number"))?,
            ),
        };
        let hd_path = match json::present(path).map(|path| &path.value) {
            None => None,
            Some(json::Value::String(raw)) => {
                Some(json::string(raw).map_err(|_| malformed("hdPath is not a string"))?)
            }
            Some(_) => return Err(malformed("hdPath is not a string")),
        };
        Ok(ShamirKeyringData {
            backup: Self { secret, set },
            number_of_accounts,
            hd_path,
        })
    }
}

/// A JSON integer from 0 to `max`.
fn small(value: &json::Node<'_>, max: u8) -> Option<u8> {
    value
        .as_u64()
        .filter(|n| *n <= u64::from(max))
        .and_then(|n| u8::try_from(n).ok())
}

/// A JSON `true` or `false`.
fn boolean(value: &json::Node<'_>) -> Option<bool> {
    match (&value.value, value.text) {
        (json::Value::Bool, "true") => Some(true),
        (json::Value::Bool, _) => Some(false),
        _ => None,
    }
}

/// The `shareSet` of a keyring entry, if every field is there, in range and consistent.
fn read_set(value: Option<&json::Node<'_>>, word_count: usize) -> Option<ShareSet> {
    let [group_count, group_threshold, groups, passphrase, identifier, extendable, exponent] =
        json::members(
            value?,
            [
                "groupCount",
                "groupThreshold",
                "groups",
                "passphrase",
                "identifier",
                "extendable",
                "iterationExponent",
            ],
        )?;
    let group_count = small(group_count?, slip39::MAX_SHARE_COUNT).filter(|n| *n >= 1)?;
    let group_threshold = small(group_threshold?, group_count).filter(|n| *n >= 1)?;
    let groups = match json::present(groups).map(|list| &list.value) {
        None => None,
        Some(json::Value::Array(list)) => Some(
            list.iter()
                .map(|pair| match &pair.value {
                    json::Value::Array(pair) => match pair.as_slice() {
                        [t, n] => Some((small(t, 16)?, small(n, 16)?)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?,
        ),
        Some(_) => return None,
    };
    let passphrase = passphrase.map_or(Some(false), boolean)?;
    if let Some(groups) = &groups {
        let fits = groups.len() == usize::from(group_count)
            && slip39::check_groups(group_threshold, groups).is_ok();
        // A set made here has no passphrase: its shares are made again without one.
        if !fits || passphrase {
            return None;
        }
    }
    let identifier = identifier?.as_u64().filter(|n| *n <= 0x7fff)?;
    Some(ShareSet {
        identifier: u16::try_from(identifier).ok()?,
        extendable: boolean(extendable?)?,
        iteration_exponent: small(exponent?, slip39::MAX_ITERATION_EXPONENT)?,
        group_threshold,
        group_count,
        groups,
        passphrase,
        word_count,
    })
}
