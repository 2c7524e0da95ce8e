//! EIP-712 typed structured data, as `eth_signTypedData_v4`. STUB.
#![allow(missing_docs, clippy::todo, unused_variables)]

use crate::error::TypedDataError;

/// Keccak-256 of `0x19 ‖ 0x01 ‖ hashStruct(EIP712Domain, domain) ‖ hashStruct(primaryType, message)`
/// for the JSON `{ types, primaryType, domain, message }` (the message part is omitted when
/// primaryType is EIP712Domain), with the same encoding rules as @metamask/eth-sig-util V4.
pub fn signing_hash(json: &str) -> Result<[u8; 32], TypedDataError> {
    todo!()
}

/// The domain's chainId, if the typed data has one (for the extension's chain check).
pub fn domain_chain_id(json: &str) -> Result<Option<u64>, TypedDataError> {
    todo!()
}
