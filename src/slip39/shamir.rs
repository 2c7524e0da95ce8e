//! One level of SLIP-39 secret sharing: SplitSecret and RecoverSecret with the digest share.
//!
//! With threshold T ≥ 2 the polynomial runs through T − 2 random points, the digest point
//! (254, D) and the secret point (255, S), where D = HMAC-SHA256(key = R, msg = S)[..4] ‖ R for
//! random R: recovery interpolates both and checks the digest.

use super::gf256::interpolate;
use super::Slip39Error;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// The x value of the digest share.
const DIGEST_INDEX: u8 = 254;
/// The x value of the shared secret.
const SECRET_INDEX: u8 = 255;
/// Bytes of the digest at the start of the digest share.
const DIGEST_LEN: usize = 4;

/// A source of randomness suitable for keys: fills the buffer or fails.
pub(super) type Fill<'a> = dyn FnMut(&mut [u8]) -> Result<(), Slip39Error> + 'a;

/// A share value (or a secret), wiped on drop.
pub(super) type Value = Zeroizing<Vec<u8>>;

/// The first four bytes of HMAC-SHA256(key = `random`, msg = `secret`).
fn digest(random: &[u8], secret: &[u8]) -> Zeroizing<[u8; DIGEST_LEN]> {
    let mut out = Zeroizing::new([0u8; DIGEST_LEN]);
    // HMAC accepts keys of any length; the state wipes itself on drop (`zeroize` features).
    if let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(random) {
        mac.update(secret);
        let tag = Zeroizing::new(mac.finalize().into_bytes());
        for (o, t) in out.iter_mut().zip(tag.iter()) {
            *o = *t;
        }
    }
    out
}

/// SplitSecret(T, N, S): the share values for x = 0 … N − 1.
///
/// # Errors
/// [`Slip39Error::BadParameter`] unless 1 ≤ T ≤ N ≤ 16 and S has at least 16 bytes (the public
/// functions check this first); whatever `fill` returns.
pub(super) fn split_secret(
    threshold: u8,
    count: u8,
    secret: &[u8],
    fill: &mut Fill<'_>,
) -> Result<Vec<Value>, Slip39Error> {
    if threshold == 0 || threshold > count || count > 16 || secret.len() < 16 {
        return Err(Slip39Error::BadParameter {
            reason: "a threshold must be 1 to the share count, at most 16",
        });
    }
    let mut shares: Vec<Value> = Vec::with_capacity(usize::from(count));
    if threshold == 1 {
        for _ in 0..count {
            shares.push(Zeroizing::new(secret.to_vec()));
        }
        return Ok(shares);
    }
    let n = secret.len();
    let mut digest_share = Zeroizing::new(vec![0u8; n]);
    {
        let (tag, random) = digest_share.split_at_mut(DIGEST_LEN);
        fill(random)?;
        for (t, d) in tag.iter_mut().zip(digest(random, secret).iter()) {
            *t = *d;
        }
    }
    // y for x = 0 … T − 3 are random; the others follow from them, D and S.
    for _ in 0..threshold - 2 {
        let mut y = Zeroizing::new(vec![0u8; n]);
        fill(&mut y)?;
        shares.push(y);
    }
    let mut rest: Vec<Value> = Vec::with_capacity(usize::from(count - (threshold - 2)));
    {
        let mut points: Vec<(u8, &[u8])> = Vec::with_capacity(usize::from(threshold));
        for (x, y) in (0u8..).zip(shares.iter()) {
            points.push((x, y));
        }
        points.push((DIGEST_INDEX, &digest_share));
        points.push((SECRET_INDEX, secret));
        for x in threshold - 2..count {
            let mut y = Zeroizing::new(vec![0u8; n]);
            interpolate(&points, x, &mut y);
            rest.push(y);
        }
    }
    shares.append(&mut rest);
    Ok(shares)
}

/// RecoverSecret(T, points): the secret through `points` (exactly T of them, distinct x, equal
/// lengths: the caller checks), verified against the digest when T ≥ 2.
///
/// # Errors
/// [`Slip39Error::DigestMismatch`] if the digest does not match (a share was altered);
/// [`Slip39Error::NoShares`] if `points` is empty.
pub(super) fn recover_secret(threshold: u8, points: &[(u8, &[u8])]) -> Result<Value, Slip39Error> {
    let (_, first) = points.first().ok_or(Slip39Error::NoShares)?;
    if threshold == 1 {
        return Ok(Zeroizing::new(first.to_vec()));
    }
    let n = first.len();
    let mut secret = Zeroizing::new(vec![0u8; n]);
    let mut digest_share = Zeroizing::new(vec![0u8; n]);
    interpolate(points, SECRET_INDEX, &mut secret);
    interpolate(points, DIGEST_INDEX, &mut digest_share);
    let (tag, random) = digest_share.split_at(DIGEST_LEN.min(n));
    if bool::from(digest(random, &secret).ct_eq(tag)) {
        Ok(secret)
    } else {
        Err(Slip39Error::DigestMismatch)
    }
}
