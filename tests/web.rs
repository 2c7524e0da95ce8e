//! The JS facade, exercised in headless Chromium as the extension will use it
//! (`cargo test --target wasm32-unknown-unknown --test web`, runner: wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use js_sys::{Array, JsString, Reflect, Uint8Array, JSON};
use keystead::wasm::{
    derive_addresses, hash_typed_data_v4, new_vault_key_params, open_payload,
    recover_personal_signature, seal_payload, to_checksum_address, validate_phrase,
    vault_key_params, word_suggestions, Keyring,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

// In a dedicated worker, as the extension's core runs in its service worker: the 600,000-round
// PBKDF2 calls then never block the page that chromedriver polls (run in the page, a test of
// several of them kept the renderer busy past chromedriver's 30 s and failed the run).
wasm_bindgen_test_configure!(run_in_dedicated_worker);

const PASSWORD: &str = "correct horse battery staple";
/// anvil's / Hardhat's default mnemonic; account 0 is 0xf39F…2266.
const ANVIL_PHRASE: &str = "test test test test test test test test test test test junk";
const ANVIL_0: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const ANVIL_1: &str = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

fn code(err: JsValue) -> String {
    Reflect::get(&err, &"code".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn message(err: &JsValue) -> String {
    Reflect::get(err, &"message".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn accounts(k: &Keyring) -> Vec<(String, String, Option<u32>)> {
    k.accounts()
        .unwrap()
        .iter()
        .map(|a| {
            let get = |key: &str| Reflect::get(&a, &key.into()).unwrap();
            (
                get("address").as_string().unwrap(),
                get("type").as_string().unwrap(),
                get("index").as_f64().map(|i| i as u32),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn create_reveal_verify_and_gates() {
    let k = Keyring::create(&JsString::from(PASSWORD), 12).unwrap();
    let list = accounts(&k);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].1, "hd");
    assert_eq!(list[0].2, Some(0));

    let phrase: String = k
        .reveal_phrase(&JsString::from(PASSWORD), None)
        .unwrap()
        .into();
    assert_eq!(phrase.split(' ').count(), 12);
    assert!(validate_phrase(&JsString::from(phrase.as_str())).is_ok());
    assert!(k
        .verify_phrase(&JsString::from(phrase.to_uppercase()), None)
        .unwrap());
    assert!(!k
        .verify_phrase(&JsString::from(ANVIL_PHRASE), None)
        .unwrap());
    assert!(!k
        .verify_phrase(&JsString::from("not a phrase"), None)
        .unwrap());

    let err = k
        .reveal_phrase(&JsString::from("wrong password"), None)
        .unwrap_err();
    assert_eq!(code(err.clone()), "INCORRECT_PASSWORD");
    for word in phrase.split(' ') {
        assert!(!message(&err).contains(word), "error message leaks a word");
    }

    // The randomness source works in the browser: a second wallet has another phrase.
    let other = Keyring::create(&JsString::from(PASSWORD), 24).unwrap();
    let other_phrase: String = other
        .reveal_phrase(&JsString::from(PASSWORD), None)
        .unwrap()
        .into();
    assert_eq!(other_phrase.split(' ').count(), 24);
    assert_ne!(phrase, other_phrase);

    assert_eq!(
        code(
            Keyring::create(&JsString::from(PASSWORD), 13)
                .err()
                .unwrap()
        ),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(Keyring::create(&JsString::from(""), 12).err().unwrap()),
        "INVALID_ARGUMENT"
    );
}

#[wasm_bindgen_test]
fn restore_vault_round_trip_and_accounts() {
    let mut k = Keyring::restore(
        &JsString::from(PASSWORD),
        &JsString::from(format!("  {}  ", ANVIL_PHRASE.to_uppercase())),
    )
    .unwrap();
    assert_eq!(accounts(&k)[0].0, ANVIL_0);
    assert_eq!(k.add_account(None).unwrap(), ANVIL_1);

    // An imported key (anvil account 5's) is marked imported and exported unchanged.
    let key5 = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    let addr5 = k.import_private_key(&JsString::from(key5)).unwrap();
    assert_eq!(addr5, "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");
    assert_eq!(
        code(k.import_private_key(&JsString::from(key5)).err().unwrap()),
        "DUPLICATE_ACCOUNT"
    );
    assert_eq!(
        code(k.import_private_key(&JsString::from("0xzz")).err().unwrap()),
        "INVALID_PRIVATE_KEY"
    );
    let exported: String = k
        .export_private_key(&addr5, &JsString::from(PASSWORD))
        .unwrap()
        .into();
    assert_eq!(exported, key5);

    let vault = k.vault().unwrap();
    let parsed = JSON::parse(&vault).unwrap();
    let iterations = Reflect::get(&parsed, &"keyMetadata".into())
        .and_then(|m| Reflect::get(&m, &"params".into()))
        .and_then(|p| Reflect::get(&p, &"iterations".into()))
        .unwrap();
    assert_eq!(iterations.as_f64(), Some(600_000.0));
    assert!(!vault.contains("test"), "the vault holds no plaintext");

    let reopened = Keyring::unlock(vault.clone(), &JsString::from(PASSWORD)).unwrap();
    assert_eq!(accounts(&reopened), accounts(&k));
    assert_eq!(
        accounts(&reopened),
        vec![
            (ANVIL_0.to_string(), "hd".to_string(), Some(0)),
            (ANVIL_1.to_string(), "hd".to_string(), Some(1)),
            (addr5.clone(), "imported".to_string(), None),
        ]
    );
    assert!(!reopened.was_upgraded());

    assert_eq!(
        code(
            Keyring::unlock(vault.clone(), &JsString::from("nope"))
                .err()
                .unwrap()
        ),
        "INCORRECT_PASSWORD"
    );
    assert_eq!(
        code(
            Keyring::unlock(
                vault[..vault.len() / 2].to_string(),
                &JsString::from(PASSWORD)
            )
            .err()
            .unwrap()
        ),
        "MALFORMED_VAULT"
    );

    k.remove_account(&addr5).unwrap();
    assert_eq!(
        code(k.remove_account(&addr5).unwrap_err()),
        "UNKNOWN_ACCOUNT"
    );
    assert_eq!(
        code(k.remove_account(ANVIL_0).unwrap_err()),
        "INVALID_ARGUMENT"
    );

    k.lock();
    assert!(!k.is_unlocked());
    assert_eq!(code(k.accounts().unwrap_err()), "LOCKED");
    assert_eq!(code(k.vault().unwrap_err()), "LOCKED");
    assert_eq!(
        code(
            k.reveal_phrase(&JsString::from(PASSWORD), None)
                .unwrap_err()
        ),
        "LOCKED"
    );
    assert_eq!(
        code(k.sign_personal_message(ANVIL_0, "0x00").unwrap_err()),
        "LOCKED"
    );
}

#[wasm_bindgen_test]
fn signing_in_the_browser() {
    let mut k = Keyring::restore(&JsString::from(PASSWORD), &JsString::from(ANVIL_PHRASE)).unwrap();

    // personal_sign of "hello world" recovers the signer; v is 27 or 28.
    let data = "0x68656c6c6f20776f726c64";
    let sig = k.sign_personal_message(ANVIL_0, data).unwrap();
    assert_eq!(sig.len(), 2 + 130);
    assert!(sig.ends_with("1b") || sig.ends_with("1c"));
    assert_eq!(recover_personal_signature(data, &sig).unwrap(), ANVIL_0);
    assert_eq!(
        code(k.sign_personal_message(ANVIL_0, "hello").unwrap_err()),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        code(
            k.sign_personal_message("0x0000000000000000000000000000000000000001", data)
                .unwrap_err()
        ),
        "UNKNOWN_ACCOUNT"
    );

    // EIP-712's "Mail" example (EIP-712 text and its Example.js): signing hash 0xbe60…7bd2.
    let mail = r#"{"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],"Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],"Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},"primaryType":"Mail","domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},"message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},"to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}"#;
    assert_eq!(
        hash_typed_data_v4(&mail.into()).unwrap(),
        "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"
    );
    // The same typed data passed as an object, as a dApp request carries it.
    let as_object = JSON::parse(mail).unwrap();
    assert_eq!(
        k.sign_typed_data_v4(ANVIL_0, &as_object).unwrap(),
        k.sign_typed_data_v4(ANVIL_0, &mail.into()).unwrap()
    );
    // EIP-712's Example.js signs Mail with keccak256("cow"): v 28, r 0x4355…, s 0x07…
    let cow = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";
    let cow_address = k.import_private_key(&JsString::from(cow)).unwrap();
    assert_eq!(cow_address, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
    assert_eq!(
        k.sign_typed_data_v4(&cow_address, &mail.into()).unwrap(),
        "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b915621c"
    );
    assert_eq!(
        code(
            k.sign_typed_data_v4(ANVIL_0, &"{\"types\":".into())
                .unwrap_err()
        ),
        "INVALID_TYPED_DATA"
    );

    // EIP-155's worked example (EIP-155 text): key 0x4646…46, nonce 9, 20 gwei, 1 ether to 0x3535…35.
    let signer = k
        .import_private_key(&JsString::from(
            "0x4646464646464646464646464646464646464646464646464646464646464646",
        ))
        .unwrap();
    let tx = JSON::parse(r#"{"type":"0x0","chainId":"0x1","nonce":"0x9","gasPrice":"0x4a817c800","gas":"0x5208","to":"0x3535353535353535353535353535353535353535","value":"0xde0b6b3a7640000","data":"0x"}"#).unwrap();
    assert_eq!(
        k.sign_transaction(&signer, &tx).unwrap(),
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
    );
    assert_eq!(
        code(
            k.sign_transaction(&signer, &"{\"chainId\":\"0x1\"}".into())
                .unwrap_err()
        ),
        "INVALID_TRANSACTION"
    );
}

#[wasm_bindgen_test]
fn free_functions() {
    assert_eq!(
        to_checksum_address("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266").unwrap(),
        ANVIL_0
    );
    assert_eq!(
        code(to_checksum_address("0x1234").unwrap_err()),
        "INVALID_ARGUMENT"
    );

    let err = validate_phrase(&JsString::from(
        "test test test test test test test test test test test nothere",
    ))
    .unwrap_err();
    assert_eq!(code(err.clone()), "INVALID_PHRASE");
    assert!(
        message(&err).contains("12"),
        "names the position: {}",
        message(&err)
    );
    let err = validate_phrase(&JsString::from(
        "test test test test test test test test test test test test",
    ))
    .unwrap_err();
    assert!(message(&err).contains("checksum"));

    let words: Vec<String> = word_suggestions("zo".into(), None)
        .iter()
        .map(|w| w.as_string().unwrap())
        .collect();
    assert_eq!(words, ["zone", "zoo"]);
    assert_eq!(word_suggestions(String::new(), None).length(), 0);

    let addresses: Array = derive_addresses(&JsString::from(ANVIL_PHRASE), 0, 2).unwrap();
    assert_eq!(addresses.get(0).as_string().unwrap(), ANVIL_0);
    assert_eq!(addresses.get(1).as_string().unwrap(), ANVIL_1);
    assert_eq!(
        code(derive_addresses(&JsString::from(ANVIL_PHRASE), 0, 5000).unwrap_err()),
        "INVALID_ARGUMENT"
    );
}

/// The key `lib/webcrypto-kdf.js` derives for `{ salt, iterations }`, computed here in Rust.
fn key_for(params: &JsValue) -> Uint8Array {
    let get = |name: &str| Reflect::get(params, &name.into()).unwrap();
    let salt = keystead::vault::decode_salt(&get("salt").as_string().unwrap()).unwrap();
    let iterations = get("iterations").as_f64().unwrap() as u32;
    let key = keystead::vault::pbkdf2_hmac_sha256(PASSWORD, &salt, iterations);
    Uint8Array::from(key.as_slice())
}

#[wasm_bindgen_test]
fn unlock_with_key_opens_the_vault_and_zeroes_the_key() {
    let k = Keyring::restore(&JsString::from(PASSWORD), &JsString::from(ANVIL_PHRASE)).unwrap();
    let vault = k.vault().unwrap();
    let params: JsValue = vault_key_params(&vault).unwrap().into();
    assert_eq!(
        Reflect::get(&params, &"iterations".into())
            .unwrap()
            .as_f64(),
        Some(600_000.0)
    );
    let key = key_for(&params);
    let opened = Keyring::unlock_with_key(vault.clone(), &key).unwrap();
    assert!(key.to_vec().iter().all(|b| *b == 0));
    assert_eq!(accounts(&opened), accounts(&k));
    assert!(!opened.was_upgraded());

    let wrong = Uint8Array::from(&[7u8; 32][..]);
    let err = Keyring::unlock_with_key(vault.clone(), &wrong)
        .err()
        .unwrap();
    assert_eq!(code(err), "INCORRECT_PASSWORD");
    let short = Uint8Array::from(&[7u8; 31][..]);
    let err = Keyring::unlock_with_key(vault, &short).err().unwrap();
    assert_eq!(code(err), "INVALID_ARGUMENT");
    assert!(short.to_vec().iter().all(|b| *b == 0));
    let err = vault_key_params("{}").err().unwrap();
    assert_eq!(code(err), "MALFORMED_VAULT");
    assert_eq!(
        Reflect::get(&params, &"needsRekey".into()).unwrap(),
        JsValue::FALSE
    );
}

#[wasm_bindgen_test]
fn payloads_seal_and_open_with_keys_derived_outside() {
    let value = JSON::parse(r#"{"names":{"0xab":"Épargne 🔑"},"n":[1,null,true]}"#).unwrap();
    let params: JsValue =
        JSON::parse(r#"{"salt":"AQIDBAUGBwgJCgsMDQ4PEA==","iterations":3}"#).unwrap();
    let key = key_for(&params);
    let payload = seal_payload(&value, &params, &key).unwrap();
    assert!(key.to_vec().iter().all(|b| *b == 0));
    let read: JsValue = vault_key_params(&payload).unwrap().into();
    assert_eq!(
        Reflect::get(&read, &"needsRekey".into()).unwrap(),
        JsValue::TRUE
    );
    let opened = open_payload(&payload, &key_for(&read)).unwrap();
    assert_eq!(
        JSON::stringify(&opened).unwrap(),
        JSON::stringify(&value).unwrap()
    );
    let wrong = Uint8Array::from(&[7u8; 32][..]);
    assert_eq!(
        code(open_payload(&payload, &wrong).unwrap_err()),
        "INCORRECT_PASSWORD"
    );
    assert_eq!(
        code(open_payload("{}", &key_for(&read)).unwrap_err()),
        "MALFORMED_VAULT"
    );
    assert_eq!(
        code(seal_payload(&JsValue::UNDEFINED, &params, &key_for(&params)).unwrap_err()),
        "INVALID_ARGUMENT"
    );
}

#[wasm_bindgen_test]
fn restore_with_key_writes_a_vault_the_password_opens() {
    let params: JsValue = new_vault_key_params().unwrap().into();
    let key = key_for(&params);
    let k = Keyring::restore_with_key(&JsString::from(ANVIL_PHRASE), &params, &key).unwrap();
    assert!(key.to_vec().iter().all(|b| *b == 0));
    let opened = Keyring::unlock(k.vault().unwrap(), &JsString::from(PASSWORD)).unwrap();
    assert_eq!(accounts(&opened)[0].0, ANVIL_0);

    let created = Keyring::create_with_key(12, &params, &key_for(&params)).unwrap();
    assert_eq!(accounts(&created).len(), 1);
    let bad: JsValue = JSON::parse(r#"{"salt":"AQI=","iterations":0.5}"#).unwrap();
    let err = Keyring::create_with_key(12, &bad, &key_for(&params))
        .err()
        .unwrap();
    assert_eq!(code(err), "INVALID_ARGUMENT");
}
