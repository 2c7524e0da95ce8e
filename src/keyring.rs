//! The keyring: one HD keyring plus imported keys, in MetaMask's KeyringController layout. STUB.
#![allow(missing_docs)]
