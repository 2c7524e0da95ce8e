//! Transaction parsing, encoding and signing: types 0 (EIP-155), 1 (EIP-2930), 2 (EIP-1559);
//! type 4 (EIP-7702) is in tests/eip7702.rs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::eth::tx::TransactionError;
use keystead::eth::tx::{ChainId, TransactionRequest, TxType};
use keystead::eth::{keccak256, Address, PrivateKey, Signature};
use keystead::Error;
use proptest::prelude::*;
use serde_json::{json, Value};

// ------------------------------------------------------------------------------------------
// A tiny, strict RLP decoder (test-only), to check the encoder's output structurally.
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
enum Rlp {
    Bytes(Vec<u8>),
    List(Vec<Rlp>),
}

impl Rlp {
    fn bytes(&self) -> &[u8] {
        match self {
            Rlp::Bytes(b) => b,
            Rlp::List(_) => panic!("expected a byte string, got a list"),
        }
    }

    fn list(&self) -> &[Rlp] {
        match self {
            Rlp::List(items) => items,
            Rlp::Bytes(_) => panic!("expected a list, got a byte string"),
        }
    }

    /// A minimal big-endian integer (no leading zero byte), as big-endian bytes.
    fn uint(&self) -> &[u8] {
        let b = self.bytes();
        assert!(b.first() != Some(&0), "integer with a leading zero byte");
        b
    }

    fn u128(&self) -> u128 {
        let b = self.uint();
        assert!(b.len() <= 16);
        b.iter().fold(0, |acc, &x| (acc << 8) | u128::from(x))
    }
}

/// Decodes exactly one item filling all of `input`.
fn rlp_decode(input: &[u8]) -> Rlp {
    let (item, rest) = decode_item(input);
    assert!(rest.is_empty(), "trailing bytes after the rlp item");
    item
}

fn be_len(bytes: &[u8]) -> usize {
    assert!(bytes.first() != Some(&0), "length with a leading zero byte");
    bytes.iter().fold(0, |acc, &x| (acc << 8) | usize::from(x))
}

fn decode_item(input: &[u8]) -> (Rlp, &[u8]) {
    let prefix = input[0];
    let rest = &input[1..];
    match prefix {
        0x00..=0x7f => (Rlp::Bytes(vec![prefix]), rest),
        0x80..=0xb7 => {
            let n = usize::from(prefix - 0x80);
            let (body, rest) = rest.split_at(n);
            assert!(
                !(n == 1 && body[0] < 0x80),
                "single byte below 0x80 with a header"
            );
            (Rlp::Bytes(body.to_vec()), rest)
        }
        0xb8..=0xbf => {
            let (len, rest) = rest.split_at(usize::from(prefix - 0xb7));
            let n = be_len(len);
            assert!(n > 55, "long header for a short string");
            let (body, rest) = rest.split_at(n);
            (Rlp::Bytes(body.to_vec()), rest)
        }
        0xc0..=0xf7 => {
            let (body, rest) = rest.split_at(usize::from(prefix - 0xc0));
            (Rlp::List(decode_items(body)), rest)
        }
        0xf8..=0xff => {
            let (len, rest) = rest.split_at(usize::from(prefix - 0xf7));
            let n = be_len(len);
            assert!(n > 55, "long header for a short list");
            let (body, rest) = rest.split_at(n);
            (Rlp::List(decode_items(body)), rest)
        }
    }
}

fn decode_items(mut body: &[u8]) -> Vec<Rlp> {
    let mut items = Vec::new();
    while !body.is_empty() {
        let (item, rest) = decode_item(body);
        items.push(item);
        body = rest;
    }
    items
}

#[test]
fn test_decoder_reads_the_rlp_page_examples() {
    // ethereum.org "Recursive-length prefix (RLP) serialization", Examples.
    assert_eq!(
        rlp_decode(&[0xc8, 0x83, b'c', b'a', b't', 0x83, b'd', b'o', b'g']),
        Rlp::List(vec![
            Rlp::Bytes(b"cat".to_vec()),
            Rlp::Bytes(b"dog".to_vec())
        ])
    );
    let empty = Rlp::List(vec![]);
    let one = Rlp::List(vec![empty.clone()]);
    assert_eq!(
        rlp_decode(&[0xc7, 0xc0, 0xc1, 0xc0, 0xc3, 0xc0, 0xc1, 0xc0]),
        Rlp::List(vec![
            empty.clone(),
            one.clone(),
            Rlp::List(vec![empty, one])
        ])
    );
}

// ------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------

fn unhex(s: &str) -> Vec<u8> {
    hex::decode(s.trim_start_matches("0x")).unwrap()
}

fn parse(v: &Value) -> TransactionRequest {
    TransactionRequest::from_json(&v.to_string()).unwrap()
}

/// The reason `from_json` gives for `json`.
fn reason(json: &str) -> &'static str {
    match TransactionRequest::from_json(json) {
        Ok(_) => panic!("accepted: {json}"),
        Err(TransactionError { reason }) => reason,
    }
}

fn reason_v(v: &Value) -> &'static str {
    reason(&v.to_string())
}

fn with(base: &Value, key: &str, value: Value) -> Value {
    let mut v = base.clone();
    v[key] = value;
    v
}

fn without(base: &Value, key: &str) -> Value {
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove(key);
    v
}

/// A 32-byte big-endian quantity with `low` in its last bytes.
fn u256(low: u128) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[16..].copy_from_slice(&low.to_be_bytes());
    out
}

fn minimal(be: &[u8]) -> &[u8] {
    let first = be.iter().position(|&b| b != 0).unwrap_or(be.len());
    &be[first..]
}

const KEY_46: &str = "0x4646464646464646464646464646464646464646464646464646464646464646";
const TO_35: &str = "0x3535353535353535353535353535353535353535";

fn legacy_base() -> Value {
    json!({
        "chainId": "0x1",
        "nonce": "0x0",
        "gas": "0x5208",
        "gasPrice": "0x1",
        "to": TO_35,
        "value": "0x0",
        "data": "0x",
    })
}

fn dynamic_base() -> Value {
    json!({
        "chainId": "0x1",
        "nonce": "0x0",
        "gas": "0x5208",
        "maxFeePerGas": "0x2",
        "maxPriorityFeePerGas": "0x1",
        "to": TO_35,
    })
}

/// The recoverable signature carried by a signed typed transaction's last three items.
fn typed_signature(items: &[Rlp]) -> Signature {
    let n = items.len();
    let y = items[n - 3].u128();
    assert!(y <= 1, "yParity is 0 or 1");
    let mut r = [0u8; 32];
    let mut s = [0u8; 32];
    let (rb, sb) = (items[n - 2].uint(), items[n - 1].uint());
    r[32 - rb.len()..].copy_from_slice(rb);
    s[32 - sb.len()..].copy_from_slice(sb);
    Signature {
        r,
        s,
        y_parity: u8::try_from(y).unwrap(),
    }
}

// ------------------------------------------------------------------------------------------
// Type 0: the EIP-155 worked example
// ------------------------------------------------------------------------------------------

/// EIP-155, section "Example" (ethereum/EIPs, EIPS/eip-155.md): nonce 9, gasprice 20 gwei,
/// startgas 21000, to 0x3535…35, value 10^18, empty data, chain id 1, key 0x4646…46.
fn eip155_example() -> Value {
    json!({
        "chainId": "0x1",
        "nonce": "0x9",
        "gasPrice": "0x4a817c800",
        "gas": "0x5208",
        "to": TO_35,
        "value": "0xde0b6b3a7640000",
        "data": "0x",
    })
}

#[test]
fn eip155_signing_data_hash_and_signed_tx() {
    let tx = parse(&eip155_example());
    assert_eq!(tx.tx_type(), TxType::Legacy);
    assert_eq!(tx.chain_id().get(), 1);
    assert_eq!(tx.nonce(), 9);
    assert_eq!(tx.gas(), 21000);
    assert_eq!(tx.gas_price(), Some(u256(20_000_000_000)));
    assert_eq!(tx.value(), u256(1_000_000_000_000_000_000));
    assert_eq!(tx.to(), Some(Address([0x35; 20])));
    assert!(tx.data().is_empty());
    assert_eq!(tx.from(), None);

    // The "signing data" of the EIP.
    assert_eq!(
        tx.encode_for_signing(),
        unhex("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080")
    );
    // The "signing hash" of the EIP.
    assert_eq!(
        tx.signing_hash().to_vec(),
        unhex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
    );
    // The "signed tx" of the EIP (v = 37, r and s as given there).
    let key = PrivateKey::from_hex(KEY_46).unwrap();
    let signed = tx.sign(&key);
    assert_eq!(
        signed,
        unhex(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        )
    );
    let items = rlp_decode(&signed);
    assert_eq!(items.list()[6].u128(), 37);
}

#[test]
fn eip155_example_with_explicit_type_and_aliases() {
    let base = eip155_example();
    let expected = parse(&base).encode_for_signing();
    // Explicit type, gasLimit alias, input alias, padded quantities, upper-case hex digits,
    // an ignored `from`: the same bytes.
    let variant = json!({
        "type": "0x00",
        "chainId": "0x0001",
        "nonce": "0x09",
        "gasPrice": "0x04A817C800",
        "gasLimit": "0x5208",
        "to": TO_35,
        "value": "0x0DE0B6B3A7640000",
        "input": "0x",
        "from": "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F",
        "accessList": [],
    });
    let tx = parse(&variant);
    assert_eq!(tx.encode_for_signing(), expected);
    assert_eq!(
        tx.from().unwrap().0.to_vec(),
        unhex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
    );
    // Both spellings present with equal values are fine.
    let both = with(
        &with(&base, "gasLimit", json!("0x5208")),
        "input",
        json!("0x"),
    );
    assert_eq!(parse(&both).encode_for_signing(), expected);
}

#[test]
fn legacy_signature_recovers_and_v_encodes_the_chain() {
    let key = PrivateKey::from_hex(KEY_46).unwrap();
    for chain in [1u64, 137, 11_155_111, u64::MAX] {
        let tx = parse(&with(
            &legacy_base(),
            "chainId",
            json!(format!("0x{chain:x}")),
        ));
        let signed = tx.sign(&key);
        let items = rlp_decode(&signed);
        let items = items.list();
        assert_eq!(items.len(), 9);
        let v = items[6].u128();
        let y = v - u128::from(chain) * 2 - 35;
        assert!(y <= 1);
        let mut r = [0u8; 32];
        let mut s = [0u8; 32];
        r[32 - items[7].uint().len()..].copy_from_slice(items[7].uint());
        s[32 - items[8].uint().len()..].copy_from_slice(items[8].uint());
        let sig = Signature {
            r,
            s,
            y_parity: u8::try_from(y).unwrap(),
        };
        assert_eq!(sig.recover(&tx.signing_hash()).unwrap(), key.address());
        // The signed list starts with the six unsigned fields.
        let unsigned = rlp_decode(&tx.encode_for_signing());
        assert_eq!(&unsigned.list()[..6], &items[..6]);
        assert_eq!(unsigned.list()[6].u128(), u128::from(chain));
        assert_eq!(unsigned.list()[7], Rlp::Bytes(vec![]));
        assert_eq!(unsigned.list()[8], Rlp::Bytes(vec![]));
    }
}

#[test]
fn contract_creation_and_zero_leading_address() {
    // `to` absent or null: the empty string.
    for v in [
        without(&legacy_base(), "to"),
        with(&legacy_base(), "to", Value::Null),
    ] {
        let tx = parse(&with(&v, "data", json!("0x6001600055")));
        assert_eq!(tx.to(), None);
        let items = rlp_decode(&tx.encode_for_signing());
        assert_eq!(items.list()[3], Rlp::Bytes(vec![]));
        assert_eq!(items.list()[5], Rlp::Bytes(unhex("0x6001600055")));
    }
    // Creation with empty data is allowed.
    assert_eq!(parse(&without(&legacy_base(), "to")).to(), None);
    // An address with leading zero bytes stays 20 bytes (it is not an integer).
    let tx = parse(&with(
        &legacy_base(),
        "to",
        json!("0x0000000000000000000000000000000000000001"),
    ));
    let items = rlp_decode(&tx.encode_for_signing());
    let mut one = [0u8; 20];
    one[19] = 1;
    assert_eq!(items.list()[3], Rlp::Bytes(one.to_vec()));
}

#[test]
fn large_quantities_are_minimal() {
    let max = format!("0x{}", "f".repeat(64));
    let tx = parse(&with(
        &with(&legacy_base(), "value", json!(max)),
        "gasPrice",
        json!("0x0000000000000000000000000000000000000000000000000000000000000100"),
    ));
    let items = rlp_decode(&tx.encode_for_signing());
    assert_eq!(items.list()[4].uint(), [0xff; 32]);
    assert_eq!(items.list()[1].uint(), [0x01, 0x00]);
    // Zero nonce and zero value are empty strings.
    assert_eq!(items.list()[0], Rlp::Bytes(vec![]));
    let tx = parse(&legacy_base());
    assert_eq!(
        rlp_decode(&tx.encode_for_signing()).list()[4],
        Rlp::Bytes(vec![])
    );
    // nonce and gas up to 2^64-1.
    let tx = parse(&with(
        &with(&legacy_base(), "nonce", json!("0xffffffffffffffff")),
        "gas",
        json!("0xffffffffffffffff"),
    ));
    assert_eq!(tx.nonce(), u64::MAX);
    assert_eq!(tx.gas(), u64::MAX);
}

// ------------------------------------------------------------------------------------------
// Type 1: EIP-2930
// ------------------------------------------------------------------------------------------

const AL_ADDRESS: &str = "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae";
const SLOT_0: &str = "0x0000000000000000000000000000000000000000000000000000000000000003";
const SLOT_1: &str = "0x0000000000000000000000000000000000000000000000000000000000000007";

fn access_list_tx() -> Value {
    json!({
        "chainId": "0x5",
        "nonce": "0x7",
        "gasPrice": "0x3b9aca00",
        "gas": "0x186a0",
        "to": TO_35,
        "value": "0x1",
        "data": "0xa9059cbb",
        "accessList": [
            { "address": AL_ADDRESS, "storageKeys": [SLOT_0, SLOT_1] },
            { "address": TO_35, "storageKeys": [] },
        ],
    })
}

fn check_access_list(item: &Rlp) {
    let entries = item.list();
    assert_eq!(entries.len(), 2);
    let first = entries[0].list();
    assert_eq!(first[0].bytes(), unhex(AL_ADDRESS));
    assert_eq!(
        first[1],
        Rlp::List(vec![Rlp::Bytes(unhex(SLOT_0)), Rlp::Bytes(unhex(SLOT_1))])
    );
    let second = entries[1].list();
    assert_eq!(second[0].bytes(), [0x35; 20]);
    assert_eq!(second[1], Rlp::List(vec![]));
}

#[test]
fn type1_signing_payload_structure() {
    let tx = parse(&access_list_tx());
    assert_eq!(tx.tx_type(), TxType::AccessList);
    assert_eq!(tx.access_list().len(), 2);
    assert_eq!(tx.access_list()[0].storage_keys[1], u256(7));
    let payload = tx.encode_for_signing();
    assert_eq!(payload[0], 0x01);
    let items = rlp_decode(&payload[1..]);
    let items = items.list();
    assert_eq!(items.len(), 8);
    assert_eq!(items[0].u128(), 5); // chainId
    assert_eq!(items[1].u128(), 7); // nonce
    assert_eq!(items[2].u128(), 1_000_000_000); // gasPrice
    assert_eq!(items[3].u128(), 100_000); // gas
    assert_eq!(items[4].bytes(), [0x35; 20]); // to
    assert_eq!(items[5].u128(), 1); // value
    assert_eq!(items[6].bytes(), [0xa9, 0x05, 0x9c, 0xbb]); // data
    check_access_list(&items[7]);
    assert_eq!(tx.signing_hash(), keccak256(&payload));
}

#[test]
fn type1_signed_recovers_signer() {
    let key = PrivateKey::from_hex(KEY_46).unwrap();
    let tx = parse(&access_list_tx());
    let signed = tx.sign(&key);
    assert_eq!(signed[0], 0x01);
    let items = rlp_decode(&signed[1..]);
    let items = items.list();
    assert_eq!(items.len(), 11);
    let unsigned = rlp_decode(&tx.encode_for_signing()[1..]);
    assert_eq!(&items[..8], unsigned.list());
    let sig = typed_signature(items);
    assert_eq!(sig.recover(&tx.signing_hash()).unwrap(), key.address());
    // Inferred from gasPrice + accessList, or explicit: the same transaction.
    let explicit = parse(&with(&access_list_tx(), "type", json!("0x1")));
    assert_eq!(explicit, tx);
    // An empty access list still makes gasPrice + accessList a type 1.
    let empty = parse(&with(&legacy_base(), "accessList", json!([])));
    assert_eq!(empty.tx_type(), TxType::AccessList);
    assert_eq!(empty.encode_for_signing()[0], 0x01);
}

// ------------------------------------------------------------------------------------------
// Type 2: EIP-1559
// ------------------------------------------------------------------------------------------

fn dynamic_fee_tx() -> Value {
    json!({
        "type": "0x2",
        "chainId": "0x1",
        "nonce": "0x2a",
        "maxPriorityFeePerGas": "0x59682f00",
        "maxFeePerGas": "0x6fc23ac00",
        "gas": "0x30d40",
        "to": TO_35,
        "value": "0x2386f26fc10000",
        "data": "0xdeadbeef",
        "accessList": [
            { "address": AL_ADDRESS, "storageKeys": [SLOT_0, SLOT_1] },
            { "address": TO_35, "storageKeys": [] },
        ],
    })
}

#[test]
fn type2_signing_payload_structure() {
    let tx = parse(&dynamic_fee_tx());
    assert_eq!(tx.tx_type(), TxType::DynamicFee);
    assert_eq!(tx.max_priority_fee_per_gas(), Some(u256(1_500_000_000)));
    assert_eq!(tx.max_fee_per_gas(), Some(u256(30_000_000_000)));
    assert_eq!(tx.gas_price(), None);
    let payload = tx.encode_for_signing();
    assert_eq!(payload[0], 0x02);
    let items = rlp_decode(&payload[1..]);
    let items = items.list();
    assert_eq!(items.len(), 9);
    assert_eq!(items[0].u128(), 1); // chainId
    assert_eq!(items[1].u128(), 42); // nonce
    assert_eq!(items[2].u128(), 1_500_000_000); // maxPriorityFeePerGas
    assert_eq!(items[3].u128(), 30_000_000_000); // maxFeePerGas
    assert_eq!(items[4].u128(), 200_000); // gas
    assert_eq!(items[5].bytes(), [0x35; 20]); // to
    assert_eq!(items[6].u128(), 10_000_000_000_000_000); // value
    assert_eq!(items[7].bytes(), [0xde, 0xad, 0xbe, 0xef]); // data
    check_access_list(&items[8]);
    assert_eq!(tx.signing_hash(), keccak256(&payload));
}

#[test]
fn type2_signed_recovers_signer() {
    let key = PrivateKey::from_hex(KEY_46).unwrap();
    let tx = parse(&dynamic_fee_tx());
    let signed = tx.sign(&key);
    assert_eq!(signed[0], 0x02);
    let items = rlp_decode(&signed[1..]);
    let items = items.list();
    assert_eq!(items.len(), 12);
    let unsigned = rlp_decode(&tx.encode_for_signing()[1..]);
    assert_eq!(&items[..9], unsigned.list());
    let sig = typed_signature(items);
    assert_eq!(sig.recover(&tx.signing_hash()).unwrap(), key.address());
    // Type inferred from the fee fields: the same transaction; no access list = empty list.
    let inferred = parse(&without(&dynamic_fee_tx(), "type"));
    assert_eq!(inferred, tx);
    let bare = parse(&dynamic_base());
    assert_eq!(
        rlp_decode(&bare.encode_for_signing()[1..]).list()[8],
        Rlp::List(vec![])
    );
    // Priority fee equal to the cap is allowed.
    let equal = with(&dynamic_base(), "maxPriorityFeePerGas", json!("0x2"));
    assert_eq!(parse(&equal).max_priority_fee_per_gas(), Some(u256(2)));
}

/// Cross-check with third-party vectors: Nethereum's EIP-1559 signing scenarios
/// (gist.github.com/juanfranblanco/4cc998247aecd822d6088e382d94a6f1, "EIP1559 RLP Nethereum
/// Signing test scenarios"): chainId 1559, nonce 0, maxPriorityFeePerGas 3, maxFeePerGas 4,
/// gas 3500, no recipient, value 10, no data; and the same with nonce 2, a recipient and data
/// 0x1232. Key 0xb5b1…44f7. RFC 6979 makes the signature deterministic.
#[test]
fn nethereum_eip1559_vectors() {
    let creation = parse(&json!({
        "chainId": "0x617",
        "nonce": "0x0",
        "maxPriorityFeePerGas": "0x3",
        "maxFeePerGas": "0x4",
        "gas": "0xdac",
        "value": "0xa",
    }));
    assert_eq!(
        creation.encode_for_signing(),
        unhex("02cd820617800304820dac800a80c0")
    );
    let key =
        PrivateKey::from_hex("0xb5b1870957d373ef0eeffecc6e4812c0fd08f554b37b233526acc331bf1544f7")
            .unwrap();
    assert_eq!(
        creation.sign(&key),
        unhex(
            "02f850820617800304820dac800a80c080a0de12484b58bd47130bf9964740b4d68e42bcbbbc39b2eed5b917f0ae66f5e630a01b0d7aa6a810d63c25c115ef217e37023bbe3146b9bb1fe580d004d6432f7f32"
        )
    );
    let call = parse(&json!({
        "chainId": "0x617",
        "nonce": "0x2",
        "maxPriorityFeePerGas": "0x3",
        "maxFeePerGas": "0x4",
        "gas": "0xdac",
        "to": "0x1ad91ee08f21be3de0ba2ba6918e714da6b45836",
        "value": "0xa",
        "data": "0x1232",
    }));
    assert_eq!(
        call.encode_for_signing(),
        unhex("02e3820617020304820dac941ad91ee08f21be3de0ba2ba6918e714da6b458360a821232c0")
    );
}

// ------------------------------------------------------------------------------------------
// ChainId
// ------------------------------------------------------------------------------------------

#[test]
fn chain_id_new() {
    assert_eq!(
        ChainId::new(0),
        Err(TransactionError {
            reason: "chainId must not be zero"
        })
    );
    assert_eq!(ChainId::new(1).unwrap().get(), 1);
    assert_eq!(ChainId::new(u64::MAX).unwrap().get(), u64::MAX);
}

// ------------------------------------------------------------------------------------------
// Every error of from_json
// ------------------------------------------------------------------------------------------

#[test]
fn error_code_is_invalid_transaction() {
    let err = TransactionRequest::from_json("{}").unwrap_err();
    assert_eq!(Error::from(err.clone()).code(), "INVALID_TRANSACTION");
    assert_eq!(err.to_string(), "invalid transaction: missing chainId");
}

#[test]
fn errors_json_shape() {
    assert_eq!(reason(r#"{"chainId": "0x1""#), "json ends unexpectedly");
    assert_eq!(reason(""), "json ends unexpectedly");
    assert_eq!(reason(r#"{"chainId": "0x1"} x"#), "not valid json");
    assert_eq!(reason(r#"{chainId: 1}"#), "not valid json");
    assert_eq!(reason("nonsense"), "not valid json");
    // serde_json's recursion limit turns absurd nesting into an error, not a stack overflow.
    let deep = format!(
        r#"{{"data": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(reason(&deep), "not valid json");
    assert_eq!(reason(r#"{"value": 1e400}"#), "not valid json");
    for not_object in [
        "[]",
        "null",
        "1",
        "\"0x1\"",
        "true",
        r#"[{"chainId":"0x1"}]"#,
    ] {
        assert_eq!(reason(not_object), "not a json object", "{not_object}");
    }
}

#[test]
fn errors_unknown_and_duplicate_fields() {
    for field in [
        "v",
        "r",
        "s",
        "hash",
        "chainID",
        "gasprice",
        "maxFeePerBlobGas",
    ] {
        assert_eq!(
            reason_v(&with(&legacy_base(), field, json!("0x1"))),
            "unknown field",
            "{field}"
        );
    }
    // serde_json::Value would keep only the last of two; the parser refuses both.
    let dup = r#"{"chainId":"0x1","nonce":"0x0","gas":"0x5208","gasPrice":"0x1","to":"0x3535353535353535353535353535353535353535","to":"0x0000000000000000000000000000000000000000"}"#;
    assert_eq!(reason(dup), "duplicate field");
    let dup_null = r#"{"chainId":"0x1","nonce":"0x0","gas":"0x5208","gasPrice":"0x1","value":null,"value":"0x1"}"#;
    assert_eq!(reason(dup_null), "duplicate field");
}

#[test]
fn errors_missing_fields() {
    let base = legacy_base();
    assert_eq!(reason_v(&without(&base, "chainId")), "missing chainId");
    assert_eq!(
        reason_v(&with(&base, "chainId", Value::Null)),
        "missing chainId"
    );
    assert_eq!(reason_v(&without(&base, "nonce")), "missing nonce");
    assert_eq!(reason_v(&without(&base, "gas")), "missing gas");
    assert_eq!(
        reason_v(&without(&base, "gasPrice")),
        "missing gasPrice or maxFeePerGas"
    );
    assert_eq!(
        reason_v(&with(&without(&base, "gasPrice"), "type", json!("0x0"))),
        "missing gasPrice"
    );
    assert_eq!(
        reason_v(&with(&without(&base, "gasPrice"), "accessList", json!([]))),
        "missing gasPrice"
    );
    let dynamic = dynamic_base();
    assert_eq!(
        reason_v(&without(&dynamic, "maxFeePerGas")),
        "missing maxFeePerGas"
    );
    assert_eq!(
        reason_v(&without(&dynamic, "maxPriorityFeePerGas")),
        "missing maxPriorityFeePerGas"
    );
    assert_eq!(
        reason_v(&with(
            &without(&without(&dynamic, "maxPriorityFeePerGas"), "maxFeePerGas"),
            "type",
            json!("0x2")
        )),
        "missing maxFeePerGas"
    );
}

#[test]
fn errors_chain_id_zero() {
    for zero in ["0x0", "0x00"] {
        assert_eq!(
            reason_v(&with(&legacy_base(), "chainId", json!(zero))),
            "chainId must not be zero"
        );
    }
}

#[test]
fn errors_bad_quantities() {
    let cases: [(&str, &str, Value); 9] = [
        ("type", "type is not a 0x-hex quantity", legacy_base()),
        ("chainId", "chainId is not a 0x-hex quantity", legacy_base()),
        ("nonce", "nonce is not a 0x-hex quantity", legacy_base()),
        ("gas", "gas is not a 0x-hex quantity", legacy_base()),
        (
            "gasLimit",
            "gasLimit is not a 0x-hex quantity",
            without(&legacy_base(), "gas"),
        ),
        ("value", "value is not a 0x-hex quantity", legacy_base()),
        (
            "gasPrice",
            "gasPrice is not a 0x-hex quantity",
            legacy_base(),
        ),
        (
            "maxFeePerGas",
            "maxFeePerGas is not a 0x-hex quantity",
            dynamic_base(),
        ),
        (
            "maxPriorityFeePerGas",
            "maxPriorityFeePerGas is not a 0x-hex quantity",
            dynamic_base(),
        ),
    ];
    for (field, expected, base) in cases {
        for bad in [
            json!("0x"),
            json!("1"),
            json!("12"),
            json!("0X1"),
            json!("0xg"),
            json!("0x1 "),
            json!("-0x1"),
            json!(""),
            json!(1),
            json!(true),
            json!(["0x1"]),
            json!({}),
        ] {
            assert_eq!(
                reason_v(&with(&base, field, bad.clone())),
                expected,
                "{field} = {bad}"
            );
        }
    }
}

#[test]
fn errors_overflow() {
    let over_u64 = json!("0x10000000000000000");
    let over_u256 = json!(format!("0x1{}", "0".repeat(64)));
    let base = legacy_base();
    assert_eq!(
        reason_v(&with(&base, "chainId", over_u64.clone())),
        "chainId is larger than 2^64-1"
    );
    assert_eq!(
        reason_v(&with(&base, "nonce", over_u64.clone())),
        "nonce is larger than 2^64-1"
    );
    assert_eq!(
        reason_v(&with(&base, "gas", over_u64.clone())),
        "gas is larger than 2^64-1"
    );
    assert_eq!(
        reason_v(&with(&without(&base, "gas"), "gasLimit", over_u256.clone())),
        "gasLimit is larger than 2^64-1"
    );
    assert_eq!(
        reason_v(&with(&base, "value", over_u256.clone())),
        "value is larger than 2^256-1"
    );
    assert_eq!(
        reason_v(&with(&base, "gasPrice", over_u256.clone())),
        "gasPrice is larger than 2^256-1"
    );
    let dynamic = dynamic_base();
    assert_eq!(
        reason_v(&with(&dynamic, "maxFeePerGas", over_u256.clone())),
        "maxFeePerGas is larger than 2^256-1"
    );
    assert_eq!(
        reason_v(&with(&dynamic, "maxPriorityFeePerGas", over_u256)),
        "maxPriorityFeePerGas is larger than 2^256-1"
    );
    assert_eq!(
        reason_v(&with(&base, "type", over_u64)),
        "unsupported transaction type"
    );
}

#[test]
fn errors_type_and_fees() {
    let base = legacy_base();
    // Type 4 is known (tests/eip7702.rs), but not with a legacy request's fee field.
    assert_eq!(
        reason_v(&with(&base, "type", json!("0x4"))),
        "fee fields do not match the transaction type"
    );
    // An authorization list is known, but only in a type-4 request: it makes an untyped
    // request type 4 (whose fees a gasPrice does not match), and an explicit type 0 refuses it.
    assert_eq!(
        reason_v(&with(&base, "authorizationList", json!([]))),
        "fee fields do not match the transaction type"
    );
    assert_eq!(
        reason_v(&with(
            &with(&base, "type", json!("0x0")),
            "authorizationList",
            json!([])
        )),
        "authorization list needs type 4"
    );
    for t in ["0x3", "0x5", "0x7e", "0xffffffffffffffff"] {
        assert_eq!(
            reason_v(&with(&base, "type", json!(t))),
            "unsupported transaction type",
            "{t}"
        );
    }
    // gasPrice mixed with EIP-1559 fields, whatever the type.
    for field in ["maxFeePerGas", "maxPriorityFeePerGas"] {
        let mixed = with(&base, field, json!("0x1"));
        assert_eq!(
            reason_v(&mixed),
            "gasPrice cannot be combined with eip-1559 fee fields"
        );
        assert_eq!(
            reason_v(&with(&mixed, "type", json!("0x2"))),
            "gasPrice cannot be combined with eip-1559 fee fields"
        );
    }
    // Fee fields of the other type.
    assert_eq!(
        reason_v(&with(&dynamic_base(), "type", json!("0x0"))),
        "fee fields do not match the transaction type"
    );
    assert_eq!(
        reason_v(&with(&dynamic_base(), "type", json!("0x1"))),
        "fee fields do not match the transaction type"
    );
    assert_eq!(
        reason_v(&with(&base, "type", json!("0x2"))),
        "fee fields do not match the transaction type"
    );
    // Priority fee above the cap.
    assert_eq!(
        reason_v(&with(&dynamic_base(), "maxPriorityFeePerGas", json!("0x3"))),
        "maxPriorityFeePerGas exceeds maxFeePerGas"
    );
    let big = with(
        &with(
            &dynamic_base(),
            "maxFeePerGas",
            json!(format!("0x{}", "f".repeat(63))),
        ),
        "maxPriorityFeePerGas",
        json!(format!("0x1{}", "0".repeat(63))),
    );
    assert_eq!(reason_v(&big), "maxPriorityFeePerGas exceeds maxFeePerGas");
}

#[test]
fn errors_aliases_differ() {
    let base = legacy_base();
    assert_eq!(
        reason_v(&with(&base, "gasLimit", json!("0x5209"))),
        "gas and gasLimit differ"
    );
    assert_eq!(
        reason_v(&with(&base, "input", json!("0x00"))),
        "data and input differ"
    );
    // Same bytes in different case are equal.
    let same = with(&with(&base, "data", json!("0xAB")), "input", json!("0xab"));
    assert_eq!(parse(&same).data(), [0xab]);
}

#[test]
fn errors_addresses_and_data() {
    let base = legacy_base();
    for bad in [
        json!("0x35353535353535353535353535353535353535"),
        json!("3535353535353535353535353535353535353535"),
        json!("0x353535353535353535353535353535353535353g"),
        json!("0x"),
        json!(""),
        json!(35),
    ] {
        assert_eq!(
            reason_v(&with(&base, "to", bad.clone())),
            "to is not an address",
            "{bad}"
        );
        assert_eq!(
            reason_v(&with(&base, "from", bad.clone())),
            "from is not an address",
            "{bad}"
        );
    }
    // EIP-55 mixed case with one letter's case flipped (the EIP-55 example address
    // 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed).
    let bad_checksum = json!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD");
    assert_eq!(
        reason_v(&with(&base, "to", bad_checksum.clone())),
        "to has an invalid eip-55 checksum"
    );
    assert_eq!(
        reason_v(&with(&base, "from", bad_checksum)),
        "from has an invalid eip-55 checksum"
    );
    let good = parse(&with(
        &base,
        "to",
        json!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    ));
    assert_eq!(
        good.to().unwrap().0.to_vec(),
        unhex("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
    );
    for bad in [
        json!("0x0"),
        json!("0xzz"),
        json!("00"),
        json!(""),
        json!(0),
        json!([]),
    ] {
        assert_eq!(
            reason_v(&with(&base, "data", bad.clone())),
            "data is not 0x-hex bytes",
            "{bad}"
        );
        assert_eq!(
            reason_v(&with(&base, "input", bad.clone())),
            "data is not 0x-hex bytes",
            "{bad}"
        );
    }
}

#[test]
fn errors_access_list() {
    let base = access_list_tx();
    let entry = |v: Value| with(&base, "accessList", json!([v]));
    let cases: Vec<(Value, &str)> = vec![
        (
            with(&base, "accessList", json!({})),
            "accessList is not an array",
        ),
        (
            with(&base, "accessList", json!("0x")),
            "accessList is not an array",
        ),
        (
            entry(json!([AL_ADDRESS, []])),
            "access list entry is not an object",
        ),
        (entry(json!(null)), "access list entry is not an object"),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": [], "extra": 1 })),
            "access list entry has an unknown field",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storagekeys": [] })),
            "access list entry has an unknown field",
        ),
        (
            entry(json!({ "storageKeys": [] })),
            "access list entry is missing address",
        ),
        (
            entry(json!({ "address": AL_ADDRESS })),
            "access list entry is missing storageKeys",
        ),
        (
            entry(json!({ "address": "0x1234", "storageKeys": [] })),
            "access list address is not an address",
        ),
        (
            entry(
                json!({ "address": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "storageKeys": [] }),
            ),
            "access list address has an invalid eip-55 checksum",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": SLOT_0 })),
            "storageKeys is not an array",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": ["0x03"] })),
            "storage key is not 32 bytes of 0x-hex",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": [format!("{SLOT_0}00")] })),
            "storage key is not 32 bytes of 0x-hex",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": [&SLOT_0[2..]] })),
            "storage key is not 32 bytes of 0x-hex",
        ),
        (
            entry(json!({ "address": AL_ADDRESS, "storageKeys": [3] })),
            "storage key is not 32 bytes of 0x-hex",
        ),
        (
            with(
                &with(&legacy_base(), "type", json!("0x0")),
                "accessList",
                json!([{ "address": AL_ADDRESS, "storageKeys": [] }]),
            ),
            "access list needs type 1 or 2",
        ),
    ];
    for (v, expected) in cases {
        assert_eq!(reason_v(&v), expected, "{v}");
    }
    let dup = format!(
        r#"{{"chainId":"0x1","nonce":"0x0","gas":"0x5208","gasPrice":"0x1","accessList":[{{"address":"{AL_ADDRESS}","address":"{AL_ADDRESS}","storageKeys":[]}}]}}"#
    );
    assert_eq!(reason(&dup), "access list entry has a duplicate field");
    // Type 0 with an empty access list is accepted (it encodes nothing).
    let legacy_empty = parse(&with(
        &with(&legacy_base(), "type", json!("0x0")),
        "accessList",
        json!([]),
    ));
    assert_eq!(legacy_empty.tx_type(), TxType::Legacy);
    assert_eq!(
        legacy_empty.encode_for_signing(),
        parse(&legacy_base()).encode_for_signing()
    );
}

// ------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------

fn hex_quantity(be: &[u8]) -> String {
    let m = hex::encode(minimal(be));
    let trimmed = m.trim_start_matches('0');
    format!("0x{}", if trimmed.is_empty() { "0" } else { trimmed })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the inputs, the signing payload decodes to exactly the fields given, in the
    /// order of the type, each integer minimal.
    #[test]
    fn payload_fields_round_trip(
        tx_type in 0u8..3,
        chain in 1u64..,
        nonce in any::<u64>(),
        gas in any::<u64>(),
        value in any::<[u8; 32]>(),
        fee_a in any::<[u8; 32]>(),
        fee_b in any::<[u8; 32]>(),
        to in proptest::option::of(any::<[u8; 20]>()),
        data in proptest::collection::vec(any::<u8>(), 0..80),
    ) {
        let (low, high) = if fee_a <= fee_b { (fee_a, fee_b) } else { (fee_b, fee_a) };
        let mut v = json!({
            "type": format!("0x{tx_type}"),
            "chainId": format!("0x{chain:x}"),
            "nonce": format!("0x{nonce:x}"),
            "gas": format!("0x{gas:x}"),
            "value": hex_quantity(&value),
            "data": format!("0x{}", hex::encode(&data)),
        });
        if let Some(to) = to {
            v["to"] = json!(format!("0x{}", hex::encode(to)));
        }
        if tx_type == 2 {
            v["maxPriorityFeePerGas"] = json!(hex_quantity(&low));
            v["maxFeePerGas"] = json!(hex_quantity(&high));
        } else {
            v["gasPrice"] = json!(hex_quantity(&high));
        }
        let tx = parse(&v);
        let payload = tx.encode_for_signing();
        let items = if tx_type == 0 {
            rlp_decode(&payload)
        } else {
            prop_assert_eq!(payload[0], tx_type);
            rlp_decode(&payload[1..])
        };
        let items = items.list();
        let to_bytes = to.map(|t| t.to_vec()).unwrap_or_default();
        let mut expected: Vec<Rlp> = Vec::new();
        let uint = |b: &[u8]| Rlp::Bytes(minimal(b).to_vec());
        if tx_type != 0 {
            expected.push(uint(&chain.to_be_bytes()));
        }
        expected.push(uint(&nonce.to_be_bytes()));
        if tx_type == 2 {
            expected.push(uint(&low));
        }
        expected.push(uint(&high));
        expected.push(uint(&gas.to_be_bytes()));
        expected.push(Rlp::Bytes(to_bytes));
        expected.push(uint(&value));
        expected.push(Rlp::Bytes(data.clone()));
        if tx_type == 0 {
            expected.push(uint(&chain.to_be_bytes()));
            expected.push(Rlp::Bytes(vec![]));
            expected.push(Rlp::Bytes(vec![]));
        } else {
            expected.push(Rlp::List(vec![]));
        }
        prop_assert_eq!(items, &expected[..]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Signing with any key produces a transaction whose signature recovers that key's address.
    #[test]
    fn signed_transactions_recover_the_signer(
        seed in any::<[u8; 32]>(),
        tx_type in 0u8..3,
        nonce in any::<u64>(),
    ) {
        // Map the seed into [1, n-1] well enough for a test: clear the top bit, set the lowest.
        let mut bytes = seed;
        bytes[0] &= 0x7f;
        bytes[31] |= 1;
        let key = PrivateKey::from_bytes(&bytes).unwrap();
        let fees = if tx_type == 2 {
            json!({ "maxFeePerGas": "0x2", "maxPriorityFeePerGas": "0x1" })
        } else {
            json!({ "gasPrice": "0x1" })
        };
        let mut v = with(&without(&legacy_base(), "gasPrice"), "type", json!(format!("0x{tx_type}")));
        v["nonce"] = json!(format!("0x{nonce:x}"));
        for (k, f) in fees.as_object().unwrap() {
            v[k.as_str()] = f.clone();
        }
        let tx = parse(&v);
        let signed = tx.sign(&key);
        let sig = if tx_type == 0 {
            let items = rlp_decode(&signed);
            let items = items.list();
            // chainId 1: v = 37 + yParity.
            let y = items[6].u128() - 37;
            let mut sig = typed_signature(&[Rlp::Bytes(vec![]), items[7].clone(), items[8].clone()]);
            sig.y_parity = u8::try_from(y).unwrap();
            sig
        } else {
            prop_assert_eq!(signed[0], tx_type);
            typed_signature(rlp_decode(&signed[1..]).list())
        };
        prop_assert_eq!(sig.recover(&tx.signing_hash()).unwrap(), key.address());
    }
}
