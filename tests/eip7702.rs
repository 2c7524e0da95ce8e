//! EIP-7702: authorization hashes and signatures, and type-4 transactions, against vectors
//! computed with viem 2.57 (`hashAuthorization`, `signAuthorization`, `signTransaction` of type
//! `eip7702`) with the EIP-155 example key `0x46…46`; and every error path of their requests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::eth::tx::{
    sign_authorization_request, sign_request, Authorization, AuthorizationError,
    TransactionRequest, TxType,
};
use keystead::eth::{keccak256, Address, PrivateKey};
use keystead::Error;
use serde_json::{json, Value};

const KEY: &str = "0x4646464646464646464646464646464646464646464646464646464646464646";
const DELEGATE: &str = "0x3535353535353535353535353535353535353535";
const ZERO: &str = "0x0000000000000000000000000000000000000000";

fn key() -> PrivateKey {
    PrivateKey::from_hex(KEY).unwrap()
}

fn unhex(s: &str) -> Vec<u8> {
    let s = s.strip_prefix("0x").unwrap();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    keystead::eth::to_hex_prefixed(bytes)
}

/// The authorization (chain 1, the 0x35… contract, nonce 7) signed by the 0x46… key.
const SIGNED: &str = r#"{"chainId":"0x1","address":"0x3535353535353535353535353535353535353535","nonce":"0x7","yParity":"0x0","r":"0xada169c25b37d5ec7657b637677f2cc29cba28c40bfd0ac50bececf91263edd5","s":"0x56da4e2c712f3431bcb8728e66bb387b0e177ea92484d366c055c7ec6b56969a"}"#;

/// viem's signed type-4 transaction carrying [`SIGNED`].
const SIGNED_TX: &str = "0x04f8d6010984773594008504a817c800830186a0943535353535353535353535353535353535353535880de0b6b3a764000084deadbeefc0f85cf85a019435353535353535353535353535353535353535350780a0ada169c25b37d5ec7657b637677f2cc29cba28c40bfd0ac50bececf91263edd5a056da4e2c712f3431bcb8728e66bb387b0e177ea92484d366c055c7ec6b56969a80a0d711de96106a0e783560920b0db7988b7bffa7447e028956fcb2d7b5a6233165a039b7e24062767d0299147a2d971087756e9c29f389f4fbf2e40c70c279dc503f";

fn tx_request() -> Value {
    let signed: Value = serde_json::from_str(SIGNED).unwrap();
    json!({
        "type": "0x4", "chainId": "0x1", "nonce": "0x9",
        "maxPriorityFeePerGas": "0x77359400", "maxFeePerGas": "0x4a817c800", "gas": "0x186a0",
        "to": DELEGATE, "value": "0xde0b6b3a7640000", "data": "0xdeadbeef",
        "authorizationList": [signed],
    })
}

#[test]
fn authorization_hash_is_keccak_of_magic_and_rlp() {
    let auth = Authorization::from_json(
        r#"{"chainId":"0x1","address":"0x3535353535353535353535353535353535353535","nonce":"0x7"}"#,
    )
    .unwrap();
    assert_eq!(auth.chain_id, 1);
    assert_eq!(auth.nonce, 7);
    // 0x05 ‖ rlp([0x01, 0x35…35, 0x07]): a 23-byte list.
    let mut payload = vec![0x05, 0xd7, 0x01, 0x94];
    payload.extend_from_slice(&[0x35; 20]);
    payload.push(0x07);
    assert_eq!(auth.encode_for_signing(), payload);
    assert_eq!(auth.signing_hash(), keccak256(&payload));
    assert_eq!(
        hex(&auth.signing_hash()),
        "0x155d8ac0276a036817313c7fa22bab28775df2f2cf6845cb72cf0aafbfebd00d"
    );
    // Clearing a delegation on chain 31337: the zero address, nonce 0 (the empty string).
    let clear = Authorization::from_json(&format!(
        r#"{{"chainId":"0x7a69","address":"{ZERO}","nonce":"0x0"}}"#
    ))
    .unwrap();
    assert_eq!(
        hex(&clear.signing_hash()),
        "0x257acee3b94b3d07c2bc53eaf1718d5dee37d90c81df0ffce818e20ae1c5b5cf"
    );
}

#[test]
fn signed_authorization_matches_viem_and_recovers() {
    let request =
        r#"{"chainId":"0x1","address":"0x3535353535353535353535353535353535353535","nonce":"0x7"}"#;
    let signed = sign_authorization_request(&key(), request).unwrap();
    assert_eq!(signed.to_json(), SIGNED);
    let signer = signed
        .signature
        .recover(&signed.authorization.signing_hash())
        .unwrap();
    assert_eq!(signer, key().address());
    // Chain 0 (any chain) and the largest nonce are valid.
    let any = sign_authorization_request(
        &key(),
        &format!(r#"{{"chainId":"0x0","address":"{ZERO}","nonce":"0xffffffffffffffff"}}"#),
    )
    .unwrap();
    assert!(any.to_json().starts_with(r#"{"chainId":"0x0","address":"0x0000000000000000000000000000000000000000","nonce":"0xffffffffffffffff","#));
}

#[test]
fn type4_transaction_matches_viem() {
    let request = tx_request();
    let parsed = TransactionRequest::from_json(&request.to_string()).unwrap();
    assert_eq!(parsed.tx_type(), TxType::SetCode);
    assert_eq!(parsed.authorization_list().len(), 1);
    assert_eq!(
        parsed.authorization_list()[0].authorization.address,
        Address([0x35; 20])
    );
    assert_eq!(
        hex(&sign_request(&key(), &request.to_string()).unwrap()),
        SIGNED_TX
    );
    // Without `type`, an authorization list means type 4.
    let mut untyped = request.clone();
    untyped.as_object_mut().unwrap().remove("type");
    assert_eq!(
        hex(&sign_request(&key(), &untyped.to_string()).unwrap()),
        SIGNED_TX
    );
    // r and s padded to 32 bytes (viem's form) are the same numbers.
    let mut padded = request;
    padded["authorizationList"][0]["yParity"] = json!("0x00");
    assert_eq!(
        hex(&sign_request(&key(), &padded.to_string()).unwrap()),
        SIGNED_TX
    );
    // The signed bytes are the signing payload's fields plus yParity, r, s: the signature at
    // the end recovers the sender from the signing hash.
    let raw = unhex(SIGNED_TX);
    assert_eq!(raw[0], 4);
    assert_eq!(parsed.encode_for_signing()[0], 4);
    let tail = &raw[raw.len() - 67..];
    let mut r = [0u8; 32];
    let mut s = [0u8; 32];
    r.copy_from_slice(&tail[2..34]);
    s.copy_from_slice(&tail[35..67]);
    let signature = keystead::eth::Signature { r, s, y_parity: 0 };
    assert_eq!(
        signature.recover(&parsed.signing_hash()).unwrap(),
        key().address()
    );
}

fn tx_reason(v: &Value) -> &'static str {
    match TransactionRequest::from_json(&v.to_string()) {
        Err(e) => {
            assert_eq!(Error::from(e.clone()).code(), "INVALID_TRANSACTION");
            e.reason
        }
        Ok(_) => panic!("accepted: {v}"),
    }
}

fn auth_reason(text: &str) -> &'static str {
    match Authorization::from_json(text) {
        Err(e) => {
            assert_eq!(Error::from(e.clone()).code(), "INVALID_AUTHORIZATION");
            assert!(e.to_string().starts_with("invalid authorization: "));
            e.reason
        }
        Ok(_) => panic!("accepted: {text}"),
    }
}

#[test]
fn type4_requests_refused() {
    let base = tx_request();
    let set = |path: &[&str], value: Value| {
        let mut v = base.clone();
        let mut slot = &mut v;
        for key in path {
            slot = if let Ok(i) = key.parse::<usize>() {
                &mut slot[i]
            } else {
                &mut slot[*key]
            };
        }
        *slot = value;
        v
    };
    let drop = |path: &[&str]| {
        let mut v = base.clone();
        let (last, parents) = path.split_last().unwrap();
        let mut slot = &mut v;
        for key in parents {
            slot = if let Ok(i) = key.parse::<usize>() {
                &mut slot[i]
            } else {
                &mut slot[*key]
            };
        }
        slot.as_object_mut().unwrap().remove(*last);
        v
    };
    let cases: Vec<(Value, &str)> = vec![
        (drop(&["to"]), "type 4 needs a to address"),
        (set(&["to"], Value::Null), "type 4 needs a to address"),
        (drop(&["authorizationList"]), "missing authorizationList"),
        (
            set(&["authorizationList"], json!([])),
            "authorizationList is empty",
        ),
        (
            set(&["authorizationList"], json!({})),
            "authorizationList is not an array",
        ),
        (
            set(&["type"], json!("0x2")),
            "authorization list needs type 4",
        ),
        (
            set(&["authorizationList", "0"], json!("0x12")),
            "authorization is not an object",
        ),
        (
            drop(&["authorizationList", "0", "r"]),
            "authorization is missing r",
        ),
        (
            drop(&["authorizationList", "0", "s"]),
            "authorization is missing s",
        ),
        (
            drop(&["authorizationList", "0", "yParity"]),
            "authorization is missing yParity",
        ),
        (
            drop(&["authorizationList", "0", "nonce"]),
            "authorization is missing nonce",
        ),
        (
            drop(&["authorizationList", "0", "chainId"]),
            "authorization is missing chainId",
        ),
        (
            drop(&["authorizationList", "0", "address"]),
            "authorization is missing address",
        ),
        (
            set(&["authorizationList", "0", "yParity"], json!("0x2")),
            "authorization yParity is not 0 or 1",
        ),
        (
            set(&["authorizationList", "0", "yParity"], json!(0)),
            "authorization yParity is not a 0x-hex quantity",
        ),
        (
            set(
                &["authorizationList", "0", "r"],
                json!(format!("0x1{}", "0".repeat(64))),
            ),
            "authorization r is larger than 2^256-1",
        ),
        (
            set(&["authorizationList", "0", "s"], json!("0xzz")),
            "authorization s is not a 0x-hex quantity",
        ),
        (
            set(
                &["authorizationList", "0", "chainId"],
                json!("0x10000000000000000"),
            ),
            "authorization chainId is larger than 2^64-1",
        ),
        (
            set(
                &["authorizationList", "0", "nonce"],
                json!("0x10000000000000000"),
            ),
            "authorization nonce is larger than 2^64-1",
        ),
        (
            set(&["authorizationList", "0", "address"], json!("0x1234")),
            "authorization address is not an address",
        ),
        (
            set(
                &["authorizationList", "0", "address"],
                json!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"),
            ),
            "authorization address has an invalid eip-55 checksum",
        ),
        (
            set(&["authorizationList", "0", "v"], json!("0x1b")),
            "authorization has an unknown field",
        ),
        (
            set(&["gasPrice"], json!("0x1")),
            "gasPrice cannot be combined with eip-1559 fee fields",
        ),
        (
            set(&["maxPriorityFeePerGas"], json!("0x4a817c801")),
            "maxPriorityFeePerGas exceeds maxFeePerGas",
        ),
    ];
    for (request, expected) in cases {
        assert_eq!(tx_reason(&request), expected, "{request}");
    }
    // A legacy request with an authorization list is refused too.
    let mut legacy = drop(&["maxFeePerGas"]);
    legacy
        .as_object_mut()
        .unwrap()
        .remove("maxPriorityFeePerGas");
    legacy["type"] = json!("0x0");
    legacy["gasPrice"] = json!("0x1");
    assert_eq!(tx_reason(&legacy), "authorization list needs type 4");
    // A repeated member in an entry is refused (serde_json::Value cannot hold one: raw text).
    let doubled = base
        .to_string()
        .replace(r#""nonce":"0x7""#, r#""nonce":"0x7","nonce":"0x8""#);
    match TransactionRequest::from_json(&doubled) {
        Err(e) => assert_eq!(e.reason, "authorization has a duplicate field"),
        Ok(_) => panic!("accepted a repeated member"),
    }
}

#[test]
fn authorization_requests_refused() {
    let cases = [
        ("{", "not valid json"),
        ("[]", "authorization is not an object"),
        (
            r#"{"address":"0x3535353535353535353535353535353535353535","nonce":"0x0"}"#,
            "authorization is missing chainId",
        ),
        (
            r#"{"chainId":"0x1","nonce":"0x0"}"#,
            "authorization is missing address",
        ),
        (
            r#"{"chainId":"0x1","address":"0x3535353535353535353535353535353535353535"}"#,
            "authorization is missing nonce",
        ),
        (
            r#"{"chainId":1,"address":"0x3535353535353535353535353535353535353535","nonce":"0x0"}"#,
            "authorization chainId is not a 0x-hex quantity",
        ),
        (
            r#"{"chainId":"0x1","address":"3535353535353535353535353535353535353535","nonce":"0x0"}"#,
            "authorization address is not an address",
        ),
        // An unsigned request takes no signature fields.
        (
            r#"{"chainId":"0x1","address":"0x3535353535353535353535353535353535353535","nonce":"0x0","yParity":"0x0"}"#,
            "authorization has an unknown field",
        ),
        (
            r#"{"chainId":"0x1","chainId":"0x1","address":"0x3535353535353535353535353535353535353535","nonce":"0x0"}"#,
            "authorization has a duplicate field",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(auth_reason(text), expected, "{text}");
    }
    let err: AuthorizationError = Authorization::from_json("{").unwrap_err();
    assert_eq!(err.code(), "INVALID_AUTHORIZATION");
}
