//! Native tests of the browser-passworder-compatible vault (`keystead::vault`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use keystead::error::Error;
use keystead::vault::VaultError;
use keystead::vault::{
    decrypt, encrypt, needs_rekey, open_text_with_key, pbkdf2_hmac_sha256, ParsedVault, VaultKey,
    DEFAULT_ITERATIONS, LEGACY_ITERATIONS, MAX_ITERATIONS,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use zeroize::Zeroizing;

const PASSWORD: &str = "correct horse battery staple";
const PLAINTEXT: &[u8] = br#"[{"type":"HD Key Tree","data":{"numberOfAccounts":1}}]"#;

/// A vault at 1 iteration, so the many tamper/parse tests stay fast.
fn cheap_vault() -> String {
    let key = VaultKey::generate(PASSWORD, 1).unwrap();
    encrypt(&key, PLAINTEXT).unwrap()
}

fn parse(vault: &str) -> Value {
    serde_json::from_str(vault).unwrap()
}

fn field_bytes(vault: &Value, name: &str) -> Vec<u8> {
    STANDARD.decode(vault[name].as_str().unwrap()).unwrap()
}

fn with_field_bytes(vault: &Value, name: &str, bytes: &[u8]) -> String {
    let mut v = vault.clone();
    v[name] = Value::String(STANDARD.encode(bytes));
    v.to_string()
}

fn malformed(reason: &'static str) -> VaultError {
    VaultError::Malformed { reason }
}

fn decrypt_err(vault: &str) -> VaultError {
    decrypt(vault, PASSWORD)
        .err()
        .expect("vault unexpectedly opened")
}

// ---------------------------------------------------------------------------------------------
// Known answers

/// RFC 7914 §11, "Test Vectors for PBKDF2 with HMAC-SHA-256", first vector
/// (P = "passwd", S = "salt", c = 1, dkLen = 64); the first 32 bytes are block T_1.
#[test]
fn pbkdf2_rfc7914_passwd_salt_1() {
    let dk = pbkdf2_hmac_sha256("passwd", b"salt", 1);
    assert_eq!(
        hex::encode(dk.as_slice()),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
}

/// RFC 7914 §11, second PBKDF2-HMAC-SHA-256 vector
/// (P = "Password", S = "NaCl", c = 80000, dkLen = 64); first 32 bytes.
#[test]
fn pbkdf2_rfc7914_password_nacl_80000() {
    let dk = pbkdf2_hmac_sha256("Password", b"NaCl", 80_000);
    assert_eq!(
        hex::encode(dk.as_slice()),
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
    );
}

/// `VaultKey::derive` is PBKDF2-HMAC-SHA256 over the raw salt bytes.
#[test]
fn derive_uses_raw_salt_bytes() {
    let salt = [0x5au8; 32];
    let key = VaultKey::derive("pw", salt, 2);
    let other = VaultKey::derive_with_salt("pw", &salt, 2).unwrap();
    assert_eq!(key.salt(), &salt[..]);
    assert!(key.matches_password("pw"));
    assert!(other.matches_password("pw"));
}

const SAMPLE_PASSWORD: &str = "a sample passw0rd";
const SAMPLE_PLAINTEXT: &[u8] = br#"{"foo":"data to encrypt"}"#;

/// browser-passworder's own fixture (MetaMask/browser-passworder, test/index.spec.ts,
/// `oldSampleEncryptedData`): `{ foo: 'data to encrypt' }` encrypted by v2.0.3 with the password
/// `a sample passw0rd` and 10,000 iterations, without `keyMetadata`.
#[test]
fn browser_passworder_v2_fixture_opens_with_legacy_iterations() {
    let vault = r#"{"data":"bfCvija6QfwqARmHsKT7ZR0GHi8yjz7iVEZodRVx3xI2yzFHwq7+B/U=","iv":"N9s46G5sp37A7wtf3vo/LA==","salt":"+uzzUKmbAdwkjw8rILhJvZE9dOfz2ecF5Gtf7yNkyyE="}"#;
    let (key, plaintext) = decrypt(vault, SAMPLE_PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), SAMPLE_PLAINTEXT);
    assert_eq!(key.iterations(), LEGACY_ITERATIONS);
    assert_eq!(
        key.salt(),
        STANDARD
            .decode("+uzzUKmbAdwkjw8rILhJvZE9dOfz2ecF5Gtf7yNkyyE=")
            .unwrap()
    );
    assert!(key.matches_password(SAMPLE_PASSWORD));
    assert!(!key.matches_password("a wrong password"));
    assert_eq!(
        decrypt(vault, "a wrong password").err(),
        Some(VaultError::IncorrectPassword)
    );
}

/// browser-passworder's own fixture (MetaMask/browser-passworder, test/index.spec.ts,
/// `sampleEncryptedData`): the same object encrypted by v5.0.0 at 900,000 iterations, with
/// `keyMetadata`.
#[test]
fn browser_passworder_v5_fixture_opens_with_key_metadata() {
    let vault = r#"{"data":"WQbagUPb+XLvSR+U7sV9jzyS+5UZfVjBiWpmJjPOlJT93dJo9kltpls=","iv":"7NsJ8mmL1DgC5LlsIyaIXA==","salt":"sysHvNRoWykN/JVUSpBwXhmp0llTMQabfY7zucEfAJg=","keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":900000}}}"#;
    let (key, plaintext) = decrypt(vault, SAMPLE_PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), SAMPLE_PLAINTEXT);
    assert_eq!(key.iterations(), 900_000);
    assert_eq!(key.salt().len(), 32);
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn round_trip_at_default_iterations() {
    let key = VaultKey::generate(PASSWORD, DEFAULT_ITERATIONS).unwrap();
    assert_eq!(key.iterations(), 600_000);
    assert_eq!(key.salt().len(), 32);
    let vault = encrypt(&key, PLAINTEXT).unwrap();

    // Exactly browser-passworder's shape and field order.
    let v = parse(&vault);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["data", "iv", "keyMetadata", "salt"]);
    assert_eq!(
        v["keyMetadata"],
        json!({ "algorithm": "PBKDF2", "params": { "iterations": 600000 } })
    );
    assert!(
        vault.contains(r#""keyMetadata":{"algorithm":"PBKDF2","params":{"iterations":600000}}"#)
    );
    assert_eq!(field_bytes(&v, "iv").len(), 16);
    assert_eq!(field_bytes(&v, "salt"), key.salt());
    assert_eq!(field_bytes(&v, "data").len(), PLAINTEXT.len() + 16);

    let (opened, plaintext) = decrypt(&vault, PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), PLAINTEXT);
    assert_eq!(opened.iterations(), DEFAULT_ITERATIONS);
    assert_eq!(opened.salt(), key.salt());
}

#[test]
fn round_trip_at_legacy_iterations_and_reencrypt_with_returned_key() {
    let key = VaultKey::generate(PASSWORD, LEGACY_ITERATIONS).unwrap();
    let vault = encrypt(&key, PLAINTEXT).unwrap();
    let (opened, plaintext) = decrypt(&vault, PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), PLAINTEXT);
    assert_eq!(opened.iterations(), LEGACY_ITERATIONS);
    // The returned key re-encrypts to a vault that opens again.
    let again = encrypt(&opened, &plaintext).unwrap();
    assert_eq!(decrypt(&again, PASSWORD).unwrap().1.as_slice(), PLAINTEXT);
}

#[test]
fn legacy_vault_without_key_metadata_opens_with_10000() {
    let key = VaultKey::generate(PASSWORD, LEGACY_ITERATIONS).unwrap();
    let mut v = parse(&encrypt(&key, PLAINTEXT).unwrap());
    v.as_object_mut().unwrap().remove("keyMetadata");
    let (opened, plaintext) = decrypt(&v.to_string(), PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), PLAINTEXT);
    assert_eq!(opened.iterations(), LEGACY_ITERATIONS);
}

#[test]
fn vault_without_key_metadata_but_other_count_fails_as_incorrect_password() {
    // Removing keyMetadata from a 2-iteration vault makes it derive with 10,000: wrong key.
    let key = VaultKey::generate(PASSWORD, 2).unwrap();
    let mut v = parse(&encrypt(&key, PLAINTEXT).unwrap());
    v.as_object_mut().unwrap().remove("keyMetadata");
    assert_eq!(decrypt_err(&v.to_string()), VaultError::IncorrectPassword);
}

#[test]
fn plaintext_is_returned_byte_for_byte() {
    let key = VaultKey::generate(PASSWORD, 1).unwrap();
    let text = "{\"ü\":\"\u{1F511}\"}".as_bytes();
    let vault = encrypt(&key, text).unwrap();
    assert_eq!(decrypt(&vault, PASSWORD).unwrap().1.as_slice(), text);
    // Unicode password, used as UTF-8 without normalization.
    let key = VaultKey::generate("pässwörd \u{1F511}", 1).unwrap();
    let vault = encrypt(&key, b"1").unwrap();
    assert!(decrypt(&vault, "pässwörd \u{1F511}").is_ok());
    assert_eq!(
        decrypt(&vault, "pa\u{308}sswörd \u{1F511}").err(),
        Some(VaultError::IncorrectPassword)
    );
}

#[test]
fn two_encryptions_differ() {
    let key = VaultKey::generate(PASSWORD, 1).unwrap();
    let a = parse(&encrypt(&key, PLAINTEXT).unwrap());
    let b = parse(&encrypt(&key, PLAINTEXT).unwrap());
    assert_ne!(a["iv"], b["iv"]);
    assert_ne!(a["data"], b["data"]);
    assert_eq!(a["salt"], b["salt"]);
}

#[test]
fn generated_salts_are_fresh() {
    let a = VaultKey::generate(PASSWORD, 1).unwrap();
    let b = VaultKey::generate(PASSWORD, 1).unwrap();
    assert_ne!(a.salt(), b.salt());
}

#[test]
fn salts_of_other_lengths_are_accepted() {
    // browser-passworder's generateSalt(byteCount) takes any length; its tests use 16 and 64.
    for len in [1usize, 16, 64] {
        let salt = vec![0xa5u8; len];
        let key = VaultKey::derive_with_salt(PASSWORD, &salt, 1).unwrap();
        let vault = encrypt(&key, PLAINTEXT).unwrap();
        let (opened, plaintext) = decrypt(&vault, PASSWORD).unwrap();
        assert_eq!(opened.salt(), &salt[..]);
        assert_eq!(plaintext.as_slice(), PLAINTEXT);
    }
}

#[test]
fn matches_password() {
    let key = VaultKey::generate(PASSWORD, 3).unwrap();
    assert!(key.matches_password(PASSWORD));
    assert!(!key.matches_password("correct horse battery stapler"));
    assert!(!key.matches_password(""));
    let (opened, _) = decrypt(&encrypt(&key, PLAINTEXT).unwrap(), PASSWORD).unwrap();
    assert!(opened.matches_password(PASSWORD));
    assert!(!opened.matches_password("Correct horse battery staple"));
}

#[test]
fn unknown_fields_are_ignored_and_padding_is_optional() {
    let mut v = parse(&cheap_vault());
    v["lib"] = json!("original");
    v["extra"] = json!({ "nested": [1, 2, 3] });
    v["keyMetadata"]["params"]["other"] = json!(true);
    for name in ["data", "iv", "salt"] {
        let bytes = field_bytes(&v, name);
        v[name] = Value::String(STANDARD_NO_PAD.encode(bytes));
    }
    let (_, plaintext) = decrypt(&v.to_string(), PASSWORD).unwrap();
    assert_eq!(plaintext.as_slice(), PLAINTEXT);
}

// ---------------------------------------------------------------------------------------------
// Authentication failures: all IncorrectPassword

#[test]
fn wrong_password_is_incorrect_password() {
    let vault = cheap_vault();
    assert_eq!(
        decrypt(&vault, "wrong").err(),
        Some(VaultError::IncorrectPassword)
    );
    assert_eq!(
        decrypt(&vault, "").err(),
        Some(VaultError::IncorrectPassword)
    );
}

#[test]
fn every_altered_iv_byte_is_incorrect_password() {
    let v = parse(&cheap_vault());
    let iv = field_bytes(&v, "iv");
    for i in 0..iv.len() {
        let mut altered = iv.clone();
        altered[i] ^= 0x01;
        assert_eq!(
            decrypt_err(&with_field_bytes(&v, "iv", &altered)),
            VaultError::IncorrectPassword,
            "iv byte {i}"
        );
    }
}

#[test]
fn altered_data_bytes_are_incorrect_password() {
    let v = parse(&cheap_vault());
    let data = field_bytes(&v, "data");
    let n = data.len();
    // First, middle and last ciphertext bytes, and first, middle and last tag bytes.
    for i in [0, (n - 16) / 2, n - 17, n - 16, n - 8, n - 1] {
        for mask in [0x01u8, 0x80, 0xff] {
            let mut altered = data.clone();
            altered[i] ^= mask;
            assert_eq!(
                decrypt_err(&with_field_bytes(&v, "data", &altered)),
                VaultError::IncorrectPassword,
                "data byte {i} ^ {mask:#x}"
            );
        }
    }
    // A byte dropped from the ciphertext, or one appended.
    let mut shorter = data.clone();
    shorter.remove(0);
    assert_eq!(
        decrypt_err(&with_field_bytes(&v, "data", &shorter)),
        VaultError::IncorrectPassword
    );
    let mut longer = data.clone();
    longer.push(0);
    assert_eq!(
        decrypt_err(&with_field_bytes(&v, "data", &longer)),
        VaultError::IncorrectPassword
    );
}

#[test]
fn altered_salt_bytes_are_incorrect_password() {
    let v = parse(&cheap_vault());
    let salt = field_bytes(&v, "salt");
    for i in [0, 1, 15, 16, 30, 31] {
        let mut altered = salt.clone();
        altered[i] ^= 0x40;
        assert_eq!(
            decrypt_err(&with_field_bytes(&v, "salt", &altered)),
            VaultError::IncorrectPassword,
            "salt byte {i}"
        );
    }
    // A salt of another length is just another salt.
    assert_eq!(
        decrypt_err(&with_field_bytes(&v, "salt", &salt[..16])),
        VaultError::IncorrectPassword
    );
}

#[test]
fn altered_iteration_count_is_incorrect_password() {
    let mut v = parse(&cheap_vault());
    v["keyMetadata"]["params"]["iterations"] = json!(2);
    assert_eq!(decrypt_err(&v.to_string()), VaultError::IncorrectPassword);
}

// ---------------------------------------------------------------------------------------------
// Malformed vaults

#[test]
fn not_json_is_malformed() {
    let vault = cheap_vault();
    for text in [
        "",
        "   ",
        "{",
        &vault[..vault.len() - 1],
        &vault[..vault.len() / 2],
        "not json",
        "{\"data\":\"AAAA\",}",
    ] {
        assert_eq!(
            decrypt_err(text),
            malformed("vault is not valid json"),
            "{text:?}"
        );
    }
}

#[test]
fn json_that_is_not_an_object_is_malformed() {
    for text in [
        "[]",
        "null",
        "42",
        "\"vault\"",
        "true",
        r#"[{"data":"AA=="}]"#,
    ] {
        assert_eq!(decrypt_err(text), malformed("vault is not a json object"));
    }
}

#[test]
fn missing_fields_are_malformed() {
    let v = parse(&cheap_vault());
    for (name, reason) in [
        ("data", "missing data"),
        ("iv", "missing iv"),
        ("salt", "missing salt"),
    ] {
        let mut w = v.clone();
        w.as_object_mut().unwrap().remove(name);
        assert_eq!(decrypt_err(&w.to_string()), malformed(reason));
    }
    assert_eq!(decrypt_err("{}"), malformed("missing data"));
}

#[test]
fn non_string_fields_are_malformed() {
    let v = parse(&cheap_vault());
    for (name, reason) in [
        ("data", "data is not a string"),
        ("iv", "iv is not a string"),
        ("salt", "salt is not a string"),
    ] {
        for value in [
            json!(null),
            json!(7),
            json!([1, 2]),
            json!({ "a": 1 }),
            json!(true),
        ] {
            let mut w = v.clone();
            w[name] = value;
            assert_eq!(decrypt_err(&w.to_string()), malformed(reason), "{name}");
        }
    }
}

#[test]
fn non_base64_fields_are_malformed() {
    let v = parse(&cheap_vault());
    for (name, reason) in [
        ("data", "data is not base64"),
        ("iv", "iv is not base64"),
        ("salt", "salt is not base64"),
    ] {
        let good = v[name].as_str().unwrap().to_owned();
        for bad in [
            format!("{good}!"),
            format!(" {good}"),
            format!("{}\n{}", &good[..4], &good[4..]),
            "AAAAA".to_owned(), // impossible length (4n + 1)
            good.replace('+', "-").replace('/', "_") + "-_", // URL-safe alphabet
            "====".to_owned(),
            "AA=A".to_owned(),
            "\u{e9}AAA".to_owned(),
        ] {
            let mut w = v.clone();
            w[name] = Value::String(bad.clone());
            assert_eq!(
                decrypt_err(&w.to_string()),
                malformed(reason),
                "{name} = {bad:?}"
            );
        }
    }
}

#[test]
fn wrong_iv_length_is_malformed() {
    let v = parse(&cheap_vault());
    for len in [0usize, 1, 12, 15, 17, 32] {
        assert_eq!(
            decrypt_err(&with_field_bytes(&v, "iv", &vec![7u8; len])),
            malformed("iv is not 16 bytes"),
            "iv of {len} bytes"
        );
    }
}

#[test]
fn empty_or_oversized_salt_is_malformed() {
    let v = parse(&cheap_vault());
    assert_eq!(
        decrypt_err(&with_field_bytes(&v, "salt", &[])),
        malformed("salt is empty")
    );
    assert_eq!(
        decrypt_err(&with_field_bytes(&v, "salt", &[1u8; 65])),
        malformed("salt is longer than 64 bytes")
    );
}

#[test]
fn tag_only_or_shorter_data_is_malformed() {
    let v = parse(&cheap_vault());
    let data = field_bytes(&v, "data");
    for len in [0usize, 1, 15, 16] {
        assert_eq!(
            decrypt_err(&with_field_bytes(&v, "data", &data[data.len() - len..])),
            malformed("data is too short"),
            "data of {len} bytes"
        );
    }
}

fn with_metadata(metadata: Value) -> String {
    let mut v = parse(&cheap_vault());
    v["keyMetadata"] = metadata;
    v.to_string()
}

#[test]
fn key_metadata_with_wrong_algorithm_is_malformed() {
    for algorithm in [
        json!("pbkdf2"),
        json!("scrypt"),
        json!("PBKDF2 "),
        json!(""),
    ] {
        let vault = with_metadata(json!({ "algorithm": algorithm, "params": { "iterations": 1 } }));
        assert_eq!(
            decrypt_err(&vault),
            malformed("key derivation algorithm is not pbkdf2")
        );
    }
    for algorithm in [json!(null), json!(1), json!(["PBKDF2"])] {
        let vault = with_metadata(json!({ "algorithm": algorithm, "params": { "iterations": 1 } }));
        assert_eq!(
            decrypt_err(&vault),
            malformed("key derivation algorithm is not pbkdf2")
        );
    }
    let vault = with_metadata(json!({ "params": { "iterations": 1 } }));
    assert_eq!(
        decrypt_err(&vault),
        malformed("missing keyMetadata algorithm")
    );
}

#[test]
fn key_metadata_of_wrong_shape_is_malformed() {
    for metadata in [json!(null), json!("PBKDF2"), json!(10000), json!([])] {
        assert_eq!(
            decrypt_err(&with_metadata(metadata)),
            malformed("keyMetadata is not an object")
        );
    }
    assert_eq!(
        decrypt_err(&with_metadata(json!({ "algorithm": "PBKDF2" }))),
        malformed("missing keyMetadata params")
    );
    for params in [json!(null), json!(10000), json!([10000])] {
        assert_eq!(
            decrypt_err(&with_metadata(
                json!({ "algorithm": "PBKDF2", "params": params })
            )),
            malformed("keyMetadata params is not an object")
        );
    }
    assert_eq!(
        decrypt_err(&with_metadata(
            json!({ "algorithm": "PBKDF2", "params": {} })
        )),
        malformed("missing iterations")
    );
}

fn with_iterations_text(iterations: &str) -> String {
    let mut v = parse(&cheap_vault());
    v.as_object_mut().unwrap().remove("keyMetadata");
    let text = v.to_string();
    // Splice raw JSON so that number forms serde_json would normalize can be tested.
    format!(
        r#"{},"keyMetadata":{{"algorithm":"PBKDF2","params":{{"iterations":{iterations}}}}}}}"#,
        &text[..text.len() - 1]
    )
}

#[test]
fn zero_or_huge_iterations_are_malformed() {
    for iterations in [
        "0",
        "10000001",
        "4294967295",
        "4294967296",
        "18446744073709551615",
    ] {
        assert_eq!(
            decrypt_err(&with_iterations_text(iterations)),
            malformed("iterations out of range"),
            "{iterations}"
        );
    }
}

#[test]
fn non_integer_iterations_are_malformed() {
    for iterations in [
        "1.5",
        "600000.0",
        "6e5",
        "-1",
        "-0",
        "18446744073709551616",
        "1e400",
    ] {
        let vault = with_iterations_text(iterations);
        let err = decrypt_err(&vault);
        assert!(
            err == malformed("iterations is not a positive integer")
                || (iterations == "1e400" && err == malformed("vault is not valid json")),
            "{iterations}: {err:?}"
        );
    }
    for iterations in [r#""600000""#, "null", "true", "[600000]", "{}"] {
        assert_eq!(
            decrypt_err(&with_iterations_text(iterations)),
            malformed("iterations is not a number"),
            "{iterations}"
        );
    }
}

#[test]
fn small_iteration_counts_parse_and_then_authenticate() {
    // Any count in range parses; a count other than the vault's then fails authentication.
    // (The upper bound itself is checked by unit tests, to avoid a 10,000,000-round derivation.)
    assert_eq!(
        decrypt_err(&with_iterations_text("3")),
        VaultError::IncorrectPassword
    );
    assert!(decrypt(&with_iterations_text("1"), PASSWORD).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Caller errors

#[test]
fn bad_parameters_are_rejected() {
    let iterations = VaultError::BadParameter {
        reason: "iterations must be between 1 and 10000000",
    };
    assert_eq!(
        VaultKey::generate(PASSWORD, 0).err(),
        Some(iterations.clone())
    );
    assert_eq!(
        VaultKey::generate(PASSWORD, MAX_ITERATIONS + 1).err(),
        Some(iterations.clone())
    );
    assert_eq!(
        VaultKey::derive_with_salt(PASSWORD, &[1u8; 32], 0).err(),
        Some(iterations.clone())
    );
    // `derive` itself does not check; encrypt refuses such a key.
    let zero = VaultKey::derive(PASSWORD, [1u8; 32], 0);
    assert_eq!(encrypt(&zero, PLAINTEXT).err(), Some(iterations));

    let salt = VaultError::BadParameter {
        reason: "salt must be 1 to 64 bytes",
    };
    assert_eq!(
        VaultKey::derive_with_salt(PASSWORD, &[], 1).err(),
        Some(salt.clone())
    );
    assert_eq!(
        VaultKey::derive_with_salt(PASSWORD, &[1u8; 65], 1).err(),
        Some(salt)
    );

    let key = VaultKey::generate(PASSWORD, 1).unwrap();
    assert_eq!(
        encrypt(&key, b"").err(),
        Some(VaultError::BadParameter {
            reason: "plaintext is empty"
        })
    );
}

#[test]
fn error_codes_and_messages() {
    let cases = [
        (
            VaultError::IncorrectPassword,
            "INCORRECT_PASSWORD",
            "incorrect password",
        ),
        (
            malformed("iv is not 16 bytes"),
            "MALFORMED_VAULT",
            "malformed vault: iv is not 16 bytes",
        ),
        (
            VaultError::BadParameter {
                reason: "plaintext is empty",
            },
            "INVALID_ARGUMENT",
            "invalid vault parameter: plaintext is empty",
        ),
        (
            VaultError::RandomUnavailable,
            "INVALID_ARGUMENT",
            "the random number generator is unavailable",
        ),
    ];
    for (err, code, message) in cases {
        assert_eq!(err.to_string(), message);
        assert_eq!(message, message.to_lowercase());
        assert_eq!(err.code(), code);
        assert_eq!(Error::from(err).code(), code);
    }
}

// ---------------------------------------------------------------------------------------------
// How a vault opens: the core's decision

#[test]
fn needs_rekey_below_the_default_count_only() {
    assert!(needs_rekey(1));
    assert!(needs_rekey(LEGACY_ITERATIONS));
    assert!(needs_rekey(DEFAULT_ITERATIONS - 1));
    assert!(!needs_rekey(DEFAULT_ITERATIONS));
    assert!(!needs_rekey(900_000));
    assert!(!needs_rekey(MAX_ITERATIONS));
}

#[test]
fn parsed_vault_says_whether_it_needs_rekeying() {
    let legacy = {
        let mut v = parse(&cheap_vault());
        v.as_object_mut().unwrap().remove("keyMetadata");
        v.to_string()
    };
    let parsed = ParsedVault::parse(&legacy).unwrap();
    assert_eq!(parsed.iterations(), LEGACY_ITERATIONS);
    assert!(parsed.needs_rekey());
    for (n, rekey) in [
        (1, true),
        (599_999, true),
        (600_000, false),
        (10_000_000, false),
    ] {
        let parsed = ParsedVault::parse(&with_iterations_text(&n.to_string())).unwrap();
        assert_eq!(parsed.needs_rekey(), rekey, "{n}");
    }
}

// ---------------------------------------------------------------------------------------------
// Keys derived outside the core (WebCrypto) and payloads

/// The 32 bytes WebCrypto would derive for `password` and the vault's own salt and count.
fn outside_key(vault: &str, password: &str) -> Zeroizing<[u8; 32]> {
    let parsed = ParsedVault::parse(vault).unwrap();
    pbkdf2_hmac_sha256(password, parsed.salt(), parsed.iterations())
}

/// A payload: JSON text sealed at 1 iteration.
fn cheap_payload(json: &str) -> String {
    encrypt(&VaultKey::generate(PASSWORD, 1).unwrap(), json.as_bytes()).unwrap()
}

#[test]
fn open_with_key_opens_with_the_key_derived_outside() {
    let vault = cheap_vault();
    let (key, plaintext) = ParsedVault::parse(&vault)
        .unwrap()
        .open_with_key(outside_key(&vault, PASSWORD))
        .unwrap();
    assert_eq!(plaintext.as_slice(), PLAINTEXT);
    assert!(key.matches_password(PASSWORD));
    assert_eq!(key.iterations(), 1);
    assert_eq!(
        ParsedVault::parse(&vault)
            .unwrap()
            .open_with_key(outside_key(&vault, "wrong"))
            .err(),
        Some(VaultError::IncorrectPassword)
    );
}

#[test]
fn payload_round_trip_with_a_key_derived_outside() {
    let json = r#"{"accountNames":{"0xab":"Épargne 🔑"},"n":[1,2.5,null,true]}"#;
    let payload = cheap_payload(json);
    let text = open_text_with_key(&payload, outside_key(&payload, PASSWORD)).unwrap();
    assert_eq!(text.as_str(), json);
    // The layout browser-passworder writes, with a fresh IV and salt each time.
    let v = parse(&payload);
    assert_eq!(
        v["keyMetadata"],
        json!({"algorithm":"PBKDF2","params":{"iterations":1}})
    );
    assert_ne!(parse(&cheap_payload(json))["iv"], v["iv"]);
}

#[test]
fn payload_legacy_count_opens_with_its_own_count() {
    let key = VaultKey::generate(PASSWORD, LEGACY_ITERATIONS).unwrap();
    let mut v = parse(&encrypt(&key, b"[1]").unwrap());
    v.as_object_mut().unwrap().remove("keyMetadata");
    let payload = v.to_string();
    let text = open_text_with_key(&payload, outside_key(&payload, PASSWORD)).unwrap();
    assert_eq!(text.as_str(), "[1]");
}

#[test]
fn payload_wrong_key_or_altered_byte_is_incorrect_password() {
    let payload = cheap_payload("{}");
    assert_eq!(
        open_text_with_key(&payload, outside_key(&payload, "wrong")).err(),
        Some(VaultError::IncorrectPassword)
    );
    assert_eq!(
        open_text_with_key(&payload, Zeroizing::new([0u8; 32])).err(),
        Some(VaultError::IncorrectPassword)
    );
    let v = parse(&payload);
    let key = outside_key(&payload, PASSWORD);
    let mut data = field_bytes(&v, "data");
    data[0] ^= 1;
    assert_eq!(
        open_text_with_key(&with_field_bytes(&v, "data", &data), key.clone()).err(),
        Some(VaultError::IncorrectPassword)
    );
    let mut iv = field_bytes(&v, "iv");
    iv[15] ^= 0x80;
    assert_eq!(
        open_text_with_key(&with_field_bytes(&v, "iv", &iv), key).err(),
        Some(VaultError::IncorrectPassword)
    );
}

#[test]
fn payload_of_the_wrong_shape_is_malformed() {
    let key = || Zeroizing::new([0u8; 32]);
    for (text, reason) in [
        ("", "vault is not valid json"),
        ("[]", "vault is not a json object"),
        (r#"{"iv":"AA==","salt":"AA=="}"#, "missing data"),
        (
            r#"{"data":"***","iv":"AA==","salt":"AA=="}"#,
            "data is not base64",
        ),
    ] {
        assert_eq!(
            open_text_with_key(text, key()).err(),
            Some(malformed(reason)),
            "{text}"
        );
    }
    let payload = cheap_payload("{}");
    let mut v = parse(&payload);
    v["keyMetadata"] = json!({"algorithm":"scrypt","params":{}});
    assert_eq!(
        open_text_with_key(&v.to_string(), key()).err(),
        Some(malformed("key derivation algorithm is not pbkdf2"))
    );
}

#[test]
fn payload_plaintext_that_is_not_utf8_is_malformed() {
    let key = VaultKey::generate(PASSWORD, 1).unwrap();
    let payload = encrypt(&key, &[0x7b, 0xff, 0xfe, 0x7d]).unwrap();
    let err = open_text_with_key(&payload, outside_key(&payload, PASSWORD))
        .err()
        .unwrap();
    assert_eq!(err, malformed("decrypted data is not utf-8"));
    assert_eq!(err.code(), "MALFORMED_VAULT");
    assert_eq!(
        err.to_string(),
        "malformed vault: decrypted data is not utf-8"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn round_trip_any_plaintext(plaintext in proptest::collection::vec(any::<u8>(), 1..300)) {
        let key = VaultKey::generate("p", 1).unwrap();
        let vault = encrypt(&key, &plaintext).unwrap();
        let (_, opened) = decrypt(&vault, "p").unwrap();
        prop_assert_eq!(opened.as_slice(), plaintext.as_slice());
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = decrypt(&text, "p");
        let _ = open_text_with_key(&text, Zeroizing::new([0u8; 32]));
        if let Ok(parsed) = ParsedVault::parse(&text) {
            let _ = parsed.needs_rekey();
        }
    }

    #[test]
    fn payload_round_trip_any_text_and_any_wrong_key_fails(
        text in ".{1,200}",
        wrong in any::<[u8; 32]>(),
    ) {
        let payload = cheap_payload(&text);
        let key = outside_key(&payload, PASSWORD);
        prop_assume!(wrong != *key);
        let opened = open_text_with_key(&payload, key).unwrap();
        prop_assert_eq!(opened.as_str(), text.as_str());
        prop_assert_eq!(
            open_text_with_key(&payload, Zeroizing::new(wrong)).err(),
            Some(VaultError::IncorrectPassword)
        );
    }

    #[test]
    fn mutated_vault_text_never_panics_nor_opens_wrongly(
        position in any::<prop::sample::Index>(),
        replacement in any::<char>(),
    ) {
        let key = VaultKey::generate("p", 1).unwrap();
        let vault = encrypt(&key, PLAINTEXT).unwrap();
        let chars: Vec<char> = vault.chars().collect();
        let i = position.index(chars.len());
        let mut mutated: String = chars[..i].iter().collect();
        mutated.push(replacement);
        mutated.extend(&chars[i + 1..]);
        match decrypt(&mutated, "p") {
            // Only a no-op or base64-equivalent change may still open, and then to the same text.
            Ok((_, plaintext)) => prop_assert_eq!(plaintext.as_slice(), PLAINTEXT),
            Err(VaultError::IncorrectPassword | VaultError::Malformed { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {:?}", other),
        }
    }
}
