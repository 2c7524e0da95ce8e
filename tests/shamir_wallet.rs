//! A wallet backed up with SLIP-39 shares (native): its accounts are the BIP-32 accounts of the
//! master secret, the vault keeps the master secret (never a share) in Keystead's own keyring
//! type beside MetaMask's keyrings, it survives open → save and session snapshots, and the
//! shares leave only behind the password.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::{
    error::Error,
    eth::Address,
    hd::{DerivationPath, ExtendedPrivateKey},
    keyring::{Keyrings, SHAMIR_KEYRING_TYPE},
    session::SessionKey,
    shamir_backup::{Scheme, ShareCheck},
    slip39,
    vault::{self, VaultKey},
    wallet::Wallet,
};
use serde_json::Value;

mod common;
use common::{texts, PASSWORD};

/// Vector 1 of trezor/python-shamir-mnemonic: one share of a 1-of-1 set, passphrase "TREZOR".
const VECTOR_1: &str = "duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard";
const VECTOR_1_SECRET: &str = "bb54aac4b89dc868ba37d9cc21b2cece";

/// A vault key at a low count: these tests are about the keyrings, not PBKDF2.
fn key() -> VaultKey {
    VaultKey::derive(PASSWORD, [7; 32], 1_000)
}

fn code<T>(r: Result<T, Error>) -> &'static str {
    r.err().map(|e| e.code()).unwrap_or("ok")
}

/// Account `index` at m/44'/60'/0'/0/index of a BIP-32 seed.
fn account(seed: &[u8], index: u32) -> Address {
    let path = DerivationPath::parse(&format!("m/44'/60'/0'/0/{index}")).unwrap();
    ExtendedPrivateKey::master(seed)
        .unwrap()
        .derive_path(&path)
        .unwrap()
        .private_key()
        .address()
}

fn two_of_three() -> Scheme {
    Scheme {
        group_threshold: 1,
        groups: vec![(2, 3)],
    }
}

fn addresses(w: &Wallet) -> Vec<Address> {
    w.accounts().unwrap().iter().map(|a| a.address).collect()
}

/// The decrypted keyring list of a wallet's vault.
fn plaintext(w: &Wallet) -> String {
    let (_, bytes) = vault::decrypt(&w.vault().unwrap(), PASSWORD).unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn accounts_are_the_bip32_accounts_of_the_master_secret() {
    let mut w = Wallet::create_shamir_with_key(&two_of_three(), 16, key()).unwrap();
    let shares = texts(&w.reveal_shares(PASSWORD).unwrap());
    let seed = slip39::combine(&shares[0][1..], "").unwrap();
    w.add_account().unwrap();
    assert_eq!(
        addresses(&w),
        vec![account(seed.as_bytes(), 0), account(seed.as_bytes(), 1)]
    );
    // Shares made on a Trezor (the reference vectors) give the accounts of their master secret.
    let restored = Wallet::restore_shares_with_key(&[VECTOR_1], "TREZOR", key()).unwrap();
    let secret = hex::decode(VECTOR_1_SECRET).unwrap();
    assert_eq!(addresses(&restored), vec![account(&secret, 0)]);
}

#[test]
fn the_vault_holds_the_master_secret_never_a_share_and_survives_open_and_save() {
    let mut w = Wallet::create_shamir_with_key(&two_of_three(), 32, key()).unwrap();
    w.add_account().unwrap();
    w.import_private_key(&"11".repeat(32)).unwrap();
    let shares = texts(&w.reveal_shares(PASSWORD).unwrap());
    let set = w.share_set().unwrap().unwrap();
    let text = plaintext(&w);
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list[0]["type"], SHAMIR_KEYRING_TYPE);
    let data = &list[0]["data"];
    let seed = slip39::combine(&shares[0][..2], "").unwrap();
    assert_eq!(data["masterSecret"], hex::encode(seed.as_bytes()));
    assert_eq!(data["numberOfAccounts"], 2);
    assert_eq!(data["hdPath"], "m/44'/60'/0'/0");
    assert_eq!(
        data["shareSet"],
        serde_json::json!({
            "identifier": set.identifier, "extendable": true, "iterationExponent": 1,
            "groupThreshold": 1, "groupCount": 1, "groups": [[2, 3]], "passphrase": false,
        })
    );
    assert_eq!(list[1]["type"], "Simple Key Pair");
    for share in &shares[0] {
        let words: Vec<&str> = share.split(' ').collect();
        for pair in words.windows(2) {
            assert!(
                !text.contains(&pair.join(" ")),
                "a share's words in the vault"
            );
        }
    }

    let opened = Wallet::unlock(&w.vault().unwrap(), PASSWORD).unwrap();
    assert_eq!(addresses(&opened), addresses(&w));
    assert_eq!(opened.share_set().unwrap(), Some(set));
    assert_eq!(texts(&opened.reveal_shares(PASSWORD).unwrap()), shares);
    let reparsed: Value = serde_json::from_str(&plaintext(&opened)).unwrap();
    assert_eq!(reparsed, list, "open → save gives the same keyring list");
}

#[test]
fn keyrings_other_than_the_shamir_one_are_kept_as_metamask_has_them() {
    let secret = "00112233445566778899aabbccddeeff";
    let list = format!(
        r#"[{{"type":"{SHAMIR_KEYRING_TYPE}","data":{{"masterSecret":"{secret}","numberOfAccounts":1,"hdPath":"m/44'/60'/0'/0","shareSet":{{"identifier":77,"extendable":false,"iterationExponent":0,"groupThreshold":1,"groupCount":1,"passphrase":true}}}}}},{{"type":"Trezor Hardware","data":{{"hdPath":"m/44'/60'/0'/0","accounts":["0x01"]}}}},{{"type":"HD Key Tree","data":{{"mnemonic":[{anvil}],"numberOfAccounts":1,"hdPath":"m/44'/60'/0'/0"}},"metadata":{{"id":"01JPM6NFVGW8V8KKN34053JVFT","name":"Work"}}}}]"#,
        anvil = "test test test test test test test test test test test junk"
            .bytes()
            .map(|b| b.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let keyrings = Keyrings::deserialize(list.as_bytes()).unwrap();
    // The first HD keyring is the Shamir one; the HD Key Tree after it is phrase 2.
    assert_eq!(keyrings.preserved_keyrings(), 1);
    assert_eq!(keyrings.accounts().len(), 2);
    assert_eq!(
        keyrings
            .phrases()
            .iter()
            .map(|p| (p.shamir, p.name.clone()))
            .collect::<Vec<_>>(),
        vec![(true, None), (false, Some("Work".to_string()))]
    );
    assert_eq!(
        keyrings.accounts()[0].address,
        account(&hex::decode(secret).unwrap(), 0)
    );
    let set = keyrings.shamir().unwrap().set();
    assert_eq!(
        (
            set.identifier,
            set.extendable,
            set.groups.clone(),
            set.passphrase
        ),
        (77, false, None, true)
    );
    let written: Value = serde_json::from_str(&keyrings.serialize()).unwrap();
    let read: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(written, read);
    // A vault whose shamir keyring is malformed does not open (nothing is guessed).
    let bad = list.replace(secret, "0011");
    assert_eq!(
        code(Keyrings::deserialize(bad.as_bytes()).map(|_| ())),
        "MALFORMED_VAULT"
    );
}

#[test]
fn shares_leave_only_behind_the_password_and_a_phrase_wallet_has_none() {
    let mut w = Wallet::create_shamir_with_key(&two_of_three(), 16, key()).unwrap();
    assert_eq!(code(w.reveal_shares("wrong")), "INCORRECT_PASSWORD");
    assert_eq!(code(w.reveal_phrase(PASSWORD)), "INVALID_ARGUMENT");
    assert!(!w
        .verify_phrase("test test test test test test test test test test test junk")
        .unwrap());
    let phrase = Wallet::restore_with_key(
        "test test test test test test test test test test test junk",
        key(),
    )
    .unwrap();
    // Checked before the password: no PBKDF2 for a wallet without shares.
    assert_eq!(code(phrase.reveal_shares("wrong")), "INVALID_ARGUMENT");
    assert_eq!(phrase.share_set().unwrap(), None);
    assert_eq!(
        code(phrase.check_shares(&[VECTOR_1], "")),
        "INVALID_ARGUMENT"
    );
    w.lock();
    assert_eq!(code(w.reveal_shares(PASSWORD)), "LOCKED");
    assert_eq!(code(w.share_set()), "LOCKED");
    assert_eq!(code(w.check_shares(&[VECTOR_1], "")), "LOCKED");
}

#[test]
fn checks_through_the_wallet() {
    let w = Wallet::create_shamir_with_key(&two_of_three(), 16, key()).unwrap();
    let shares = texts(&w.reveal_shares(PASSWORD).unwrap());
    match w.check_shares(&[&shares[0][2]], "").unwrap() {
        ShareCheck::Member { info, exact } => {
            assert!(exact);
            assert_eq!((info.group_index, info.member_index), (0, 2));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        w.check_shares(&[&shares[0][2], &shares[0][0]], "").unwrap(),
        ShareCheck::Restores
    );
    assert!(matches!(
        w.check_shares(&[VECTOR_1], "").unwrap(),
        ShareCheck::OtherSet { .. }
    ));
    assert_eq!(
        code(w.check_shares(&[&shares[0][2]][..0], "")),
        "SHARES_NONE"
    );
}

#[test]
fn a_session_snapshot_keeps_the_shamir_wallet() {
    let w = Wallet::create_shamir_with_key(&two_of_three(), 16, key()).unwrap();
    let session = SessionKey::from_slice(&[9; 32]).unwrap();
    let resumed = Wallet::resume(&w.seal_session(&session).unwrap(), &session).unwrap();
    assert_eq!(addresses(&resumed), addresses(&w));
    assert_eq!(resumed.share_set().unwrap(), w.share_set().unwrap());
    assert_eq!(
        texts(&resumed.reveal_shares(PASSWORD).unwrap()),
        texts(&w.reveal_shares(PASSWORD).unwrap())
    );
}

#[test]
fn bad_input_changes_nothing_and_never_panics() {
    assert_eq!(
        code(Wallet::restore_shares_with_key(
            &[VECTOR_1],
            "pass\u{e9}",
            key()
        )),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(Wallet::restore_shares_with_key::<&str>(&[], "", key())),
        "SHARES_NONE"
    );
    assert_eq!(
        code(Wallet::restore_shares_with_key(&["", "x y z"], "", key())),
        "SHARE_BAD_LENGTH"
    );
    let bad = Scheme {
        group_threshold: 3,
        groups: vec![(2, 3)],
    };
    assert_eq!(
        code(Wallet::create_shamir_with_key(&bad, 16, key())),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(Wallet::create_shamir_with_key(&two_of_three(), 64, key())),
        "INVALID_ARGUMENT"
    );
}
