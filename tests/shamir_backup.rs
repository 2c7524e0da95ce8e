//! A Shamir wallet's master secret and share set (`src/shamir_backup.rs`): sets made here come
//! back identical and combine to the master secret, typed shares are checked against the wallet
//! (one share: member or not; several: restores or not), the iteration exponent is capped, and
//! the keyring entry refuses malformed data without panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::error::Error;
use keystead::shamir_backup::{
    self, Scheme, ShamirBackup, ShareCheck, MAX_ACCEPTED_ITERATION_EXPONENT,
};
use keystead::slip39;
use proptest::prelude::*;

mod common;
use common::{pick, texts, TestRng};

fn scheme(group_threshold: u8, groups: &[(u8, u8)]) -> Scheme {
    Scheme {
        group_threshold,
        groups: groups.to_vec(),
    }
}

fn code<T>(r: Result<T, Error>) -> &'static str {
    r.err().map(|e| e.code()).unwrap_or("ok")
}

/// Every share of a set as owned strings.
fn shares_of(backup: &ShamirBackup) -> Vec<Vec<String>> {
    texts(&backup.shares().unwrap())
}

#[test]
fn a_new_set_is_extendable_at_exponent_one_and_combines_to_the_seed() {
    for (bytes, words) in [(16, 20), (32, 33)] {
        let backup = ShamirBackup::create(&scheme(1, &[(2, 3)]), bytes).unwrap();
        assert_eq!(backup.seed().len(), bytes);
        let set = backup.set();
        assert!(set.extendable);
        assert_eq!(set.iteration_exponent, 1);
        assert_eq!((set.group_threshold, set.group_count), (1, 1));
        assert_eq!(set.groups.as_deref(), Some(&[(2, 3)][..]));
        assert!(!set.passphrase);
        assert_eq!(set.word_count, words);
        let shares = shares_of(&backup);
        assert_eq!(shares.len(), 1);
        assert_eq!(shares[0].len(), 3);
        for (m, share) in shares[0].iter().enumerate() {
            let info = slip39::inspect(share).unwrap();
            assert_eq!(info.identifier, set.identifier);
            assert_eq!(info.member_index, m as u8);
            assert_eq!(info.word_count, words);
        }
        // Every pair of the three restores the seed.
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            let pair = [&shares[0][a], &shares[0][b]];
            assert_eq!(
                slip39::combine(&pair, "").unwrap().as_bytes(),
                backup.seed()
            );
            let restored = ShamirBackup::restore(&pair, "").unwrap();
            assert_eq!(restored.seed(), backup.seed());
        }
    }
}

#[test]
fn shares_come_back_identical_and_differ_between_wallets() {
    let backup = ShamirBackup::create(&scheme(2, &[(2, 3), (3, 5), (1, 1)]), 16).unwrap();
    let first = shares_of(&backup);
    assert_eq!(first, shares_of(&backup), "the same shares at every reveal");
    let other = ShamirBackup::create(&scheme(2, &[(2, 3), (3, 5), (1, 1)]), 16).unwrap();
    assert_ne!(first, shares_of(&other));
    let mut rng = TestRng::new(7);
    for _ in 0..5 {
        let picked = pick(&mut rng, 2, &[(2, 3), (3, 5), (1, 1)], &first);
        assert_eq!(
            slip39::combine(&picked, "").unwrap().as_bytes(),
            backup.seed()
        );
    }
}

#[test]
fn bad_schemes_and_lengths_are_refused() {
    for (t, groups) in [
        (0, vec![(2, 3)]),
        (2, vec![(2, 3)]),
        (1, vec![(1, 3)]),
        (1, vec![(4, 3)]),
        (1, vec![(2, 17)]),
        (1, vec![]),
        (1, vec![(1, 1); 17]),
    ] {
        assert_eq!(
            code(ShamirBackup::create(&scheme(t, &groups), 16)),
            "INVALID_ARGUMENT"
        );
    }
    for bytes in [0, 15, 20, 24, 64] {
        assert_eq!(
            code(ShamirBackup::create(&scheme(1, &[(2, 3)]), bytes)),
            "INVALID_ARGUMENT"
        );
    }
}

#[test]
fn one_share_says_which_member_it_is() {
    let backup = ShamirBackup::create(&scheme(2, &[(2, 3), (2, 2)]), 16).unwrap();
    let shares = shares_of(&backup);
    for (g, group) in shares.iter().enumerate() {
        for (m, share) in group.iter().enumerate() {
            // Typed with other case and spacing, it is still that member.
            let typed = format!("  {}  ", share.to_uppercase().replace(' ', "\n "));
            match backup.check(&[typed], "").unwrap() {
                ShareCheck::Member { info, exact } => {
                    assert!(exact);
                    assert_eq!((info.group_index, info.member_index), (g as u8, m as u8));
                }
                other => panic!("share {g}/{m}: {other:?}"),
            }
        }
    }
}

#[test]
fn a_share_of_another_set_or_a_forgery_is_not_a_member() {
    let backup = ShamirBackup::create(&scheme(1, &[(2, 3)]), 16).unwrap();
    let other = ShamirBackup::create(&scheme(1, &[(2, 3)]), 16).unwrap();
    let theirs = shares_of(&other);
    assert!(matches!(
        backup.check(&[&theirs[0][0]], "").unwrap(),
        ShareCheck::OtherSet { .. }
    ));
    // A set of another secret with this wallet's identifier and fields: every public field
    // matches, only the words give it away.
    let id = backup.set().identifier.to_be_bytes();
    let mut rng = TestRng::new(99);
    let mut first = true;
    let forged = slip39::split_with_rng(&[7u8; 16], "", 1, &[(2, 3)], 1, true, |b| {
        // The first 2 bytes drawn are the identifier.
        if first {
            b.copy_from_slice(&id);
            first = false;
        } else {
            rng.fill(b);
        }
        Ok(())
    })
    .unwrap();
    let forged = texts(&forged);
    assert_eq!(
        slip39::inspect(&forged[0][1]).unwrap().identifier,
        backup.set().identifier
    );
    match backup.check(&[&forged[0][1]], "").unwrap() {
        ShareCheck::NotMember { info } => assert_eq!(info.member_index, 1),
        other => panic!("{other:?}"),
    }
    // Two of them combine, but not to this wallet.
    assert_eq!(
        backup.check(&[&forged[0][0], &forged[0][2]], "").unwrap(),
        ShareCheck::DoesNotRestore
    );
}

#[test]
fn several_shares_restore_or_say_what_is_wrong() {
    let backup = ShamirBackup::create(&scheme(1, &[(3, 5)]), 32).unwrap();
    let shares = shares_of(&backup);
    let three = [&shares[0][4], &shares[0][0], &shares[0][2]];
    assert_eq!(backup.check(&three, "").unwrap(), ShareCheck::Restores);
    // Another passphrase gives another secret.
    assert_eq!(
        backup.check(&three, "TREZOR").unwrap(),
        ShareCheck::DoesNotRestore
    );
    assert_eq!(code(backup.check(&three[..2], "")), "SHARES_TOO_FEW");
    assert_eq!(
        code(backup.check(&[&shares[0][0], &shares[0][0]], "")),
        "SHARES_DUPLICATE"
    );
    assert_eq!(code(backup.check::<&str>(&[], "")), "SHARES_NONE");
    let other = shares_of(&ShamirBackup::create(&scheme(1, &[(3, 5)]), 32).unwrap());
    assert_eq!(
        code(backup.check(&[&shares[0][0], &shares[0][1], &other[0][2]], "")),
        "SHARES_DIFFERENT_SETS"
    );
    let mut typo: Vec<&str> = shares[0][0].split(' ').collect();
    typo[5] = if typo[5] == "acid" {
        "academic"
    } else {
        "acid"
    };
    let typo = typo.join(" ");
    assert_eq!(code(backup.check(&[&typo], "")), "SHARE_BAD_CHECKSUM");
    assert_eq!(
        code(backup.check(&[&typo, &shares[0][1], &shares[0][2]], "")),
        "SHARE_BAD_CHECKSUM"
    );
    assert_eq!(code(backup.check(&["not a share"], "")), "SHARE_BAD_LENGTH");
}

#[test]
fn a_restored_wallet_keeps_its_set_but_cannot_show_its_shares() {
    let made = ShamirBackup::create(&scheme(1, &[(2, 3)]), 16).unwrap();
    let shares = shares_of(&made);
    let restored = ShamirBackup::restore(&[&shares[0][2], &shares[0][0]], "secret words").unwrap();
    assert_ne!(
        restored.seed(),
        made.seed(),
        "a passphrase gives another wallet"
    );
    let set = restored.set();
    assert_eq!(set.identifier, made.set().identifier);
    assert_eq!(set.groups, None);
    assert!(set.passphrase);
    assert_eq!(code(restored.shares()), "SHARES_MADE_ELSEWHERE");
    // One share: only its set's fields can be compared.
    assert_eq!(
        restored.check(&[&shares[0][1]], "").unwrap(),
        ShareCheck::Member {
            info: slip39::inspect(&shares[0][1]).unwrap(),
            exact: false
        }
    );
    assert_eq!(
        restored
            .check(&[&shares[0][1], &shares[0][2]], "secret words")
            .unwrap(),
        ShareCheck::Restores
    );
    assert_eq!(
        restored.check(&[&shares[0][1], &shares[0][2]], "").unwrap(),
        ShareCheck::DoesNotRestore
    );
    assert_eq!(
        code(ShamirBackup::restore(&[&shares[0][0]], "")),
        "SHARES_TOO_FEW"
    );
    assert_eq!(
        code(ShamirBackup::restore(&[&shares[0][0], &shares[0][1]], "é")),
        "INVALID_ARGUMENT"
    );
}

#[test]
fn shares_above_the_iteration_cap_are_refused_before_any_pbkdf2() {
    let mut rng = TestRng::new(5);
    // Just above the cap (splitting at 15 here would itself run 327,680,000 rounds).
    let e = MAX_ACCEPTED_ITERATION_EXPONENT + 1;
    let split = slip39::split_with_rng(&[1u8; 16], "", 1, &[(2, 2)], e, true, |b| {
        rng.fill(b);
        Ok(())
    })
    .unwrap();
    let shares = texts(&split);
    // Refused before the 1,280,000 rounds this exponent needs.
    assert_eq!(
        code(ShamirBackup::restore(&shares[0], "")),
        "SHARE_TOO_MANY_ITERATIONS"
    );
    assert_eq!(
        code(shamir_backup::validate_shares(&shares[0])),
        "SHARE_TOO_MANY_ITERATIONS"
    );
    let backup = ShamirBackup::create(&scheme(1, &[(2, 2)]), 16).unwrap();
    assert_eq!(
        code(backup.check(&shares[0], "")),
        "SHARE_TOO_MANY_ITERATIONS"
    );
    // One share is only read, never decrypted: it is simply another set's.
    assert!(matches!(
        backup.check(&shares[0][..1], "").unwrap(),
        ShareCheck::OtherSet { .. }
    ));
    let many = vec!["x"; 257];
    assert_eq!(
        code(shamir_backup::validate_shares(&many)),
        "INVALID_ARGUMENT"
    );
}

#[test]
fn the_reference_vectors_restore() {
    // Vector 1 of trezor/python-shamir-mnemonic (passphrase "TREZOR").
    let share = "duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard";
    let backup = ShamirBackup::restore(&[share], "TREZOR").unwrap();
    assert_eq!(
        hex::encode(backup.seed()),
        "bb54aac4b89dc868ba37d9cc21b2cece"
    );
    assert_eq!(backup.set().word_count, 20);
    assert_eq!(shamir_backup::validate_shares(&[share]), Ok(()));
}

#[test]
fn keyring_data_is_checked() {
    let good = r#"{"masterSecret":"00112233445566778899aabbccddeeff","numberOfAccounts":2,"hdPath":"m/44'/60'/0'/0","shareSet":{"identifier":7,"extendable":true,"iterationExponent":1,"groupThreshold":1,"groupCount":1,"groups":[[2,3]],"passphrase":false}}"#;
    let data = ShamirBackup::read(good).unwrap();
    assert_eq!(data.number_of_accounts, Some(2));
    assert_eq!(data.hd_path.as_deref(), Some("m/44'/60'/0'/0"));
    assert_eq!(
        hex::encode(data.backup.seed()),
        "00112233445566778899aabbccddeeff"
    );
    assert_eq!(data.backup.set().identifier, 7);
    for (from, to) in [
        (
            "00112233445566778899aabbccddeeff",
            "00112233445566778899aabbccddee",
        ),
        ("00112233445566778899aabbccddeeff", "0011223344556677"),
        (
            "00112233445566778899aabbccddeeff",
            "00112233445566778899aabbccddeegg",
        ),
        (
            "00112233445566778899aabbccddeeff",
            "00112233445566778899aabbccddeeff00",
        ),
        (r#""identifier":7"#, r#""identifier":32768"#),
        (r#""iterationExponent":1"#, r#""iterationExponent":7"#),
        (r#""groupThreshold":1"#, r#""groupThreshold":2"#),
        (r#""groupCount":1"#, r#""groupCount":0"#),
        (r#""groupCount":1"#, r#""groupCount":2"#),
        ("[[2,3]]", "[[1,3]]"),
        ("[[2,3]]", "[[2,3],[2,3]]"),
        (r#""passphrase":false"#, r#""passphrase":true"#),
        (r#""masterSecret":"#, r#""secret":"#),
        (r#""shareSet""#, r#""set""#),
    ] {
        let bad = good.replace(from, to);
        assert_ne!(bad, good);
        assert_eq!(
            code(ShamirBackup::read(&bad).map(|_| ())),
            "MALFORMED_VAULT",
            "{to}"
        );
    }
    // A restored set (no groups) may have had a passphrase.
    let restored = good.replace(
        r#","groups":[[2,3]],"passphrase":false"#,
        r#","passphrase":true"#,
    );
    let data = ShamirBackup::read(&restored).unwrap();
    assert!(data.backup.set().passphrase);
    assert_eq!(code(data.backup.shares()), "SHARES_MADE_ELSEWHERE");
}

#[test]
fn errors_have_stable_codes_and_lower_case_messages() {
    for e in [
        shamir_backup::ShamirError::MadeElsewhere,
        shamir_backup::ShamirError::NotShamir,
        shamir_backup::ShamirError::TooManyIterations { exponent: 9 },
    ] {
        let message = Error::from(e.clone()).to_string();
        assert_eq!(message, message.to_lowercase(), "{message}");
        assert_eq!(Error::from(e.clone()).code(), e.code());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn keyring_data_reader_survives_any_text(text in ".{0,300}") {
        let _ = ShamirBackup::read(&text);
    }

    #[test]
    fn keyring_data_reader_survives_any_fields(
        secret in "[0-9a-fA-Fg]{0,140}",
        identifier in any::<i32>(),
        exponent in any::<i16>(),
        threshold in any::<i16>(),
        count in any::<i16>(),
        groups in proptest::collection::vec((any::<u8>(), any::<u8>()), 0..20),
    ) {
        let groups: Vec<String> = groups.iter().map(|(t, n)| format!("[{t},{n}]")).collect();
        let text = format!(
            r#"{{"masterSecret":"{secret}","shareSet":{{"identifier":{identifier},"extendable":true,"iterationExponent":{exponent},"groupThreshold":{threshold},"groupCount":{count},"groups":[{}]}}}}"#,
            groups.join(",")
        );
        if let Ok(data) = ShamirBackup::read(&text) {
            // Whatever it accepts, it can make shares of.
            let _ = data.backup.shares().unwrap();
        }
    }

    #[test]
    fn checks_survive_random_share_lists(
        indices in proptest::collection::vec(proptest::collection::vec(0usize..1024, 18..35), 0..4),
    ) {
        let backup = ShamirBackup::create(&scheme(1, &[(2, 3)]), 16).unwrap();
        let words: Vec<&str> = slip39::wordlist().collect();
        let typed: Vec<String> = indices
            .iter()
            .map(|share| share.iter().map(|&i| words[i]).collect::<Vec<_>>().join(" "))
            .collect();
        let _ = backup.check(&typed, "");
        let _ = ShamirBackup::restore(&typed, "");
    }
}
