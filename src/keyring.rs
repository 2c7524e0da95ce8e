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

use core::fmt::{self, Write as _};

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use zeroize::Zeroizing;

use crate::error::Error;
use crate::eth::tx::TransactionError;
use crate::eth::tx::TransactionRequest;
use crate::eth::{eip191, typed_data, Address, PrivateKey, Signature};
use crate::hd::{
    self, AccountIndex, ChildNumber, DerivationPath, ExtendedPrivateKey, METAMASK_HD_PATH,
};
use crate::mnemonic::Mnemonic;
pub use crate::shamir_backup::SHAMIR_KEYRING_TYPE;
use crate::shamir_backup::{ShamirBackup, ShamirError};
use crate::vault::VaultError;

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

    /// EIP-191 `personal_sign` of `message` by `address`: 65 bytes r‖s‖v, v ∈ {27, 28}, low s.
    ///
    /// # Errors
    /// `UNKNOWN_ACCOUNT`.
    pub fn sign_personal_message(
        &self,
        address: &Address,
        message: &[u8],
    ) -> Result<Signature, Error> {
        Ok(self.key_for(address)?.sign_hash(&eip191::hash(message)))
    }

    /// EIP-712 `eth_signTypedData_v4` signature of `json` by `address` (same form as above).
    ///
    /// # Errors
    /// `INVALID_TYPED_DATA` (checked first), `UNKNOWN_ACCOUNT`.
    pub fn sign_typed_data_v4(&self, address: &Address, json: &str) -> Result<Signature, Error> {
        let hash = typed_data::signing_hash(json)?;
        Ok(self.key_for(address)?.sign_hash(&hash))
    }

    /// Signs a transaction request (JSON-RPC field names) and returns the raw signed bytes.
    /// A `from` field, when present, must be `address`.
    ///
    /// # Errors
    /// `INVALID_TRANSACTION` (checked first), `UNKNOWN_ACCOUNT`.
    pub fn sign_transaction(&self, address: &Address, json: &str) -> Result<Vec<u8>, Error> {
        let tx = TransactionRequest::from_json(json)?;
        if tx.from().is_some_and(|from| from != *address) {
            return Err(TransactionError {
                reason: "from is not the signing account",
            }
            .into());
        }
        Ok(tx.sign(self.key_for(address)?))
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
        let entries: Vec<&RawValue> =
            serde_json::from_slice(json).map_err(|_| malformed("keyrings are not a json list"))?;
        let mut keyring = Self {
            hd: None,
            imported: Vec::new(),
            preserved: Vec::new(),
        };
        for entry in entries {
            let header: RawKeyring<'_> = serde_json::from_str(entry.get())
                .map_err(|_| malformed("a keyring has no type and data"))?;
            match header.kind.as_str() {
                HD_KEYRING_TYPE if keyring.hd.is_none() => {
                    let data: HdData = serde_json::from_str(header.data.get())
                        .map_err(|_| malformed("hd keyring data is malformed"))?;
                    let phrase = match &data.mnemonic.0 {
                        MnemonicText::Bytes(bytes) => Zeroizing::new(
                            core::str::from_utf8(bytes)
                                .map_err(|_| malformed("mnemonic bytes are not utf-8"))?
                                .to_owned(),
                        ),
                        MnemonicText::Text(text) => text.clone(),
                    };
                    let mnemonic = Mnemonic::parse(&phrase)?;
                    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
                    let count = data.number_of_accounts.unwrap_or(1);
                    keyring.hd = Some(HdKeyring::new(HdSecret::Phrase(mnemonic), path, count)?);
                }
                SHAMIR_KEYRING_TYPE if keyring.hd.is_none() => {
                    let data = ShamirBackup::read(header.data.get())?;
                    let path = data.hd_path.as_deref().unwrap_or(METAMASK_HD_PATH);
                    let count = data.number_of_accounts.unwrap_or(1);
                    keyring.hd = Some(HdKeyring::new(HdSecret::Shamir(data.backup), path, count)?);
                }
                SIMPLE_KEYRING_TYPE => {
                    let keys: Vec<Zeroizing<String>> = serde_json::from_str(header.data.get())
                        .map_err(|_| malformed("imported keys are not a list of strings"))?;
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
                    .push(Zeroizing::new(entry.get().to_owned())),
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

#[derive(Deserialize)]
struct RawKeyring<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow)]
    data: &'a RawValue,
}

#[derive(Deserialize)]
struct HdData {
    mnemonic: MnemonicField,
    #[serde(rename = "numberOfAccounts")]
    number_of_accounts: Option<u32>,
    #[serde(rename = "hdPath")]
    hd_path: Option<String>,
}

enum MnemonicText {
    Bytes(Zeroizing<Vec<u8>>),
    Text(Zeroizing<String>),
}

/// The mnemonic as MetaMask stores it: an array of UTF-8 bytes, or (old vaults) a string.
/// Read straight into zeroizing buffers (serde's untagged enums would buffer a plain copy).
struct MnemonicField(MnemonicText);

impl<'de> Deserialize<'de> for MnemonicField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MnemonicField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a byte array or a string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(MnemonicField(MnemonicText::Text(Zeroizing::new(
                    s.to_owned(),
                ))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                // A 24-word phrase is at most 215 bytes. The buffer never grows: growing would
                // leave an unwiped copy behind in the freed block.
                let mut bytes = Zeroizing::new(Vec::with_capacity(512));
                while let Some(b) = seq.next_element::<u8>()? {
                    if bytes.len() == bytes.capacity() {
                        return Err(de::Error::custom("mnemonic is too long"));
                    }
                    bytes.push(b);
                }
                Ok(MnemonicField(MnemonicText::Bytes(bytes)))
            }
        }
        deserializer.deserialize_any(V)
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

impl std::error::Error for KeyringError {}
