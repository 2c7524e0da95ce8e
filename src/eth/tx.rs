//! Transactions: legacy (with EIP-155 replay protection), EIP-2930 (type 1), EIP-1559 (type 2).
//! STUB.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::TransactionError;
use crate::eth::PrivateKey;

/// An EIP-155 chain id (non-zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChainId(u64);

impl ChainId {
    pub fn new(id: u64) -> Result<Self, TransactionError> {
        todo!()
    }
    pub fn get(self) -> u64 {
        self.0
    }
}

/// A parsed transaction request (JSON-RPC field names, quantities as `0x` hex).
pub struct TransactionRequest {/* fields to be designed */}

impl TransactionRequest {
    /// Parses a JSON object: `type` (`0x0`/`0x1`/`0x2`; inferred from the fee fields when
    /// absent), `chainId` (required), `nonce`, `to` (absent/null = contract creation), `value`,
    /// `data` (or `input`), `gas` (or `gasLimit`), `gasPrice`, `maxFeePerGas`,
    /// `maxPriorityFeePerGas`, `accessList`. Unknown fields are rejected.
    pub fn from_json(json: &str) -> Result<Self, TransactionError> {
        todo!()
    }
    pub fn from(&self) -> Option<crate::eth::Address> {
        todo!()
    }
    pub fn chain_id(&self) -> ChainId {
        todo!()
    }
    /// The bytes whose Keccak-256 is signed.
    pub fn encode_for_signing(&self) -> Vec<u8> {
        todo!()
    }
    /// Signs and returns the raw transaction bytes (`eth_sendRawTransaction` input).
    pub fn sign(&self, key: &PrivateKey) -> Vec<u8> {
        todo!()
    }
}
