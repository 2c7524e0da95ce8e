//! SLIP-39 Shamir backups: all 45 reference vectors, the word list, the share parser under
//! random input, and split/combine round trips over random group configurations.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::error::Error;
use keystead::hd::ExtendedPrivateKey;
use keystead::slip39::Slip39Error;
use keystead::slip39::{self, ShareInfo};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

mod common;
use common::{decode_xprv, pick, random_scheme, texts, TestRng};

/// `vectors.json` of trezor/python-shamir-mnemonic, copied unchanged (tests/vectors/README.md).
const VECTORS_JSON: &str = include_str!("vectors/slip39.json");
/// Its SHA-256, as recorded in tests/vectors/README.md.
const VECTORS_SHA256: &str = "13ebecebdd869dd2bc2cdf69e7ce3a158cf106cac76c39d17682b1c6cdabbdc4";
/// The SLIP-39 word list the core embeds.
const WORDLIST_TEXT: &str = include_str!("../src/slip39-english.txt");
/// Its SHA-256 (slip-0039/wordlist.txt of satoshilabs/slips).
const WORDLIST_SHA256: &str = "bcc4555340332d169718aed8bf31dd9d5248cb7da6e5d355140ef4f1e601eec3";
/// The passphrase of every valid vector.
const PASSPHRASE: &str = "TREZOR";

/// (description, mnemonics, master secret hex or "" for must-fail, xprv or "").
type Vector = (String, Vec<String>, String, String);

fn vectors() -> Vec<Vector> {
    serde_json::from_str(VECTORS_JSON).unwrap()
}

/// The error each must-fail vector gives, by its number, as read from its description.
fn expected_code(number: usize) -> &'static str {
    // Vectors 21–35 repeat 2–16 with 256-bit secrets.
    let base = if (21..=35).contains(&number) {
        number - 19
    } else {
        number
    };
    match base {
        2 => "SHARE_BAD_CHECKSUM",             // invalid checksum
        3 => "SHARE_BAD_PADDING",              // invalid padding
        5 => "SHARES_TOO_FEW",                 // one share of a 2-of-3
        6..=9 | 12 => "SHARES_DIFFERENT_SETS", // identifiers, iteration exponents, group thresholds, group counts, member thresholds
        10 => "SHARE_BAD_GROUP_PARAMETERS",    // group threshold greater than group count
        11 => "SHARES_DUPLICATE",              // duplicate member indices
        13 => "SHARES_DIGEST_MISMATCH",        // invalid digest
        14 | 15 => "SHARES_TOO_FEW_GROUPS",    // insufficient number of groups
        16 => "SHARES_TOO_FEW",                // enough groups, too few members in one
        39 | 40 => "SHARE_BAD_LENGTH",         // insufficient length, invalid secret length
        _ => panic!("vector {number} is not a must-fail vector"),
    }
}

#[test]
fn vectors_file_is_the_reference_file() {
    assert_eq!(
        hex::encode(Sha256::digest(VECTORS_JSON.as_bytes())),
        VECTORS_SHA256
    );
    let vectors = vectors();
    assert_eq!(vectors.len(), 45);
    assert_eq!(vectors.iter().filter(|v| !v.2.is_empty()).count(), 15);
    for (i, v) in vectors.iter().enumerate() {
        assert!(v.0.starts_with(&format!("{}. ", i + 1)), "{}", v.0);
        assert_eq!(v.2.is_empty(), v.3.is_empty());
    }
}

#[test]
fn valid_vectors_give_the_master_secret_and_the_xprv() {
    let mut checked = 0;
    for (number, (description, mnemonics, secret, xprv)) in (1..).zip(vectors()) {
        if secret.is_empty() {
            continue;
        }
        let master = slip39::combine(&mnemonics, PASSPHRASE)
            .unwrap_or_else(|e| panic!("{description}: {e}"));
        assert_eq!(hex::encode(master.as_bytes()), secret, "{description}");
        // The master secret is the BIP-32 seed: the same master key as the reference.
        let key = ExtendedPrivateKey::master(master.as_bytes()).unwrap();
        let (chain_code, private_key) = decode_xprv(&xprv);
        assert_eq!(key.chain_code(), &chain_code, "{description}");
        assert_eq!(*key.private_key().to_bytes(), private_key, "{description}");
        // Every share parses on its own, and agrees with the others on the common fields.
        let infos: Vec<ShareInfo> = mnemonics
            .iter()
            .map(|m| slip39::inspect(m).unwrap())
            .collect();
        for info in &infos {
            assert_eq!(info.identifier, infos[0].identifier);
            assert_eq!(info.extendable, number >= 42, "{description}");
            assert_eq!(info.word_count, if secret.len() == 32 { 20 } else { 33 });
        }
        // Another passphrase gives another secret (there is no passphrase check).
        let other = slip39::combine(&mnemonics, "").unwrap();
        assert_ne!(hex::encode(other.as_bytes()), secret);
        checked += 1;
    }
    assert_eq!(checked, 15);
}

#[test]
fn invalid_vectors_fail_with_the_right_error() {
    let mut checked = 0;
    for (number, (description, mnemonics, secret, _)) in (1..).zip(vectors()) {
        if !secret.is_empty() {
            continue;
        }
        let error = match slip39::combine(&mnemonics, PASSPHRASE) {
            Ok(_) => panic!("{description}: combined"),
            Err(e) => e,
        };
        assert_eq!(
            error.code(),
            expected_code(number),
            "{description}: {error}"
        );
        checked += 1;
    }
    assert_eq!(checked, 30);
}

#[test]
fn vector_errors_carry_the_details() {
    let v = vectors();
    // 5: one share of a 2-of-3 (group 0).
    assert_eq!(
        slip39::combine(&v[4].1, PASSPHRASE).err(),
        Some(Slip39Error::TooFewShares {
            group_index: 0,
            threshold: 2,
            given: 1
        })
    );
    // 14: one share of a two-group scheme.
    assert!(matches!(
        slip39::combine(&v[13].1, PASSPHRASE),
        Err(Slip39Error::TooFewGroups {
            threshold: 2,
            given: 1
        })
    ));
    // 39 has 19 words, 40 has 21 (a 21-word share would need 12 padding bits).
    assert_eq!(
        slip39::inspect(&v[38].1[0]),
        Err(Slip39Error::BadLength { words: 19 })
    );
    assert_eq!(
        slip39::inspect(&v[39].1[0]),
        Err(Slip39Error::BadLength { words: 21 })
    );
    // The must-fail vectors whose shares are fine one by one still parse one by one.
    for number in [5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16] {
        for m in &v[number - 1].1 {
            slip39::inspect(m).unwrap();
        }
    }
}

#[test]
fn inspect_reads_the_fields_of_a_two_level_share() {
    // Vector 17: shares of a 2-of-? group scheme; "eraser senior" are identifier + exponent.
    let v = vectors();
    let info = slip39::inspect(&v[16].1[0]).unwrap();
    assert_eq!(info.group_threshold, 2);
    assert!(info.group_count >= 2);
    assert!(!info.extendable);
    let infos: Vec<ShareInfo> = v[16]
        .1
        .iter()
        .map(|m| slip39::inspect(m).unwrap())
        .collect();
    // Three shares of one group (its threshold 3) and two of another (threshold 2).
    let mut groups: Vec<(u8, u8, usize)> = Vec::new();
    for i in &infos {
        match groups.iter_mut().find(|g| g.0 == i.group_index) {
            Some(g) => g.2 += 1,
            None => groups.push((i.group_index, i.member_threshold, 1)),
        }
    }
    for (_, threshold, count) in &groups {
        assert_eq!(usize::from(*threshold), *count);
    }
    assert_eq!(groups.len(), 2);
}

#[test]
fn shares_are_case_and_whitespace_tolerant() {
    let v = vectors();
    let shares: Vec<String> = v[3]
        .1
        .iter()
        .map(|m| format!("  {}\n", m.to_uppercase().replace(' ', " \t ")))
        .collect();
    let master = slip39::combine(&shares, PASSPHRASE).unwrap();
    assert_eq!(hex::encode(master.as_bytes()), v[3].2);
}

#[test]
fn wordlist_is_the_slip39_list() {
    assert_eq!(
        hex::encode(Sha256::digest(WORDLIST_TEXT.as_bytes())),
        WORDLIST_SHA256
    );
    let words: Vec<&str> = slip39::wordlist().collect();
    assert_eq!(words.len(), 1024);
    assert_eq!(words, WORDLIST_TEXT.lines().collect::<Vec<_>>());
    // Sorted and unique.
    assert!(words.windows(2).all(|w| w[0] < w[1]));
    // 4 to 8 lower-case letters, and the first four letters identify the word.
    for w in &words {
        assert!((4..=8).contains(&w.len()), "{w}");
        assert!(w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
    }
    let mut prefixes: Vec<&str> = words.iter().map(|w| &w[..4]).collect();
    prefixes.dedup();
    assert_eq!(prefixes.len(), 1024);
    assert_eq!(words[0], "academic");
    assert_eq!(words[1023], "zero");
}

#[test]
fn every_word_is_accepted_and_others_are_not() {
    // The first two words of vector 1 keep their place; the third is replaced by every list
    // word in turn: never an unknown word, and never a panic.
    let v = vectors();
    let share: Vec<&str> = v[0].1[0].split(' ').collect();
    for w in slip39::wordlist() {
        let mut words = share.clone();
        words[2] = w;
        let result = slip39::inspect(&words.join(" "));
        assert!(
            !matches!(result, Err(Slip39Error::UnknownWord { .. })),
            "{w}"
        );
    }
    for bad in ["academi", "academics", "zeros", "abandon", "", "acadé"] {
        let mut words = share.clone();
        words[5] = bad;
        let text = words.join(" ");
        let expected = if bad.is_empty() {
            Slip39Error::BadLength { words: 19 }
        } else {
            Slip39Error::UnknownWord { position: 6 }
        };
        assert_eq!(slip39::inspect(&text), Err(expected), "{bad}");
    }
}

#[test]
fn random_schemes_round_trip() {
    let mut rng = TestRng::new(39);
    for case in 0..40 {
        let len = [16, 32, 64, 2 * rng.range(8, 32)][case % 4];
        let secret = rng.bytes(len);
        let passphrase: String = (0..rng.range(0, 12))
            .map(|_| char::from(rng.range(32, 126) as u8))
            .collect();
        let (group_threshold, groups) = random_scheme(&mut rng);
        let extendable = case % 3 != 0;
        let mut seed = TestRng::new(1000 + case as u64);
        let split = slip39::split_with_rng(
            &secret,
            &passphrase,
            group_threshold,
            &groups,
            0,
            extendable,
            |b| {
                seed.fill(b);
                Ok(())
            },
        )
        .unwrap();
        let shares = texts(&split);
        assert_eq!(shares.len(), groups.len());
        for (g, (members, &(threshold, count))) in shares.iter().zip(&groups).enumerate() {
            assert_eq!(members.len(), usize::from(count));
            for (m, share) in members.iter().enumerate() {
                let info = slip39::inspect(share).unwrap();
                assert_eq!(
                    (info.group_index, info.member_index, info.member_threshold),
                    (g as u8, m as u8, threshold)
                );
                assert_eq!(info.group_threshold, group_threshold);
                assert_eq!(usize::from(info.group_count), groups.len());
                assert_eq!(info.extendable, extendable);
                assert_eq!(info.iteration_exponent, 0);
            }
        }
        for _ in 0..3 {
            let picked = pick(&mut rng, group_threshold, &groups, &shares);
            let master = slip39::combine(&picked, &passphrase).unwrap();
            assert_eq!(master.as_bytes(), secret.as_slice(), "case {case}");
        }
        // One share short of a group that needs two or more: too few.
        if let Some(g) = groups.iter().position(|&(t, _)| t >= 2) {
            if group_threshold as usize == groups.len() || group_threshold == 1 {
                let mut picked: Vec<String> = Vec::new();
                let mut others: Vec<usize> = (0..groups.len()).filter(|&o| o != g).collect();
                others.truncate(usize::from(group_threshold) - 1);
                for o in others {
                    picked.extend(shares[o].iter().take(groups[o].0.into()).cloned());
                }
                picked.extend(shares[g].iter().take(usize::from(groups[g].0) - 1).cloned());
                assert_eq!(
                    slip39::combine(&picked, &passphrase)
                        .err()
                        .map(|e| e.code()),
                    Some("SHARES_TOO_FEW"),
                    "case {case}"
                );
            }
        }
    }
}

#[test]
fn iteration_exponent_and_extendable_flag_change_the_encryption() {
    let secret = [0x42u8; 16];
    let split = |e: u8, extendable: bool, seed: u64| {
        let mut rng = TestRng::new(seed);
        let groups = slip39::split_with_rng(&secret, "pw", 1, &[(1, 1)], e, extendable, |b| {
            rng.fill(b);
            Ok(())
        })
        .unwrap();
        groups[0][0].as_str().to_owned()
    };
    // 1-of-1: the share value is the encrypted master secret itself.
    let value = |share: &str| {
        share
            .split(' ')
            .skip(4)
            .take(13)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (split(0, true, 1), split(0, true, 2));
    assert_ne!(
        slip39::inspect(&a).unwrap().identifier,
        slip39::inspect(&b).unwrap().identifier
    );
    // Extendable: the identifier is not in the salt, so two sets carry the same encryption.
    assert_eq!(value(&a), value(&b));
    // Not extendable: it is, so they differ; and so does another iteration exponent.
    assert_ne!(value(&split(0, false, 1)), value(&split(0, false, 2)));
    assert_ne!(value(&split(0, true, 1)), value(&split(1, true, 1)));
    for share in [a, b, split(2, false, 3)] {
        let master = slip39::combine(&[share], "pw").unwrap();
        assert_eq!(master.as_bytes(), &secret);
    }
}

#[test]
fn shares_of_two_sets_with_one_identifier_fail_the_digest() {
    // The same randomness gives the same identifier; the secrets differ, so a share of each
    // looks like one set but the digest does not match (what vectors 13 and 32 test).
    let make = |secret: &[u8]| {
        let mut rng = TestRng::new(7);
        texts(
            &slip39::split_with_rng(secret, "", 1, &[(2, 3)], 0, true, |b| {
                rng.fill(b);
                Ok(())
            })
            .unwrap(),
        )
    };
    let (a, b) = (make(&[1u8; 16]), make(&[2u8; 16]));
    assert_eq!(
        slip39::inspect(&a[0][0]).unwrap().identifier,
        slip39::inspect(&b[0][1]).unwrap().identifier
    );
    assert_eq!(
        slip39::combine(&[&a[0][0], &b[0][1]], "").err(),
        Some(Slip39Error::DigestMismatch)
    );
    assert_eq!(
        slip39::combine(&[&a[0][0], &a[0][1]], "")
            .unwrap()
            .as_bytes(),
        &[1u8; 16]
    );
}

#[test]
fn combine_checks_the_share_set() {
    let mut rng = TestRng::new(11);
    let mut fill = |b: &mut [u8]| {
        rng.fill(b);
        Ok(())
    };
    let shares = texts(
        &slip39::split_with_rng(
            &[9u8; 32],
            "",
            2,
            &[(2, 2), (1, 1), (3, 4)],
            0,
            true,
            &mut fill,
        )
        .unwrap(),
    );
    let none: [&str; 0] = [];
    assert_eq!(
        slip39::combine(&none, "").err(),
        Some(Slip39Error::NoShares)
    );
    assert_eq!(
        slip39::combine(&[&shares[0][0], &shares[0][0], &shares[1][0]], "").err(),
        Some(Slip39Error::DuplicateShare {
            group_index: 0,
            member_index: 0
        })
    );
    assert_eq!(
        slip39::combine(
            &[&shares[0][0], &shares[0][1], &shares[1][0], &shares[2][0]],
            ""
        )
        .err(),
        Some(Slip39Error::TooManyGroups {
            threshold: 2,
            given: 3
        })
    );
    assert_eq!(
        slip39::combine(
            &[
                &shares[2][0],
                &shares[2][1],
                &shares[2][2],
                &shares[2][3],
                &shares[1][0]
            ],
            ""
        )
        .err(),
        Some(Slip39Error::TooManyShares {
            group_index: 2,
            threshold: 3,
            given: 4
        })
    );
    assert_eq!(
        slip39::combine(
            &[&shares[2][3], &shares[2][1], &shares[2][0], &shares[1][0]],
            ""
        )
        .unwrap()
        .as_bytes(),
        &[9u8; 32]
    );
    let other = texts(&slip39::split(&[9u8; 32], "", 1, &[(2, 2)], 0, true).unwrap());
    assert_eq!(
        slip39::combine(&[&shares[0][0], &other[0][1]], "").err(),
        Some(Slip39Error::DifferentSets)
    );
    assert_eq!(
        slip39::combine(&[&shares[1][0]], "é")
            .err()
            .map(|e| e.code()),
        Some("INVALID_ARGUMENT")
    );
}

/// (master secret, passphrase, group threshold, groups, iteration exponent).
type SplitCase<'a> = (&'a [u8], &'a str, u8, &'a [(u8, u8)], u8);

#[test]
fn split_refuses_bad_parameters() {
    let ok = [7u8; 16];
    let cases: [SplitCase; 12] = [
        (&[7u8; 14], "", 1, &[(1, 1)], 0), // secret too short
        (&[7u8; 17], "", 1, &[(1, 1)], 0), // odd length
        (&[7u8; 66], "", 1, &[(1, 1)], 0), // longer than a BIP-32 seed
        (&ok, "naïve", 1, &[(1, 1)], 0),   // not ascii
        (&ok, "tab\t", 1, &[(1, 1)], 0),   // not printable
        (&ok, "", 0, &[(1, 1)], 0),        // group threshold 0
        (&ok, "", 2, &[(1, 1)], 0),        // group threshold above the group count
        (&ok, "", 1, &[], 0),              // no groups
        (&ok, "", 1, &[(1, 1); 17], 0),    // 17 groups
        (&ok, "", 1, &[(3, 2)], 0),        // member threshold above the count
        (&ok, "", 1, &[(1, 3)], 0),        // 1-of-3: SLIP-39 says abort
        (&ok, "", 1, &[(2, 17)], 0),       // 17 members
    ];
    for (i, (secret, passphrase, gt, groups, e)) in cases.into_iter().enumerate() {
        let err = slip39::split(secret, passphrase, gt, groups, e, true).err();
        assert!(
            matches!(err, Some(Slip39Error::BadParameter { .. })),
            "case {i}: {err:?}"
        );
    }
    assert!(matches!(
        slip39::split(&ok, "", 1, &[(1, 1)], 16, true),
        Err(Slip39Error::BadParameter { .. })
    ));
    // A failing random source is reported, not papered over.
    assert_eq!(
        slip39::split_with_rng(&ok, "", 1, &[(1, 1)], 0, true, |_| Err(
            Slip39Error::RandomUnavailable
        ))
        .err(),
        Some(Slip39Error::RandomUnavailable)
    );
    // 16 groups of 16 is the largest scheme.
    let all = slip39::split(&ok, "", 16, &[(16, 16); 16], 0, true).unwrap();
    assert_eq!(all.iter().map(Vec::len).sum::<usize>(), 256);
}

#[test]
fn errors_have_stable_codes_and_lower_case_messages() {
    let errors = [
        Slip39Error::UnknownWord { position: 3 },
        Slip39Error::BadLength { words: 21 },
        Slip39Error::BadChecksum,
        Slip39Error::BadPadding,
        Slip39Error::BadGroupParameters,
        Slip39Error::NoShares,
        Slip39Error::DifferentSets,
        Slip39Error::DuplicateShare {
            group_index: 0,
            member_index: 1,
        },
        Slip39Error::TooFewShares {
            group_index: 1,
            threshold: 3,
            given: 2,
        },
        Slip39Error::TooManyShares {
            group_index: 1,
            threshold: 3,
            given: 4,
        },
        Slip39Error::TooFewGroups {
            threshold: 2,
            given: 1,
        },
        Slip39Error::TooManyGroups {
            threshold: 2,
            given: 3,
        },
        Slip39Error::DigestMismatch,
        Slip39Error::BadParameter { reason: "x" },
        Slip39Error::RandomUnavailable,
    ];
    let mut codes = Vec::new();
    for e in errors {
        let message = e.to_string();
        assert_eq!(message, message.to_lowercase(), "{message}");
        assert_eq!(Error::from(e.clone()).code(), e.code());
        assert_eq!(Error::from(e.clone()).to_string(), message);
        codes.push(e.code());
    }
    assert_eq!(
        Slip39Error::TooFewShares {
            group_index: 1,
            threshold: 3,
            given: 2
        }
        .to_string(),
        "group 2 needs 3 shares, 2 given"
    );
    codes.sort_unstable();
    codes.dedup();
    // Every variant but the two caller-side failures has its own code.
    assert_eq!(codes.len(), 14);
}

/// A valid 20-word share to mutate.
fn sample_share() -> String {
    vectors()[0].1[0].clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text: an error or a share, never a panic.
    #[test]
    fn parser_survives_any_text(text in ".{0,400}") {
        let _ = slip39::inspect(&text);
        let _ = slip39::combine(&[&text, &text], "");
    }

    /// Any sequence of list words (any length): never a panic; a random 20- or 33-word
    /// sequence almost never has a valid checksum.
    #[test]
    fn parser_survives_word_sequences(indices in proptest::collection::vec(0usize..1024, 0..70)) {
        let words: Vec<&str> = slip39::wordlist().collect();
        let text = indices.iter().map(|&i| words[i]).collect::<Vec<_>>().join(" ");
        if let Err(Slip39Error::BadLength { words }) = slip39::inspect(&text) {
            prop_assert_eq!(words, indices.len());
        }
    }

    /// One to three words changed: RS1024 detects every such error.
    #[test]
    fn checksum_catches_up_to_three_wrong_words(
        changes in proptest::collection::vec((0usize..20, 0usize..1024), 1..=3)
    ) {
        let words: Vec<&str> = slip39::wordlist().collect();
        let share = sample_share();
        let mut mutated: Vec<&str> = share.split(' ').collect();
        for &(position, index) in &changes {
            mutated[position] = words[index];
        }
        let text = mutated.join(" ");
        if text != share {
            prop_assert_eq!(slip39::inspect(&text), Err(Slip39Error::BadChecksum));
        }
    }

    /// Random bytes in a share's place: an error, never a panic, never a wrong secret
    /// accepted as a valid share set of another size.
    #[test]
    fn combine_survives_random_share_lists(
        picks in proptest::collection::vec(0usize..45, 0..6),
        drop_word in 0usize..40,
    ) {
        let vectors = vectors();
        let mut shares: Vec<String> = picks
            .iter()
            .filter_map(|&i| vectors[i].1.first().cloned())
            .collect();
        if let Some(first) = shares.first_mut() {
            let mut words: Vec<&str> = first.split(' ').collect();
            if drop_word < words.len() {
                words.remove(drop_word);
            }
            *first = words.join(" ");
        }
        let _ = slip39::combine(&shares, PASSPHRASE);
    }
}
