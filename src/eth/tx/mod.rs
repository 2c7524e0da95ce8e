//! Transactions: legacy with EIP-155 replay protection (type 0), EIP-2930 (type 1), EIP-1559
//! (type 2) and EIP-7702 (type 4), read from a JSON-RPC transaction object and signed into the
//! raw bytes `eth_sendRawTransaction` takes; and EIP-7702 authorizations.
//!
//! - [`model`]: the [`Transaction`] and its fields ([`ChainId`], [`TxType`],
//!   [`AccessListItem`]), and [`TransactionError`];
//! - [`authorization`]: the EIP-7702 [`Authorization`] tuple, its hash and signature
//!   ([`SignedAuthorization`]), and [`AuthorizationError`];
//! - [`encode`]: its RLP encodings, the signing hash and [`Transaction::sign`];
//! - [`request`]: the JSON-RPC request ([`TransactionRequest::from_json`], the accepted fields
//!   and their rules) and [`sign_request`], what `signTransaction` runs; an authorization
//!   request ([`Authorization::from_json`]) and [`sign_authorization_request`], what
//!   `signAuthorization` runs.

pub mod authorization;
pub mod encode;
pub mod model;
pub mod request;

pub use authorization::{Authorization, AuthorizationError, SignedAuthorization};
pub use model::{AccessListItem, ChainId, Transaction, TransactionError, TxType};
pub use request::{sign_authorization_request, sign_request, TransactionRequest};
