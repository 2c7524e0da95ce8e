//! Differential test of SLIP-39 against the reference implementation, trezor's Python package
//! `shamir-mnemonic` (PyPI), pinned in scripts/setup.sh and installed by `make setup` into
//! `.tools/venv`: random secrets split by Keystead are combined by the reference, and shares
//! made by the reference are combined by Keystead, over random schemes, passphrases, lengths
//! and flags (seeded, so a failure can be replayed). The parsed fields of each share must agree
//! too.
//!
//! Fails (does not skip) when the venv is missing: run `make setup`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use keystead::slip39;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

mod common;
use common::{pick, random_scheme, texts, TestRng};

/// Cases in each direction.
const CASES: u64 = 24;

/// A driver for the reference package: one JSON request per line in, one JSON answer out.
const DRIVER: &str = r#"
import importlib.metadata, json, sys
import shamir_mnemonic as sm
for line in sys.stdin:
    req = json.loads(line)
    try:
        op = req["op"]
        if op == "version":
            out = {"version": importlib.metadata.version("shamir-mnemonic")}
        elif op == "split":
            out = {"groups": sm.generate_mnemonics(
                req["group_threshold"], [tuple(g) for g in req["groups"]],
                bytes.fromhex(req["secret"]), req["passphrase"].encode("ascii"),
                extendable=req["extendable"], iteration_exponent=req["iteration_exponent"])}
        elif op == "combine":
            out = {"secret": sm.combine_mnemonics(
                req["mnemonics"], req["passphrase"].encode("ascii")).hex()}
        elif op == "inspect":
            s = sm.Share.from_mnemonic(req["mnemonic"])
            out = {"fields": [s.identifier, s.extendable, s.iteration_exponent, s.group_index,
                              s.group_threshold, s.group_count, s.index, s.member_threshold]}
        else:
            out = {"error": "unknown op"}
    except Exception as e:
        out = {"error": type(e).__name__ + ": " + str(e)}
    print(json.dumps(out), flush=True)
"#;

/// The running reference driver.
struct Reference {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Reference {
    /// Starts the venv's Python with the driver, or fails saying how to install it.
    fn start() -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let python = root.join(".tools/venv/bin/python");
        assert!(
            python.exists(),
            "the SLIP-39 reference implementation is not installed (no .tools/venv/bin/python): \
             run `make setup`, which installs the pinned shamir-mnemonic into .tools/venv"
        );
        let mut child = Command::new(&python)
            .args(["-c", DRIVER])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}; run `make setup`", python.display()));
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut reference = Self {
            child,
            stdin,
            stdout,
        };
        // The pinned version is the one in scripts/setup.sh.
        let setup = include_str!("../scripts/setup.sh");
        let pinned = setup
            .lines()
            .find_map(|l| l.strip_prefix("SHAMIR_MNEMONIC_VERSION=\""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("scripts/setup.sh pins SHAMIR_MNEMONIC_VERSION");
        let answer = reference.ask(&json!({ "op": "version" }));
        assert_eq!(
            answer["version"].as_str(),
            Some(pinned),
            "the venv has another shamir-mnemonic than scripts/setup.sh pins ({answer}): run \
             `make setup`"
        );
        reference
    }

    /// Sends one request and reads its answer.
    fn ask(&mut self, request: &Value) -> Value {
        writeln!(self.stdin, "{request}").unwrap();
        self.stdin.flush().unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        assert!(
            !line.is_empty(),
            "the reference driver stopped (see stderr)"
        );
        serde_json::from_str(&line).unwrap()
    }
}

impl Drop for Reference {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A random case: secret, printable-ASCII passphrase, scheme, iteration exponent, flag.
struct Case {
    secret: Vec<u8>,
    passphrase: String,
    group_threshold: u8,
    groups: Vec<(u8, u8)>,
    iteration_exponent: u8,
    extendable: bool,
}

fn random_case(rng: &mut TestRng, n: u64) -> Case {
    let len = [16, 32, 64, 2 * rng.range(8, 32)][(n % 4) as usize];
    let (group_threshold, groups) = random_scheme(rng);
    Case {
        secret: rng.bytes(len),
        passphrase: (0..rng.range(0, 16))
            .map(|_| char::from(rng.range(32, 126) as u8))
            .collect(),
        group_threshold,
        groups,
        // Mostly 0 to keep PBKDF2 short; every fourth case uses the reference's default of 1.
        iteration_exponent: u8::from(n % 4 == 3),
        extendable: n % 3 != 0,
    }
}

/// The fields both sides read from a share, in the driver's order.
fn keystead_fields(mnemonic: &str) -> Value {
    let i = slip39::inspect(mnemonic).unwrap();
    json!([
        i.identifier,
        i.extendable,
        i.iteration_exponent,
        i.group_index,
        i.group_threshold,
        i.group_count,
        i.member_index,
        i.member_threshold
    ])
}

#[test]
fn keystead_shares_combine_in_the_reference() {
    let mut reference = Reference::start();
    let mut rng = TestRng::new(0x5139_0001);
    for n in 0..CASES {
        let case = random_case(&mut rng, n);
        let mut split_rng = TestRng::new(n);
        let shares = texts(
            &slip39::split_with_rng(
                &case.secret,
                &case.passphrase,
                case.group_threshold,
                &case.groups,
                case.iteration_exponent,
                case.extendable,
                |b| {
                    split_rng.fill(b);
                    Ok(())
                },
            )
            .unwrap(),
        );
        let picked = pick(&mut rng, case.group_threshold, &case.groups, &shares);
        let answer = reference.ask(&json!({
            "op": "combine", "mnemonics": picked, "passphrase": case.passphrase,
        }));
        assert_eq!(
            answer["secret"].as_str(),
            Some(hex::encode(&case.secret).as_str()),
            "case {n}: {answer}"
        );
        for share in &picked {
            let answer = reference.ask(&json!({ "op": "inspect", "mnemonic": share }));
            assert_eq!(answer["fields"], keystead_fields(share), "case {n}");
        }
    }
}

#[test]
fn reference_shares_combine_in_keystead() {
    let mut reference = Reference::start();
    let mut rng = TestRng::new(0x5139_0002);
    for n in 0..CASES {
        let case = random_case(&mut rng, n);
        let answer = reference.ask(&json!({
            "op": "split",
            "secret": hex::encode(&case.secret),
            "passphrase": case.passphrase,
            "group_threshold": case.group_threshold,
            "groups": case.groups,
            "extendable": case.extendable,
            "iteration_exponent": case.iteration_exponent,
        }));
        let shares: Vec<Vec<String>> = serde_json::from_value(answer["groups"].clone())
            .unwrap_or_else(|e| panic!("case {n}: {e}: {answer}"));
        assert_eq!(shares.len(), case.groups.len());
        let picked = pick(&mut rng, case.group_threshold, &case.groups, &shares);
        let master =
            slip39::combine(&picked, &case.passphrase).unwrap_or_else(|e| panic!("case {n}: {e}"));
        assert_eq!(master.as_bytes(), case.secret.as_slice(), "case {n}");
        for share in &picked {
            let answer = reference.ask(&json!({ "op": "inspect", "mnemonic": share }));
            assert_eq!(answer["fields"], keystead_fields(share), "case {n}");
        }
        // A wrong passphrase gives another secret on both sides, the same one.
        let wrong = format!("{}!", case.passphrase);
        let theirs = reference.ask(&json!({
            "op": "combine", "mnemonics": picked, "passphrase": wrong,
        }));
        let ours = slip39::combine(&picked, &wrong).unwrap();
        assert_ne!(ours.as_bytes(), case.secret.as_slice());
        assert_eq!(
            theirs["secret"].as_str(),
            Some(hex::encode(ours.as_bytes()).as_str()),
            "case {n}"
        );
    }
}
