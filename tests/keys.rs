//! secp256k1 keys, recoverable signatures and EIP-55 addresses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use keystead::eth::address::AddressError;
use keystead::eth::key::{KeyError, SignatureError};
use keystead::eth::{Address, PrivateKey, Signature};
use keystead::hd::{account_parent, derive_account, AccountIndex, ChildNumber};
use keystead::mnemonic::Mnemonic;
use proptest::prelude::*;

/// The secp256k1 group order n (SEC 2, section 2.4.1), big-endian hex.
const N_HEX: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
/// n + 1.
const N_PLUS_1_HEX: &str = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142";
/// floor(n / 2): the largest low s (EIP-2).
const HALF_N: [u8; 32] = [
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

/// The well-known development phrase of Hardhat and Foundry's anvil, and its first three default
/// accounts (m/44'/60'/0'/0/0..=2) as those tools print them.
const DEV_PHRASE: &str = "test test test test test test test test test test test junk";
const DEV_ACCOUNTS: [&str; 3] = [
    "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
];
const DEV_KEY_0: &str = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

#[test]
fn dev_phrase_gives_the_anvil_accounts() {
    let seed = Mnemonic::parse(DEV_PHRASE).unwrap().to_seed();
    for (i, expected) in DEV_ACCOUNTS.iter().enumerate() {
        let key = derive_account(&seed, AccountIndex::new(i as u32).unwrap()).unwrap();
        assert_eq!(key.address().to_checksum(), *expected, "account {i}");
        assert_eq!(key.address().to_string(), *expected);
        assert_eq!(key.address(), Address::parse(expected).unwrap());
    }
    let key0 = derive_account(&seed, AccountIndex::new(0).unwrap()).unwrap();
    assert_eq!(key0.to_hex().as_str(), DEV_KEY_0);
    assert!(bool::from(
        key0.ct_eq(&PrivateKey::from_hex(DEV_KEY_0).unwrap())
    ));

    // The account parent gives the same accounts with one step each.
    let parent = account_parent(&seed).unwrap();
    for (i, expected) in DEV_ACCOUNTS.iter().enumerate() {
        let child = parent
            .derive_child(ChildNumber::normal(i as u32).unwrap())
            .unwrap();
        assert_eq!(child.private_key().address().to_checksum(), *expected);
    }
}

/// EIP-55 "Test Cases" (ethereum/EIPs EIPS/eip-55.md): all caps, all lower, normal.
const EIP55_ALL_CAPS: [&str; 2] = [
    "0x52908400098527886E0F7030069857D2E4169EE7",
    "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
];
const EIP55_ALL_LOWER: [&str; 2] = [
    "0xde709f2102306220921060314715629080e2fb77",
    "0x27b1fdb04752bbc536007a920d24acb045561c26",
];
const EIP55_NORMAL: [&str; 4] = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
];

#[test]
fn eip55_examples_round_trip() {
    for s in EIP55_ALL_CAPS
        .iter()
        .chain(EIP55_ALL_LOWER.iter())
        .chain(EIP55_NORMAL.iter())
    {
        let a = Address::parse(s).unwrap();
        // Every example is its own checksum (the all-caps and all-lower ones happen to be).
        assert_eq!(a.to_checksum(), *s);
        assert_eq!(a.to_string(), *s);
        // Without 0x, lower-cased and upper-cased forms parse to the same address.
        assert_eq!(Address::parse(&s[2..]).unwrap(), a);
        assert_eq!(Address::parse(&s.to_lowercase()).unwrap(), a);
        assert_eq!(
            Address::parse(&format!("0x{}", s[2..].to_uppercase())).unwrap(),
            a
        );
        assert_eq!(s.parse::<Address>().unwrap(), a);
    }
}

#[test]
fn flipped_case_fails_the_checksum() {
    for s in EIP55_NORMAL {
        // Flip the case of the first letter.
        let i = s[2..].find(|c: char| c.is_ascii_alphabetic()).unwrap() + 2;
        let mut flipped = s.to_string().into_bytes();
        flipped[i] ^= 0x20;
        let flipped = String::from_utf8(flipped).unwrap();
        assert_eq!(
            Address::parse(&flipped),
            Err(AddressError::BadChecksum),
            "{flipped}"
        );
    }
    // One lower-case letter in an all-caps example makes it mixed case, and wrong.
    assert_eq!(
        Address::parse("0x52908400098527886E0F7030069857D2E4169eE7"),
        Err(AddressError::BadChecksum)
    );
}

#[test]
fn address_shape_errors() {
    for s in [
        "",
        "0x",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA d",
        "0x0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
    ] {
        assert_eq!(Address::parse(s), Err(AddressError::NotHex), "{s:?}");
    }
}

#[test]
fn from_hex_accepts_prefix_case_and_whitespace() {
    let k = PrivateKey::from_hex(DEV_KEY_0).unwrap();
    for s in [
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0xAC0974BEC39A17E36BA4A6B4D238FF944BACB478CBED5EFCAE784D7BF4F2FF80",
        "  0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n",
        "\tac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 ",
    ] {
        assert!(
            bool::from(PrivateKey::from_hex(s).unwrap().ct_eq(&k)),
            "{s:?}"
        );
    }
    assert_eq!(
        k.address().to_checksum(),
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
    );
    // 1 and n - 1 are the extreme valid keys.
    PrivateKey::from_hex(&format!("{}1", "0".repeat(63))).unwrap();
    PrivateKey::from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")
        .unwrap();
}

#[test]
fn from_hex_error_paths() {
    let not_hex = [
        "".to_string(),
        "0x".to_string(),
        "0".repeat(63),                 // odd length, 63 digits
        "1".repeat(65),                 // 65 digits
        "1".repeat(62),                 // 31 bytes
        "1".repeat(66),                 // 33 bytes
        format!("{}g", "1".repeat(63)), // non-hex digit
        format!("0x{}z", "1".repeat(63)),
        format!("+{}", "1".repeat(63)),
        format!("0x 0x{}", "1".repeat(64)),
        format!("{} {}", "1".repeat(32), "1".repeat(32)), // whitespace inside
        format!("00x{}", "1".repeat(64)),
        "é".repeat(32),
    ];
    for s in &not_hex {
        assert_eq!(
            PrivateKey::from_hex(s).err(),
            Some(KeyError::NotHex),
            "{s:?}"
        );
    }
    for s in [
        "0".repeat(64),
        format!("0x{}", "0".repeat(64)),
        N_HEX.to_string(),
        N_PLUS_1_HEX.to_string(),
        "f".repeat(64),
    ] {
        assert_eq!(
            PrivateKey::from_hex(&s).err(),
            Some(KeyError::OutOfRange),
            "{s}"
        );
    }
    assert_eq!(
        PrivateKey::from_bytes(&[0u8; 32]).err(),
        Some(KeyError::OutOfRange)
    );
    assert_eq!(
        PrivateKey::from_bytes(&[0u8; 31]).err(),
        Some(KeyError::NotHex)
    );
    let e: keystead::Error = KeyError::OutOfRange.into();
    assert_eq!(e.code(), "INVALID_PRIVATE_KEY");
}

/// EIP-155 "Example" (ethereum/EIPs EIPS/eip-155.md): the key 0x4646…46 signs the signing hash
/// 0xdaf5…8e53 with r = 0x28ef…6276, s = 0x67cb…6d83 and v = 37 (chain id 1, so y parity 0).
/// Geth signs with RFC 6979 and low s, so a deterministic signer must reproduce it exactly.
#[test]
fn eip155_example_signature() {
    let key = PrivateKey::from_bytes(&[0x46u8; 32]).unwrap();
    let hash: [u8; 32] =
        hex::decode("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")
            .unwrap()
            .try_into()
            .unwrap();
    let sig = key.sign_hash(&hash);
    assert_eq!(
        hex::encode(sig.r),
        "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
    );
    assert_eq!(
        hex::encode(sig.s),
        "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
    );
    assert_eq!(sig.y_parity, 0);
    assert_eq!(
        sig.recover(&hash).unwrap(),
        Address::parse("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f").unwrap()
    );
    assert_eq!(sig.recover(&hash).unwrap(), key.address());
    // Deterministic: same key and hash, same signature.
    assert_eq!(key.sign_hash(&hash), sig);
    assert_eq!(
        sig.to_rsv_hex(),
        "0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276\
         67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d831b"
    );
}

/// (n - s) for a 32-byte big-endian s, by schoolbook subtraction.
fn negate_mod_n(s: &[u8; 32]) -> [u8; 32] {
    let n: [u8; 32] = hex::decode(N_HEX).unwrap().try_into().unwrap();
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = i16::from(n[i]) - i16::from(s[i]) - borrow;
        borrow = 0;
        if d < 0 {
            d += 256;
            borrow = 1;
        }
        out[i] = d as u8;
    }
    out
}

#[test]
fn high_s_signatures_still_recover() {
    // The malleated twin (r, n - s, flipped parity) of a valid signature recovers the same
    // address: recovery accepts high s, like Ethereum's ecrecover.
    let key = PrivateKey::from_bytes(&[0x46u8; 32]).unwrap();
    let hash = [0x11u8; 32];
    let sig = key.sign_hash(&hash);
    let twin = Signature {
        r: sig.r,
        s: negate_mod_n(&sig.s),
        y_parity: sig.y_parity ^ 1,
    };
    assert!(twin.s > HALF_N);
    assert_eq!(twin.recover(&hash).unwrap(), key.address());
    let parsed = Signature::parse_rsv_hex(&twin.to_rsv_hex()).unwrap();
    assert_eq!(parsed, twin);
}

#[test]
fn parse_rsv_hex_accepts_all_v_forms() {
    let key = PrivateKey::from_bytes(&[0x46u8; 32]).unwrap();
    let sig = key.sign_hash(&[0x22u8; 32]);
    let rs = hex::encode(&sig.to_rsv_bytes()[..64]);
    for (v, parity) in [(0u8, 0u8), (1, 1), (27, 0), (28, 1)] {
        let s = format!("0x{rs}{v:02x}");
        let parsed = Signature::parse_rsv_hex(&s).unwrap();
        assert_eq!(parsed.r, sig.r);
        assert_eq!(parsed.s, sig.s);
        assert_eq!(parsed.y_parity, parity);
        // Without 0x, upper case, surrounding whitespace.
        let parsed2 = Signature::parse_rsv_hex(&format!(" {}\n", s[2..].to_uppercase())).unwrap();
        assert_eq!(parsed2, parsed);
    }
}

#[test]
fn parse_rsv_hex_error_paths() {
    let rs = "11".repeat(64);
    for s in [
        String::new(),
        "0x".to_string(),
        format!("0x{rs}"),                  // 64 bytes, no v
        format!("0x{rs}1"),                 // odd length
        format!("0x{rs}1b00"),              // 66 bytes
        format!("0x{}1b", "11".repeat(63)), // 64 bytes with v
        format!("0x{}1g", rs),              // non-hex
        format!("0x{}", "zz".repeat(65)),
    ] {
        assert_eq!(
            Signature::parse_rsv_hex(&s),
            Err(SignatureError::Malformed),
            "{s:?}"
        );
    }
    for v in [2u8, 3, 4, 26, 29, 30, 35, 37, 38, 0xff] {
        assert_eq!(
            Signature::parse_rsv_hex(&format!("0x{rs}{v:02x}")),
            Err(SignatureError::BadRecoveryId),
            "v = {v}"
        );
    }
}

#[test]
fn recover_error_paths() {
    let hash = [0x33u8; 32];
    let key = PrivateKey::from_bytes(&[0x46u8; 32]).unwrap();
    let good = key.sign_hash(&hash);

    let mut bad = good.clone();
    bad.y_parity = 27;
    assert_eq!(bad.recover(&hash), Err(SignatureError::BadRecoveryId));

    for (r, s) in [
        ([0u8; 32], good.s),
        (good.r, [0u8; 32]),
        (hex::decode(N_HEX).unwrap().try_into().unwrap(), good.s),
        (
            good.r,
            hex::decode(N_PLUS_1_HEX).unwrap().try_into().unwrap(),
        ),
        ([0xffu8; 32], good.s),
    ] {
        let sig = Signature { r, s, y_parity: 0 };
        assert_eq!(sig.recover(&hash), Err(SignatureError::Unrecoverable));
    }

    // r = 5 is not the x coordinate of any curve point (5^3 + 7 = 132 is not a square mod p).
    let mut r = [0u8; 32];
    r[31] = 5;
    let sig = Signature {
        r,
        s: good.s,
        y_parity: 0,
    };
    assert_eq!(sig.recover(&hash), Err(SignatureError::Unrecoverable));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sign_recover_round_trip(key_bytes in any::<[u8; 32]>(), hash in any::<[u8; 32]>()) {
        // Skip the (astronomically rare) invalid keys.
        let Ok(key) = PrivateKey::from_bytes(&key_bytes) else { return Ok(()); };
        let sig = key.sign_hash(&hash);
        prop_assert!(sig.s <= HALF_N, "high s");
        prop_assert!(sig.y_parity <= 1);
        prop_assert_eq!(sig.recover(&hash).unwrap(), key.address());

        let bytes = sig.to_rsv_bytes();
        prop_assert!(bytes[64] == 27 || bytes[64] == 28);
        let hex = sig.to_rsv_hex();
        prop_assert_eq!(hex.len(), 132);
        prop_assert_eq!(Signature::parse_rsv_hex(&hex).unwrap(), sig.clone());
        prop_assert_eq!(key.sign_hash(&hash), sig);

        // Key hex round trip.
        let again = PrivateKey::from_hex(&key.to_hex()).unwrap();
        prop_assert!(bool::from(again.ct_eq(&key)));
    }

    #[test]
    fn checksum_round_trips(bytes in any::<[u8; 20]>()) {
        let a = Address(bytes);
        let s = a.to_checksum();
        prop_assert_eq!(Address::parse(&s).unwrap(), a);
        prop_assert_eq!(Address::parse(&s.to_lowercase()).unwrap(), a);
        prop_assert_eq!(s.to_lowercase(), format!("0x{}", hex::encode(bytes)));
    }
}
