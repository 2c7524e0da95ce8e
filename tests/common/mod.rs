//! Helpers shared by the integration tests (each test file includes this with `mod common;`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
// Each test file uses a part of these.
#![allow(dead_code)]

use keystead::slip39::ShareMnemonic;
use sha2::{Digest, Sha256};

/// The password of the test wallets.
pub const PASSWORD: &str = "correct horse battery staple";

/// Base58check decoding (Bitcoin alphabet), enough to read the `xprv` strings of BIP-0032.
pub fn base58check_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    // Big-endian base-256 number, multiplied by 58 and added to digit by digit.
    let mut bytes: Vec<u8> = Vec::new();
    for c in s.bytes() {
        let mut carry = ALPHABET.iter().position(|&a| a == c).expect("base58 digit") as u32;
        for b in bytes.iter_mut().rev() {
            carry += u32::from(*b) * 58;
            *b = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = s.bytes().take_while(|&c| c == b'1').count();
    let mut out = vec![0u8; zeros];
    out.extend(bytes);
    let (payload, checksum) = out.split_at(out.len() - 4);
    let hash = Sha256::digest(Sha256::digest(payload));
    assert_eq!(&hash[..4], checksum, "base58check checksum of {s}");
    payload.to_vec()
}

/// (chain code, private key) of a serialized `xprv` (BIP-0032 "Serialization format": version 4,
/// depth 1, fingerprint 4, child number 4, chain code 32, 0x00 ‖ key 33).
pub fn decode_xprv(xprv: &str) -> ([u8; 32], [u8; 32]) {
    let data = base58check_decode(xprv);
    assert_eq!(data.len(), 78);
    assert_eq!(&data[..4], [0x04, 0x88, 0xad, 0xe4], "mainnet xprv version");
    assert_eq!(data[45], 0);
    (
        data[13..45].try_into().unwrap(),
        data[46..78].try_into().unwrap(),
    )
}

/// A seeded deterministic byte generator for reproducible tests (SHA-256 in counter mode).
/// Not for keys: the tests only need runs that can be repeated.
pub struct TestRng {
    seed: u64,
    counter: u64,
    block: [u8; 32],
    used: usize,
}

impl TestRng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            counter: 0,
            block: [0; 32],
            used: 32,
        }
    }

    /// Fills `out` with the next bytes.
    pub fn fill(&mut self, out: &mut [u8]) {
        for byte in out {
            if self.used == 32 {
                let mut hasher = Sha256::new();
                hasher.update(self.seed.to_be_bytes());
                hasher.update(self.counter.to_be_bytes());
                self.block = hasher.finalize().into();
                self.counter += 1;
                self.used = 0;
            }
            *byte = self.block[self.used];
            self.used += 1;
        }
    }

    /// A uniform-enough number in `low..=high` (modulo bias is irrelevant for test cases).
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        let mut b = [0u8; 8];
        self.fill(&mut b);
        low + (u64::from_be_bytes(b) % (high - low + 1) as u64) as usize
    }

    /// `n` random bytes.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = vec![0u8; n];
        self.fill(&mut v);
        v
    }

    /// The elements of `items` in a random order.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.range(0, i);
            items.swap(i, j);
        }
    }
}

/// The mnemonics of a split, as owned strings.
pub fn texts(groups: &[Vec<ShareMnemonic>]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|g| g.iter().map(|m| m.as_str().to_owned()).collect())
        .collect()
}

/// A random valid group configuration: (group threshold, [(member threshold, count)]).
pub fn random_scheme(rng: &mut TestRng) -> (u8, Vec<(u8, u8)>) {
    let group_count = rng.range(1, 5);
    let groups: Vec<(u8, u8)> = (0..group_count)
        .map(|_| {
            let count = rng.range(1, 6) as u8;
            let threshold = if count == 1 {
                1
            } else {
                rng.range(2, count as usize) as u8
            };
            (threshold, count)
        })
        .collect();
    (rng.range(1, group_count) as u8, groups)
}

/// Exactly the thresholds: `group threshold` random groups, `member threshold` random members
/// of each, in random order.
pub fn pick(
    rng: &mut TestRng,
    group_threshold: u8,
    groups: &[(u8, u8)],
    shares: &[Vec<String>],
) -> Vec<String> {
    let mut group_order: Vec<usize> = (0..groups.len()).collect();
    rng.shuffle(&mut group_order);
    let mut picked = Vec::new();
    for &g in group_order.iter().take(group_threshold.into()) {
        let mut members: Vec<usize> = (0..usize::from(groups[g].1)).collect();
        rng.shuffle(&mut members);
        for &m in members.iter().take(groups[g].0.into()) {
            picked.push(shares[g][m].clone());
        }
    }
    rng.shuffle(&mut picked);
    picked
}
