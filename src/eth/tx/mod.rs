//! Transactions: legacy with EIP-155 replay protection (type 0), EIP-2930 (type 1) and
//! EIP-1559 (type 2), read from a JSON-RPC transaction object and signed into the raw bytes
//! `eth_sendRawTransaction` takes.
//!
//! - [`model`]: the [`Transaction`] and its fields ([`ChainId`], [`TxType`],
//!   [`AccessListItem`]), and [`TransactionError`];
//! - [`encode`]: its RLP encodings, the signing hash and [`Transaction::sign`];
//! - [`request`]: the JSON-RPC request ([`TransactionRequest::from_json`], the accepted fields
//!   and their rules) and [`sign_request`], what `signTransaction` runs.

pub mod encode;
pub mod model;
pub mod request;

pub use model::{AccessListItem, ChainId, Transaction, TransactionError, TxType};
pub use request::{sign_request, TransactionRequest};
