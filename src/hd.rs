//! BIP32 hierarchical deterministic keys and BIP44 paths (secp256k1 private derivation only).
//! STUB: signatures fixed, bodies to be written.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::HdError;
use crate::eth::PrivateKey;
use zeroize::Zeroizing;

/// MetaMask's default HD path for Ethereum accounts: account `i` is `m/44'/60'/0'/0/i`.
pub const METAMASK_HD_PATH: &str = "m/44'/60'/0'/0";

/// A BIP32 child number: `index` below 2^31 plus a hardened flag. Cannot wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildNumber {
    index: u32,
    hardened: bool,
}

impl ChildNumber {
    pub fn normal(index: u32) -> Result<Self, HdError> {
        todo!()
    }
    pub fn hardened(index: u32) -> Result<Self, HdError> {
        todo!()
    }
    /// The 32-bit value BIP32 serializes (index + 2^31 when hardened).
    pub fn to_u32(self) -> u32 {
        todo!()
    }
}

/// A parsed path like `m/44'/60'/0'/0` (`'`, `h` or `H` mark hardened components).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivationPath(Vec<ChildNumber>);

impl DerivationPath {
    /// Parses `m/...`; rejects any component ≥ 2^31 instead of wrapping it.
    pub fn parse(path: &str) -> Result<Self, HdError> {
        todo!()
    }
    pub fn components(&self) -> &[ChildNumber] {
        &self.0
    }
}

/// The index of an HD account (`i` in `m/44'/60'/0'/0/i`), below 2^31.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct AccountIndex(u32);

impl AccountIndex {
    pub fn new(index: u32) -> Result<Self, HdError> {
        todo!()
    }
    pub fn get(self) -> u32 {
        self.0
    }
}

/// A BIP32 extended private key. Zeroized on drop; never `Copy`, `Debug` or `Display`.
pub struct ExtendedPrivateKey {
    key: PrivateKey,
    chain_code: Zeroizing<[u8; 32]>,
}

impl ExtendedPrivateKey {
    /// Master key from a seed: HMAC-SHA512(key = "Bitcoin seed", seed).
    pub fn master(seed: &[u8]) -> Result<Self, HdError> {
        todo!()
    }
    /// CKDpriv to one child.
    pub fn derive_child(&self, child: ChildNumber) -> Result<Self, HdError> {
        todo!()
    }
    /// Derives along every component of `path` (which starts at this key).
    pub fn derive_path(&self, path: &DerivationPath) -> Result<Self, HdError> {
        todo!()
    }
    pub fn private_key(&self) -> &PrivateKey {
        &self.key
    }
    pub fn chain_code(&self) -> &[u8; 32] {
        &self.chain_code
    }
}
