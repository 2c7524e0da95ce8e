//! The only `#[wasm_bindgen]` facade: the JS names fixed in `docs/core-api.md`.
//!
//! Errors are thrown as JS `Error`s whose `code` property is the stable [`Error::code`].
//! Passwords, phrases and keys arrive as JS strings and are copied into WASM memory here
//! ([`secret_text`]) into a buffer sized once and wiped after use. The two secrets that leave
//! ([`Keyring::reveal_phrase`], [`Keyring::export_private_key`]) are copied into a JS string
//! directly from a zeroizing buffer. Every call that touches a secret runs through
//! [`scrubbed`], which wipes the stack it used.
//!
//! Every fallible call throws the error of the Rust function it wraps (see those functions'
//! `# Errors`); the per-call codes are listed in `docs/core-api.md`.
#![allow(clippy::missing_errors_doc)]

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::error::Error;
use crate::eth::tx::{sign_authorization_request, sign_request, Authorization};
use crate::eth::{eip191, to_hex_prefixed, typed_data, Address, Signature};
use crate::keyring::{self, AccountKind};
use crate::mnemonic;
use crate::session::SessionKey;
use crate::shamir_backup::{self, Scheme, ShareCheck, ShareSet, MAX_TYPED_SHARES};
use crate::slip39::{self, ShareInfo};
use crate::vault::{self, VaultKey, DEFAULT_ITERATIONS};
use crate::wallet::Wallet;
use crate::wipe::scrubbed;

/// Most suggestions [`word_suggestions`] returns (and what it returns when the caller gives no
/// limit). The one owner of this cap; a caller that shows fewer passes its own `limit`.
const MAX_SUGGESTIONS: usize = 8;

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail; if it did, the message still stands.
    let _ = Reflect::set(
        &err,
        &JsValue::from_str("code"),
        &JsValue::from_str(e.code()),
    );
    err.into()
}

fn js<T, E: Into<Error>>(r: Result<T, E>) -> Result<T, JsValue> {
    r.map_err(|e| js_error(&e.into()))
}

fn address(s: &str) -> Result<Address, JsValue> {
    js(Address::parse(s))
}

/// A JSON argument given either as a string or as a plain object (stringified here).
fn json_text(value: &JsValue, what: &'static str) -> Result<Zeroizing<String>, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(Zeroizing::new(s));
    }
    if value.is_object() {
        if let Some(s) = js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
        {
            return Ok(Zeroizing::new(s));
        }
    }
    Err(js_error(&Error::InvalidArgument(what)))
}

/// A secret string argument (password, phrase, private key) copied into WASM memory here, not by
/// wasm-bindgen's glue: the glue grows its buffer with `realloc` at the first non-ASCII
/// character, leaving the unwiped ASCII prefix in the freed block. This buffer is sized once
/// (at most 3 UTF-8 bytes per UTF-16 unit) and wiped on drop; a lone surrogate becomes U+FFFD,
/// as `TextEncoder` (which gives WebCrypto the password's bytes) makes it.
fn secret_text(value: &JsString, what: &'static str) -> Result<Zeroizing<String>, JsValue> {
    if !value.is_string() {
        return Err(js_error(&Error::InvalidArgument(what)));
    }
    let units = usize::try_from(value.length()).unwrap_or(0);
    let mut out = Zeroizing::new(String::with_capacity(units.saturating_mul(3)));
    for c in char::decode_utf16(value.iter()) {
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    Ok(out)
}

const PASSWORD: &str = "the password must be a string";

/// A phrase number from JS (from 1; absent for the first) as the core's index (from 0).
fn phrase_index(number: Option<u32>) -> Result<usize, JsValue> {
    match number {
        None => Ok(0),
        Some(n) => n
            .checked_sub(1)
            .and_then(|i| usize::try_from(i).ok())
            .ok_or_else(|| js_error(&Error::InvalidArgument("phrases are numbered from 1"))),
    }
}

/// The core's phrase index as JS's number (from 1).
fn phrase_number(index: usize) -> u32 {
    u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1))
}
const PHRASE: &str = "the phrase must be a string";

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Defining a data property on a plain fresh object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Copies the 32 key bytes out of `key` into a zeroizing buffer and zeroes `key` (also when it
/// has the wrong length), so the derived key does not linger in JS memory.
fn take_key(key: &Uint8Array) -> Result<Zeroizing<[u8; 32]>, JsValue> {
    let mut out = Zeroizing::new([0u8; 32]);
    let len = key.length();
    if len as usize == out.len() {
        key.copy_to(out.as_mut_slice());
    }
    key.fill(0, 0, len);
    if len as usize != out.len() {
        return Err(js_error(&Error::InvalidArgument(
            "the key must be 32 bytes",
        )));
    }
    Ok(out)
}

/// `{ salt, iterations }` (salt in the vault's base64) as a JS object.
fn key_params_object(salt: &[u8], iterations: u32) -> Object {
    let obj = Object::new();
    set(&obj, "salt", &JsValue::from_str(&vault::encode_salt(salt)));
    set(&obj, "iterations", &JsValue::from(iterations));
    obj
}

const VALUE: &str = "the value must be json";
const AUTHORIZATION: &str = "an authorization must be a json string or object";

/// Parses JSON text the core wrote into a JS value.
fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|_| js_error(&Error::InvalidArgument("not json")))
}

/// The vault key for `*WithKey`: the key bytes with the salt and count of `params`
/// (`{ salt: base64, iterations }`, as from [`new_vault_key_params`]).
fn key_with_params(params: &JsValue, key: &Uint8Array) -> Result<VaultKey, JsValue> {
    let key = take_key(key)?;
    let get = |name: &str| Reflect::get(params, &JsValue::from_str(name)).ok();
    let bad = || {
        js_error(&Error::InvalidArgument(
            "params must be { salt, iterations }",
        ))
    };
    let salt = get("salt").and_then(|v| v.as_string()).ok_or_else(bad)?;
    let iterations = get("iterations")
        .and_then(|v| v.as_f64())
        .filter(|n| n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(n))
        .ok_or_else(bad)?;
    // In range and integral: the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let iterations = iterations as u32;
    let salt = js(vault::decode_salt(&salt))?;
    js(VaultKey::from_derived(key, &salt, iterations))
}

const SHARE: &str = "a share must be a string";
const PASSPHRASE: &str = "the passphrase must be a string";

/// Typed shares (a JS array of strings, at most [`MAX_TYPED_SHARES`]), each copied into a
/// wiped buffer ([`secret_text`]); the list is sized once, so it never moves them.
fn share_texts(shares: &Array) -> Result<Vec<Zeroizing<String>>, JsValue> {
    let count = usize::try_from(shares.length()).unwrap_or(usize::MAX);
    if count > MAX_TYPED_SHARES {
        return Err(js_error(&Error::InvalidArgument(
            "at most 256 shares at once",
        )));
    }
    let mut out = Vec::with_capacity(count);
    for value in shares.iter() {
        let text: &JsString = value
            .dyn_ref()
            .ok_or_else(|| js_error(&Error::InvalidArgument(SHARE)))?;
        out.push(secret_text(text, SHARE)?);
    }
    Ok(out)
}

/// A small integer property of a JS object (0 to 255), or `None`.
fn small_number(value: &JsValue) -> Option<u8> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=255.0).contains(n))
        // In range and integral: the conversion is exact.
        .map(|n| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let n = n as u8;
            n
        })
}

/// `{ groupThreshold, groups: [[memberThreshold, memberCount], …], bits? }` (bits 128, the
/// default, or 256) as a scheme and a master secret length in bytes.
fn scheme_from(value: &JsValue) -> Result<(Scheme, usize), JsValue> {
    let bad = || {
        js_error(&Error::InvalidArgument(
            "a scheme is { groupThreshold, groups: [[threshold, count], …], bits? }",
        ))
    };
    let get =
        |name: &str| Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let group_threshold = small_number(&get("groupThreshold")).ok_or_else(bad)?;
    let groups: Array = get("groups").dyn_into().map_err(|_| bad())?;
    if groups.length() > u32::from(slip39::MAX_SHARE_COUNT) {
        return Err(bad());
    }
    let groups = groups
        .iter()
        .map(|g| {
            let pair: Array = g.dyn_into().ok()?;
            if pair.length() != 2 {
                return None;
            }
            Some((small_number(&pair.get(0))?, small_number(&pair.get(1))?))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(bad)?;
    let bits = get("bits");
    let bytes = match bits.as_f64() {
        None if bits.is_undefined() => 16,
        Some(128.0) => 16,
        Some(256.0) => 32,
        _ => return Err(bad()),
    };
    Ok((
        Scheme {
            group_threshold,
            groups,
        },
        bytes,
    ))
}

/// The fields every share of a set has in common, on a new object: `{ identifier, extendable,
/// iterationExponent, groupThreshold, groupCount, wordCount }`.
fn set_fields(shares: &ShareSet) -> Object {
    let obj = Object::new();
    set(&obj, "identifier", &JsValue::from(shares.identifier));
    set(&obj, "extendable", &JsValue::from(shares.extendable));
    for (key, n) in [
        ("iterationExponent", shares.iteration_exponent),
        ("groupThreshold", shares.group_threshold),
        ("groupCount", shares.group_count),
    ] {
        set(&obj, key, &JsValue::from(n));
    }
    let words = u32::try_from(shares.word_count).unwrap_or(0);
    set(&obj, "wordCount", &JsValue::from(words));
    obj
}

/// A share's public fields: those of [`set_fields`] and `{ group, member, memberThreshold }`;
/// `group` and `member` count from 1.
fn share_info_object(info: &ShareInfo) -> Object {
    let obj = set_fields(&ShareSet::from(info));
    let group = u16::from(info.group_index) + 1;
    let member = u16::from(info.member_index) + 1;
    set(&obj, "group", &JsValue::from(group));
    set(&obj, "member", &JsValue::from(member));
    let threshold = info.member_threshold;
    set(&obj, "memberThreshold", &JsValue::from(threshold));
    obj
}

/// A share set's public description: those of [`set_fields`] and `{ groups, passphrase }`.
fn share_set_object(shares: &ShareSet) -> Object {
    let obj = set_fields(shares);
    let groups = shares.groups.as_ref().map_or(JsValue::NULL, |groups| {
        let pair = |&(t, n): &(u8, u8)| -> JsValue {
            Array::of2(&JsValue::from(t), &JsValue::from(n)).into()
        };
        groups.iter().map(pair).collect::<Array>().into()
    });
    set(&obj, "groups", &groups);
    set(&obj, "passphrase", &JsValue::from(shares.passphrase));
    obj
}

/// What [`Keyring::check_shares`] found, as `{ result, exact?, share? }`.
fn share_check_object(check: &ShareCheck) -> Object {
    let obj = Object::new();
    let (result, info) = match check {
        ShareCheck::Member { info, exact } => {
            set(&obj, "exact", &JsValue::from(*exact));
            ("member", Some(info))
        }
        ShareCheck::NotMember { info } => ("not-member", Some(info)),
        ShareCheck::OtherSet { info } => ("other-set", Some(info)),
        ShareCheck::Restores => ("restores", None),
        ShareCheck::DoesNotRestore => ("does-not-restore", None),
    };
    set(&obj, "result", &JsValue::from_str(result));
    if let Some(info) = info {
        set(&obj, "share", &share_info_object(info));
    }
    obj
}

/// The keyring of one wallet: HD accounts from a Secret Recovery Phrase plus imported keys.
#[wasm_bindgen(js_name = Keyring)]
pub struct Keyring {
    inner: Wallet,
}

#[wasm_bindgen(js_class = Keyring)]
impl Keyring {
    /// A new random phrase of `wordCount` words (12, 15, 18, 21, 24) and one HD account.
    pub fn create(
        password: &JsString,
        #[wasm_bindgen(js_name = wordCount)] word_count: u32,
    ) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            let word_count = usize::try_from(word_count).unwrap_or(usize::MAX);
            Ok(Self {
                inner: js(Wallet::create(&password, word_count))?,
            })
        })
    }

    /// From a typed phrase (any case, extra whitespace tolerated; checksum checked).
    pub fn restore(password: &JsString, phrase: &JsString) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            let phrase = secret_text(phrase, PHRASE)?;
            Ok(Self {
                inner: js(Wallet::restore(&password, &phrase))?,
            })
        })
    }

    /// Opens a Keystead or MetaMask vault (JSON string).
    pub fn unlock(
        #[wasm_bindgen(js_name = vaultJson)] vault_json: String,
        password: &JsString,
    ) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            Ok(Self {
                inner: js(Wallet::unlock(&vault_json, &password))?,
            })
        })
    }

    /// Resumes a wallet from a `sealSession` snapshot and its 32-byte session key (no password,
    /// no PBKDF2). The key array is copied into WASM memory, which is wiped after use.
    #[wasm_bindgen(js_name = resumeSession)]
    pub fn resume_session(snapshot: &str, key: Vec<u8>) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let key = Zeroizing::new(key);
            let key = js(SessionKey::from_slice(&key))?;
            Ok(Self {
                inner: js(Wallet::resume(snapshot, &key))?,
            })
        })
    }

    /// The wallet sealed under a 32-byte session key (base64): keyrings and vault key, never
    /// the password. See the crate's `session` module for the exact bytes.
    #[wasm_bindgen(js_name = sealSession)]
    pub fn seal_session(&self, key: Vec<u8>) -> Result<String, JsValue> {
        scrubbed(|| {
            let key = Zeroizing::new(key);
            let key = js(SessionKey::from_slice(&key))?;
            js(self.inner.seal_session(&key))
        })
    }

    /// Opens a vault with the 32-byte key WebCrypto derived from the password and the vault's
    /// own [`vault_key_params`] (`lib/webcrypto-kdf.js`). `key` is zeroed once copied. Refuses
    /// (`INVALID_ARGUMENT`) a vault whose params say `needsRekey`: open that one with `unlock`.
    #[wasm_bindgen(js_name = unlockWithKey)]
    pub fn unlock_with_key(
        #[wasm_bindgen(js_name = vaultJson)] vault_json: String,
        key: &Uint8Array,
    ) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let key = take_key(key)?;
            Ok(Self {
                inner: js(Wallet::unlock_with_key(&vault_json, key))?,
            })
        })
    }

    /// A new wallet `make` builds under the key WebCrypto derived for `params`
    /// ([`key_with_params`]; `key` is zeroed once copied), on a scrubbed stack.
    fn with_new_key(
        params: &JsValue,
        key: &Uint8Array,
        make: impl FnOnce(VaultKey) -> Result<Wallet, JsValue>,
    ) -> Result<Keyring, JsValue> {
        scrubbed(|| {
            let key = key_with_params(params, key)?;
            Ok(Self { inner: make(key)? })
        })
    }

    /// `restore` with the key WebCrypto derived for `params` ([`new_vault_key_params`]);
    /// `key` is zeroed once copied.
    #[wasm_bindgen(js_name = restoreWithKey)]
    pub fn restore_with_key(
        phrase: &JsString,
        params: &JsValue,
        key: &Uint8Array,
    ) -> Result<Keyring, JsValue> {
        Self::with_new_key(params, key, |key| {
            let phrase = secret_text(phrase, PHRASE)?;
            js(Wallet::restore_with_key(&phrase, key))
        })
    }

    /// `create` with the key WebCrypto derived for `params` ([`new_vault_key_params`]);
    /// `key` is zeroed once copied.
    #[wasm_bindgen(js_name = createWithKey)]
    pub fn create_with_key(
        #[wasm_bindgen(js_name = wordCount)] word_count: u32,
        params: &JsValue,
        key: &Uint8Array,
    ) -> Result<Keyring, JsValue> {
        Self::with_new_key(params, key, |key| {
            let word_count = usize::try_from(word_count).unwrap_or(usize::MAX);
            js(Wallet::create_with_key(word_count, key))
        })
    }

    /// A new wallet backed up with SLIP-39 shares, split as `scheme` says (`{ groupThreshold,
    /// groups: [[memberThreshold, memberCount], …], bits? }`, bits 128 or 256), one HD account,
    /// with the key WebCrypto derived for `params`; `key` is zeroed once copied. Its shares
    /// leave only through `revealShares(password)`.
    #[wasm_bindgen(js_name = createShamirWithKey)]
    pub fn create_shamir_with_key(
        scheme: &JsValue,
        params: &JsValue,
        key: &Uint8Array,
    ) -> Result<Keyring, JsValue> {
        Self::with_new_key(params, key, |key| {
            let (scheme, bytes) = scheme_from(scheme)?;
            js(Wallet::create_shamir_with_key(&scheme, bytes, key))
        })
    }

    /// A wallet restored from typed SLIP-39 shares (an array of strings) and a passphrase
    /// (empty for none), with its first account, with the key WebCrypto derived for `params`;
    /// `key` is zeroed once copied.
    #[wasm_bindgen(js_name = restoreSharesWithKey)]
    pub fn restore_shares_with_key(
        shares: &Array,
        passphrase: &JsString,
        params: &JsValue,
        key: &Uint8Array,
    ) -> Result<Keyring, JsValue> {
        Self::with_new_key(params, key, |key| {
            let shares = share_texts(shares)?;
            let passphrase = secret_text(passphrase, PASSPHRASE)?;
            js(Wallet::restore_shares_with_key(&shares, &passphrase, key))
        })
    }

    /// `true` when `unlock` re-keyed a weaker (e.g. 10,000-iteration) vault: store `vault()` now.
    #[wasm_bindgen(getter, js_name = wasUpgraded)]
    pub fn was_upgraded(&self) -> bool {
        self.inner.was_upgraded()
    }

    /// `true` until `lock()`.
    #[wasm_bindgen(getter, js_name = isUnlocked)]
    pub fn is_unlocked(&self) -> bool {
        self.inner.is_unlocked()
    }

    /// The encrypted vault JSON (browser-passworder format) for storage.
    pub fn vault(&self) -> Result<String, JsValue> {
        scrubbed(|| js(self.inner.vault()))
    }

    /// `[{ address, type: "hd" | "imported", index?, phrase? }]` (`phrase`: which HD keyring,
    /// from 1), addresses EIP-55 checksummed, each once.
    pub fn accounts(&self) -> Result<Array, JsValue> {
        let list = Array::new();
        for account in js(self.inner.accounts())? {
            let obj = Object::new();
            set(
                &obj,
                "address",
                &JsValue::from_str(&account.address.to_checksum()),
            );
            match account.kind {
                AccountKind::Hd { index, phrase } => {
                    set(&obj, "type", &JsValue::from_str("hd"));
                    set(&obj, "index", &JsValue::from(index.get()));
                    set(&obj, "phrase", &JsValue::from(phrase_number(phrase)));
                }
                AccountKind::Imported => set(&obj, "type", &JsValue::from_str("imported")),
            }
            list.push(&obj);
        }
        Ok(list)
    }

    /// Derives the next account of phrase `phrase` (from 1; the first when absent); returns
    /// its address.
    #[wasm_bindgen(js_name = addAccount)]
    pub fn add_account(&mut self, phrase: Option<u32>) -> Result<String, JsValue> {
        let phrase = phrase_index(phrase)?;
        scrubbed(|| Ok(js(self.inner.add_account_to(phrase))?.to_checksum()))
    }

    /// Adds another Secret Recovery Phrase (typed, any case and whitespace) to the wallet;
    /// returns its number (from 1).
    #[wasm_bindgen(js_name = importPhrase)]
    pub fn import_phrase(&mut self, phrase: &JsString) -> Result<u32, JsValue> {
        scrubbed(|| {
            let phrase = secret_text(phrase, PHRASE)?;
            Ok(phrase_number(js(self.inner.import_phrase(&phrase))?))
        })
    }

    /// The wallet's HD keyrings in list order: `[{ phrase, name, kind: "phrase" | "shamir",
    /// accounts }]` (`phrase` from 1; `name` from the keyring's `metadata`, or `null`).
    pub fn phrases(&self) -> Result<Array, JsValue> {
        let list = Array::new();
        for (i, info) in js(self.inner.phrases())?.iter().enumerate() {
            let obj = Object::new();
            set(&obj, "phrase", &JsValue::from(phrase_number(i)));
            let name = info
                .name
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str);
            set(&obj, "name", &name);
            let kind = if info.shamir { "shamir" } else { "phrase" };
            set(&obj, "kind", &JsValue::from_str(kind));
            let accounts = u32::try_from(info.accounts).unwrap_or(u32::MAX);
            set(&obj, "accounts", &JsValue::from(accounts));
            list.push(&obj);
        }
        Ok(list)
    }

    /// The keyrings kept aside verbatim because Keystead cannot use them:
    /// `[{ position, type, reason }]` (`position` in the keyring list, from 0).
    #[wasm_bindgen(js_name = keptAside)]
    pub fn kept_aside(&self) -> Result<Array, JsValue> {
        let list = Array::new();
        for kept in js(self.inner.kept_aside())? {
            let obj = Object::new();
            let position = u32::try_from(kept.position).unwrap_or(u32::MAX);
            set(&obj, "position", &JsValue::from(position));
            set(&obj, "type", &JsValue::from_str(&kept.kind));
            set(&obj, "reason", &JsValue::from_str(kept.reason));
            list.push(&obj);
        }
        Ok(list)
    }

    /// Imports a private key (64 hex digits, optional 0x); returns its address.
    #[wasm_bindgen(js_name = importPrivateKey)]
    pub fn import_private_key(&mut self, hex: &JsString) -> Result<String, JsValue> {
        scrubbed(|| {
            let hex = secret_text(hex, "the private key must be a string")?;
            Ok(js(self.inner.import_private_key(&hex))?.to_checksum())
        })
    }

    /// Removes an imported account (HD accounts cannot be removed).
    #[wasm_bindgen(js_name = removeAccount)]
    pub fn remove_account(&mut self, address_: &str) -> Result<(), JsValue> {
        js(self.inner.remove_account(&address(address_)?))
    }

    /// Phrase `phrase`'s words (from 1; the first when absent), space-separated, after
    /// re-checking the password.
    #[wasm_bindgen(js_name = revealPhrase)]
    pub fn reveal_phrase(
        &self,
        password: &JsString,
        phrase: Option<u32>,
    ) -> Result<JsString, JsValue> {
        let number = phrase_index(phrase)?;
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            let phrase = js(self.inner.reveal_phrase_of(number, &password))?;
            Ok(JsString::from(phrase.as_str()))
        })
    }

    /// `0x`-hex private key of that account, after re-checking the password.
    #[wasm_bindgen(js_name = exportPrivateKey)]
    pub fn export_private_key(
        &self,
        address_: &str,
        password: &JsString,
    ) -> Result<JsString, JsValue> {
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            let key = js(self
                .inner
                .export_private_key(&address(address_)?, &password))?;
            Ok(JsString::from(key.as_str()))
        })
    }

    /// The shares of a Shamir wallet's set (made here), after re-checking the password: an
    /// array per group of its shares (strings) in member order, each copied into a JS string
    /// straight from a wiped buffer.
    #[wasm_bindgen(js_name = revealShares)]
    pub fn reveal_shares(&self, password: &JsString) -> Result<Array, JsValue> {
        scrubbed(|| {
            let password = secret_text(password, PASSWORD)?;
            let groups = js(self.inner.reveal_shares(&password))?;
            Ok(groups
                .iter()
                .map(|members| -> JsValue {
                    members
                        .iter()
                        .map(|m| JsValue::from(JsString::from(m.as_str())))
                        .collect::<Array>()
                        .into()
                })
                .collect())
        })
    }

    /// The public description of a Shamir wallet's share set, `null` for any other wallet:
    /// `{ identifier, extendable, iterationExponent, groupThreshold, groupCount, groups,
    /// passphrase, wordCount }`; `groups` (`[[memberThreshold, memberCount], …]`) is `null` for
    /// shares made elsewhere, which cannot be shown again.
    #[wasm_bindgen(js_name = shareSet)]
    pub fn share_set(&self) -> Result<JsValue, JsValue> {
        Ok(js(self.inner.share_set())?.map_or(JsValue::NULL, |set| share_set_object(&set).into()))
    }

    /// Checks typed shares (an array of strings) against a Shamir wallet; reveals nothing. One
    /// share: `{ result: "member", exact, share }`, `"not-member"` or `"other-set"` (`share`:
    /// its public fields); several: `{ result: "restores" }` or `"does-not-restore"` (with
    /// `passphrase`, empty for none).
    #[wasm_bindgen(js_name = checkShares)]
    pub fn check_shares(&self, shares: &Array, passphrase: &JsString) -> Result<Object, JsValue> {
        scrubbed(|| {
            let shares = share_texts(shares)?;
            let passphrase = secret_text(passphrase, PASSPHRASE)?;
            Ok(share_check_object(&js(self
                .inner
                .check_shares(&shares, &passphrase))?))
        })
    }

    /// `true` when the typed phrase is phrase `number` of this wallet (from 1; the first when
    /// absent); reveals nothing.
    #[wasm_bindgen(js_name = verifyPhrase)]
    pub fn verify_phrase(&self, phrase: &JsString, number: Option<u32>) -> Result<bool, JsValue> {
        let number = phrase_index(number)?;
        scrubbed(|| {
            let phrase = secret_text(phrase, PHRASE)?;
            js(self.inner.verify_phrase_of(number, &phrase))
        })
    }

    /// Phrase guard: `true` when `hashHex` is the fingerprint of this wallet's phrase
    /// (`phrase_guard`: SHA-256 of a domain prefix and the normalized words); constant time.
    #[wasm_bindgen(js_name = isOwnPhraseHash)]
    pub fn is_own_phrase_hash(
        &self,
        #[wasm_bindgen(js_name = hashHex)] hash_hex: &str,
    ) -> Result<bool, JsValue> {
        scrubbed(|| js(self.inner.is_own_phrase_hash(hash_hex)))
    }

    /// EIP-191 personal_sign of the `0x`-hex message bytes: `0x` r‖s‖v, v ∈ {27, 28}, low s.
    #[wasm_bindgen(js_name = signPersonalMessage)]
    pub fn sign_personal_message(
        &self,
        address_: &str,
        #[wasm_bindgen(js_name = dataHex)] data_hex: &str,
    ) -> Result<String, JsValue> {
        scrubbed(|| {
            let message = js(eip191::message_bytes(data_hex))?;
            let signer = js(self.inner.signer(address(address_)?))?;
            Ok(js(eip191::sign(&signer, &message))?.to_rsv_hex())
        })
    }

    /// EIP-712 eth_signTypedData_v4 signature of the typed data (JSON string or object).
    #[wasm_bindgen(js_name = signTypedDataV4)]
    pub fn sign_typed_data_v4(&self, address_: &str, json: &JsValue) -> Result<String, JsValue> {
        scrubbed(|| {
            let json = json_text(json, "typed data must be a json string or object")?;
            let signer = js(self.inner.signer(address(address_)?))?;
            // The typed data's errors first, then the account's.
            let signed = js(typed_data::sign(&signer, &json))?;
            Ok(js(signed)?.to_rsv_hex())
        })
    }

    /// The raw signed transaction (`0x` hex) for a request with JSON-RPC field names.
    #[wasm_bindgen(js_name = signTransaction)]
    pub fn sign_transaction(&self, address_: &str, tx: &JsValue) -> Result<String, JsValue> {
        scrubbed(|| {
            let json = json_text(tx, "a transaction must be a json string or object")?;
            let signer = js(self.inner.signer(address(address_)?))?;
            // The request's errors first, then the account's.
            let signed = js(sign_request(&signer, &json))?;
            Ok(to_hex_prefixed(&js(signed)?))
        })
    }

    /// EIP-7702: the signed authorization `{ chainId, address, nonce, yParity, r, s }` (JSON-RPC
    /// quantities) for a request `{ chainId, address, nonce }` (JSON string or object), in the
    /// form `signTransaction`'s `authorizationList` takes.
    #[wasm_bindgen(js_name = signAuthorization)]
    pub fn sign_authorization(
        &self,
        address_: &str,
        authorization: &JsValue,
    ) -> Result<JsValue, JsValue> {
        scrubbed(|| {
            let json = json_text(authorization, AUTHORIZATION)?;
            let signer = js(self.inner.signer(address(address_)?))?;
            // The authorization's errors first, then the account's.
            let signed = js(sign_authorization_request(&signer, &json))?;
            parse_json(&js(signed)?.to_json())
        })
    }

    /// Zeroizes everything the keyring holds; later calls throw `LOCKED`.
    pub fn lock(&mut self) {
        scrubbed(|| self.inner.lock());
    }
}

/// Throws `INVALID_PHRASE` naming the first unknown word's position, or the checksum.
#[wasm_bindgen(js_name = validatePhrase)]
pub fn validate_phrase(phrase: &JsString) -> Result<(), JsValue> {
    scrubbed(|| js(mnemonic::validate_phrase(&secret_text(phrase, PHRASE)?)))
}

/// Up to `limit` (at most [`MAX_SUGGESTIONS`], and that when none is given) words of a list
/// (`words(prefix, limit)`) starting with `prefix`, which is wiped after use.
fn suggestions(
    words: fn(&str, usize) -> Vec<&'static str>,
    prefix: String,
    limit: Option<u32>,
) -> Array {
    let prefix = Zeroizing::new(prefix);
    let limit = limit.map_or(MAX_SUGGESTIONS, |n| {
        usize::try_from(n).map_or(MAX_SUGGESTIONS, |n| n.min(MAX_SUGGESTIONS))
    });
    words(&prefix, limit)
        .into_iter()
        .map(JsValue::from_str)
        .collect()
}

/// Up to `limit` (default and at most [`MAX_SUGGESTIONS`], 8) list words starting with `prefix`.
#[wasm_bindgen(js_name = wordSuggestions)]
pub fn word_suggestions(prefix: String, limit: Option<u32>) -> Array {
    suggestions(mnemonic::word_suggestions, prefix, limit)
}

/// The public fields of one typed SLIP-39 share (see [`share_info_object`]); throws the
/// share's `SHARE_*` error (a wrong word, length or checksum).
#[wasm_bindgen(js_name = inspectShare)]
pub fn inspect_share(share: &JsString) -> Result<Object, JsValue> {
    scrubbed(|| {
        let share = secret_text(share, SHARE)?;
        Ok(share_info_object(&js(slip39::inspect(&share))?))
    })
}

/// Throws what stops typed shares (an array of strings) from restoring a wallet: a share's
/// error, shares of different sets, too few, an iteration exponent above 6. Runs no PBKDF2.
#[wasm_bindgen(js_name = validateShares)]
pub fn validate_shares(shares: &Array) -> Result<(), JsValue> {
    scrubbed(|| js(shamir_backup::validate_shares(&share_texts(shares)?)))
}

/// Up to `limit` (default and at most [`MAX_SUGGESTIONS`], 8) SLIP-39 list words starting with
/// `prefix`.
#[wasm_bindgen(js_name = slip39WordSuggestions)]
pub fn slip39_word_suggestions(prefix: String, limit: Option<u32>) -> Array {
    suggestions(slip39::word_suggestions, prefix, limit)
}

/// The EIP-55 checksummed form of an address.
#[wasm_bindgen(js_name = toChecksumAddress)]
pub fn to_checksum_address(address_: &str) -> Result<String, JsValue> {
    Ok(address(address_)?.to_checksum())
}

/// The address that made a personal_sign signature over the `0x`-hex message bytes.
#[wasm_bindgen(js_name = recoverPersonalSignature)]
pub fn recover_personal_signature(
    #[wasm_bindgen(js_name = dataHex)] data_hex: &str,
    signature: &str,
) -> Result<String, JsValue> {
    let message = js(eip191::message_bytes(data_hex))?;
    let sig = js(Signature::parse_rsv_hex(signature))?;
    let signer = js(sig.recover(&eip191::hash(&message)))?;
    Ok(signer.to_checksum())
}

/// `0x` + the 32-byte EIP-712 v4 signing hash of the typed data (JSON string or object).
#[wasm_bindgen(js_name = hashTypedDataV4)]
pub fn hash_typed_data_v4(json: &JsValue) -> Result<String, JsValue> {
    let json = json_text(json, "typed data must be a json string or object")?;
    Ok(to_hex_prefixed(&js(typed_data::signing_hash(&json))?))
}

/// `0x` + the 32-byte EIP-7702 authorization hash, keccak256(0x05 ‖ rlp([chainId, address,
/// nonce])), of a request `{ chainId, address, nonce }` (JSON string or object).
#[wasm_bindgen(js_name = hashAuthorization)]
pub fn hash_authorization(authorization: &JsValue) -> Result<String, JsValue> {
    let json = json_text(authorization, AUTHORIZATION)?;
    Ok(to_hex_prefixed(
        &js(Authorization::from_json(&json))?.signing_hash(),
    ))
}

/// What the approval window shows of the typed data (JSON string or object): the declared
/// fields in declared order with their values as hashed, and the declared domain chainId (see
/// `typed_data::view`). Throws INVALID_TYPED_DATA for anything `hashTypedDataV4` rejects.
#[wasm_bindgen(js_name = typedDataView)]
pub fn typed_data_view(json: &JsValue) -> Result<JsValue, JsValue> {
    let json = json_text(json, "typed data must be a json string or object")?;
    let view = js(typed_data::view(&json))?;
    js_sys::JSON::parse(&view)
        .map_err(|_| js_error(&Error::InvalidArgument("typed data view is not json")))
}

/// Addresses of accounts `start .. start + count` (at most 1000) of a phrase at m/44'/60'/0'/0/i,
/// without a vault: for account discovery after a restore, and for cross-checks.
#[wasm_bindgen(js_name = deriveAddresses)]
pub fn derive_addresses(phrase: &JsString, start: u32, count: u32) -> Result<Array, JsValue> {
    scrubbed(|| {
        let phrase = secret_text(phrase, PHRASE)?;
        Ok(js(keyring::derive_addresses(&phrase, start, count))?
            .iter()
            .map(|a| JsValue::from_str(&a.to_checksum()))
            .collect())
    })
}

/// `{ salt, iterations, needsRekey }` of a vault or payload (salt as its base64 text): what
/// WebCrypto's PBKDF2 needs to derive the key for [`Keyring::unlock_with_key`] or
/// [`open_payload`]. `needsRekey` is the core's decision ([`vault::needs_rekey`]): `true` for a
/// vault that must be opened with the password (`Keyring.unlock`, which re-keys it), so no
/// iteration count is compared in JS. A payload is only read, never re-keyed: it opens with
/// [`open_payload`] whatever `needsRekey` says.
#[wasm_bindgen(js_name = vaultKeyParams)]
pub fn vault_key_params(
    #[wasm_bindgen(js_name = vaultJson)] vault_json: &str,
) -> Result<Object, JsValue> {
    let parsed = js(vault::ParsedVault::parse(vault_json))?;
    let params = key_params_object(parsed.salt(), parsed.iterations());
    set(&params, "needsRekey", &JsValue::from(parsed.needs_rekey()));
    Ok(params)
}

/// `{ salt, iterations: 600000 }` with a fresh random 32-byte salt, for a new vault's key
/// ([`Keyring::create_with_key`], [`Keyring::restore_with_key`]).
#[wasm_bindgen(js_name = newVaultKeyParams)]
pub fn new_vault_key_params() -> Result<Object, JsValue> {
    let salt = js(vault::generate_salt())?;
    Ok(key_params_object(&salt, DEFAULT_ITERATIONS))
}

/// `value` (anything `JSON.stringify` writes) sealed in browser-passworder's format under the
/// key WebCrypto derived for `params` ([`new_vault_key_params`]): the payload's JSON text
/// `{ data, iv, keyMetadata, salt }` (fresh IV), which browser-passworder's `decrypt` opens.
/// `key` is zeroed once copied; the JSON text is copied into a buffer wiped after use.
#[wasm_bindgen(js_name = sealPayload)]
pub fn seal_payload(
    value: &JsValue,
    params: &JsValue,
    key: &Uint8Array,
) -> Result<String, JsValue> {
    scrubbed(|| {
        let key = key_with_params(params, key)?;
        let json =
            js_sys::JSON::stringify(value).map_err(|_| js_error(&Error::InvalidArgument(VALUE)))?;
        let json = secret_text(&json, VALUE)?;
        js(vault::encrypt(&key, json.as_bytes()))
    })
}

/// The value a payload (browser-passworder's `encrypt`, or [`seal_payload`]) holds, opened with
/// the key WebCrypto derived from the password and the payload's own [`vault_key_params`].
/// `key` is zeroed once copied; the decrypted text is wiped after `JSON.parse` read it.
#[wasm_bindgen(js_name = openPayload)]
pub fn open_payload(
    #[wasm_bindgen(js_name = payloadJson)] payload_json: &str,
    key: &Uint8Array,
) -> Result<JsValue, JsValue> {
    scrubbed(|| {
        let key = take_key(key)?;
        let text = js(vault::open_text_with_key(payload_json, key))?;
        js_sys::JSON::parse(&text).map_err(|_| {
            js_error(
                &vault::VaultError::Malformed {
                    reason: "decrypted data is not json",
                }
                .into(),
            )
        })
    })
}
