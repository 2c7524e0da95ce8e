//! MetaMask vaults as MetaMask writes them today (issue 15 part 1, native): several phrases,
//! each keyring's `metadata`, one `Simple Key Pair` per imported key, unknown keyrings, and
//! keyrings Keystead cannot use kept aside. The browser-passworder side is
//! tests/diff/multiphrase.test.mjs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::eth::{eip191, Address};
use keystead::keyring::{derive_addresses, AccountKind, Keyrings};
use keystead::mnemonic::Mnemonic;
use keystead::vault::{self, VaultKey};
use keystead::wallet::Wallet;
use serde_json::{json, Value};

const PASSWORD: &str = "correct horse battery staple";
const ANVIL_PHRASE: &str = "test test test test test test test test test test test junk";
const ABANDON: &str =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const LEGAL: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow";
/// anvil accounts 5 and 6 (keys well known; not derived in these keyrings).
const KEY_5: &str = "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
const KEY_6: &str = "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e";
const KEY_7: &str = "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356";

fn bytes(phrase: &str) -> Value {
    Value::from(phrase.bytes().map(Value::from).collect::<Vec<_>>())
}

fn meta(id: &str, name: &str) -> Value {
    json!({ "id": id, "name": name })
}

/// What MetaMask (keyring-controller ≥ 22) writes for two phrases, two imported keys and a
/// keyring of a type Keystead does not know, plus an older vault's multi-key Simple Key Pair.
fn metamask_list() -> Value {
    json!([
        { "type": "HD Key Tree",
          "data": { "mnemonic": bytes(ANVIL_PHRASE), "numberOfAccounts": 2, "hdPath": "m/44'/60'/0'/0" },
          "metadata": meta("01JNDDBYN8F1350H5GJWYPDYYM", "") },
        { "type": "Simple Key Pair", "data": [KEY_5], "metadata": meta("01JNDDC4GZNY0AG25TW3E4ZEDP", "") },
        { "type": "HD Key Tree",
          "data": { "mnemonic": bytes(ABANDON), "numberOfAccounts": 3, "hdPath": "m/44'/60'/0'/0" },
          "metadata": meta("01JPM6NFVGW8V8KKN34053JVFT", "Savings") },
        { "type": "Snap Keyring", "data": { "snaps": { "npm:x": { "accounts": [] } } },
          "metadata": meta("01JPM6NFVGW8V8KKN34053JVFZ", "") },
        { "type": "Simple Key Pair", "data": [KEY_6], "metadata": meta("01JPM6NFVGW8V8KKN34053JVG0", "") },
        { "type": "Simple Key Pair", "data": [KEY_7, KEY_5] },
    ])
}

fn read(list: &Value) -> Keyrings {
    Keyrings::deserialize(list.to_string().as_bytes()).unwrap()
}

fn written(k: &Keyrings) -> Value {
    serde_json::from_str(&k.serialize()).unwrap()
}

fn key_address(hex: &str) -> Address {
    keystead::eth::PrivateKey::from_hex(hex).unwrap().address()
}

#[test]
fn open_then_save_keeps_the_keyring_list_as_metamask_has_it() {
    let list = metamask_list();
    let k = read(&list);
    assert_eq!(written(&k), list, "open → save is deep-equal");
    assert_eq!(k.preserved_keyrings(), 1);
    assert!(k.kept_aside().is_empty());
}

#[test]
fn every_phrase_and_key_is_an_account_each_once() {
    let k = read(&metamask_list());
    let anvil = derive_addresses(ANVIL_PHRASE, 0, 2).unwrap();
    let abandon = derive_addresses(ABANDON, 0, 3).unwrap();
    let mut want: Vec<(Address, Option<(u32, usize)>)> = Vec::new();
    want.extend(
        anvil
            .iter()
            .enumerate()
            .map(|(i, a)| (*a, Some((i as u32, 0)))),
    );
    want.extend(
        abandon
            .iter()
            .enumerate()
            .map(|(i, a)| (*a, Some((i as u32, 1)))),
    );
    // KEY_5 appears in two Simple Key Pairs: one account.
    for key in [KEY_5, KEY_6, KEY_7] {
        want.push((key_address(key), None));
    }
    let got: Vec<(Address, Option<(u32, usize)>)> = k
        .accounts()
        .iter()
        .map(|a| match a.kind {
            AccountKind::Hd { index, phrase } => (a.address, Some((index.get(), phrase))),
            AccountKind::Imported => (a.address, None),
        })
        .collect();
    assert_eq!(got, want);
    let phrases = k.phrases();
    assert_eq!(phrases.len(), 2);
    assert_eq!(phrases[0].name, None, "an empty name is no name");
    assert_eq!(phrases[1].name.as_deref(), Some("Savings"));
    assert_eq!((phrases[0].accounts, phrases[1].accounts), (2, 3));
    // Every account signs, with its own key.
    for account in k.accounts() {
        let sig = eip191::sign(&k.signer(account.address), b"hello").unwrap();
        assert_eq!(
            sig.recover(&eip191::hash(b"hello")).unwrap(),
            account.address,
            "{}",
            account.address
        );
    }
}

#[test]
fn changes_touch_only_what_they_change() {
    let list = metamask_list();
    let mut k = read(&list);
    // An account for phrase 2: only its numberOfAccounts changes.
    let added = k.add_account_to(1).unwrap();
    assert_eq!(added, derive_addresses(ABANDON, 3, 1).unwrap()[0]);
    let mut want = list.clone();
    want[2]["data"]["numberOfAccounts"] = json!(4);
    assert_eq!(written(&k), want);
    assert!(k.add_account_to(2).is_err(), "no phrase 3");

    // An imported key: a keyring of its own at the end, with fresh metadata.
    let key_8 = "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97";
    k.import_private_key(key_8).unwrap();
    let out = written(&k);
    let last = &out[6];
    assert_eq!(last["type"], "Simple Key Pair");
    assert_eq!(last["data"], json!([key_8]));
    assert_eq!(last["metadata"]["id"].as_str().unwrap().len(), 26);
    assert_eq!(last["metadata"]["name"], "");
    assert_eq!(out.as_array().unwrap()[..6], want.as_array().unwrap()[..]);

    // Removing KEY_6 drops its keyring; removing KEY_5 drops its own keyring and its copy in
    // the older multi-key one, which keeps KEY_7.
    k.remove_account(&key_address(KEY_6)).unwrap();
    k.remove_account(&key_address(KEY_5)).unwrap();
    let out = written(&k);
    let types: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "HD Key Tree",
            "HD Key Tree",
            "Snap Keyring",
            "Simple Key Pair",
            "Simple Key Pair"
        ]
    );
    assert_eq!(
        out[3],
        json!({ "type": "Simple Key Pair", "data": [KEY_7] })
    );
}

#[test]
fn another_phrase_is_imported_once() {
    let mut k = read(&metamask_list());
    assert_eq!(
        k.import_phrase(Mnemonic::parse(&ABANDON.to_uppercase()).unwrap())
            .err()
            .unwrap()
            .code(),
        "DUPLICATE_PHRASE"
    );
    assert_eq!(k.phrases().len(), 2, "a refused phrase changes nothing");
    assert_eq!(k.import_phrase(Mnemonic::parse(LEGAL).unwrap()).unwrap(), 2);
    let out = written(&k);
    let last = &out[6];
    assert_eq!(last["type"], "HD Key Tree");
    assert_eq!(last["data"]["mnemonic"], bytes(LEGAL));
    assert_eq!(last["data"]["numberOfAccounts"], 1);
    assert_eq!(last["metadata"]["name"], "");
    let legal_0 = derive_addresses(LEGAL, 0, 1).unwrap()[0];
    assert!(k.accounts().iter().any(|a| a.address == legal_0
        && a.kind
            == AccountKind::Hd {
                index: keystead::hd::AccountIndex::new(0).unwrap(),
                phrase: 2
            }));
    // Each phrase is verified and revealed on its own.
    for (i, phrase) in [ANVIL_PHRASE, ABANDON, LEGAL].iter().enumerate() {
        assert!(k.verify_phrase_of(i, phrase));
        assert!(!k.verify_phrase_of((i + 1) % 3, phrase));
        assert_eq!(k.phrase_of(i).unwrap().as_str(), *phrase);
    }
    assert!(!k.verify_phrase_of(3, LEGAL));
    assert!(k.phrase_of(3).is_err());
    // The phrase guard knows every phrase.
    let hash = keystead::phrase_guard::phrase_guard_hash(LEGAL);
    assert!(k.is_own_phrase_hash(&hash));
}

#[test]
fn importing_a_phrase_that_covers_an_imported_key_drops_the_copy() {
    // anvil's account 0 imported as a key, then anvil's phrase imported.
    let anvil_0_key = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    let mut k = Keyrings::from_mnemonic(Mnemonic::parse(ABANDON).unwrap()).unwrap();
    k.import_private_key(anvil_0_key).unwrap();
    k.import_phrase(Mnemonic::parse(ANVIL_PHRASE).unwrap())
        .unwrap();
    let kinds: Vec<AccountKind> = k.accounts().iter().map(|a| a.kind).collect();
    assert!(kinds
        .iter()
        .all(|kind| matches!(kind, AccountKind::Hd { .. })));
    let out = written(&k);
    assert_eq!(
        out.as_array().unwrap().len(),
        2,
        "the emptied Simple Key Pair is gone"
    );
}

#[test]
fn a_first_hd_keyring_it_cannot_read_is_kept_aside_and_the_rest_opens() {
    let rabby = json!({ "type": "HD Key Tree",
        "data": { "mnemonic": "duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard", "isSlip39": true, "numberOfAccounts": 1, "hdPath": "m/44'/60'/0'/0" },
        "metadata": meta("01JPM6NFVGW8V8KKN34053JVG1", "") });
    let mut list = metamask_list();
    list.as_array_mut().unwrap().insert(0, rabby);
    let k = read(&list);
    let aside = k.kept_aside();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        (aside[0].position, aside[0].kind.as_str(), aside[0].reason),
        (0, "HD Key Tree", "SLIP39_PHRASE")
    );
    // The readable phrases are phrases 1 and 2, in list order.
    assert_eq!(k.phrase_of(0).unwrap().as_str(), ANVIL_PHRASE);
    assert_eq!(written(&k), list);
}

#[test]
fn the_wallet_reveals_each_phrase_behind_the_password() {
    let key = VaultKey::generate(PASSWORD, vault::DEFAULT_ITERATIONS).unwrap();
    let vault = vault::encrypt(&key, metamask_list().to_string().as_bytes()).unwrap();
    let mut w = Wallet::unlock(&vault, PASSWORD).unwrap();
    assert_eq!(w.reveal_phrase_of(1, PASSWORD).unwrap().as_str(), ABANDON);
    assert_eq!(
        w.reveal_phrase_of(1, "wrong").err().unwrap().code(),
        "INCORRECT_PASSWORD"
    );
    assert_eq!(
        w.reveal_phrase_of(5, "wrong").err().unwrap().code(),
        "INVALID_ARGUMENT",
        "no such phrase is said before the password is checked"
    );
    assert!(w.verify_phrase_of(1, ABANDON).unwrap());
    assert_eq!(w.phrases().unwrap().len(), 2);
    assert_eq!(w.import_phrase(LEGAL).unwrap(), 2);
    assert_eq!(
        w.import_phrase(LEGAL).err().unwrap().code(),
        "DUPLICATE_PHRASE"
    );
    // Saved and opened again: the same list.
    let again = Wallet::unlock(&w.vault().unwrap(), PASSWORD).unwrap();
    assert_eq!(again.accounts().unwrap(), w.accounts().unwrap());
    assert_eq!(again.phrases().unwrap(), w.phrases().unwrap());
}
