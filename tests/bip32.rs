//! BIP32 derivation against the official test vectors, BIP44 helpers, and the path parser.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use keystead::hd::HdError;
use keystead::hd::{
    account_parent, derive_account, AccountIndex, ChildNumber, DerivationPath, ExtendedPrivateKey,
    METAMASK_HD_PATH,
};
use keystead::mnemonic::Mnemonic;

mod common;
use common::decode_xprv;

/// Test vectors 1, 2 and 3 of BIP-0032 (bitcoin/bips bip-0032.mediawiki, "Test Vectors"):
/// (seed, [(chain, ext prv)]). BIP32 writes hardened as a subscript H; the paths here use `'`,
/// `h` and `H` (all accepted by the parser). Each xprv was also re-derived with an independent
/// Python implementation before being typed in.
const VECTORS: [(&str, &[(&str, &str)]); 3] = [
    (
        "000102030405060708090a0b0c0d0e0f",
        &[
            ("m", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"),
            ("m/0'", "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7"),
            ("m/0'/1", "xprv9wTYmMFdV23N2TdNG573QoEsfRrWKQgWeibmLntzniatZvR9BmLnvSxqu53Kw1UmYPxLgboyZQaXwTCg8MSY3H2EU4pWcQDnRnrVA1xe8fs"),
            ("m/0'/1/2'", "xprv9z4pot5VBttmtdRTWfWQmoH1taj2axGVzFqSb8C9xaxKymcFzXBDptWmT7FwuEzG3ryjH4ktypQSAewRiNMjANTtpgP4mLTj34bhnZX7UiM"),
            ("m/0'/1/2'/2", "xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"),
            ("m/0'/1/2'/2/1000000000", "xprvA41z7zogVVwxVSgdKUHDy1SKmdb533PjDz7J6N6mV6uS3ze1ai8FHa8kmHScGpWmj4WggLyQjgPie1rFSruoUihUZREPSL39UNdE3BBDu76"),
        ],
    ),
    (
        "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542",
        &[
            ("m", "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U"),
            ("m/0", "xprv9vHkqa6EV4sPZHYqZznhT2NPtPCjKuDKGY38FBWLvgaDx45zo9WQRUT3dKYnjwih2yJD9mkrocEZXo1ex8G81dwSM1fwqWpWkeS3v86pgKt"),
            ("m/0/2147483647H", "xprv9wSp6B7kry3Vj9m1zSnLvN3xH8RdsPP1Mh7fAaR7aRLcQMKTR2vidYEeEg2mUCTAwCd6vnxVrcjfy2kRgVsFawNzmjuHc2YmYRmagcEPdU9"),
            ("m/0/2147483647H/1", "xprv9zFnWC6h2cLgpmSA46vutJzBcfJ8yaJGg8cX1e5StJh45BBciYTRXSd25UEPVuesF9yog62tGAQtHjXajPPdbRCHuWS6T8XA2ECKADdw4Ef"),
            ("m/0/2147483647H/1/2147483646H", "xprvA1RpRA33e1JQ7ifknakTFpgNXPmW2YvmhqLQYMmrj4xJXXWYpDPS3xz7iAxn8L39njGVyuoseXzU6rcxFLJ8HFsTjSyQbLYnMpCqE2VbFWc"),
            ("m/0/2147483647h/1/2147483646h/2", "xprvA2nrNbFZABcdryreWet9Ea4LvTJcGsqrMzxHx98MMrotbir7yrKCEXw7nadnHM8Dq38EGfSh6dqA9QWTyefMLEcBYJUuekgW4BYPJcr9E7j"),
        ],
    ),
    (
        // Vector 3 checks that leading zeros of the private key are retained.
        "4b381541583be4423346c643850da4b320e46a87ae3d2a4e6da11eba819cd4acba45d239319ac14f863b8d5ab5a0d0c64d2e8a1e7d1457df2e5a3c51c73235be",
        &[
            ("m", "xprv9s21ZrQH143K25QhxbucbDDuQ4naNntJRi4KUfWT7xo4EKsHt2QJDu7KXp1A3u7Bi1j8ph3EGsZ9Xvz9dGuVrtHHs7pXeTzjuxBrCmmhgC6"),
            ("m/0'", "xprv9uPDJpEQgRQfDcW7BkF7eTya6RPxXeJCqCJGHuCJ4GiRVLzkTXBAJMu2qaMWPrS7AANYqdq6vcBcBUdJCVVFceUvJFjaPdGZ2y9WACViL4L"),
        ],
    ),
];

#[test]
fn base58check_decoder_reads_the_first_master_key() {
    // BIP-0032 vector 1, chain m: chain code and key as hex, for the decoder itself.
    let (chain_code, key) = decode_xprv(VECTORS[0].1[0].1);
    assert_eq!(
        hex::encode(chain_code),
        "873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508"
    );
    assert_eq!(
        hex::encode(key),
        "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35"
    );
}

#[test]
fn bip32_test_vectors() {
    for (seed_hex, chains) in VECTORS {
        let seed = hex::decode(seed_hex).unwrap();
        let master = ExtendedPrivateKey::master(&seed).unwrap();
        for (path, xprv) in chains {
            let (chain_code, key) = decode_xprv(xprv);
            let node = master
                .derive_path(&DerivationPath::parse(path).unwrap())
                .unwrap();
            assert_eq!(node.chain_code(), &chain_code, "chain code at {path}");
            assert_eq!(*node.private_key().to_bytes(), key, "private key at {path}");
        }
    }
}

#[test]
fn step_by_step_equals_whole_path() {
    // Vector 1 again, one derive_child at a time.
    let master = ExtendedPrivateKey::master(&hex::decode(VECTORS[0].0).unwrap()).unwrap();
    let steps = [
        ChildNumber::hardened(0).unwrap(),
        ChildNumber::normal(1).unwrap(),
        ChildNumber::hardened(2).unwrap(),
        ChildNumber::normal(2).unwrap(),
        ChildNumber::normal(1_000_000_000).unwrap(),
    ];
    let mut node = master.derive_child(steps[0]).unwrap();
    for (step, (_, xprv)) in steps.iter().zip(VECTORS[0].1.iter().skip(1)).skip(1) {
        node = node.derive_child(*step).unwrap();
        let (chain_code, key) = decode_xprv(xprv);
        assert_eq!(node.chain_code(), &chain_code);
        assert_eq!(*node.private_key().to_bytes(), key);
    }
}

#[test]
fn empty_path_is_the_node_itself() {
    let master = ExtendedPrivateKey::master(&hex::decode(VECTORS[1].0).unwrap()).unwrap();
    let same = master
        .derive_path(&DerivationPath::parse("m").unwrap())
        .unwrap();
    assert!(bool::from(same.private_key().ct_eq(master.private_key())));
    assert_eq!(same.chain_code(), master.chain_code());
}

#[test]
fn seed_length_is_16_to_64_bytes() {
    for len in [0usize, 1, 15, 65, 128] {
        assert!(matches!(
            ExtendedPrivateKey::master(&vec![7u8; len]),
            Err(HdError::BadSeedLength)
        ));
    }
    for len in [16usize, 32, 64] {
        assert!(ExtendedPrivateKey::master(&vec![7u8; len]).is_ok());
    }
}

#[test]
fn metamask_path_helpers_agree() {
    // BIP39 vector "abandon ... about" with the empty passphrase, any seed would do.
    let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \
                  abandon about";
    let seed = Mnemonic::parse(phrase).unwrap().to_seed();
    let parent = account_parent(&seed).unwrap();
    let by_path = ExtendedPrivateKey::master(seed.as_bytes())
        .unwrap()
        .derive_path(&DerivationPath::parse(METAMASK_HD_PATH).unwrap())
        .unwrap();
    assert!(bool::from(
        parent.private_key().ct_eq(by_path.private_key())
    ));
    assert_eq!(parent.chain_code(), by_path.chain_code());
    for i in [0u32, 1, 2, 1000, 0x7fff_ffff] {
        let key = derive_account(&seed, AccountIndex::new(i).unwrap()).unwrap();
        let path = DerivationPath::parse(&format!("{METAMASK_HD_PATH}/{i}")).unwrap();
        let node = ExtendedPrivateKey::master(seed.as_bytes())
            .unwrap()
            .derive_path(&path)
            .unwrap();
        assert!(bool::from(key.ct_eq(node.private_key())), "account {i}");
    }
}

#[test]
fn account_index_refuses_to_wrap() {
    assert_eq!(AccountIndex::new(0).unwrap().get(), 0);
    assert_eq!(AccountIndex::new(0x7fff_ffff).unwrap().get(), 0x7fff_ffff);
    assert_eq!(
        AccountIndex::new(0x8000_0000),
        Err(HdError::IndexOutOfRange)
    );
    assert_eq!(AccountIndex::new(u32::MAX), Err(HdError::IndexOutOfRange));
}

#[test]
fn child_numbers_refuse_to_wrap() {
    assert_eq!(
        ChildNumber::normal(0x8000_0000),
        Err(HdError::IndexOutOfRange)
    );
    assert_eq!(
        ChildNumber::hardened(0x8000_0000),
        Err(HdError::IndexOutOfRange)
    );
    let c = ChildNumber::hardened(0x7fff_ffff).unwrap();
    assert_eq!(c.to_u32(), 0xffff_ffff);
    assert!(c.is_hardened());
    assert_eq!(c.index(), 0x7fff_ffff);
}

#[test]
fn path_parser_accepts() {
    let h = |i| ChildNumber::hardened(i).unwrap();
    let n = |i| ChildNumber::normal(i).unwrap();
    let cases: [(&str, Vec<ChildNumber>); 8] = [
        ("m", vec![]),
        ("m/0", vec![n(0)]),
        ("m/44'/60'/0'/0", vec![h(44), h(60), h(0), n(0)]),
        ("m/44h/60H/0'/0/7", vec![h(44), h(60), h(0), n(0), n(7)]),
        ("m/2147483647", vec![n(0x7fff_ffff)]),
        ("m/2147483647'", vec![h(0x7fff_ffff)]),
        ("m/007", vec![n(7)]),
        ("m/0/1/2/3/4/5", (0..6).map(n).collect()),
    ];
    for (path, components) in cases {
        assert_eq!(
            DerivationPath::parse(path).unwrap().components(),
            components.as_slice(),
            "{path}"
        );
    }
    assert_eq!(
        DerivationPath::parse(METAMASK_HD_PATH).unwrap(),
        DerivationPath::parse("m/44H/60H/0H/0").unwrap()
    );
}

#[test]
fn path_parser_rejects_malformed() {
    for path in [
        "",
        "M",
        "m/",
        "m//0",
        "m/0/",
        "/0",
        "44'/60'",
        "44'/60'/0'/0",
        "n/0",
        "mm/0",
        "m0",
        "m/+1",
        "m/-1",
        "m/0x10",
        "m/1a",
        "m/ 1",
        "m/1 ",
        " m/1",
        "m/1''",
        "m/1'h",
        "m/'",
        "m/h",
        "m/1.5",
        "m/１",
        "m\\0",
        "m/44’",
    ] {
        assert_eq!(
            DerivationPath::parse(path),
            Err(HdError::MalformedPath),
            "{path:?}"
        );
    }
}

#[test]
fn path_parser_refuses_to_wrap() {
    // A library once parsed 2147483648' as 0' (see foundry crates/common/src/wallet.rs).
    for path in [
        "m/2147483648",
        "m/2147483648'",
        "m/2147483648h",
        "m/4294967295",
        "m/4294967296",
        "m/44'/60'/0'/0/2147483648",
        "m/99999999999999999999999999'",
    ] {
        assert_eq!(
            DerivationPath::parse(path),
            Err(HdError::IndexOutOfRange),
            "{path:?}"
        );
    }
}

#[test]
fn hd_errors_are_invalid_argument() {
    let e: keystead::Error = HdError::MalformedPath.into();
    assert_eq!(e.code(), "INVALID_ARGUMENT");
}
