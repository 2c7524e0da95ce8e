//! The keyring's MetaMask layout and the wallet's password gates (native).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::error::Error;
use keystead::eth::tx::{sign_request, TransactionError};
use keystead::eth::typed_data::TypedDataError;
use keystead::eth::{eip191, typed_data, Address, PrivateKey};
use keystead::keyring::KeyringError;
use keystead::keyring::{derive_addresses, AccountKind, Keyrings};
use keystead::mnemonic::Mnemonic;
use keystead::vault::VaultError;
use keystead::vault::{self, VaultKey};
use keystead::wallet::Wallet;
use serde_json::Value;

const PASSWORD: &str = "correct horse battery staple";
/// anvil's / Hardhat's default mnemonic and its first accounts (well known).
const ANVIL_PHRASE: &str = "test test test test test test test test test test test junk";
const ANVIL: [&str; 3] = [
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
];
const ANVIL_KEY_1: &str = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
/// anvil account 5's key and address (not derived in these tests' keyrings).
const KEY_5: &str = "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
const ADDRESS_5: &str = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

fn addr(s: &str) -> Address {
    Address::parse(s).unwrap()
}

fn anvil_keyring() -> Keyrings {
    Keyrings::from_mnemonic(Mnemonic::parse(ANVIL_PHRASE).unwrap()).unwrap()
}

fn addresses(k: &Keyrings) -> Vec<String> {
    k.accounts()
        .iter()
        .map(|a| a.address.to_checksum())
        .collect()
}

fn hd_json(mnemonic: Value, n: u32) -> Value {
    serde_json::json!({ "type": "HD Key Tree",
        "data": { "mnemonic": mnemonic, "numberOfAccounts": n, "hdPath": "m/44'/60'/0'/0" } })
}

#[test]
fn serializes_in_metamask_layout() {
    let mut k = anvil_keyring();
    k.add_account().unwrap();
    k.import_private_key(&format!("0x{KEY_5}")).unwrap();
    let json: Value = serde_json::from_str(&k.serialize()).unwrap();
    let mnemonic: Vec<u8> = json[0]["data"]["mnemonic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(json[0]["type"], "HD Key Tree");
    assert_eq!(String::from_utf8(mnemonic).unwrap(), ANVIL_PHRASE);
    assert_eq!(json[0]["data"]["numberOfAccounts"], 2);
    assert_eq!(json[0]["data"]["hdPath"], "m/44'/60'/0'/0");
    assert_eq!(json[1]["type"], "Simple Key Pair");
    assert_eq!(json[1]["data"], serde_json::json!([KEY_5]));
    // Keyrings Keystead makes carry keyring-controller's metadata: a fresh ULID, no name.
    for entry in json.as_array().unwrap() {
        let id = entry["metadata"]["id"].as_str().unwrap();
        assert_eq!(id.len(), 26, "{id}");
        assert!(id
            .bytes()
            .all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b)));
        assert_eq!(entry["metadata"]["name"], "");
    }
    assert_ne!(json[0]["metadata"]["id"], json[1]["metadata"]["id"]);
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn reads_byte_and_string_mnemonics_and_round_trips() {
    let bytes: Vec<Value> = ANVIL_PHRASE.bytes().map(Value::from).collect();
    for mnemonic in [Value::from(bytes), Value::from(ANVIL_PHRASE)] {
        let list = serde_json::json!([hd_json(mnemonic, 3),
            { "type": "Simple Key Pair", "data": [KEY_5] }]);
        let k = Keyrings::deserialize(list.to_string().as_bytes()).unwrap();
        let mut expected: Vec<String> = ANVIL.iter().map(|s| s.to_string()).collect();
        expected.push(ADDRESS_5.to_string());
        assert_eq!(addresses(&k), expected);
        let kinds: Vec<AccountKind> = k.accounts().iter().map(|a| a.kind).collect();
        assert!(matches!(kinds[2], AccountKind::Hd { index, phrase: 0 } if index.get() == 2));
        assert_eq!(kinds[3], AccountKind::Imported);
        let again = Keyrings::deserialize(k.serialize().as_bytes()).unwrap();
        assert_eq!(addresses(&again), expected);
    }
}

#[test]
fn keeps_keyrings_it_does_not_use() {
    let ledger = serde_json::json!({ "type": "Ledger Hardware",
        "data": { "hdPath": "m/44'/60'/0'", "accounts": ["0x0000000000000000000000000000000000000001"] } });
    let abandon = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    let bytes = |p: &str| Value::from(p.bytes().map(Value::from).collect::<Vec<_>>());
    let second_hd = hd_json(bytes(abandon), 1);
    let list = serde_json::json!([hd_json(bytes(ANVIL_PHRASE), 1), ledger, second_hd]);
    let k = Keyrings::deserialize(list.to_string().as_bytes()).unwrap();
    assert_eq!(k.preserved_keyrings(), 1);
    assert!(k.kept_aside().is_empty(), "a ledger is not kept aside");
    // A second HD keyring is phrase 2: its accounts are the wallet's too.
    let abandon_0 = derive_addresses(abandon, 0, 1).unwrap()[0].to_checksum();
    assert_eq!(addresses(&k), vec![ANVIL[0].to_string(), abandon_0]);
    let out: Value = serde_json::from_str(&k.serialize()).unwrap();
    assert_eq!(out, list);
}

/// The keyring list is read in place (no serde): JSON escapes in keys and values, `null` for
/// the optional fields, members Keystead does not read, and a kept keyring's exact text.
#[test]
fn reads_keyring_lists_in_place() {
    let escaped = ANVIL_PHRASE.replace(' ', "\\u0020");
    let kept = r#"{ "type":"Ledger Hardware" , "data" : { "n" : [ 1 , -2.5e3 , "\ud800" ] } }"#;
    let list = format!(
        r#" [ {{ "typ\u0065" : "HD Key Tree", "data": {{ "mnemonic": "{escaped}", "numberOfAccounts": null, "hdPath": null, "x": [{{}}] }}, "metadata": {{ "id": "1" }} }} , {kept} ] "#
    );
    let k = Keyrings::deserialize(list.as_bytes()).unwrap();
    assert_eq!(addresses(&k), vec![ANVIL[0].to_string()]);
    assert_eq!(k.preserved_keyrings(), 1);
    assert!(k.serialize().ends_with(&format!(",{kept}]")));

    let malformed = |json: &str| match Keyrings::deserialize(json.as_bytes()) {
        Err(Error::Vault(VaultError::Malformed { reason })) => reason,
        Err(e) => panic!("{json}: expected malformed, got {e:?}"),
        Ok(_) => panic!("{json}: expected malformed, got a keyring"),
    };
    let hd = |data: &str| format!(r#"[{{"type":"HD Key Tree","data":{data}}}]"#);
    let phrase = format!(r#""mnemonic":"{ANVIL_PHRASE}""#);
    for data in [
        format!("{{{phrase},{phrase}}}"),
        format!(r#"{{{phrase},"numberOfAccounts":-1}}"#),
        format!(r#"{{{phrase},"numberOfAccounts":1.0}}"#),
        format!(r#"{{{phrase},"numberOfAccounts":"2"}}"#),
        format!(r#"{{{phrase},"hdPath":5}}"#),
        r#"{"mnemonic":null}"#.to_string(),
        r#"{"mnemonic":[116,1e1]}"#.to_string(),
        r#"{"mnemonic":["t"]}"#.to_string(),
        r#"{"mnemonic":"\ud800"}"#.to_string(),
        format!(r#"["{ANVIL_PHRASE}"]"#),
    ] {
        assert_eq!(
            malformed(&hd(&data)),
            "hd keyring data is malformed",
            "{data}"
        );
    }
    for list in [
        r#"[{"type":"Simple Key Pair","type":"Simple Key Pair","data":[]}]"#,
        r#"[{"type":"\ud800","data":[]}]"#,
        r#"[{"type":null,"data":[]}]"#,
        r#"[{"data":[]}]"#,
    ] {
        assert_eq!(malformed(list), "a keyring has no type and data", "{list}");
    }
    assert_eq!(
        malformed(&format!(
            r#"[{{"type":"Simple Key Pair","data":["{KEY_5}",1]}}]"#
        )),
        "imported keys are not a list of strings"
    );
    for list in [r#"[{"type":"x","data":1}"#, "[1,]", "\\u005b]"] {
        assert_eq!(malformed(list), "keyrings are not a json list", "{list}");
    }
}

#[test]
fn rejects_malformed_keyring_lists() {
    let malformed = |json: &str| match Keyrings::deserialize(json.as_bytes()) {
        Err(Error::Vault(VaultError::Malformed { .. })) => {}
        Err(e) => panic!("{json}: expected malformed, got {e:?} ({})", e.code()),
        Ok(_) => panic!("{json}: expected malformed, got a keyring"),
    };
    malformed("");
    malformed("{}");
    malformed("[1]");
    malformed(r#"[{"type":"HD Key Tree"}]"#);
    malformed(r#"[{"type":"HD Key Tree","data":{"mnemonic":[300]}}]"#);
    malformed(r#"[{"type":"HD Key Tree","data":{"mnemonic":[255,254]}}]"#);
    malformed(r#"[{"type":"HD Key Tree","data":{"mnemonic":7}}]"#);
    malformed(&format!(
        r#"[{{"type":"HD Key Tree","data":{{"mnemonic":"{ANVIL_PHRASE}","numberOfAccounts":4000000000}}}}]"#
    ));
    malformed(r#"[{"type":"Simple Key Pair","data":"notalist"}]"#);
}

/// A keyring of the right layout whose secret Keystead cannot use is kept aside verbatim, with
/// the reason, and the rest of the wallet opens.
#[test]
fn keeps_aside_keyrings_it_cannot_use() {
    let good = format!(r#"{{"type":"HD Key Tree","data":{{"mnemonic":"{ANVIL_PHRASE}"}}}}"#);
    for (bad, reason) in [
        (
            r#"{"type":"HD Key Tree","data":{"mnemonic":"test test test"}}"#.to_string(),
            "INVALID_PHRASE",
        ),
        (
            r#"{"type":"Simple Key Pair","data":["00"]}"#.to_string(),
            "INVALID_PRIVATE_KEY",
        ),
        (
            format!(
                r#"{{"type":"HD Key Tree","data":{{"mnemonic":"{ANVIL_PHRASE}","hdPath":"m/2147483648'"}}}}"#
            ),
            "INVALID_ARGUMENT",
        ),
        (
            r#"{"type":"HD Key Tree","data":{"mnemonic":"academic acid acrobat romp chubby","isSlip39":true,"numberOfAccounts":1},"metadata":{"id":"x","name":"Rabby"}}"#.to_string(),
            "SLIP39_PHRASE",
        ),
    ] {
        let list = format!("[{bad},{good}]");
        let k = Keyrings::deserialize(list.as_bytes()).unwrap();
        let aside = k.kept_aside();
        assert_eq!(aside.len(), 1, "{bad}");
        assert_eq!((aside[0].position, aside[0].reason), (0, reason), "{bad}");
        assert_eq!(addresses(&k), vec![ANVIL[0].to_string()], "{bad}");
        assert!(k.serialize().starts_with(&format!("[{bad},")), "{bad}");
    }
}

#[test]
fn imported_keys_and_duplicates() {
    let mut k = anvil_keyring();
    // The key of HD account 0 is already in the wallet.
    let key0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    assert_eq!(
        k.import_private_key(key0).err(),
        Some(KeyringError::DuplicateAccount.into())
    );
    // Account 1's key imported before account 1 is derived: deriving it makes the import redundant.
    assert_eq!(k.import_private_key(ANVIL_KEY_1).unwrap(), addr(ANVIL[1]));
    assert_eq!(k.accounts()[1].kind, AccountKind::Imported);
    assert_eq!(k.add_account().unwrap(), addr(ANVIL[1]));
    assert_eq!(addresses(&k), vec![ANVIL[0], ANVIL[1]]);
    assert!(k
        .accounts()
        .iter()
        .all(|a| matches!(a.kind, AccountKind::Hd { .. })));

    assert_eq!(
        k.remove_account(&addr(ANVIL[0])).err(),
        Some(KeyringError::NotRemovable.into())
    );
    assert_eq!(
        k.remove_account(&addr(ADDRESS_5)).err(),
        Some(KeyringError::UnknownAccount.into())
    );
    assert_eq!(
        k.import_private_key("xyz").err().unwrap().code(),
        "INVALID_PRIVATE_KEY"
    );
    assert_eq!(addresses(&k).len(), 2, "failed calls change nothing");
}

#[test]
fn verify_phrase_matches_only_the_same_phrase() {
    let k = anvil_keyring();
    assert!(k.verify_phrase(ANVIL_PHRASE));
    assert!(k.verify_phrase("  TEST test\ttest test test test test test test test test JUNK "));
    assert!(!k.verify_phrase("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
    assert!(!k.verify_phrase("test test test"));
    assert!(!k.verify_phrase(""));
}

/// The phrase guard's fingerprint of `ANVIL_PHRASE`: SHA-256 of "keystead phrase guard v1\n" and
/// the words (the content script computes the same; see extension/content/phrase-guard/).
const ANVIL_GUARD_HASH: &str = "6488dbfcfb718c4cb94a5afff352715aa7cc2e5a22cfcfb3d5656823e55aee35";

#[test]
fn phrase_guard_hash_matches_only_this_wallets_phrase() {
    let w = Wallet::restore(PASSWORD, ANVIL_PHRASE).unwrap();
    assert_eq!(w.is_own_phrase_hash(ANVIL_GUARD_HASH), Ok(true));
    assert_eq!(
        w.is_own_phrase_hash(&ANVIL_GUARD_HASH.to_uppercase()),
        Ok(true)
    );
    // One bit off, another phrase's hash, or a plain SHA-256 of the phrase: no match.
    let flipped = format!("{}4", &ANVIL_GUARD_HASH[..63]);
    assert_eq!(w.is_own_phrase_hash(&flipped), Ok(false));
    let other = keystead::phrase_guard::phrase_guard_hash(
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    );
    let other_hex: String = other.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(w.is_own_phrase_hash(&other_hex), Ok(false));
    for bad in ["", "0x00", &ANVIL_GUARD_HASH[..62], ANVIL_PHRASE] {
        assert_eq!(
            w.is_own_phrase_hash(bad).map_err(|e| e.code()),
            Err("INVALID_ARGUMENT")
        );
    }
    let mut w = w;
    w.lock();
    assert_eq!(
        w.is_own_phrase_hash(ANVIL_GUARD_HASH).map_err(|e| e.code()),
        Err("LOCKED")
    );
}

#[test]
fn transaction_from_must_be_the_signer() {
    let k = anvil_keyring();
    let tx = format!(
        r#"{{"from":"{}","chainId":"0x7a69","nonce":"0x0","gas":"0x5208","maxFeePerGas":"0x2","maxPriorityFeePerGas":"0x1","to":"{}","value":"0x1"}}"#,
        ANVIL[1], ANVIL[2]
    );
    assert_eq!(
        sign_request(&k.signer(addr(ANVIL[0])), &tx)
            .err()
            .unwrap()
            .code(),
        "INVALID_TRANSACTION"
    );
    let own = tx.replace(ANVIL[1], ANVIL[0]);
    assert!(sign_request(&k.signer(addr(ANVIL[0])), &own)
        .unwrap()
        .unwrap()
        .starts_with(&[0x02]));
}

/// Every signature kind goes through the account's one signer: the same bytes as its key
/// signing, and each standard's own errors before the account's (a wallet's signer looks its
/// key up only when it signs), all after the lock.
#[test]
fn signatures_go_through_the_account_signer_input_first() {
    const MAIL: &str = r#"{"types":{"EIP712Domain":[{"name":"name","type":"string"}],"Mail":[{"name":"contents","type":"string"}]},"primaryType":"Mail","domain":{"name":"x"},"message":{"contents":"hi"}}"#;
    let tx = format!(
        r#"{{"chainId":"0x1","nonce":"0x0","gas":"0x5208","maxFeePerGas":"0x2","maxPriorityFeePerGas":"0x1","to":"{}"}}"#,
        ANVIL[2]
    );
    let mut w = Wallet::restore(PASSWORD, ANVIL_PHRASE).unwrap();
    let key =
        PrivateKey::from_hex(&w.export_private_key(&addr(ANVIL[0]), PASSWORD).unwrap()).unwrap();
    let own = w.signer(addr(ANVIL[0])).unwrap();
    assert_eq!(eip191::sign(&own, b"x"), Ok(eip191::sign(&key, b"x")));
    assert_eq!(
        typed_data::sign(&own, MAIL).unwrap(),
        Ok(typed_data::sign(&key, MAIL).unwrap())
    );
    assert_eq!(
        sign_request(&own, &tx).unwrap(),
        Ok(sign_request(&key, &tx).unwrap())
    );

    let unknown = w.signer(addr(ADDRESS_5)).unwrap();
    let unknown_account = Some(KeyringError::UnknownAccount);
    assert_eq!(eip191::sign(&unknown, b"x").err(), unknown_account);
    assert_eq!(
        typed_data::sign(&unknown, MAIL).unwrap().err(),
        unknown_account
    );
    assert_eq!(sign_request(&unknown, &tx).unwrap().err(), unknown_account);
    assert_eq!(
        typed_data::sign(&unknown, "{}").err(),
        Some(TypedDataError {
            reason: "missing types"
        })
    );
    assert_eq!(
        sign_request(&unknown, "{}").err(),
        Some(TransactionError {
            reason: "missing chainId"
        })
    );

    w.lock();
    assert_eq!(w.signer(addr(ANVIL[0])).err(), Some(KeyringError::Locked));
}

#[test]
fn derive_addresses_matches_the_keyring() {
    let got: Vec<String> = derive_addresses(ANVIL_PHRASE, 0, 3)
        .unwrap()
        .iter()
        .map(|a| a.to_checksum())
        .collect();
    assert_eq!(got, ANVIL);
    assert_eq!(
        derive_addresses(ANVIL_PHRASE, 1, 1).unwrap()[0],
        addr(ANVIL[1])
    );
    assert_eq!(
        derive_addresses(ANVIL_PHRASE, 0, 1001)
            .err()
            .unwrap()
            .code(),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        derive_addresses(ANVIL_PHRASE, u32::MAX, 2)
            .err()
            .unwrap()
            .code(),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        derive_addresses("test", 0, 1).err().unwrap().code(),
        "INVALID_PHRASE"
    );
}

#[test]
fn wallet_gates_and_lock() {
    let mut w = Wallet::restore(PASSWORD, ANVIL_PHRASE).unwrap();
    assert_eq!(w.reveal_phrase(PASSWORD).unwrap().as_str(), ANVIL_PHRASE);
    assert_eq!(
        w.reveal_phrase("wrong").err(),
        Some(VaultError::IncorrectPassword.into())
    );
    assert_eq!(
        w.export_private_key(&addr(ADDRESS_5), PASSWORD).err(),
        Some(KeyringError::UnknownAccount.into())
    );
    assert_eq!(
        w.export_private_key(&addr(ANVIL[0]), PASSWORD)
            .unwrap()
            .as_str(),
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
    );
    assert_eq!(
        w.export_private_key(&addr(ANVIL[0]), "wrong").err(),
        Some(VaultError::IncorrectPassword.into())
    );
    assert_eq!(
        Wallet::restore("", ANVIL_PHRASE).err().unwrap().code(),
        "INVALID_ARGUMENT"
    );

    let vault = w.vault().unwrap();
    assert!(Wallet::unlock(&vault, "wrong").is_err());
    let reopened = Wallet::unlock(&vault, PASSWORD).unwrap();
    assert_eq!(reopened.accounts().unwrap(), w.accounts().unwrap());

    w.lock();
    let locked_error = Error::from(KeyringError::Locked);
    assert_eq!(locked_error.code(), "LOCKED");
    let locked = Some(locked_error);
    assert_eq!(w.accounts().err(), locked);
    assert_eq!(w.vault().err(), locked);
    assert_eq!(w.add_account().err(), locked);
    assert_eq!(w.reveal_phrase(PASSWORD).err(), locked);
    assert_eq!(
        w.export_private_key(&addr(ANVIL[0]), PASSWORD).err(),
        locked
    );
    assert_eq!(w.verify_phrase(ANVIL_PHRASE).err(), locked);
    assert_eq!(
        w.signer(addr(ANVIL[0]))
            .map(|signer| eip191::sign(&signer, b"x"))
            .map_err(Error::from)
            .err(),
        locked
    );
}

#[test]
fn legacy_vault_is_rekeyed_at_600k() {
    let key = VaultKey::generate(PASSWORD, vault::LEGACY_ITERATIONS).unwrap();
    let plaintext = serde_json::json!([hd_json(Value::from(ANVIL_PHRASE), 2)]).to_string();
    let mut legacy: Value =
        serde_json::from_str(&vault::encrypt(&key, plaintext.as_bytes()).unwrap()).unwrap();
    legacy.as_object_mut().unwrap().remove("keyMetadata");

    let w = Wallet::unlock(&legacy.to_string(), PASSWORD).unwrap();
    assert!(w.was_upgraded());
    assert_eq!(addresses_of(&w), vec![ANVIL[0], ANVIL[1]]);
    let upgraded: Value = serde_json::from_str(&w.vault().unwrap()).unwrap();
    assert_eq!(upgraded["keyMetadata"]["algorithm"], "PBKDF2");
    assert_eq!(upgraded["keyMetadata"]["params"]["iterations"], 600_000);
    assert_ne!(upgraded["salt"], legacy["salt"]);
    let reopened = Wallet::unlock(&upgraded.to_string(), PASSWORD).unwrap();
    assert!(!reopened.was_upgraded());
    assert_eq!(addresses_of(&reopened), vec![ANVIL[0], ANVIL[1]]);
}

#[test]
fn unlock_with_key_opens_a_full_strength_vault_and_refuses_one_that_needs_rekeying() {
    let plaintext = serde_json::json!([hd_json(Value::from(ANVIL_PHRASE), 1)]).to_string();
    let outside = |vault: &str| {
        let parsed = vault::ParsedVault::parse(vault).unwrap();
        vault::pbkdf2_hmac_sha256(PASSWORD, parsed.salt(), parsed.iterations())
    };

    let key = VaultKey::generate(PASSWORD, vault::DEFAULT_ITERATIONS).unwrap();
    let strong = vault::encrypt(&key, plaintext.as_bytes()).unwrap();
    let w = Wallet::unlock_with_key(&strong, outside(&strong)).unwrap();
    assert!(!w.was_upgraded());
    assert_eq!(addresses_of(&w), vec![ANVIL[0]]);
    assert_eq!(
        Wallet::unlock_with_key(&strong, zeroize::Zeroizing::new([9u8; 32]))
            .err()
            .unwrap()
            .code(),
        "INCORRECT_PASSWORD"
    );

    // Below the default count (here a legacy vault without keyMetadata) only `unlock`, which
    // has the password to re-key it, may open it; the right key changes nothing.
    let key = VaultKey::generate(PASSWORD, vault::LEGACY_ITERATIONS).unwrap();
    let mut legacy: Value =
        serde_json::from_str(&vault::encrypt(&key, plaintext.as_bytes()).unwrap()).unwrap();
    legacy.as_object_mut().unwrap().remove("keyMetadata");
    let legacy = legacy.to_string();
    let err = Wallet::unlock_with_key(&legacy, outside(&legacy))
        .err()
        .unwrap();
    assert_eq!(err.code(), "INVALID_ARGUMENT");
    assert_eq!(
        err.to_string(),
        "invalid argument: this vault must be re-keyed: open it with the password"
    );
    assert!(Wallet::unlock(&legacy, PASSWORD).unwrap().was_upgraded());
    assert_eq!(
        Wallet::unlock_with_key("{}", zeroize::Zeroizing::new([0u8; 32]))
            .err()
            .unwrap()
            .code(),
        "MALFORMED_VAULT"
    );
}

fn addresses_of(w: &Wallet) -> Vec<String> {
    w.accounts()
        .unwrap()
        .iter()
        .map(|a| a.address.to_checksum())
        .collect()
}
