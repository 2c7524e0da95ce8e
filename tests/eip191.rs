//! EIP-191 version 0x45 (`personal_sign`) hashing and message decoding.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use keystead::eth::{eip191, keccak256};
use keystead::Error;
use proptest::prelude::*;

fn h(hex32: &str) -> [u8; 32] {
    hex::decode(hex32.trim_start_matches("0x"))
        .unwrap()
        .try_into()
        .unwrap()
}

/// The values viem's `hashMessage` returns for these UTF-8 messages
/// (wevm/viem, src/utils/signature/hashMessage.test.ts).
#[test]
fn viem_hash_message_vectors() {
    assert_eq!(
        eip191::hash(b"hello world"),
        h("0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68")
    );
    // U+1F917 is four UTF-8 bytes: the length is counted in bytes, not characters.
    assert_eq!(
        eip191::hash("🤗".as_bytes()),
        h("0x716ce69c5d2d629c168bc02e24a961456bdc5a362d366119305aea73978a0332")
    );
    // viem hashes a plain string as its UTF-8 text, even when it looks like hex.
    assert_eq!(
        eip191::hash(b"0xdeadbeef"),
        h("0xefedd0a9a0294228c3977d7fbb68c7d40279f8b408cf3e24ef1823b179709e58")
    );
}

/// The prefix spelled out by hand: 0x19, "Ethereum Signed Message:\n", decimal length.
#[test]
fn hello_world_is_the_prefixed_keccak() {
    let preimage = b"\x19Ethereum Signed Message:\n11hello world";
    assert_eq!(eip191::hash(b"hello world"), keccak256(preimage));
}

/// The empty message has length "0"; its hash is the well-known
/// 0x5f35dce98ba4fba25530a026ed80b2cecdaa31091ba4958b99b52ea1d068adad (ethers/viem
/// `hashMessage("")`).
#[test]
fn empty_message() {
    assert_eq!(
        eip191::hash(b""),
        keccak256(b"\x19Ethereum Signed Message:\n0")
    );
    assert_eq!(
        eip191::hash(b""),
        h("0x5f35dce98ba4fba25530a026ed80b2cecdaa31091ba4958b99b52ea1d068adad")
    );
}

/// A 1000-byte message: the length is four decimal digits.
#[test]
fn multi_digit_length() {
    let message = vec![0xa5u8; 1000];
    let mut preimage = b"\x19Ethereum Signed Message:\n1000".to_vec();
    preimage.extend_from_slice(&message);
    assert_eq!(eip191::hash(&message), keccak256(&preimage));
    // Not the hash of a wrong length framing.
    let mut wrong = b"\x19Ethereum Signed Message:\n100".to_vec();
    wrong.extend_from_slice(&message);
    assert_ne!(eip191::hash(&message), keccak256(&wrong));
}

#[test]
fn message_bytes_decodes_hex() {
    assert_eq!(eip191::message_bytes("0x").unwrap(), Vec::<u8>::new());
    assert_eq!(
        eip191::message_bytes("0x68656c6c6f20776f726c64").unwrap(),
        b"hello world"
    );
    assert_eq!(
        eip191::message_bytes("0xDEADbeef").unwrap(),
        [0xde, 0xad, 0xbe, 0xef]
    );
}

#[test]
fn message_bytes_errors() {
    let expected = Error::InvalidArgument("message must be 0x-prefixed hex");
    for bad in [
        "",               // nothing
        "hello",          // plain text
        "deadbeef",       // no prefix
        "0X00",           // upper-case prefix
        "0x0",            // odd length
        "0x123",          // odd length
        "0xzz",           // not hex
        "0x00 ",          // trailing space
        " 0x00",          // leading space
        "0x0x00",         // prefix twice
        "0x\u{e9}\u{e9}", // non-ASCII
    ] {
        let err = eip191::message_bytes(bad).unwrap_err();
        assert_eq!(err, expected, "{bad:?}");
        assert_eq!(err.code(), "INVALID_ARGUMENT");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any byte string round-trips through lower- and upper-case hex.
    #[test]
    fn message_bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let lower = format!("0x{}", hex::encode(&bytes));
        prop_assert_eq!(eip191::message_bytes(&lower).unwrap(), bytes.clone());
        let upper = format!("0x{}", hex::encode_upper(&bytes));
        prop_assert_eq!(eip191::message_bytes(&upper).unwrap(), bytes);
    }

    /// The hash is Keccak-256 of the prefix, the decimal length, and the message.
    #[test]
    fn hash_matches_definition(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut preimage = format!("\x19Ethereum Signed Message:\n{}", bytes.len()).into_bytes();
        preimage.extend_from_slice(&bytes);
        prop_assert_eq!(eip191::hash(&bytes), keccak256(&preimage));
    }
}
