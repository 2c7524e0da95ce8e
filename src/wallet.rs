//! An unlocked wallet: the keyring plus the vault key derived from the password, and the
//! password gates in front of the only two ways a secret leaves the core.
//!
//! The password itself is never stored: the wallet keeps the PBKDF2-derived AES key (and its salt
//! and iteration count) so that [`Wallet::vault`] can re-encrypt after a change without asking
//! again, as browser-passworder's cached-key mode does. [`Wallet::reveal_phrase`] and
//! [`Wallet::export_private_key`] re-derive the key from the password they are given and compare
//! it, in constant time, with the held one.
//!
//! [`Wallet::lock`] drops (and so zeroizes) the keyring and the key; every call after it fails
//! with `LOCKED`.

use zeroize::Zeroizing;

use crate::error::Error;
use crate::eth::Address;
use crate::keyring::KeyringError;
use crate::keyring::{Account, AccountSigner, KeptAside, Keyrings, PhraseInfo};
use crate::mnemonic::Mnemonic;
use crate::session::{self, SessionKey};
use crate::shamir_backup::{Scheme, ShamirBackup, ShareCheck, ShareSet};
use crate::slip39::ShareMnemonic;
use crate::vault::VaultError;
use crate::vault::{self, VaultKey, DEFAULT_ITERATIONS};

struct Unlocked {
    keyring: Keyrings,
    key: VaultKey,
}

/// A wallet that is unlocked until [`Wallet::lock`]. Holds secrets: never `Copy`, `Debug` or
/// `Display`.
pub struct Wallet {
    /// Boxed: the wallet is returned and moved by value (into the JS object, for one), and a
    /// move of the keys themselves would leave copies of them behind on the stack.
    state: Option<Box<Unlocked>>,
    upgraded: bool,
}

fn check_password(password: &str) -> Result<(), Error> {
    if password.is_empty() {
        return Err(Error::InvalidArgument("the password must not be empty"));
    }
    Ok(())
}

impl Wallet {
    fn new(keyring: Keyrings, key: VaultKey, upgraded: bool) -> Self {
        Self {
            state: Some(Box::new(Unlocked { keyring, key })),
            upgraded,
        }
    }

    fn with_mnemonic(password: &str, mnemonic: Mnemonic) -> Result<Self, Error> {
        let key = VaultKey::generate(password, DEFAULT_ITERATIONS)?;
        Self::with_key(mnemonic, key)
    }

    fn with_key(mnemonic: Mnemonic, key: VaultKey) -> Result<Self, Error> {
        Ok(Self::new(Keyrings::from_mnemonic(mnemonic)?, key, false))
    }

    /// A new wallet with a random phrase of `word_count` words (12, 15, 18, 21 or 24) and one
    /// HD account, encrypted under `password` at [`DEFAULT_ITERATIONS`].
    ///
    /// # Errors
    /// `INVALID_ARGUMENT` for another word count or an empty password.
    pub fn create(password: &str, word_count: usize) -> Result<Self, Error> {
        check_password(password)?;
        Self::with_mnemonic(password, Mnemonic::generate(word_count)?)
    }

    /// A wallet restored from a typed phrase (any case, any whitespace), with its first account.
    ///
    /// # Errors
    /// `INVALID_PHRASE` naming the first unknown word's position or the checksum;
    /// `INVALID_ARGUMENT` for an empty password.
    pub fn restore(password: &str, phrase: &str) -> Result<Self, Error> {
        check_password(password)?;
        Self::with_mnemonic(password, Mnemonic::parse(phrase)?)
    }

    /// Opens a Keystead or MetaMask vault. A vault below [`DEFAULT_ITERATIONS`] (e.g. a legacy
    /// 10,000-iteration one) gets a new key at [`DEFAULT_ITERATIONS`] with a fresh salt, so the
    /// next [`Wallet::vault`] is re-encrypted; [`Wallet::was_upgraded`] tells the caller to save it.
    ///
    /// # Errors
    /// `INCORRECT_PASSWORD` for a wrong password or any altered byte; `MALFORMED_VAULT` for a
    /// structurally broken vault or keyring list. Nothing is kept on error.
    pub fn unlock(vault_json: &str, password: &str) -> Result<Self, Error> {
        let (key, plaintext) = vault::decrypt(vault_json, password)?;
        let keyring = Keyrings::deserialize(&plaintext)?;
        if vault::needs_rekey(key.iterations()) {
            let key = VaultKey::generate(password, DEFAULT_ITERATIONS)?;
            return Ok(Self::new(keyring, key, true));
        }
        Ok(Self::new(keyring, key, false))
    }

    /// Seals this wallet (keyrings and vault key, not the password) under a session key; see
    /// [`session`] for the bytes. [`Wallet::resume`] opens it again.
    ///
    /// # Errors
    /// `LOCKED`; `INVALID_SESSION` if no nonce could be drawn.
    pub fn seal_session(&self, session: &SessionKey) -> Result<String, Error> {
        let state = self.unlocked()?;
        let keyrings = state.keyring.serialize();
        Ok(session::seal(session, &state.key, keyrings.as_bytes())?)
    }

    /// The wallet a [`Wallet::seal_session`] snapshot holds, unlocked, with no PBKDF2 run.
    ///
    /// # Errors
    /// `INVALID_SESSION` for another session's key or an altered or truncated snapshot;
    /// `MALFORMED_VAULT` if the keyrings inside do not parse. Nothing is kept on error.
    pub fn resume(snapshot: &str, session: &SessionKey) -> Result<Self, Error> {
        let (key, keyrings) = session::open(session, snapshot)?;
        Ok(Self::new(Keyrings::deserialize(&keyrings)?, key, false))
    }

    /// Like [`Wallet::create`], encrypted under a key derived outside the core (WebCrypto) with
    /// a salt and count from [`crate::vault::generate_salt`] / the caller: see
    /// [`VaultKey::from_derived`].
    ///
    /// # Errors
    /// `INVALID_ARGUMENT` for another word count or an unusable salt or count.
    pub fn create_with_key(word_count: usize, key: VaultKey) -> Result<Self, Error> {
        Self::with_key(Mnemonic::generate(word_count)?, key)
    }

    /// Like [`Wallet::restore`], encrypted under a key derived outside the core (see
    /// [`Wallet::create_with_key`]).
    ///
    /// # Errors
    /// `INVALID_PHRASE` naming the first unknown word's position or the checksum.
    pub fn restore_with_key(phrase: &str, key: VaultKey) -> Result<Self, Error> {
        Self::with_key(Mnemonic::parse(phrase)?, key)
    }

    /// A new wallet backed up with SLIP-39 shares: a random master secret of `secret_bytes` (16
    /// or 32) bytes split as `scheme` says (see [`ShamirBackup::create`]), one HD account,
    /// encrypted under a key derived outside the core (see [`Wallet::create_with_key`]).
    ///
    /// # Errors
    /// `INVALID_ARGUMENT` for a scheme SLIP-39 does not allow or another length.
    pub fn create_shamir_with_key(
        scheme: &Scheme,
        secret_bytes: usize,
        key: VaultKey,
    ) -> Result<Self, Error> {
        let backup = ShamirBackup::create(scheme, secret_bytes)?;
        Ok(Self::new(Keyrings::from_shamir(backup)?, key, false))
    }

    /// A wallet restored from typed SLIP-39 shares and an optional passphrase (empty for none),
    /// with its first account, encrypted under a key derived outside the core.
    ///
    /// # Errors
    /// See [`ShamirBackup::restore`].
    pub fn restore_shares_with_key<S: AsRef<str>>(
        shares: &[S],
        passphrase: &str,
        key: VaultKey,
    ) -> Result<Self, Error> {
        let backup = ShamirBackup::restore(shares, passphrase)?;
        Ok(Self::new(Keyrings::from_shamir(backup)?, key, false))
    }

    /// Opens a vault with a key derived outside the core from the vault's own salt and count
    /// ([`vault::ParsedVault::open_with_key`]). A vault that must be re-keyed
    /// ([`vault::needs_rekey`]) is refused before anything is decrypted: re-keying needs the
    /// password, so such a vault is opened with [`Wallet::unlock`] (`vaultKeyParams` tells JS
    /// which). So [`Wallet::was_upgraded`] stays `false`.
    ///
    /// # Errors
    /// `INVALID_ARGUMENT` for a vault that must be re-keyed; `INCORRECT_PASSWORD` if the key does
    /// not open the vault; `MALFORMED_VAULT` as [`Wallet::unlock`].
    pub fn unlock_with_key(vault_json: &str, key: Zeroizing<[u8; 32]>) -> Result<Self, Error> {
        let parsed = vault::ParsedVault::parse(vault_json)?;
        if parsed.needs_rekey() {
            return Err(Error::InvalidArgument(
                "this vault must be re-keyed: open it with the password",
            ));
        }
        let (key, plaintext) = parsed.open_with_key(key)?;
        let keyring = Keyrings::deserialize(&plaintext)?;
        Ok(Self::new(keyring, key, false))
    }

    /// Whether [`Wallet::unlock`] re-keyed a weaker vault (then store [`Wallet::vault`] now).
    pub fn was_upgraded(&self) -> bool {
        self.upgraded
    }

    fn unlocked(&self) -> Result<&Unlocked, Error> {
        self.state.as_deref().ok_or(KeyringError::Locked.into())
    }

    fn unlocked_mut(&mut self) -> Result<&mut Unlocked, Error> {
        self.state.as_deref_mut().ok_or(KeyringError::Locked.into())
    }

    fn gate(&self, password: &str) -> Result<&Unlocked, Error> {
        let state = self.unlocked()?;
        if !state.key.matches_password(password) {
            return Err(VaultError::IncorrectPassword.into());
        }
        Ok(state)
    }

    /// Whether the wallet is unlocked.
    pub fn is_unlocked(&self) -> bool {
        self.state.is_some()
    }

    /// The vault JSON (browser-passworder format) of the current keyring, with a fresh IV.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn vault(&self) -> Result<String, Error> {
        let state = self.unlocked()?;
        let plaintext = state.keyring.serialize();
        Ok(vault::encrypt(&state.key, plaintext.as_bytes())?)
    }

    /// Every account (HD first, then imported).
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn accounts(&self) -> Result<Vec<Account>, Error> {
        Ok(self.unlocked()?.keyring.accounts())
    }

    /// Derives the next HD account of the first HD keyring.
    ///
    /// # Errors
    /// `LOCKED`; see [`Keyrings::add_account`].
    pub fn add_account(&mut self) -> Result<Address, Error> {
        self.unlocked_mut()?.keyring.add_account()
    }

    /// Derives the next account of HD keyring `phrase` (0 for the first).
    ///
    /// # Errors
    /// `LOCKED`; see [`Keyrings::add_account_to`].
    pub fn add_account_to(&mut self, phrase: usize) -> Result<Address, Error> {
        self.unlocked_mut()?.keyring.add_account_to(phrase)
    }

    /// Adds another Secret Recovery Phrase (typed, any case/whitespace) as a new HD keyring;
    /// returns its phrase number (0-based).
    ///
    /// # Errors
    /// `LOCKED`, `INVALID_PHRASE`; see [`Keyrings::import_phrase`].
    pub fn import_phrase(&mut self, phrase: &str) -> Result<usize, Error> {
        let state = self.unlocked_mut()?;
        state.keyring.import_phrase(Mnemonic::parse(phrase)?)
    }

    /// The wallet's HD keyrings (phrases and Shamir master secrets) in list order.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn phrases(&self) -> Result<Vec<PhraseInfo>, Error> {
        Ok(self.unlocked()?.keyring.phrases())
    }

    /// The keyrings kept aside, verbatim, because Keystead cannot use them.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn kept_aside(&self) -> Result<Vec<KeptAside>, Error> {
        Ok(self.unlocked()?.keyring.kept_aside())
    }

    /// Imports a private key.
    ///
    /// # Errors
    /// `LOCKED`; see [`Keyrings::import_private_key`].
    pub fn import_private_key(&mut self, hex: &str) -> Result<Address, Error> {
        self.unlocked_mut()?.keyring.import_private_key(hex)
    }

    /// Removes an imported account.
    ///
    /// # Errors
    /// `LOCKED`; see [`Keyrings::remove_account`].
    pub fn remove_account(&mut self, address: &Address) -> Result<(), Error> {
        self.unlocked_mut()?.keyring.remove_account(address)
    }

    /// The phrase, after re-checking `password` (a full PBKDF2 derivation).
    ///
    /// # Errors
    /// `LOCKED`, `INCORRECT_PASSWORD`, or `NoPhrase` for a keyring without one.
    pub fn reveal_phrase(&self, password: &str) -> Result<Zeroizing<String>, Error> {
        self.reveal_phrase_of(0, password)
    }

    /// HD keyring `phrase`'s phrase, after re-checking `password` (a full PBKDF2 derivation).
    ///
    /// # Errors
    /// `LOCKED`, `NoPhrase` when there is no such phrase (checked first, so it costs no
    /// PBKDF2), `INCORRECT_PASSWORD`.
    pub fn reveal_phrase_of(
        &self,
        phrase: usize,
        password: &str,
    ) -> Result<Zeroizing<String>, Error> {
        if !self.unlocked()?.keyring.has_phrase(phrase) {
            return Err(KeyringError::NoPhrase.into());
        }
        self.gate(password)?.keyring.phrase_of(phrase)
    }

    /// `0x` + 64 hex digits: the private key of `address`, after re-checking `password`.
    ///
    /// # Errors
    /// `LOCKED`, `UNKNOWN_ACCOUNT` (checked first, so a typo costs no PBKDF2),
    /// `INCORRECT_PASSWORD`.
    pub fn export_private_key(
        &self,
        address: &Address,
        password: &str,
    ) -> Result<Zeroizing<String>, Error> {
        if !self.unlocked()?.keyring.contains(address) {
            return Err(KeyringError::UnknownAccount.into());
        }
        self.gate(password)?.keyring.private_key_hex(address)
    }

    /// The shares of a Shamir wallet's set (made here), after re-checking `password`.
    ///
    /// # Errors
    /// `LOCKED`, `INVALID_ARGUMENT` for a wallet without shares (checked first, so it costs no
    /// PBKDF2), `INCORRECT_PASSWORD`, `SHARES_MADE_ELSEWHERE` for a wallet restored from shares.
    pub fn reveal_shares(&self, password: &str) -> Result<Vec<Vec<ShareMnemonic>>, Error> {
        self.unlocked()?.keyring.shamir()?;
        self.gate(password)?.keyring.shamir()?.shares()
    }

    /// The public description of a Shamir wallet's share set; `None` for any other wallet.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn share_set(&self) -> Result<Option<ShareSet>, Error> {
        Ok(self
            .unlocked()?
            .keyring
            .shamir()
            .ok()
            .map(|b| b.set().clone()))
    }

    /// Checks typed shares against a Shamir wallet ([`ShamirBackup::check`]). Reveals nothing.
    ///
    /// # Errors
    /// `LOCKED`, `INVALID_ARGUMENT` for a wallet without shares, and those of
    /// [`ShamirBackup::check`].
    pub fn check_shares<S: AsRef<str>>(
        &self,
        shares: &[S],
        passphrase: &str,
    ) -> Result<ShareCheck, Error> {
        self.unlocked()?.keyring.shamir()?.check(shares, passphrase)
    }

    /// Whether a typed phrase is this wallet's phrase. Reveals nothing else.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn verify_phrase(&self, phrase: &str) -> Result<bool, Error> {
        self.verify_phrase_of(0, phrase)
    }

    /// Whether a typed phrase is HD keyring `number`'s phrase. Reveals nothing else.
    ///
    /// # Errors
    /// `LOCKED`.
    pub fn verify_phrase_of(&self, number: usize, phrase: &str) -> Result<bool, Error> {
        Ok(self.unlocked()?.keyring.verify_phrase_of(number, phrase))
    }

    /// Whether `hash_hex` (64 hex digits) is the phrase guard's fingerprint of this wallet's
    /// phrase ([`crate::phrase_guard`]). Reveals nothing else.
    ///
    /// # Errors
    /// `LOCKED`; `INVALID_ARGUMENT` when `hash_hex` is not 64 hex digits.
    pub fn is_own_phrase_hash(&self, hash_hex: &str) -> Result<bool, Error> {
        let state = self.unlocked()?;
        let hash = crate::phrase_guard::parse_hash(hash_hex)?;
        Ok(state.keyring.is_own_phrase_hash(&hash))
    }

    /// The signer of `address` ([`Keyrings::signer`]) for the signing function of each standard:
    /// `eip191::sign`, `typed_data::sign`, `tx::sign_request` ([`crate::eth::signer`]).
    ///
    /// # Errors
    /// `LOCKED`. An address the wallet does not hold fails (`UNKNOWN_ACCOUNT`) when it signs.
    pub fn signer(&self, address: Address) -> Result<AccountSigner<'_>, KeyringError> {
        self.state
            .as_deref()
            .map(|state| state.keyring.signer(address))
            .ok_or(KeyringError::Locked)
    }

    /// Drops the keyring and the key; both zeroize. Every later call fails with `LOCKED`.
    pub fn lock(&mut self) {
        self.state = None;
    }
}
