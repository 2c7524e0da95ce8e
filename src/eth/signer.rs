//! The one signing primitive: a signer over 32-byte hashes.
//!
//! Every kind of signature Keystead makes is one function of its standard on top of
//! [`SignHash`]: EIP-191 `personal_sign` ([`crate::eth::eip191::sign`]), EIP-712 v4
//! ([`crate::eth::typed_data::sign`]) and transactions ([`crate::eth::tx::Transaction::sign`],
//! [`crate::eth::tx::sign_request`]). Each computes its standard's 32-byte hash and hands it to
//! the signer; nothing else touches a key. A new kind of signature is one more such function:
//! the wallet, the keyring and the facade need nothing new but the call.
//!
//! Two signers exist: a [`PrivateKey`] in hand, which cannot fail, and a wallet's account
//! ([`crate::keyring::AccountSigner`]), whose key is looked up only when it signs. That order
//! is what lets each standard check its own input first (malformed typed data is reported as
//! such even for an address the wallet does not hold).

use crate::eth::{Address, PrivateKey, Signature};

/// Signs 32-byte hashes with the key of one address.
pub trait SignHash {
    /// What signing returns around a value `T`: `T` itself when signing cannot fail (a
    /// [`PrivateKey`]), `Result<T, E>` when it can (an account that is not in the wallet).
    type Signed<T>;

    /// The address whose key signs.
    fn address(&self) -> Address;

    /// Signs `hash` (RFC 6979, low s, recoverable: [`PrivateKey::sign_hash`]) and passes the
    /// signature through `encode` (the identity for a bare signature, the signed encoding for
    /// a transaction).
    fn sign_hash_with<T>(
        &self,
        hash: &[u8; 32],
        encode: impl FnOnce(Signature) -> T,
    ) -> Self::Signed<T>;
}

impl SignHash for PrivateKey {
    type Signed<T> = T;

    fn address(&self) -> Address {
        PrivateKey::address(self)
    }

    fn sign_hash_with<T>(&self, hash: &[u8; 32], encode: impl FnOnce(Signature) -> T) -> T {
        encode(self.sign_hash(hash))
    }
}
