//! Keystead's key-handling core.
//!
//! Every secret — the Secret Recovery Phrase, seeds, private keys — lives in types of this crate
//! that zeroize on drop, compare in constant time and never print. Callers pass passwords,
//! phrases and imported keys *in*, and get addresses, signatures and ciphertext *out*; secrets
//! leave only through [`wallet::Wallet::reveal_phrase`] and
//! [`wallet::Wallet::export_private_key`], each re-checking the password.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod error;
pub mod eth;
pub mod hd;
mod hex;
mod json;
pub mod keyring;
pub mod mnemonic;
pub mod phrase_guard;
pub mod session;
pub mod shamir_backup;
pub mod slip39;
pub mod vault;
pub mod wallet;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod wipe;
mod wordlist;

pub use error::Error;
