//! Session snapshots: an unlocked wallet sealed under a random key that lives only as long as
//! the browser session, so that a service worker the browser stopped can resume without asking
//! for the password again.
//!
//! The extension keeps the session key and the snapshot in `chrome.storage.session` (memory
//! only, cleared when the browser quits, unreachable from web pages and content scripts). The
//! password, the phrase and the private keys never leave WASM memory in readable form.
//!
//! A snapshot is standard padded base64 of
//! `nonce (12 bytes) ‖ AES-256-GCM(session key, nonce, body, aad = "keystead-session-v1") ‖ tag (16)`,
//! where `body` is
//! `0x01 ‖ iterations (u32 big-endian) ‖ salt length (1 byte) ‖ salt ‖ vault key (32 bytes) ‖
//! keyring list (MetaMask's JSON layout, UTF-8)`.
//! The vault key travels with the keyrings so that the resumed wallet can still re-encrypt its
//! vault and re-check the password at the reveal and export gates.

use aes_gcm::aead::{AeadInOut, KeyInit};
use aes_gcm::{Aes256Gcm, Tag};
use base64::Engine as _;
use core::fmt;
use zeroize::Zeroizing;

use crate::vault::{b64_encode, VaultKey, B64};

/// Bytes of a session key.
pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
const VERSION: u8 = 1;
const AAD: &[u8] = b"keystead-session-v1";

/// A session key: 32 random bytes chosen by the caller. Zeroized on drop; never `Copy`,
/// `Debug` or `Display`.
pub struct SessionKey(Zeroizing<[u8; KEY_LEN]>);

impl SessionKey {
    /// Takes the key bytes, which must be exactly [`KEY_LEN`] long.
    ///
    /// # Errors
    /// [`SessionError::BadKey`] for any other length.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, SessionError> {
        let key: [u8; KEY_LEN] = bytes.try_into().map_err(|_| SessionError::BadKey)?;
        Ok(Self(Zeroizing::new(key)))
    }

    fn cipher(&self) -> Aes256Gcm {
        let key: &[u8; KEY_LEN] = &self.0;
        Aes256Gcm::new(key.into())
    }
}

fn malformed(reason: &'static str) -> SessionError {
    SessionError::Malformed { reason }
}

/// Seals `keyrings` (MetaMask's keyring list JSON) and the vault `key` under `session`; returns
/// the base64 snapshot described in the module docs, with a fresh random nonce.
///
/// # Errors
/// [`SessionError::RandomUnavailable`] if no nonce could be drawn; [`SessionError::Malformed`]
/// if the vault key's salt is longer than a vault may carry (never for keys this crate made).
pub fn seal(session: &SessionKey, key: &VaultKey, keyrings: &[u8]) -> Result<String, SessionError> {
    let salt = key.salt();
    let salt_len = u8::try_from(salt.len()).map_err(|_| malformed("salt is too long"))?;
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|_| SessionError::RandomUnavailable)?;

    let body_len = 1 + 4 + 1 + salt.len() + 32 + keyrings.len();
    // Sized once: a zeroizing buffer that grew would leave an unwiped copy in freed memory.
    let mut buffer = Zeroizing::new(Vec::with_capacity(NONCE_LEN + body_len + TAG_LEN));
    buffer.extend_from_slice(&nonce);
    buffer.push(VERSION);
    buffer.extend_from_slice(&key.iterations().to_be_bytes());
    buffer.push(salt_len);
    buffer.extend_from_slice(salt);
    buffer.extend_from_slice(key.key_bytes());
    buffer.extend_from_slice(keyrings);
    let body = buffer
        .get_mut(NONCE_LEN..)
        .ok_or(malformed("snapshot is too short"))?;
    let tag = session
        .cipher()
        .encrypt_inout_detached((&nonce).into(), AAD, body.into())
        .map_err(|_| malformed("keyrings are too long"))?;
    buffer.extend_from_slice(&tag);
    Ok(b64_encode(buffer.as_slice()))
}

/// Splits `n` bytes off the front of `rest`.
fn take<'a>(rest: &mut &'a [u8], n: usize) -> Result<&'a [u8], SessionError> {
    let (head, tail) = rest
        .split_at_checked(n)
        .ok_or(malformed("snapshot is truncated"))?;
    *rest = tail;
    Ok(head)
}

/// Opens a snapshot written by [`seal`]: the vault key and the keyring list JSON.
///
/// # Errors
/// [`SessionError::Malformed`] if `snapshot` is not base64 or too short, or its body is not
/// version 1 with a salt of 1 to 64 bytes and 1 to 10,000,000 iterations;
/// [`SessionError::Unauthentic`] if it does not authenticate under `session`.
pub fn open(
    session: &SessionKey,
    snapshot: &str,
) -> Result<(VaultKey, Zeroizing<Vec<u8>>), SessionError> {
    let mut sealed = Zeroizing::new(
        B64.decode(snapshot)
            .map_err(|_| malformed("snapshot is not base64"))?,
    );
    let body_len = sealed
        .len()
        .checked_sub(NONCE_LEN + TAG_LEN)
        .ok_or(malformed("snapshot is too short"))?;
    let (nonce, rest) = sealed
        .split_at_mut_checked(NONCE_LEN)
        .ok_or(malformed("snapshot is too short"))?;
    let nonce: [u8; NONCE_LEN] = (&*nonce)
        .try_into()
        .map_err(|_| malformed("snapshot is too short"))?;
    let (body, tag) = rest
        .split_at_mut_checked(body_len)
        .ok_or(malformed("snapshot is too short"))?;
    let tag = Tag::try_from(&*tag).map_err(|_| malformed("snapshot is too short"))?;
    session
        .cipher()
        .decrypt_inout_detached((&nonce).into(), AAD, body.into(), &tag)
        .map_err(|_| SessionError::Unauthentic)?;

    let mut rest: &[u8] = body;
    if take(&mut rest, 1)? != [VERSION] {
        return Err(malformed("unknown snapshot version"));
    }
    let iterations = take(&mut rest, 4)?;
    let iterations = u32::from_be_bytes(
        iterations
            .try_into()
            .map_err(|_| malformed("snapshot is truncated"))?,
    );
    let salt_len = usize::from(*take(&mut rest, 1)?.first().unwrap_or(&0));
    let salt = take(&mut rest, salt_len)?;
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(take(&mut rest, 32)?);
    // The same bounds as any caller-supplied key: salt 1 to 64 bytes, 1 to 10,000,000 rounds.
    let key = VaultKey::from_derived(key, salt, iterations)
        .map_err(|_| malformed("salt or iterations out of range"))?;
    Ok((key, Zeroizing::new(rest.to_vec())))
}

/// A session snapshot could not be sealed or resumed (see `session`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionError {
    /// The snapshot did not authenticate under the session key: another session's key,
    /// or an altered snapshot. Unlock with the password instead.
    Unauthentic,
    /// The snapshot is not one this crate wrote: `reason` says which part is broken.
    Malformed {
        /// A short lower-case description, e.g. "snapshot is not base64".
        reason: &'static str,
    },
    /// The session key is not 32 bytes.
    BadKey,
    /// The system random number generator could not supply a nonce.
    RandomUnavailable,
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unauthentic => f.write_str("the session snapshot does not match the session key"),
            Self::Malformed { reason } => write!(f, "malformed session snapshot: {reason}"),
            Self::BadKey => f.write_str("the session key must be 32 bytes"),
            Self::RandomUnavailable => f.write_str("the random number generator is unavailable"),
        }
    }
}

impl std::error::Error for SessionError {}
