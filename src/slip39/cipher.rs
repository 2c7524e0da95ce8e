//! Encryption of the master secret (SLIP-39, "Encryption of the master secret"): a four-round
//! Feistel network whose round function is PBKDF2-HMAC-SHA256 keyed by the passphrase.
//!
//! Uses the core's `pbkdf2`, `hmac` and `sha2` (the same crates as BIP39 and the vault). The
//! halves, the round output, the password (round number ‖ passphrase) and the salt live in
//! [`Zeroizing`] buffers whose capacity is reserved up front, so none of them reallocates and
//! leaves an unwiped copy behind.

use sha2::Sha256;
use zeroize::Zeroizing;

/// PBKDF2 iterations of one round at iteration exponent 0 (10,000 over the four rounds).
const BASE_ITERATIONS: u32 = 2500;
/// The salt prefix of shares whose extendable flag is clear: `"shamir"` ‖ identifier.
const SALT_PREFIX: &[u8] = b"shamir";

/// The encryption of one backup: passphrase, iteration exponent, and (when the extendable flag
/// is clear) the identifier in the salt.
pub(super) struct Cipher<'a> {
    passphrase: &'a [u8],
    iterations: u32,
    salt_prefix: Zeroizing<Vec<u8>>,
}

impl<'a> Cipher<'a> {
    /// The cipher of a backup with these fields (`iteration_exponent` at most 15).
    pub(super) fn new(
        passphrase: &'a [u8],
        iteration_exponent: u8,
        identifier: u16,
        extendable: bool,
    ) -> Self {
        let mut salt_prefix = Zeroizing::new(Vec::new());
        if !extendable {
            salt_prefix.extend_from_slice(SALT_PREFIX);
            salt_prefix.extend_from_slice(&identifier.to_be_bytes());
        }
        // The exponent is a 4-bit field (checked by the callers): at most 2500 · 2^15 < 2^32.
        let iterations = BASE_ITERATIONS
            .checked_shl(u32::from(iteration_exponent.min(15)))
            .unwrap_or(BASE_ITERATIONS);
        Self {
            passphrase,
            iterations,
            salt_prefix,
        }
    }

    /// Encrypts a master secret (an even number of bytes): rounds 0, 1, 2, 3.
    pub(super) fn encrypt(&self, master_secret: &[u8]) -> Zeroizing<Vec<u8>> {
        feistel(master_secret, self, [0, 1, 2, 3])
    }

    /// Decrypts an encrypted master secret: the same rounds in reverse order.
    pub(super) fn decrypt(&self, encrypted: &[u8]) -> Zeroizing<Vec<u8>> {
        feistel(encrypted, self, [3, 2, 1, 0])
    }
}

/// L = first half, R = second half; for each round i: (L, R) = (R, L xor F(i, R)); output R ‖ L.
/// F(i, R) = PBKDF2-HMAC-SHA256(password = i ‖ passphrase, salt = prefix ‖ R, 2500 · 2^e, n/2).
fn feistel(input: &[u8], key: &Cipher<'_>, rounds: [u8; 4]) -> Zeroizing<Vec<u8>> {
    let half = input.len() / 2;
    let (left, right) = input.split_at(half);
    let mut left = Zeroizing::new(left.to_vec());
    let mut right = Zeroizing::new(right.get(..half).unwrap_or_default().to_vec());
    let mut round_output = Zeroizing::new(vec![0u8; half]);
    let mut password = Zeroizing::new(Vec::with_capacity(key.passphrase.len().saturating_add(1)));
    password.push(0);
    password.extend_from_slice(key.passphrase);
    let prefix_len = key.salt_prefix.len();
    let mut salt = Zeroizing::new(Vec::with_capacity(prefix_len.saturating_add(half)));
    salt.extend_from_slice(&key.salt_prefix);
    for i in rounds {
        if let Some(round) = password.first_mut() {
            *round = i;
        }
        salt.truncate(prefix_len);
        salt.extend_from_slice(&right);
        pbkdf2::pbkdf2_hmac::<Sha256>(&password, &salt, key.iterations, &mut round_output);
        for (l, f) in left.iter_mut().zip(round_output.iter()) {
            *l ^= f;
        }
        core::mem::swap(&mut left, &mut right);
    }
    let mut out = Zeroizing::new(Vec::with_capacity(half.saturating_mul(2)));
    out.extend_from_slice(&right);
    out.extend_from_slice(&left);
    out
}
