//! The keyring collection ([`Keyrings`]): one HD keyring (a Secret Recovery Phrase and how many
//! accounts are derived from it) plus imported private keys, serialized exactly as MetaMask's
//! KeyringController does.
//!
//! Serialized form (the vault plaintext), a JSON array of keyrings:
//! ```text
//! [{ "type": "HD Key Tree",
//!    "data": { "mnemonic": [UTF-8 bytes of the phrase], "numberOfAccounts": n,
//!              "hdPath": "m/44'/60'/0'/0" } },
//!  { "type": "Simple Key Pair", "data": ["<64 hex digits, no 0x>", …] }]
//! ```
//! Old MetaMask vaults store the mnemonic as a string; both forms are read. Keyrings of other
//! types (hardware wallets, snaps, a second HD keyring) are not used by Keystead but are kept
//! verbatim, so that re-encrypting a MetaMask vault never drops anything from it.
//!
//! Account `i` of the HD keyring is `hdPath/i` (`m/44'/60'/0'/0/i` by default). Imported keys are
//! NOT derived from the phrase: a restore from the phrase alone does not bring them back.
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
    /// Derived from the Secret Recovery Phrase at `hdPath/index`: covered by the phrase.
    Hd {
        /// The account's index under the HD path.
        index: AccountIndex,
    },
    /// An imported private key: NOT covered by the phrase.
    Imported,
}

/// Public facts about one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Account {
    /// The account's address.
    pub address: Address,
    /// HD (with its index) or imported.
    pub kind: AccountKind,
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

/// The keyrings of one wallet. Holds secrets: never `Copy`, `Debug` or `Display`; every key and
/// the phrase zeroize when it is dropped.
pub struct Keyrings {
    hd: Option<HdKeyring>,
    /// Boxed for the same reason as [`HdKeyring::accounts`].
    #[allow(clippy::vec_box)]
    imported: Vec<Box<ImportedAccount>>,
    /// Keyrings of other types, kept verbatim (their JSON text) so that nothing is lost.
    preserved: Vec<Zeroizing<String>>,
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
}

impl Keyrings {
    /// A keyring with one HD account derived from `mnemonic` at MetaMask's default path.
    ///
    /// # Errors
    /// Only if derivation fails (probability below 2^-127).
    pub fn from_mnemonic(mnemonic: Mnemonic) -> Result<Self, Error> {
        Self::with_hd(HdSecret::Phrase(mnemonic))
    }

    fn with_hd(secret: HdSecret) -> Result<Self, Error> {
        Ok(Self {
            hd: Some(HdKeyring::new(secret, METAMASK_HD_PATH, 1)?),
            imported: Vec::new(),
            preserved: Vec::new(),
        })
    }

    /// A keyring with one HD account at MetaMask's default path, whose BIP-32 seed is the
    /// master secret of `backup` (a wallet backed up with SLIP-39 shares).
    ///
    /// # Errors
    /// Only if derivation fails (probability below 2^-127).
    pub fn from_shamir(backup: ShamirBackup) -> Result<Self, Error> {
        Self::with_hd(HdSecret::Shamir(backup))
    }

    /// The wallet's SLIP-39 backup (master secret and share set), for a Shamir wallet.
    ///
    /// # Errors
    /// `NotShamir` for a wallet with a phrase or without an HD keyring.
    pub fn shamir(&self) -> Result<&ShamirBackup, ShamirError> {
        match self.hd.as_ref().map(|hd| &hd.secret) {
            Some(HdSecret::Shamir(backup)) => Ok(backup),
            _ => Err(ShamirError::NotShamir),
        }
    }

    fn mnemonic(&self) -> Option<&Mnemonic> {
        match self.hd.as_ref().map(|hd| &hd.secret) {
            Some(HdSecret::Phrase(mnemonic)) => Some(mnemonic),
            _ => None,
        }
    }

    /// Every account: the HD accounts in index order, then the imported ones in import order.
    pub fn accounts(&self) -> Vec<Account> {
        let hd = self.hd.iter().flat_map(|hd| {
            hd.accounts.iter().enumerate().filter_map(|(i, a)| {
                let index = AccountIndex::new(u32::try_from(i).ok()?).ok()?;
                Some(Account {
                    address: a.address,
                    kind: AccountKind::Hd { index },
                })
            })
        });
        let imported = self.imported.iter().map(|a| Account {
            address: a.address,
            kind: AccountKind::Imported,
        });
        hd.chain(imported).collect()
    }

    /// Derives the next HD account and returns its address. If that address was imported
    /// earlier as a private key, the imported copy is dropped: the phrase now covers it.
    ///
    /// # Errors
    /// `NoPhrase` without an HD keyring; `TooManyAccounts` past [`MAX_HD_ACCOUNTS`].
    pub fn add_account(&mut self) -> Result<Address, Error> {
        let hd = self.hd.as_mut().ok_or(KeyringError::NoPhrase)?;
        let address = hd.derive_next()?;
        self.imported.retain(|a| a.address != address);
        Ok(address)
    }

    /// Imports a private key (64 hex digits, optional `0x`) and returns its address.
    ///
    /// # Errors
    /// `INVALID_PRIVATE_KEY` for a malformed key; `DUPLICATE_ACCOUNT` when the address is
    /// already in the keyring (HD or imported). Nothing changes on error.
    pub fn import_private_key(&mut self, hex: &str) -> Result<Address, Error> {
        let key = PrivateKey::from_hex(hex)?;
        let address = key.address();
        if self.contains(&address) {
            return Err(KeyringError::DuplicateAccount.into());
        }
        self.imported
            .push(Box::new(ImportedAccount { key, address }));
        Ok(address)
    }

    /// Removes an imported account.
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT` if no account has this address; `NotRemovable` for HD accounts.
    pub fn remove_account(&mut self, address: &Address) -> Result<(), Error> {
        if let Some(pos) = self.imported.iter().position(|a| a.address == *address) {
            self.imported.remove(pos);
            return Ok(());
        }
        if self.hd_account(address).is_some() {
            return Err(KeyringError::NotRemovable.into());
        }
        Err(KeyringError::UnknownAccount.into())
    }

    /// Whether an account (HD or imported) has this address.
    pub fn contains(&self, address: &Address) -> bool {
        self.key_for(address).is_ok()
    }

    fn hd_account(&self, address: &Address) -> Option<&HdAccount> {
        self.hd
            .as_ref()
            .and_then(|hd| hd.accounts.iter().find(|a| a.address == *address))
            .map(|a| &**a)
    }

    fn key_for(&self, address: &Address) -> Result<&PrivateKey, KeyringError> {
        if let Some(a) = self.hd_account(address) {
            return Ok(&a.key);
        }
        self.imported
            .iter()
            .find(|a| a.address == *address)
            .map(|a| &a.key)
            .ok_or(KeyringError::UnknownAccount)
    }

    /// The phrase, single-spaced lower-case words. Callers gate this behind the password.
    ///
    /// # Errors
    /// `NoPhrase` when the keyring has no phrase (no HD keyring, or a Shamir one).
    pub fn phrase(&self) -> Result<Zeroizing<String>, Error> {
        Ok(self.mnemonic().ok_or(KeyringError::NoPhrase)?.phrase())
    }

    /// The account's private key as `0x` + 64 hex digits. Callers gate this behind the password.
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT`.
    pub fn private_key_hex(&self, address: &Address) -> Result<Zeroizing<String>, Error> {
        Ok(self.key_for(address)?.to_hex())
    }

    /// Whether `phrase` (typed, any case/whitespace) is this keyring's phrase, in constant time.
    /// A phrase that is not a valid BIP39 phrase is simply not a match.
    pub fn verify_phrase(&self, phrase: &str) -> bool {
        match (self.mnemonic(), Mnemonic::parse(phrase)) {
            (Some(mnemonic), Ok(typed)) => bool::from(mnemonic.ct_eq(&typed)),
            _ => false,
        }
    }

    /// Whether `hash` is the phrase guard's fingerprint of this keyring's phrase
    /// ([`crate::phrase_guard`]), in constant time. No phrase means no match.
    pub fn is_own_phrase_hash(&self, hash: &[u8; crate::phrase_guard::HASH_LEN]) -> bool {
        self.mnemonic()
            .is_some_and(|m| crate::phrase_guard::is_own_phrase_hash(&m.phrase(), hash))
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

    /// MetaMask's serialized keyring list (see the module docs), as UTF-8 JSON text.
    pub fn serialize(&self) -> Zeroizing<String> {
        let phrase = self.mnemonic().map(Mnemonic::phrase);
        // Reserve an upper bound up front: a zeroizing String that grew would leave the old,
        // unwiped buffer (holding the mnemonic bytes or keys) behind in freed memory.
        // Per phrase byte at most "255,"; per key 64 digits, quotes and a comma; the rest is the
        // fixed JSON text (under 160 bytes), the path and the count.
        let capacity = 256
            + phrase.as_ref().map_or(0, |p| p.len() * 4)
            + self.hd.as_ref().map_or(0, |hd| hd.path_text.len())
            + self.shamir().map_or(0, |backup| {
                backup.keyring_capacity(self.hd.as_ref().map_or("", |hd| &hd.path_text))
            })
            + self.imported.len() * 67
            + self
                .preserved
                .iter()
                .map(|raw| raw.len() + 1)
                .sum::<usize>();
        let mut out = Zeroizing::new(String::with_capacity(capacity));
        out.push('[');
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !first {
                out.push(',');
            }
            first = false;
        };
        if let (Some(hd), Some(phrase)) = (&self.hd, &phrase) {
            sep(&mut out);
            out.push_str(r#"{"type":"HD Key Tree","data":{"mnemonic":["#);
            for (i, b) in phrase.bytes().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                // Writing to a String cannot fail.
                let _ = write!(out, "{b}");
            }
            let _ = write!(
                out,
                r#"],"numberOfAccounts":{},"hdPath":""#,
                hd.accounts.len()
            );
            // A parsed path holds only digits, `m`, `/` and hardened marks: no JSON escaping.
            out.push_str(&hd.path_text);
            out.push_str(r#""}}"#);
        }
        if let (Some(hd), Ok(backup)) = (&self.hd, self.shamir()) {
            sep(&mut out);
            backup.write_keyring(&mut out, hd.accounts.len(), &hd.path_text);
        }
        if !self.imported.is_empty() {
            sep(&mut out);
            out.push_str(r#"{"type":"Simple Key Pair","data":["#);
            for (i, a) in self.imported.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('"');
                let hex = a.key.to_hex();
                out.push_str(hex.strip_prefix("0x").unwrap_or(&hex));
                out.push('"');
            }
            out.push_str("]}");
        }
        for raw in &self.preserved {
            sep(&mut out);
            out.push_str(raw);
        }
        out.push(']');
        out
    }

    /// Reads MetaMask's serialized keyring list (see the module docs).
    ///
    /// The first "HD Key Tree" (or [`SHAMIR_KEYRING_TYPE`] keyring) is the wallet's HD keyring;
    /// every "Simple Key Pair" contributes imported keys; any other keyring (including a second
    /// HD keyring) is preserved verbatim.
    ///
    /// # Errors
    /// `MALFORMED_VAULT` naming the broken part, `INVALID_PHRASE` / `INVALID_PRIVATE_KEY` for
    /// secrets that do not parse. Never panics on any input.
    pub fn deserialize(json: &[u8]) -> Result<Self, Error> {
        let malformed = |reason| Error::from(VaultError::Malformed { reason });
        // Read in place (crate::json): no copy of the plaintext's secrets outside `json`.
        let list = core::str::from_utf8(json).map(json::parse);
        let Ok(Ok(json::Node {
            value: json::Value::Array(entries),
            ..
        })) = list
        else {
            return Err(malformed("keyrings are not a json list"));
        };
        let mut keyring = Self {
            hd: None,
            imported: Vec::new(),
            preserved: Vec::new(),
        };
        for entry in &entries {
            let (kind, data) =
                keyring_entry(entry).ok_or(malformed("a keyring has no type and data"))?;
            match kind.as_str() {
                HD_KEYRING_TYPE if keyring.hd.is_none() => {
                    let data =
                        HdData::read(data).ok_or(malformed("hd keyring data is malformed"))?;
                    let phrase = match data.mnemonic {
                        MnemonicText::Bytes(bytes) => Zeroizing::new(
                            core::str::from_utf8(&bytes)
                                .map_err(|_| malformed("mnemonic bytes are not utf-8"))?
                                .to_owned(),
                        ),
                        MnemonicText::Text(text) => text,
                    };
                    let mnemonic = Mnemonic::parse(&phrase)?;
                    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
                    let count = data.number_of_accounts.unwrap_or(1);
                    keyring.hd = Some(HdKeyring::new(HdSecret::Phrase(mnemonic), path, count)?);
                }
                SHAMIR_KEYRING_TYPE if keyring.hd.is_none() => {
                    let data = ShamirBackup::read_node(data)?;
                    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
                    let count = data.number_of_accounts.unwrap_or(1);
                    keyring.hd = Some(HdKeyring::new(HdSecret::Shamir(data.backup), path, count)?);
                }
                SIMPLE_KEYRING_TYPE => {
                    let keys = imported_keys(data)
                        .ok_or(malformed("imported keys are not a list of strings"))?;
                    for hex in keys {
                        let key = PrivateKey::from_hex(&hex)?;
                        let address = key.address();
                        // The same key twice (or a key the phrase covers) is one account.
                        if !keyring.contains(&address) {
                            keyring
                                .imported
                                .push(Box::new(ImportedAccount { key, address }));
                        }
                    }
                }
                _ => keyring
                    .preserved
                    .push(Zeroizing::new(entry.text.to_owned())),
            }
        }
        Ok(keyring)
    }

    /// Number of keyrings of other types kept verbatim.
    pub fn preserved_keyrings(&self) -> usize {
        self.preserved.len()
    }
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

/// A keyring entry's `type` and `data` (both required).
fn keyring_entry<'n, 'a>(entry: &'n json::Node<'a>) -> Option<(String, &'n json::Node<'a>)> {
    let [kind, data] = json::members(entry, ["type", "data"])?;
    let json::Value::String(kind) = kind?.value else {
        return None;
    };
    Some((json::string(kind).ok()?, data?))
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
    mnemonic: MnemonicText,
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
    /// optional ones also `null`; `None` for anything else.
    fn read(data: &json::Node<'_>) -> Option<Self> {
        let [mnemonic, count, path] =
            json::members(data, ["mnemonic", "numberOfAccounts", "hdPath"])?;
        let mnemonic = match &mnemonic?.value {
            json::Value::Array(items) if items.len() <= MAX_MNEMONIC_BYTES => {
                let mut bytes = Zeroizing::new(Vec::with_capacity(items.len()));
                for item in items {
                    bytes.push(u8::try_from(item.as_u64()?).ok()?);
                }
                MnemonicText::Bytes(bytes)
            }
            json::Value::String(_) => MnemonicText::Text(secret_string(mnemonic?)?),
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
