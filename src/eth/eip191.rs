//! EIP-191 version 0x45 ("personal_sign"). STUB.
#![allow(missing_docs, clippy::todo, unused_variables)]

/// Keccak-256 of `"\x19Ethereum Signed Message:\n" ‖ decimal(len(message)) ‖ message`.
pub fn hash(message: &[u8]) -> [u8; 32] {
    todo!()
}

pub fn message_bytes(data_hex: &str) -> Result<Vec<u8>, crate::Error> {
    todo!()
}
