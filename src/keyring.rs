//! The keyring collection ([`Keyrings`]): the wallet's keyring list as MetaMask's
//! KeyringController serializes it, kept in its order: HD keyrings (a Secret Recovery Phrase, or
//! a SLIP-39 master secret, and how many accounts are derived from it), `Simple Key Pair`
//! keyrings of imported private keys, and keyrings of other types kept verbatim.
//!
//! Serialized form (the vault plaintext), a JSON array of keyrings:
//! ```text
//! [{ "type": "HD Key Tree",
//!    "data": { "mnemonic": [UTF-8 bytes of the phrase], "numberOfAccounts": n,
//!              "hdPath": "m/44'/60'/0'/0" },
//!    "metadata": { "id": "<ULID>", "name": "" } },
//!  { "type": "Simple Key Pair", "data": ["<64 hex digits, no 0x>"], "metadata": { … } }]
//! ```
//! Old MetaMask vaults store the mnemonic as a string; both forms are read. Every `HD Key Tree`
//! is one of the wallet's phrases ("Phrase 1", "Phrase 2", … in list order); MetaMask makes one
//! `Simple Key Pair` per imported key (older vaults hold several keys in one; kept as they are).
//! Each entry's `metadata` (keyring-controller ≥ 22) is kept as it is; keyrings Keystead makes
//! get `{ id: <fresh ULID>, name: "" }` as keyring-controller does. Keyrings of other types
//! (hardware wallets, snaps) are kept verbatim, and so is an `HD Key Tree` or `Simple Key Pair`
//! whose secret Keystead cannot use (a SLIP-39 `isSlip39` phrase, say): it is "kept aside"
//! ([`Keyrings::kept_aside`]), so that re-encrypting a MetaMask vault never drops anything.
//!
//! Account `i` of an HD keyring is `hdPath/i` (`m/44'/60'/0'/0/i` by default). Imported keys are
//! NOT derived from a phrase: a restore from the phrases alone does not bring them back.
//!
//! A wallet backed up with SLIP-39 shares has, in place of the "HD Key Tree", a keyring of
//! Keystead's own type ([`SHAMIR_KEYRING_TYPE`], [`crate::shamir_backup`]): its master secret is
//! the BIP-32 seed of the same HD accounts.

use core::fmt::Write as _;

use zeroize::Zeroizing;

use crate::error::Error;
use crate::eth::{Address, PrivateKey, SignHash, Signature};
use crate::hd::{
    self, AccountIndex, ChildNumber, DerivationPath, ExtendedPrivateKey, METAMASK_HD_PATH,
};
use crate::json;
use crate::mnemonic::Mnemonic;
pub use crate::shamir_backup::SHAMIR_KEYRING_TYPE;
use crate::shamir_backup::{ShamirBackup, ShamirError};
use crate::vault::VaultError;

pub mod error;
pub use error::KeyringError;

/// MetaMask's type name for the HD keyring.
pub const HD_KEYRING_TYPE: &str = "HD Key Tree";
/// MetaMask's type name for the keyring of imported private keys.
pub const SIMPLE_KEYRING_TYPE: &str = "Simple Key Pair";

/// Most HD accounts one keyring holds (a guard against a hostile vault asking for billions).
pub const MAX_HD_ACCOUNTS: u32 = 10_000;

/// Where an account's key comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountKind {
    /// Derived from one of the wallet's HD keyrings (a Secret Recovery Phrase or a Shamir
    /// master secret) at `hdPath/index`: covered by that keyring's backup.
    Hd {
        /// The account's index under the HD path.
        index: AccountIndex,
        /// Which HD keyring: 0 for the first in the keyring list ("Phrase 1"), 1 for the next…
        phrase: usize,
    },
    /// An imported private key: NOT covered by any phrase.
    Imported,
}

/// Public facts about one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Account {
    /// The account's address.
    pub address: Address,
    /// HD (with its index and phrase) or imported.
    pub kind: AccountKind,
}

/// Public facts about one HD keyring of the wallet ([`Keyrings::phrases`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseInfo {
    /// The keyring's name from its `metadata` (keyring-controller ≥ 22); `None` when absent or
    /// empty.
    pub name: Option<String>,
    /// Whether its secret is a SLIP-39 master secret rather than a BIP39 phrase.
    pub shamir: bool,
    /// How many accounts are derived from it.
    pub accounts: usize,
}

/// A keyring of a type Keystead reads that it kept aside, verbatim, because it cannot use it
/// ([`Keyrings::kept_aside`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptAside {
    /// Its position in the keyring list (0-based).
    pub position: usize,
    /// Its `type`.
    pub kind: String,
    /// Why: `SLIP39_PHRASE` (an `HD Key Tree` with `isSlip39: true`), or the code of the error
    /// reading it gave (`INVALID_PHRASE`, `INVALID_PRIVATE_KEY`, `INVALID_ARGUMENT` for a path).
    pub reason: &'static str,
}

/// A keyring entry's `metadata` (keyring-controller ≥ 22: `{ id, name }`), kept as its exact
/// text; its name is read for labels.
struct Metadata {
    raw: String,
    name: Option<String>,
}

impl Metadata {
    /// What keyring-controller gives a new keyring: `{ id: <a fresh ULID>, name: "" }`.
    fn fresh() -> Result<Self, Error> {
        let mut raw = String::with_capacity(40);
        raw.push_str(r#"{"id":""#);
        raw.push_str(&ulid()?);
        raw.push_str(r#"","name":""}"#);
        Ok(Self { raw, name: None })
    }

    fn read(node: &json::Node<'_>) -> Self {
        let name = json::members(node, ["name"])
            .and_then(|[name]| match name?.value {
                json::Value::String(raw) => json::string(raw).ok(),
                _ => None,
            })
            .filter(|name| !name.is_empty());
        Self {
            raw: node.text.to_owned(),
            name,
        }
    }
}

/// Crockford's base32, as ULIDs are written.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A ULID (the keyring id keyring-controller uses): 48 bits of milliseconds since 1970 and 80
/// random bits, 26 characters of Crockford base32.
fn ulid() -> Result<String, Error> {
    let mut random = [0u8; 10];
    getrandom::fill(&mut random).map_err(|_| VaultError::RandomUnavailable)?;
    let bits = random
        .iter()
        .fold(u128::from(now_millis() & 0xFFFF_FFFF_FFFF), |bits, b| {
            (bits << 8) | u128::from(*b)
        });
    Ok((0..26u32)
        .rev()
        .filter_map(|i| {
            let digit = usize::try_from((bits >> (5 * i)) & 31).ok()?;
            CROCKFORD.get(digit).copied().map(char::from)
        })
        .collect())
}

#[cfg(target_arch = "wasm32")]
fn now_millis() -> u64 {
    let now = js_sys::Date::now();
    // A clock before 1970 or past u64 is read as 0: the id stays unique by its random part.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let millis = if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    };
    millis
}

#[cfg(not(target_arch = "wasm32"))]
fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(0))
}

struct HdAccount {
    key: PrivateKey,
    address: Address,
}

/// What an HD keyring's seed comes from: a phrase, or a master secret split into SLIP-39 shares.
enum HdSecret {
    Phrase(Mnemonic),
    Shamir(ShamirBackup),
}

struct HdKeyring {
    secret: HdSecret,
    path_text: String,
    /// The node at `path`; account `i` is its normal child `i`.
    parent: ExtendedPrivateKey,
    /// Boxed, so that a growing list moves pointers: moving the keys themselves would leave
    /// unwiped copies in the freed buffer.
    #[allow(clippy::vec_box)]
    accounts: Vec<Box<HdAccount>>,
}

struct ImportedAccount {
    key: PrivateKey,
    address: Address,
}

/// One entry of the keyring list, in the list's order.
enum Entry {
    /// An HD keyring Keystead uses (`HD Key Tree` or [`SHAMIR_KEYRING_TYPE`]).
    /// Boxed: the list moves its entries as it grows, and moving the keyring would leave
    /// unwiped copies of its keys behind.
    Hd {
        keyring: Box<HdKeyring>,
        metadata: Option<Metadata>,
    },
    /// A `Simple Key Pair`: imported keys (MetaMask makes one per key; older vaults hold several).
    /// Boxed for the same reason as [`HdKeyring::accounts`].
    #[allow(clippy::vec_box)]
    Imported {
        keys: Vec<Box<ImportedAccount>>,
        metadata: Option<Metadata>,
    },
    /// Any other keyring, or one of the above Keystead cannot use (`aside`), as its exact text.
    Kept {
        raw: Zeroizing<String>,
        aside: Option<(String, &'static str)>,
    },
}

/// The keyrings of one wallet, in MetaMask's order. Holds secrets: never `Copy`, `Debug` or
/// `Display`; every key and phrase zeroizes when it is dropped.
pub struct Keyrings {
    entries: Vec<Entry>,
}

/// One account of a wallet as a [`SignHash`] signer ([`Keyrings::signer`]). It borrows the
/// keyrings and copies no key; never `Copy`, `Debug` or `Display`.
pub struct AccountSigner<'a> {
    keyrings: &'a Keyrings,
    address: Address,
}

impl SignHash for AccountSigner<'_> {
    type Signed<T> = Result<T, KeyringError>;

    fn address(&self) -> Address {
        self.address
    }

    fn sign_hash_with<T>(
        &self,
        hash: &[u8; 32],
        encode: impl FnOnce(Signature) -> T,
    ) -> Result<T, KeyringError> {
        self.keyrings.sign_hash(&self.address, hash).map(encode)
    }
}

impl HdKeyring {
    fn new(secret: HdSecret, path_text: &str, count: u32) -> Result<Self, Error> {
        if count > MAX_HD_ACCOUNTS {
            return Err(VaultError::Malformed {
                reason: "numberOfAccounts is too large",
            }
            .into());
        }
        let path = DerivationPath::parse(path_text)?;
        let master = match &secret {
            HdSecret::Phrase(mnemonic) => ExtendedPrivateKey::master(mnemonic.to_seed().as_bytes()),
            HdSecret::Shamir(backup) => ExtendedPrivateKey::master(backup.seed()),
        }?;
        let parent = master.derive_path(&path)?;
        let mut hd = Self {
            secret,
            path_text: path_text.to_owned(),
            parent,
            accounts: Vec::new(),
        };
        for _ in 0..count {
            hd.derive_next()?;
        }
        Ok(hd)
    }

    fn derive_next(&mut self) -> Result<Address, Error> {
        let next = u32::try_from(self.accounts.len())
            .ok()
            .filter(|n| *n < MAX_HD_ACCOUNTS)
            .ok_or(KeyringError::TooManyAccounts)?;
        let key = self
            .parent
            .derive_child(ChildNumber::normal(next)?)?
            .into_private_key();
        let address = key.address();
        self.accounts.push(Box::new(HdAccount { key, address }));
        Ok(address)
    }

    fn mnemonic(&self) -> Option<&Mnemonic> {
        match &self.secret {
            HdSecret::Phrase(mnemonic) => Some(mnemonic),
            HdSecret::Shamir(_) => None,
        }
    }

    /// An upper bound of what [`HdKeyring::write`] writes, `metadata` aside.
    fn capacity(&self, phrase: Option<&str>) -> usize {
        // Per phrase byte at most "255,"; the rest is the fixed JSON text (under 160 bytes),
        // the path and the count.
        match &self.secret {
            HdSecret::Phrase(_) => 256 + phrase.map_or(0, str::len) * 4 + self.path_text.len(),
            HdSecret::Shamir(backup) => backup.keyring_capacity(&self.path_text),
        }
    }

    /// Writes the entry without its closing brace (the caller adds `metadata` first).
    fn write(&self, out: &mut String, phrase: Option<&str>) {
        match (&self.secret, phrase) {
            (HdSecret::Shamir(backup), _) => {
                backup.write_keyring(out, self.accounts.len(), &self.path_text);
            }
            (HdSecret::Phrase(_), phrase) => {
                out.push_str(r#"{"type":"HD Key Tree","data":{"mnemonic":["#);
                for (i, b) in phrase.unwrap_or_default().bytes().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    // Writing to a String cannot fail.
                    let _ = write!(out, "{b}");
                }
                let _ = write!(
                    out,
                    r#"],"numberOfAccounts":{},"hdPath":""#,
                    self.accounts.len()
                );
                // A parsed path holds only digits, `m`, `/` and hardened marks: no escaping.
                out.push_str(&self.path_text);
                out.push_str(r#""}"#);
            }
        }
    }
}

/// Removes every imported copy of `address` from `entries`, and the `Simple Key Pair` keyrings
/// left empty. Returns whether anything was removed.
fn drop_imported(entries: &mut Vec<Entry>, address: &Address) -> bool {
    let mut removed = false;
    entries.retain_mut(|entry| match entry {
        Entry::Imported { keys, .. } => {
            let before = keys.len();
            keys.retain(|a| a.address != *address);
            removed |= keys.len() != before;
            !keys.is_empty() || keys.len() == before
        }
        _ => true,
    });
    removed
}

impl Keyrings {
    /// A keyring with one HD account derived from `mnemonic` at MetaMask's default path.
    ///
    /// # Errors
    /// Only if derivation fails (probability below 2^-127) or no randomness is available for
    /// the keyring's id.
    pub fn from_mnemonic(mnemonic: Mnemonic) -> Result<Self, Error> {
        Self::with_hd(HdSecret::Phrase(mnemonic))
    }

    fn with_hd(secret: HdSecret) -> Result<Self, Error> {
        Ok(Self {
            entries: vec![Entry::Hd {
                keyring: Box::new(HdKeyring::new(secret, METAMASK_HD_PATH, 1)?),
                metadata: Some(Metadata::fresh()?),
            }],
        })
    }

    /// A keyring with one HD account at MetaMask's default path, whose BIP-32 seed is the
    /// master secret of `backup` (a wallet backed up with SLIP-39 shares).
    ///
    /// # Errors
    /// As [`Keyrings::from_mnemonic`].
    pub fn from_shamir(backup: ShamirBackup) -> Result<Self, Error> {
        Self::with_hd(HdSecret::Shamir(backup))
    }

    /// The HD keyrings in list order (phrase 0, 1, …).
    fn hds(&self) -> impl Iterator<Item = &HdKeyring> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Hd { keyring, .. } => Some(&**keyring),
            _ => None,
        })
    }

    fn hd_mut(&mut self, phrase: usize) -> Option<&mut HdKeyring> {
        self.entries
            .iter_mut()
            .filter_map(|e| match e {
                Entry::Hd { keyring, .. } => Some(&mut **keyring),
                _ => None,
            })
            .nth(phrase)
    }

    fn imported(&self) -> impl Iterator<Item = &ImportedAccount> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Imported { keys, .. } => Some(keys.iter().map(|a| &**a)),
                _ => None,
            })
            .flatten()
    }

    /// The wallet's SLIP-39 backup (master secret and share set): its first Shamir keyring.
    ///
    /// # Errors
    /// `NotShamir` for a wallet without one.
    pub fn shamir(&self) -> Result<&ShamirBackup, ShamirError> {
        self.hds()
            .find_map(|hd| match &hd.secret {
                HdSecret::Shamir(backup) => Some(backup),
                HdSecret::Phrase(_) => None,
            })
            .ok_or(ShamirError::NotShamir)
    }

    /// The HD keyrings (phrases, and Shamir master secrets) in list order.
    pub fn phrases(&self) -> Vec<PhraseInfo> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Hd { keyring, metadata } => Some(PhraseInfo {
                    name: metadata.as_ref().and_then(|m| m.name.clone()),
                    shamir: matches!(keyring.secret, HdSecret::Shamir(_)),
                    accounts: keyring.accounts.len(),
                }),
                _ => None,
            })
            .collect()
    }

    /// The keyrings Keystead kept aside, verbatim, because it cannot use them.
    pub fn kept_aside(&self) -> Vec<KeptAside> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(position, e)| match e {
                Entry::Kept {
                    aside: Some((kind, reason)),
                    ..
                } => Some(KeptAside {
                    position,
                    kind: kind.clone(),
                    reason,
                }),
                _ => None,
            })
            .collect()
    }

    /// Every account, each address once: the HD accounts (phrase by phrase in list order, each
    /// in index order), then the imported ones in list order.
    pub fn accounts(&self) -> Vec<Account> {
        let hd = self.hds().enumerate().flat_map(|(phrase, hd)| {
            hd.accounts.iter().enumerate().filter_map(move |(i, a)| {
                let index = AccountIndex::new(u32::try_from(i).ok()?).ok()?;
                Some(Account {
                    address: a.address,
                    kind: AccountKind::Hd { index, phrase },
                })
            })
        });
        let imported = self.imported().map(|a| Account {
            address: a.address,
            kind: AccountKind::Imported,
        });
        let mut out: Vec<Account> = Vec::new();
        for account in hd.chain(imported) {
            // Linear, but a wallet holds few accounts (at most 10,000 per phrase).
            if !out.iter().any(|a| a.address == account.address) {
                out.push(account);
            }
        }
        out
    }

    /// Derives the next account of the first HD keyring ([`Keyrings::add_account_to`]).
    ///
    /// # Errors
    /// As [`Keyrings::add_account_to`].
    pub fn add_account(&mut self) -> Result<Address, Error> {
        self.add_account_to(0)
    }

    /// Derives the next account of HD keyring `phrase` (0 for the first) and returns its
    /// address. If that address was imported earlier as a private key, the imported copy is
    /// dropped (with its `Simple Key Pair` keyring when that held only it): the phrase now
    /// covers it.
    ///
    /// # Errors
    /// `NoPhrase` when there is no such HD keyring; `TooManyAccounts` past [`MAX_HD_ACCOUNTS`].
    pub fn add_account_to(&mut self, phrase: usize) -> Result<Address, Error> {
        let hd = self.hd_mut(phrase).ok_or(KeyringError::NoPhrase)?;
        let address = hd.derive_next()?;
        drop_imported(&mut self.entries, &address);
        Ok(address)
    }

    /// Adds another Secret Recovery Phrase to the wallet: a new `HD Key Tree` keyring at the end
    /// of the list (MetaMask's default path, one account, fresh `metadata`). Returns its
    /// phrase number (0-based). An imported copy of its account is dropped.
    ///
    /// # Errors
    /// `DUPLICATE_PHRASE` when the wallet already holds this phrase (compared in constant
    /// time); randomness or derivation failures. Nothing changes on error.
    pub fn import_phrase(&mut self, mnemonic: Mnemonic) -> Result<usize, Error> {
        let duplicate = self
            .hds()
            .filter_map(HdKeyring::mnemonic)
            .fold(subtle::Choice::from(0), |dup, m| dup | m.ct_eq(&mnemonic));
        if bool::from(duplicate) {
            return Err(KeyringError::DuplicatePhrase.into());
        }
        let keyring = Box::new(HdKeyring::new(
            HdSecret::Phrase(mnemonic),
            METAMASK_HD_PATH,
            1,
        )?);
        let metadata = Some(Metadata::fresh()?);
        let first = keyring.accounts.first().map(|a| a.address);
        let number = self.hds().count();
        self.entries.push(Entry::Hd { keyring, metadata });
        if let Some(address) = first {
            drop_imported(&mut self.entries, &address);
        }
        Ok(number)
    }

    /// Imports a private key (64 hex digits, optional `0x`) as a `Simple Key Pair` keyring of its
    /// own at the end of the list (as MetaMask does), and returns its address.
    ///
    /// # Errors
    /// `INVALID_PRIVATE_KEY` for a malformed key; `DUPLICATE_ACCOUNT` when the address is
    /// already in the wallet (HD or imported). Nothing changes on error.
    pub fn import_private_key(&mut self, hex: &str) -> Result<Address, Error> {
        let key = PrivateKey::from_hex(hex)?;
        let address = key.address();
        if self.contains(&address) {
            return Err(KeyringError::DuplicateAccount.into());
        }
        let metadata = Some(Metadata::fresh()?);
        self.entries.push(Entry::Imported {
            keys: vec![Box::new(ImportedAccount { key, address })],
            metadata,
        });
        Ok(address)
    }

    /// Removes an imported account (every imported copy of it, and a `Simple Key Pair` keyring
    /// left empty).
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT` if no account has this address; `NotRemovable` for HD accounts.
    pub fn remove_account(&mut self, address: &Address) -> Result<(), Error> {
        if self.hd_account(address).is_some() {
            return Err(KeyringError::NotRemovable.into());
        }
        if drop_imported(&mut self.entries, address) {
            return Ok(());
        }
        Err(KeyringError::UnknownAccount.into())
    }

    /// Whether an account (HD or imported) has this address.
    pub fn contains(&self, address: &Address) -> bool {
        self.key_for(address).is_ok()
    }

    fn hd_account(&self, address: &Address) -> Option<&HdAccount> {
        self.hds()
            .find_map(|hd| hd.accounts.iter().find(|a| a.address == *address))
            .map(|a| &**a)
    }

    fn key_for(&self, address: &Address) -> Result<&PrivateKey, KeyringError> {
        if let Some(a) = self.hd_account(address) {
            return Ok(&a.key);
        }
        self.imported()
            .find(|a| a.address == *address)
            .map(|a| &a.key)
            .ok_or(KeyringError::UnknownAccount)
    }

    fn mnemonic(&self, phrase: usize) -> Result<&Mnemonic, KeyringError> {
        self.hds()
            .nth(phrase)
            .and_then(HdKeyring::mnemonic)
            .ok_or(KeyringError::NoPhrase)
    }

    /// Whether HD keyring `phrase` exists and is a Secret Recovery Phrase.
    pub fn has_phrase(&self, phrase: usize) -> bool {
        self.mnemonic(phrase).is_ok()
    }

    /// The first HD keyring's phrase ([`Keyrings::phrase_of`]).
    ///
    /// # Errors
    /// As [`Keyrings::phrase_of`].
    pub fn phrase(&self) -> Result<Zeroizing<String>, Error> {
        self.phrase_of(0)
    }

    /// HD keyring `phrase`'s phrase, single-spaced lower-case words. Callers gate this behind
    /// the password.
    ///
    /// # Errors
    /// `NoPhrase` when there is no such HD keyring or it is a Shamir one.
    pub fn phrase_of(&self, phrase: usize) -> Result<Zeroizing<String>, Error> {
        Ok(self.mnemonic(phrase)?.phrase())
    }

    /// The account's private key as `0x` + 64 hex digits. Callers gate this behind the password.
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT`.
    pub fn private_key_hex(&self, address: &Address) -> Result<Zeroizing<String>, Error> {
        Ok(self.key_for(address)?.to_hex())
    }

    /// Whether `phrase` (typed, any case/whitespace) is the first HD keyring's phrase
    /// ([`Keyrings::verify_phrase_of`]).
    pub fn verify_phrase(&self, phrase: &str) -> bool {
        self.verify_phrase_of(0, phrase)
    }

    /// Whether `typed` (any case/whitespace) is HD keyring `phrase`'s phrase, in constant time.
    /// A phrase that is not a valid BIP39 phrase, or no such keyring, is simply not a match.
    pub fn verify_phrase_of(&self, phrase: usize, typed: &str) -> bool {
        match (self.mnemonic(phrase), Mnemonic::parse(typed)) {
            (Ok(mnemonic), Ok(typed)) => bool::from(mnemonic.ct_eq(&typed)),
            _ => false,
        }
    }

    /// Whether `hash` is the phrase guard's fingerprint of any of this wallet's phrases
    /// ([`crate::phrase_guard`]), each compared in constant time. No phrase means no match.
    pub fn is_own_phrase_hash(&self, hash: &[u8; crate::phrase_guard::HASH_LEN]) -> bool {
        self.hds()
            .filter_map(HdKeyring::mnemonic)
            .fold(false, |found, m| {
                crate::phrase_guard::is_own_phrase_hash(&m.phrase(), hash) | found
            })
    }

    /// The one place an account's key signs: `address`'s key signs the 32-byte `hash` (RFC 6979,
    /// low s, recoverable; [`PrivateKey::sign_hash`]). Every kind of signature reaches it through
    /// [`Keyrings::signer`].
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT`.
    pub fn sign_hash(&self, address: &Address, hash: &[u8; 32]) -> Result<Signature, KeyringError> {
        Ok(self.key_for(address)?.sign_hash(hash))
    }

    /// The signer of `address` for the signing functions of each standard
    /// ([`crate::eth::signer`]). Its key is looked up only when it signs, through
    /// [`Keyrings::sign_hash`], so those functions check their own input first and an unknown
    /// address fails (`UNKNOWN_ACCOUNT`) only then.
    pub fn signer(&self, address: Address) -> AccountSigner<'_> {
        AccountSigner {
            keyrings: self,
            address,
        }
    }

    /// MetaMask's serialized keyring list (see the module docs), as UTF-8 JSON text, in the
    /// order it was read, each entry's `metadata` as it was.
    pub fn serialize(&self) -> Zeroizing<String> {
        let phrases: Vec<Option<Zeroizing<String>>> = self
            .entries
            .iter()
            .map(|e| match e {
                Entry::Hd { keyring, .. } => keyring.mnemonic().map(Mnemonic::phrase),
                _ => None,
            })
            .collect();
        let meta_len = |m: &Option<Metadata>| m.as_ref().map_or(0, |m| m.raw.len() + 16);
        // Reserve an upper bound up front: a zeroizing String that grew would leave the old,
        // unwiped buffer (holding the mnemonic bytes or keys) behind in freed memory.
        let capacity = 2 + self
            .entries
            .iter()
            .zip(&phrases)
            .map(|(e, phrase)| {
                1 + match e {
                    Entry::Hd { keyring, metadata } => {
                        keyring.capacity(phrase.as_deref().map(String::as_str)) + meta_len(metadata)
                    }
                    Entry::Imported { keys, metadata } => 48 + keys.len() * 67 + meta_len(metadata),
                    Entry::Kept { raw, .. } => raw.len(),
                }
            })
            .sum::<usize>();
        let mut out = Zeroizing::new(String::with_capacity(capacity));
        out.push('[');
        for (i, (entry, phrase)) in self.entries.iter().zip(&phrases).enumerate() {
            if i > 0 {
                out.push(',');
            }
            let metadata = match entry {
                Entry::Hd { keyring, metadata } => {
                    keyring.write(&mut out, phrase.as_deref().map(String::as_str));
                    metadata
                }
                Entry::Imported { keys, metadata } => {
                    out.push_str(r#"{"type":"Simple Key Pair","data":["#);
                    for (i, a) in keys.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push('"');
                        let hex = a.key.to_hex();
                        out.push_str(hex.strip_prefix("0x").unwrap_or(&hex));
                        out.push('"');
                    }
                    out.push(']');
                    metadata
                }
                Entry::Kept { raw, .. } => {
                    out.push_str(raw);
                    continue;
                }
            };
            if let Some(metadata) = metadata {
                out.push_str(r#","metadata":"#);
                out.push_str(&metadata.raw);
            }
            out.push('}');
        }
        out.push(']');
        out
    }

    /// Reads MetaMask's serialized keyring list (see the module docs), keeping its order and
    /// each entry's `metadata`.
    ///
    /// Every "HD Key Tree" (and [`SHAMIR_KEYRING_TYPE`] keyring) is an HD keyring of the
    /// wallet; every "Simple Key Pair" holds imported keys; any other keyring is preserved
    /// verbatim. An "HD Key Tree" or "Simple Key Pair" of the right layout whose secret Keystead
    /// cannot use (a SLIP-39 `isSlip39` phrase, a phrase that is not BIP39, a key that is not a
    /// secp256k1 key, a path it cannot derive) is kept aside verbatim ([`Keyrings::kept_aside`]).
    ///
    /// # Errors
    /// `MALFORMED_VAULT` naming the broken part; the Shamir keyring's own errors. Never panics
    /// on any input.
    pub fn deserialize(json: &[u8]) -> Result<Self, Error> {
        let malformed = |reason| Error::from(VaultError::Malformed { reason });
        // Read in place (crate::json): no copy of the plaintext's secrets outside `json`.
        let list = core::str::from_utf8(json).map(json::parse);
        let Ok(Ok(json::Node {
            value: json::Value::Array(nodes),
            ..
        })) = list
        else {
            return Err(malformed("keyrings are not a json list"));
        };
        let mut keyring = Self {
            entries: Vec::with_capacity(nodes.len()),
        };
        for node in &nodes {
            let (kind, data, metadata) =
                keyring_entry(node).ok_or(malformed("a keyring has no type and data"))?;
            let metadata = json::present(metadata).map(Metadata::read);
            let entry = match kind.as_str() {
                HD_KEYRING_TYPE => {
                    read_hd(data).map(|hd| hd.map(|keyring| Entry::Hd { keyring, metadata }))
                }
                SHAMIR_KEYRING_TYPE => {
                    let data = ShamirBackup::read_node(data)?;
                    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
                    let count = data.number_of_accounts.unwrap_or(1);
                    let keyring =
                        Box::new(HdKeyring::new(HdSecret::Shamir(data.backup), path, count)?);
                    Ok(Ok(Entry::Hd { keyring, metadata }))
                }
                SIMPLE_KEYRING_TYPE => read_imported(data)
                    .map(|keys| keys.map(|keys| Entry::Imported { keys, metadata })),
                _ => Ok(Err(None)),
            }?;
            keyring
                .entries
                .push(entry.unwrap_or_else(|aside| Entry::Kept {
                    raw: Zeroizing::new(node.text.to_owned()),
                    aside: aside.map(|reason| (kind, reason)),
                }));
        }
        Ok(keyring)
    }

    /// Number of keyrings kept verbatim (of other types, or kept aside).
    pub fn preserved_keyrings(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e, Entry::Kept { .. }))
            .count()
    }
}

/// Why a keyring was kept aside, or `None` for one of a type Keystead does not read.
type Aside = Option<&'static str>;

/// An "HD Key Tree" entry's keyring; `Ok(Err(reason))` when it is kept aside.
fn read_hd(data: &json::Node<'_>) -> Result<Result<Box<HdKeyring>, Aside>, Error> {
    let malformed = |reason| Error::from(VaultError::Malformed { reason });
    let data = HdData::read(data).ok_or(malformed("hd keyring data is malformed"))?;
    let Some(mnemonic) = data.mnemonic else {
        return Ok(Err(Some("SLIP39_PHRASE")));
    };
    let phrase = match mnemonic {
        MnemonicText::Bytes(bytes) => Zeroizing::new(
            core::str::from_utf8(&bytes)
                .map_err(|_| malformed("mnemonic bytes are not utf-8"))?
                .to_owned(),
        ),
        MnemonicText::Text(text) => text,
    };
    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
    let count = data.number_of_accounts.unwrap_or(1);
    let made = Mnemonic::parse(&phrase)
        .map_err(Error::from)
        .and_then(|m| HdKeyring::new(HdSecret::Phrase(m), path, count).map(Box::new));
    match made {
        Ok(hd) => Ok(Ok(hd)),
        Err(e) if e.code() == "MALFORMED_VAULT" => Err(e),
        Err(e) => Ok(Err(Some(e.code()))),
    }
}

/// A "Simple Key Pair" entry's keys, all of them, in order; `Ok(Err(reason))` when one is not
/// a key Keystead can use (the keyring is then kept aside whole).
#[allow(clippy::vec_box)]
fn read_imported(data: &json::Node<'_>) -> Result<Result<Vec<Box<ImportedAccount>>, Aside>, Error> {
    let hexes = imported_keys(data).ok_or(VaultError::Malformed {
        reason: "imported keys are not a list of strings",
    })?;
    let mut keys = Vec::with_capacity(hexes.len());
    for hex in hexes {
        match PrivateKey::from_hex(&hex) {
            Ok(key) => {
                let address = key.address();
                keys.push(Box::new(ImportedAccount { key, address }));
            }
            Err(e) => return Ok(Err(Some(Error::from(e).code()))),
        }
    }
    Ok(Ok(keys))
}

/// Addresses of accounts `start .. start + count` of `phrase` at MetaMask's default path,
/// without building a keyring (for account discovery and cross-checks).
///
/// # Errors
/// `INVALID_PHRASE`; `INVALID_ARGUMENT` for more than 1,000 addresses or indices past 2^31.
pub fn derive_addresses(phrase: &str, start: u32, count: u32) -> Result<Vec<Address>, Error> {
    if count > 1_000 {
        return Err(Error::InvalidArgument("at most 1000 addresses at once"));
    }
    let mnemonic = Mnemonic::parse(phrase)?;
    let parent = hd::account_parent(&mnemonic.to_seed())?;
    let children = (0..count)
        .map(|i| {
            let index = start
                .checked_add(i)
                .ok_or(Error::InvalidArgument("account index out of range"))?;
            Ok(ChildNumber::normal(index)?)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(parent
        .child_public_keys(&children)?
        .iter()
        .map(Address::from_public_key)
        .collect())
}

/// A string decoded into a zeroizing buffer sized once (`raw` is its longest form).
fn secret_string(node: &json::Node<'_>) -> Option<Zeroizing<String>> {
    let json::Value::String(raw) = node.value else {
        return None;
    };
    let mut out = Zeroizing::new(String::with_capacity(raw.len()));
    json::decode_string(raw, &mut out).ok()?;
    Some(out)
}

/// A keyring entry's `type` and `data` (both required) and its `metadata` (optional).
type EntryParts<'n, 'a> = (String, &'n json::Node<'a>, Option<&'n json::Node<'a>>);

/// A keyring entry's parts ([`EntryParts`]).
fn keyring_entry<'n, 'a>(entry: &'n json::Node<'a>) -> Option<EntryParts<'n, 'a>> {
    let [kind, data, metadata] = json::members(entry, ["type", "data", "metadata"])?;
    let json::Value::String(kind) = kind?.value else {
        return None;
    };
    Some((json::string(kind).ok()?, data?, metadata))
}

/// The imported keys of a `Simple Key Pair`: a list of strings.
fn imported_keys(data: &json::Node<'_>) -> Option<Vec<Zeroizing<String>>> {
    let json::Value::Array(items) = &data.value else {
        return None;
    };
    items.iter().map(secret_string).collect()
}

/// What Keystead reads of an HD keyring's `data` (other members are ignored).
struct HdData {
    /// `None` for a SLIP-39 phrase (`isSlip39: true`, Rabby's), which is not read.
    mnemonic: Option<MnemonicText>,
    number_of_accounts: Option<u32>,
    hd_path: Option<String>,
}

/// The mnemonic as MetaMask stores it: an array of UTF-8 bytes, or (old vaults) a string; read
/// straight into zeroizing buffers that never grow.
enum MnemonicText {
    Bytes(Zeroizing<Vec<u8>>),
    Text(Zeroizing<String>),
}

/// The longest mnemonic byte array read (a 24-word phrase is at most 215 bytes).
const MAX_MNEMONIC_BYTES: usize = 512;

impl HdData {
    /// `{ "mnemonic": bytes or string, "numberOfAccounts"?: u32, "hdPath"?: string }`, the
    /// optional ones also `null`; `None` for anything else. With `"isSlip39": true` the
    /// mnemonic is not read (`mnemonic` is `None`).
    fn read(data: &json::Node<'_>) -> Option<Self> {
        let [mnemonic, count, path, slip39] =
            json::members(data, ["mnemonic", "numberOfAccounts", "hdPath", "isSlip39"])?;
        let slip39 = json::present(slip39).is_some_and(|node| node.text == "true");
        let mnemonic = match &mnemonic?.value {
            _ if slip39 => None,
            json::Value::Array(items) if items.len() <= MAX_MNEMONIC_BYTES => {
                let mut bytes = Zeroizing::new(Vec::with_capacity(items.len()));
                for item in items {
                    bytes.push(u8::try_from(item.as_u64()?).ok()?);
                }
                Some(MnemonicText::Bytes(bytes))
            }
            json::Value::String(_) => Some(MnemonicText::Text(secret_string(mnemonic?)?)),
            _ => return None,
        };
        let number_of_accounts = match json::present(count) {
            Some(count) => Some(u32::try_from(count.as_u64()?).ok()?),
            None => None,
        };
        let hd_path = match json::present(path).map(|path| &path.value) {
            Some(json::Value::String(raw)) => Some(json::string(raw).ok()?),
            Some(_) => return None,
            None => None,
        };
        Some(Self {
            mnemonic,
            number_of_accounts,
            hd_path,
        })
    }
}
