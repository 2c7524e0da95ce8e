//! Native tests of session snapshots (`keystead::session`, `Wallet::seal_session` / `resume`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use keystead::error::Error;
use keystead::session::SessionError;
use keystead::session::SessionKey;
use keystead::wallet::Wallet;
use proptest::prelude::*;

const PASSWORD: &str = "correct horse battery staple";
/// The phrase anvil and hardhat fund by default.
const PHRASE: &str = "test test test test test test test test test test test junk";

fn key(byte: u8) -> SessionKey {
    SessionKey::from_slice(&[byte; 32]).unwrap()
}

fn wallet() -> Wallet {
    let mut w = Wallet::restore(PASSWORD, PHRASE).unwrap();
    w.add_account().unwrap();
    w.import_private_key("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
        .unwrap();
    w
}

#[test]
fn resume_gives_back_the_same_wallet() {
    let w = wallet();
    let snapshot = w.seal_session(&key(7)).unwrap();
    let resumed = Wallet::resume(&snapshot, &key(7)).unwrap();
    let addresses = |w: &Wallet| -> Vec<String> {
        w.accounts()
            .unwrap()
            .iter()
            .map(|a| a.address.to_checksum())
            .collect()
    };
    assert_eq!(addresses(&resumed), addresses(&w));
    assert_eq!(
        addresses(&resumed)[..2],
        [
            "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
        ]
    );
    // The password gate still works: the vault key came along, the password did not.
    assert_eq!(resumed.reveal_phrase(PASSWORD).unwrap().as_str(), PHRASE);
    assert_eq!(
        resumed.reveal_phrase("wrong").map(|_| ()),
        Err(Error::Vault(keystead::vault::VaultError::IncorrectPassword))
    );
    // And it writes a vault the password opens.
    let reopened = Wallet::unlock(&resumed.vault().unwrap(), PASSWORD).unwrap();
    assert_eq!(addresses(&reopened), addresses(&w));
}

#[test]
fn snapshots_differ_each_time_and_hold_no_plaintext() {
    let w = wallet();
    let a = w.seal_session(&key(1)).unwrap();
    let b = w.seal_session(&key(1)).unwrap();
    assert_ne!(a, b, "a fresh nonce per snapshot");
    let bytes = STANDARD.decode(&a).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("test test"));
    assert!(!text.contains("HD Key Tree"));
}

#[test]
fn another_key_or_an_altered_byte_is_unauthentic() {
    let snapshot = wallet().seal_session(&key(1)).unwrap();
    assert_eq!(
        Wallet::resume(&snapshot, &key(2)).map(|_| ()),
        Err(Error::Session(SessionError::Unauthentic))
    );
    let bytes = STANDARD.decode(&snapshot).unwrap();
    for i in [0, 12, 13, 40, bytes.len() / 2, bytes.len() - 1] {
        let mut altered = bytes.clone();
        altered[i] ^= 1;
        let err = Wallet::resume(&STANDARD.encode(&altered), &key(1)).map(|_| ());
        assert_eq!(
            err,
            Err(Error::Session(SessionError::Unauthentic)),
            "byte {i}"
        );
    }
}

#[test]
fn malformed_snapshots_and_keys_are_typed_errors() {
    let malformed = |reason| Err(Error::Session(SessionError::Malformed { reason }));
    assert_eq!(
        Wallet::resume("not base64!", &key(1)).map(|_| ()),
        malformed("snapshot is not base64")
    );
    assert_eq!(
        Wallet::resume(&STANDARD.encode([0u8; 27]), &key(1)).map(|_| ()),
        malformed("snapshot is too short")
    );
    let snapshot = wallet().seal_session(&key(1)).unwrap();
    let bytes = STANDARD.decode(&snapshot).unwrap();
    assert_eq!(
        Wallet::resume(&STANDARD.encode(&bytes[..bytes.len() - 1]), &key(1)).map(|_| ()),
        Err(Error::Session(SessionError::Unauthentic))
    );
    assert_eq!(
        SessionKey::from_slice(&[0u8; 31]).map(|_| ()),
        Err(SessionError::BadKey)
    );
    assert_eq!(Error::from(SessionError::BadKey).code(), "INVALID_SESSION");
}

#[test]
fn a_locked_wallet_seals_nothing() {
    let mut w = wallet();
    w.lock();
    assert_eq!(w.seal_session(&key(1)).unwrap_err().code(), "LOCKED");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn arbitrary_snapshots_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Wallet::resume(&STANDARD.encode(&bytes), &key(1));
    }
}
