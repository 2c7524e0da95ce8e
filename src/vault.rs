//! Password encryption compatible with `@metamask/browser-passworder`.
//! STUB: signatures fixed, bodies to be written.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::VaultError;
use zeroize::Zeroizing;

/// PBKDF2 iterations for new vaults (browser-passworder's current default).
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Iterations of a vault without `keyMetadata` (browser-passworder before key metadata).
pub const LEGACY_ITERATIONS: u32 = 10_000;

/// An AES-256-GCM key derived from the password, with the salt and iteration count it came from.
/// Zeroized on drop; never `Copy`, `Debug` or `Display`.
pub struct VaultKey {
    key: Zeroizing<[u8; 32]>,
    salt: [u8; 32],
    iterations: u32,
}

impl VaultKey {
    /// PBKDF2-HMAC-SHA256(password UTF-8, salt, iterations) → 32 bytes.
    pub fn derive(password: &str, salt: [u8; 32], iterations: u32) -> Self {
        todo!()
    }
    /// A fresh random salt, then [`VaultKey::derive`].
    pub fn generate(password: &str, iterations: u32) -> Result<Self, VaultError> {
        todo!()
    }
    pub fn iterations(&self) -> u32 {
        self.iterations
    }
    pub fn salt(&self) -> &[u8; 32] {
        &self.salt
    }
    /// Derives from `password` with this key's salt and iterations and compares in constant time.
    pub fn matches_password(&self, password: &str) -> bool {
        todo!()
    }
}

/// Encrypts `plaintext` under `key` with a fresh random 16-byte IV; returns the vault JSON
/// `{"data","iv","salt","keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":N}}}`.
pub fn encrypt(key: &VaultKey, plaintext: &[u8]) -> Result<String, VaultError> {
    todo!()
}

/// Opens vault JSON with `password`. Returns the key (for re-encryption) and the plaintext.
/// A vault without `keyMetadata` uses [`LEGACY_ITERATIONS`].
pub fn decrypt(
    vault_json: &str,
    password: &str,
) -> Result<(VaultKey, Zeroizing<Vec<u8>>), VaultError> {
    todo!()
}
