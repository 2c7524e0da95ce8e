//! Password encryption compatible with `@metamask/browser-passworder`.
//!
//! A vault is the JSON text browser-passworder's `encrypt` writes:
//!
//! ```json
//! {"data":"<b64 ciphertext‖tag>","iv":"<b64 16 bytes>",
//!  "keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":600000}},"salt":"<b64 32 bytes>"}
//! ```
//!
//! * key = PBKDF2-HMAC-SHA256(password as UTF-8, salt's *decoded bytes*, iterations, 32 bytes).
//!   browser-passworder's `keyFromPassword` passes `Buffer.from(salt, 'base64')` to WebCrypto,
//!   so the salt fed to PBKDF2 is the raw bytes, not the base64 text.
//! * cipher = AES-256-GCM with the 16-byte `iv` as nonce (GCM's GHASH-derived J0 for
//!   non-96-bit IVs, as WebCrypto does), no associated data, 16-byte tag appended to the
//!   ciphertext in `data`.
//! * no `keyMetadata` = a vault from before browser-passworder 4.2: [`LEGACY_ITERATIONS`].
//!
//! The same format carries any other JSON value (the backup file's settings): a *payload* is
//! sealed with [`encrypt`] and opened with [`open_text_with_key`], under a key derived outside
//! the core (WebCrypto) from the payload's own salt and count, as [`ParsedVault::open_with_key`]
//! opens a vault.
//!
//! Which key derivation opens a vault is decided here too: a vault below
//! [`DEFAULT_ITERATIONS`] ([`needs_rekey`]) must be opened with the password, which the wallet
//! then re-keys; any other vault may be opened with a key derived outside the core.
//!
//! Base64 fields use the standard alphabet (RFC 4648 §4). On input, `=` padding is optional
//! and non-zero trailing bits are tolerated (as `atob` and Node's `Buffer` do); whitespace,
//! the URL-safe alphabet and any other character are rejected as malformed (no MetaMask
//! version ever wrote them). On output the padding is always written.

use aes_gcm::aead::consts::U16;
use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::aes::Aes256;
use aes_gcm::{AesGcm, Tag};
use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use core::fmt;
use serde_json::{Map, Value};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// PBKDF2 iterations for new vaults (MetaMask's extension setting, OWASP 2023's minimum).
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Iterations of a vault without `keyMetadata` (browser-passworder before key metadata).
pub const LEGACY_ITERATIONS: u32 = 10_000;
/// The largest iteration count a vault may ask for.
///
/// The count is read from the vault itself, so a hostile or corrupted vault could otherwise
/// demand 4,294,967,295 iterations and make unlock hang for hours (about 0.5 µs per iteration
/// natively, several times that in WASM). Ten million is 16× MetaMask's own 600,000 and
/// about 11× browser-passworder's 900,000 default, yet still opens in seconds.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Whether a vault whose key takes `iterations` PBKDF2 rounds must be re-keyed at
/// [`DEFAULT_ITERATIONS`] once opened (a legacy 10,000-round vault, or any other count below the
/// default). Such a vault is opened with the password, never with a key derived outside the
/// core, because re-keying needs the password. Stronger vaults keep their count.
#[must_use]
pub fn needs_rekey(iterations: u32) -> bool {
    iterations < DEFAULT_ITERATIONS
}

/// Salt length of new vaults (browser-passworder's `generateSalt()` default).
pub const SALT_LEN: usize = 32;
/// The longest salt a vault may carry. browser-passworder's `generateSalt(byteCount)` takes
/// any length (its own tests use 16, 32 and 64); MetaMask always used 32. Any length from 1 to
/// this bound is accepted.
pub const MAX_SALT_LEN: usize = 64;
/// Length of the AES-GCM IV browser-passworder uses (`getRandomValues(new Uint8Array(16))`).
pub const IV_LEN: usize = 16;
/// Length of the AES-GCM authentication tag appended to the ciphertext.
pub const TAG_LEN: usize = 16;

/// AES-256-GCM with a 128-bit nonce and a 128-bit tag, as WebCrypto runs it for a 16-byte IV.
type VaultCipher = AesGcm<Aes256, U16>;

/// Standard-alphabet base64: writes padding, reads with or without it.
pub(crate) const B64: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Base64 of `bytes`, standard alphabet with `=` padding: what `B64.encode` writes. Written out
/// because the base64 crate's `encode` ends in `String::from_utf8(..).expect(..)`, whose panic
/// path keeps the `Debug` of `FromUtf8Error` (and of `Vec<u8>`) in the .wasm
/// (docs/benchmarks.md); decoding still goes through [`B64`].
pub(crate) fn b64_encode(bytes: &[u8]) -> String {
    /// The character of a 6-bit value (only the low 6 bits are read).
    fn sextet(v: u32) -> char {
        let v = (v & 63) as u8;
        char::from(match v {
            0..=25 => b'A' + v,
            26..=51 => b'a' + (v - 26),
            52..=61 => b'0' + (v - 52),
            62 => b'+',
            _ => b'/',
        })
    }
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(sextet(n >> (18 - 6 * i)));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// PBKDF2-HMAC-SHA256 (RFC 8018 §5.2 with HMAC-SHA256) of `password`'s UTF-8 bytes and the raw
/// `salt` bytes, `iterations` rounds: the first 32 bytes of output (block T_1).
///
/// This is exactly what WebCrypto's `deriveKey({name: "PBKDF2", hash: "SHA-256", ...},
/// ..., {name: "AES-GCM", length: 256})` computes in browser-passworder. An `iterations` of 0
/// (which PBKDF2 does not define) is computed as 1; [`encrypt`] and [`decrypt`] never use it.
#[must_use]
pub fn pbkdf2_hmac_sha256(password: &str, salt: &[u8], iterations: u32) -> Zeroizing<[u8; 32]> {
    let mut out = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations, out.as_mut_slice());
    out
}

/// Checks an iteration count requested by a caller (not read from a vault).
fn check_iterations_param(iterations: u32) -> Result<(), VaultError> {
    if (1..=MAX_ITERATIONS).contains(&iterations) {
        Ok(())
    } else {
        Err(VaultError::BadParameter {
            reason: "iterations must be between 1 and 10000000",
        })
    }
}

/// Checks a salt and iteration count requested by a caller (not read from a vault).
fn check_key_params(salt: &[u8], iterations: u32) -> Result<(), VaultError> {
    check_iterations_param(iterations)?;
    if salt.is_empty() || salt.len() > MAX_SALT_LEN {
        return Err(VaultError::BadParameter {
            reason: "salt must be 1 to 64 bytes",
        });
    }
    Ok(())
}

/// A fresh random 32-byte salt (OS / WebCrypto randomness).
///
/// # Errors
/// [`VaultError::RandomUnavailable`] if no randomness could be read.
pub fn generate_salt() -> Result<[u8; SALT_LEN], VaultError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|_| VaultError::RandomUnavailable)?;
    Ok(salt)
}

/// Base64 (standard alphabet, padded) of salt bytes, as a vault's `salt` field.
#[must_use]
pub fn encode_salt(salt: &[u8]) -> String {
    b64_encode(salt)
}

/// The bytes of a vault-style base64 `salt` text (see the module docs for what is accepted).
///
/// # Errors
/// [`VaultError::BadParameter`] if the text is not base64.
pub fn decode_salt(text: &str) -> Result<Vec<u8>, VaultError> {
    B64.decode(text).map_err(|_| VaultError::BadParameter {
        reason: "salt is not base64",
    })
}

/// An AES-256-GCM key derived from the password, with the salt and iteration count it came from.
/// Zeroized on drop; never `Copy`, `Debug` or `Display`.
pub struct VaultKey {
    key: Zeroizing<[u8; 32]>,
    salt: Vec<u8>,
    iterations: u32,
}

impl VaultKey {
    /// PBKDF2-HMAC-SHA256(password UTF-8, salt, iterations) → 32 bytes (see
    /// [`pbkdf2_hmac_sha256`]).
    ///
    /// The iteration count is not checked here; [`encrypt`] refuses a key whose count is
    /// outside 1..=[`MAX_ITERATIONS`], so no vault that browser-passworder cannot open is
    /// ever written.
    #[must_use]
    pub fn derive(password: &str, salt: [u8; 32], iterations: u32) -> Self {
        Self {
            key: pbkdf2_hmac_sha256(password, &salt, iterations),
            salt: salt.to_vec(),
            iterations,
        }
    }

    /// Like [`VaultKey::derive`], for a salt of any length browser-passworder vaults carry.
    ///
    /// # Errors
    /// [`VaultError::BadParameter`] if the salt is empty or longer than [`MAX_SALT_LEN`], or
    /// `iterations` is outside 1..=[`MAX_ITERATIONS`].
    pub fn derive_with_salt(
        password: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Self, VaultError> {
        check_key_params(salt, iterations)?;
        Ok(Self::derive_unchecked(password, salt, iterations))
    }

    /// A key derived outside the core (WebCrypto's native PBKDF2, `lib/webcrypto-kdf.js`) from
    /// the password with this `salt` and `iterations`: `key` must be those 32 PBKDF2 bytes.
    /// Nothing here can check that; a wrong key fails later as [`VaultError::IncorrectPassword`]
    /// (opening) or makes a vault the password does not open (writing), so only
    /// [`crate::wallet::Wallet`]'s `*_with_key` constructors and session snapshots
    /// ([`crate::session::open`]) use it.
    ///
    /// # Errors
    /// [`VaultError::BadParameter`] if the salt is empty or longer than [`MAX_SALT_LEN`], or
    /// `iterations` is outside 1..=[`MAX_ITERATIONS`].
    pub fn from_derived(
        key: Zeroizing<[u8; 32]>,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Self, VaultError> {
        check_key_params(salt, iterations)?;
        Ok(Self {
            key,
            salt: salt.to_vec(),
            iterations,
        })
    }

    /// Derives without checking; callers have validated `salt` and `iterations`.
    fn derive_unchecked(password: &str, salt: &[u8], iterations: u32) -> Self {
        Self {
            key: pbkdf2_hmac_sha256(password, salt, iterations),
            salt: salt.to_vec(),
            iterations,
        }
    }

    /// A fresh random 32-byte salt (from the OS / WebCrypto via `getrandom`), then
    /// [`VaultKey::derive`].
    ///
    /// # Errors
    /// [`VaultError::BadParameter`] if `iterations` is outside 1..=[`MAX_ITERATIONS`];
    /// [`VaultError::RandomUnavailable`] if no randomness could be read.
    pub fn generate(password: &str, iterations: u32) -> Result<Self, VaultError> {
        check_iterations_param(iterations)?;
        Ok(Self::derive(password, generate_salt()?, iterations))
    }

    /// The 32 derived key bytes (for sealing into a session snapshot only).
    pub(crate) fn key_bytes(&self) -> &[u8; 32] {
        &self.key
    }

    /// The PBKDF2 iteration count this key was derived with.
    #[must_use]
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The raw salt bytes (not base64) this key was derived with: 32 bytes for keys this crate
    /// generates, 1 to [`MAX_SALT_LEN`] bytes for keys opened from a vault.
    #[must_use]
    pub fn salt(&self) -> &[u8] {
        &self.salt
    }

    /// Derives from `password` with this key's salt and iterations and compares in constant time.
    #[must_use]
    pub fn matches_password(&self, password: &str) -> bool {
        let candidate = pbkdf2_hmac_sha256(password, &self.salt, self.iterations);
        self.key.as_slice().ct_eq(candidate.as_slice()).into()
    }

    /// The AES-256-GCM cipher keyed with this key (its round keys zeroize on drop).
    fn cipher(&self) -> VaultCipher {
        let key: &[u8; 32] = &self.key;
        VaultCipher::new(key.into())
    }
}

/// Encrypts `plaintext` under `key` with a fresh random 16-byte IV; returns the vault JSON
/// `{"data","iv","keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":N}},"salt"}`
/// (browser-passworder's own field order), with
/// `data` = base64(AES-256-GCM(key, iv, plaintext) ‖ 16-byte tag), `iv` = base64(16 bytes),
/// `salt` = base64(the key's raw salt), all with `=` padding and no whitespace.
///
/// # Errors
/// [`VaultError::BadParameter`] if `plaintext` is empty (browser-passworder always encrypts
/// JSON text, and [`decrypt`] rejects an empty ciphertext) or the key's iteration count is
/// outside 1..=[`MAX_ITERATIONS`]; [`VaultError::RandomUnavailable`] if no IV could be drawn.
pub fn encrypt(key: &VaultKey, plaintext: &[u8]) -> Result<String, VaultError> {
    check_iterations_param(key.iterations)?;
    if plaintext.is_empty() {
        return Err(VaultError::BadParameter {
            reason: "plaintext is empty",
        });
    }
    let mut iv = [0u8; IV_LEN];
    getrandom::fill(&mut iv).map_err(|_| VaultError::RandomUnavailable)?;

    // Room for the tag up front, so the buffer holding the plaintext never reallocates
    // (a reallocation would leave an unzeroized copy behind).
    let mut buffer = Zeroizing::new(Vec::with_capacity(plaintext.len().saturating_add(TAG_LEN)));
    buffer.extend_from_slice(plaintext);
    let tag = key
        .cipher()
        .encrypt_inout_detached((&iv).into(), b"", buffer.as_mut_slice().into())
        .map_err(|_| VaultError::BadParameter {
            reason: "plaintext is too long",
        })?;
    buffer.extend_from_slice(&tag);

    // Written out rather than serialized from a `serde_json::Value`: every field is base64 or a
    // decimal integer (nothing to escape), and serializing a `Value` keeps serde_json's
    // serializer and float formatting in the .wasm (docs/benchmarks.md).
    let mut vault = String::new();
    vault.push_str(r#"{"data":""#);
    vault.push_str(&b64_encode(buffer.as_slice()));
    vault.push_str(r#"","iv":""#);
    vault.push_str(&b64_encode(&iv));
    vault.push_str(r#"","keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":"#);
    vault.push_str(&key.iterations.to_string());
    vault.push_str(r#"}},"salt":""#);
    vault.push_str(&b64_encode(&key.salt));
    vault.push_str(r#""}"#);
    Ok(vault)
}

/// Shorthand for a [`VaultError::Malformed`].
fn malformed(reason: &'static str) -> VaultError {
    VaultError::Malformed { reason }
}

/// Reads the required base64 string field `name` of the vault object.
fn b64_field(
    vault: &Map<String, Value>,
    name: &str,
    missing: &'static str,
    not_string: &'static str,
    not_base64: &'static str,
) -> Result<Vec<u8>, VaultError> {
    let text = match vault.get(name) {
        None => return Err(malformed(missing)),
        Some(Value::String(text)) => text,
        Some(_) => return Err(malformed(not_string)),
    };
    B64.decode(text).map_err(|_| malformed(not_base64))
}

/// The iteration count a vault asks for: [`LEGACY_ITERATIONS`] without `keyMetadata`,
/// otherwise `keyMetadata.params.iterations`, which must be an integer in
/// 1..=[`MAX_ITERATIONS`] with `keyMetadata.algorithm` = `"PBKDF2"`.
fn vault_iterations(vault: &Map<String, Value>) -> Result<u32, VaultError> {
    let Some(metadata) = vault.get("keyMetadata") else {
        return Ok(LEGACY_ITERATIONS);
    };
    // `null` is not "absent": browser-passworder would read `null.params` and fail.
    let metadata = metadata
        .as_object()
        .ok_or(malformed("keyMetadata is not an object"))?;
    match metadata.get("algorithm") {
        None => return Err(malformed("missing keyMetadata algorithm")),
        Some(Value::String(algorithm)) if algorithm == "PBKDF2" => {}
        Some(_) => return Err(malformed("key derivation algorithm is not pbkdf2")),
    }
    let params = metadata
        .get("params")
        .ok_or(malformed("missing keyMetadata params"))?
        .as_object()
        .ok_or(malformed("keyMetadata params is not an object"))?;
    let iterations = params
        .get("iterations")
        .ok_or(malformed("missing iterations"))?;
    if !iterations.is_number() {
        return Err(malformed("iterations is not a number"));
    }
    // Negative, fractional or exponent-form numbers are not u64 here; JSON.stringify writes
    // a positive integer count as plain digits.
    let iterations = iterations
        .as_u64()
        .ok_or(malformed("iterations is not a positive integer"))?;
    match u32::try_from(iterations) {
        Ok(n) if (1..=MAX_ITERATIONS).contains(&n) => Ok(n),
        // 0 is not a PBKDF2 count; above MAX_ITERATIONS unlock would hang (see the constant).
        _ => Err(malformed("iterations out of range")),
    }
}

/// A vault's fields, decoded and checked, before any key is derived.
pub struct ParsedVault {
    data: Zeroizing<Vec<u8>>,
    iv: [u8; IV_LEN],
    salt: Vec<u8>,
    iterations: u32,
}

impl ParsedVault {
    /// Parses vault JSON.
    ///
    /// The top level must be a JSON object; `data`, `iv` and `salt` are required base64
    /// strings (see the module docs); `iv` must decode to 16 bytes, `salt` to
    /// 1..=[`MAX_SALT_LEN`] bytes, `data` to more than the 16-byte tag. Other top-level fields
    /// are ignored. A vault without `keyMetadata` uses [`LEGACY_ITERATIONS`].
    ///
    /// # Errors
    /// [`VaultError::Malformed`] (with a reason) if the text is not such a vault.
    pub fn parse(vault_json: &str) -> Result<Self, VaultError> {
        let parsed: Value =
            serde_json::from_str(vault_json).map_err(|_| malformed("vault is not valid json"))?;
        let vault = parsed
            .as_object()
            .ok_or(malformed("vault is not a json object"))?;

        let data = Zeroizing::new(b64_field(
            vault,
            "data",
            "missing data",
            "data is not a string",
            "data is not base64",
        )?);
        let iv = b64_field(
            vault,
            "iv",
            "missing iv",
            "iv is not a string",
            "iv is not base64",
        )?;
        let salt = b64_field(
            vault,
            "salt",
            "missing salt",
            "salt is not a string",
            "salt is not base64",
        )?;
        let iterations = vault_iterations(vault)?;

        let iv: [u8; IV_LEN] = iv
            .as_slice()
            .try_into()
            .map_err(|_| malformed("iv is not 16 bytes"))?;
        if salt.is_empty() {
            return Err(malformed("salt is empty"));
        }
        if salt.len() > MAX_SALT_LEN {
            return Err(malformed("salt is longer than 64 bytes"));
        }
        if data.len() <= TAG_LEN {
            return Err(malformed("data is too short"));
        }
        Ok(Self {
            data,
            iv,
            salt,
            iterations,
        })
    }

    /// The raw salt bytes PBKDF2 takes.
    #[must_use]
    pub fn salt(&self) -> &[u8] {
        &self.salt
    }

    /// The PBKDF2 iteration count the vault asks for.
    #[must_use]
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// Whether this vault must be re-keyed when opened ([`needs_rekey`] of its count).
    #[must_use]
    pub fn needs_rekey(&self) -> bool {
        needs_rekey(self.iterations)
    }

    /// Decrypts with the 32 bytes PBKDF2 gives for this vault's own salt and count, derived
    /// outside the core (WebCrypto). Returns the key (for re-encryption) and the plaintext.
    ///
    /// # Errors
    /// [`VaultError::IncorrectPassword`] if the GCM tag does not verify: the key was derived
    /// from another password (or for another salt or count), or any byte was altered.
    pub fn open_with_key(
        self,
        key: Zeroizing<[u8; 32]>,
    ) -> Result<(VaultKey, Zeroizing<Vec<u8>>), VaultError> {
        // `parse` checked the salt length and the count: `from_derived` cannot refuse them.
        let key = VaultKey::from_derived(key, &self.salt, self.iterations)?;
        self.open(key)
    }

    /// Decrypts with `key`, which must carry this vault's salt and iterations.
    ///
    /// # Errors
    /// [`VaultError::IncorrectPassword`] if the GCM tag does not verify (a wrong key, or any
    /// altered byte) or the key was derived for another salt or count.
    pub fn open(self, key: VaultKey) -> Result<(VaultKey, Zeroizing<Vec<u8>>), VaultError> {
        if key.salt != self.salt || key.iterations != self.iterations {
            return Err(VaultError::IncorrectPassword);
        }
        let mut plaintext = self.data;
        let ciphertext_len = plaintext.len().saturating_sub(TAG_LEN);
        let (ciphertext, tag) = plaintext
            .split_at_mut_checked(ciphertext_len)
            .ok_or(malformed("data is too short"))?;
        let tag = Tag::<U16>::try_from(&*tag).map_err(|_| malformed("data is too short"))?;
        key.cipher()
            .decrypt_inout_detached((&self.iv).into(), b"", ciphertext.into(), &tag)
            .map_err(|_| VaultError::IncorrectPassword)?;
        // Truncating keeps the allocation, which `Zeroizing` wipes in full on drop.
        plaintext.truncate(ciphertext_len);
        Ok((key, plaintext))
    }
}

/// Opens vault JSON with `password`. Returns the key (for re-encryption) and the plaintext.
/// A vault without `keyMetadata` uses [`LEGACY_ITERATIONS`]; see [`ParsedVault::parse`] for
/// what is accepted.
///
/// # Errors
/// [`VaultError::Malformed`] (with a reason) if the text is not such a vault;
/// [`VaultError::IncorrectPassword`] if the GCM tag does not verify — a wrong password or any
/// altered byte of `data`, `iv` or `salt` (an altered salt derives another key).
pub fn decrypt(
    vault_json: &str,
    password: &str,
) -> Result<(VaultKey, Zeroizing<Vec<u8>>), VaultError> {
    let vault = ParsedVault::parse(vault_json)?;
    let key = VaultKey::derive_unchecked(password, &vault.salt, vault.iterations);
    vault.open(key)
}

/// Opens a payload (any value sealed in the vault format, e.g. by browser-passworder's
/// `encrypt`, or by [`encrypt`] of JSON text) with the key derived outside the core from its
/// own salt and count ([`ParsedVault::open_with_key`]), and returns the plaintext as text. What
/// the text holds (JSON) is for the caller to read.
///
/// # Errors
/// [`VaultError::Malformed`] if `payload_json` is not a vault-format payload (see
/// [`ParsedVault::parse`]) or the decrypted bytes are not UTF-8;
/// [`VaultError::IncorrectPassword`] for a key of another password or any altered byte.
pub fn open_text_with_key(
    payload_json: &str,
    key: Zeroizing<[u8; 32]>,
) -> Result<Zeroizing<String>, VaultError> {
    let (_, mut plaintext) = ParsedVault::parse(payload_json)?.open_with_key(key)?;
    // Moves the buffer out (no copy of its bytes); each outcome wipes it again on drop.
    match String::from_utf8(core::mem::take(&mut *plaintext)) {
        Ok(text) => Ok(Zeroizing::new(text)),
        Err(e) => {
            drop(Zeroizing::new(e.into_bytes()));
            Err(malformed("decrypted data is not utf-8"))
        }
    }
}

/// The vault could not be opened or written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VaultError {
    /// Authentication failed: wrong password, or any byte of the vault altered.
    /// Deliberately one error for both (an attacker learns nothing from which).
    IncorrectPassword,
    /// The vault is not structurally a vault: `reason` says which part is broken.
    Malformed {
        /// A short lower-case description, e.g. "iv is not base64".
        reason: &'static str,
    },
    /// A caller asked to write a vault with an unusable parameter (not a vault being read):
    /// `reason` says which, e.g. "plaintext is empty".
    BadParameter {
        /// A short lower-case description, e.g. "iterations must be between 1 and 10000000".
        reason: &'static str,
    },
    /// The system random number generator (OS or WebCrypto) could not supply a salt or IV.
    RandomUnavailable,
}

impl VaultError {
    /// The stable code of this error (`docs/core-api.md`): `INCORRECT_PASSWORD`,
    /// `MALFORMED_VAULT`, or `INVALID_ARGUMENT` for a caller's unusable parameter or missing
    /// randomness (failures of the request or the environment, not of a stored vault).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::IncorrectPassword => "INCORRECT_PASSWORD",
            Self::Malformed { .. } => "MALFORMED_VAULT",
            Self::BadParameter { .. } | Self::RandomUnavailable => "INVALID_ARGUMENT",
        }
    }
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IncorrectPassword => f.write_str("incorrect password"),
            Self::Malformed { reason } => write!(f, "malformed vault: {reason}"),
            Self::BadParameter { reason } => write!(f, "invalid vault parameter: {reason}"),
            Self::RandomUnavailable => f.write_str("the random number generator is unavailable"),
        }
    }
}

impl std::error::Error for VaultError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn b64_accepts_missing_padding_and_rejects_whitespace() {
        assert_eq!(B64.decode("AQI=").unwrap(), [1, 2]);
        assert_eq!(B64.decode("AQI").unwrap(), [1, 2]);
        assert!(B64.decode("AQ I=").is_err());
        assert!(B64.decode("-_8=").is_err());
        assert_eq!(B64.encode([1u8, 2]), "AQI=");
        let bytes: Vec<u8> = (0..=255u8).rev().chain(0..=255).collect();
        for len in 0..bytes.len() {
            let input = &bytes[len / 3..len];
            assert_eq!(b64_encode(input), B64.encode(input), "{len}");
        }
    }

    #[test]
    fn iterations_param_bounds() {
        assert!(check_iterations_param(1).is_ok());
        assert!(check_iterations_param(MAX_ITERATIONS).is_ok());
        assert!(check_iterations_param(0).is_err());
        assert!(check_iterations_param(MAX_ITERATIONS + 1).is_err());
    }

    #[test]
    fn vault_iterations_bounds() {
        let with = |n: u64| {
            let v = serde_json::json!({
                "keyMetadata": { "algorithm": "PBKDF2", "params": { "iterations": n } }
            });
            vault_iterations(v.as_object().unwrap())
        };
        assert_eq!(with(1), Ok(1));
        assert_eq!(with(u64::from(MAX_ITERATIONS)), Ok(MAX_ITERATIONS));
        assert_eq!(
            with(u64::from(MAX_ITERATIONS) + 1),
            Err(malformed("iterations out of range"))
        );
        assert_eq!(with(0), Err(malformed("iterations out of range")));
        let legacy = serde_json::json!({});
        assert_eq!(
            vault_iterations(legacy.as_object().unwrap()),
            Ok(LEGACY_ITERATIONS)
        );
    }

    #[test]
    fn derive_matches_derive_with_salt() {
        let a = VaultKey::derive("pw", [7u8; 32], 3);
        let b = VaultKey::derive_with_salt("pw", &[7u8; 32], 3).unwrap();
        assert_eq!(a.key.as_slice(), b.key.as_slice());
        assert_eq!(a.salt(), b.salt());
    }
}
