//! Hexadecimal text ↔ bytes, shared by every standard that reads or writes `0x`-hex.
//! Decoders never allocate for secrets: [`decode_into`] writes into the caller's buffer.

/// The lower-case hex digits.
pub(crate) const LOWER: &[u8; 16] = b"0123456789abcdef";

/// The value of one ASCII hex digit (either case), `None` for any other byte.
pub(crate) fn digit_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Decodes exactly `out.len() * 2` hex digits (no prefix) into `out`; `None` on any other input.
pub(crate) fn decode_into(digits: &[u8], out: &mut [u8]) -> Option<()> {
    if digits.len() != out.len().checked_mul(2)? {
        return None;
    }
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let (hi, lo) = match pair {
            [hi, lo] => (digit_value(*hi)?, digit_value(*lo)?),
            _ => return None,
        };
        *byte = (hi << 4) | lo;
    }
    Some(())
}

/// `0x` (lower-case `x` only) followed by an even number of hex digits → bytes (`"0x"` alone is
/// zero bytes); `None` otherwise.
pub(crate) fn decode_prefixed(s: &str) -> Option<Vec<u8>> {
    let digits = s.strip_prefix("0x")?.as_bytes();
    let mut out = vec![0u8; digits.len() / 2];
    decode_into(digits, &mut out)?;
    Some(out)
}

/// Writes the lower-case hex digits of `bytes` into the front of `out` (two per byte, as many
/// bytes as fit) and returns how many digits were written.
pub(crate) fn write_lower(bytes: &[u8], out: &mut [u8]) -> usize {
    let mut written = 0;
    for (pair, &b) in out.chunks_exact_mut(2).zip(bytes) {
        if let [hi, lo] = pair {
            *hi = LOWER.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
            *lo = LOWER.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
            written += 2;
        }
    }
    written
}

/// Pushes the lower-case hex digits of `bytes` onto `out`, 64 digits at a time through a stack
/// buffer that is wiped afterwards (the digits may be a private key's).
pub(crate) fn push_lower(out: &mut String, bytes: &[u8]) {
    let mut buf = [0u8; 64];
    for chunk in bytes.chunks(32) {
        let n = write_lower(chunk, &mut buf);
        // Hex digits are ASCII, so this is always valid UTF-8.
        if let Some(Ok(digits)) = buf.get(..n).map(core::str::from_utf8) {
            out.push_str(digits);
        }
    }
    zeroize::Zeroize::zeroize(&mut buf);
}

/// `0x` followed by the lower-case hex digits of `bytes`.
pub fn encode_prefixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(2 + bytes.len() * 2);
    out.push_str("0x");
    push_lower(&mut out, bytes);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(digit_value(b'0'), Some(0));
        assert_eq!(digit_value(b'9'), Some(9));
        assert_eq!(digit_value(b'a'), Some(10));
        assert_eq!(digit_value(b'F'), Some(15));
        assert_eq!(digit_value(b'g'), None);
        assert_eq!(digit_value(b'x'), None);
    }

    #[test]
    fn decoding() {
        let mut out = [0u8; 2];
        assert_eq!(decode_into(b"aBcD", &mut out), Some(()));
        assert_eq!(out, [0xab, 0xcd]);
        assert_eq!(decode_into(b"abc", &mut out), None);
        assert_eq!(decode_into(b"abcg", &mut out), None);
        assert_eq!(decode_into(b"+bcd", &mut out), None);
        assert_eq!(decode_prefixed("0x"), Some(vec![]));
        assert_eq!(decode_prefixed("0x00ffA1"), Some(vec![0x00, 0xff, 0xa1]));
        assert_eq!(decode_prefixed("0x0"), None);
        assert_eq!(decode_prefixed("0X00"), None);
        assert_eq!(decode_prefixed("00"), None);
        assert_eq!(decode_prefixed("0x0g"), None);
        assert_eq!(decode_prefixed("0x+1"), None);
        assert_eq!(decode_prefixed(""), None);
        assert_eq!(decode_prefixed("0xé"), None);
    }

    #[test]
    fn encoding() {
        assert_eq!(encode_prefixed(&[]), "0x");
        assert_eq!(encode_prefixed(&[0x00, 0x0f, 0xf0, 0xff]), "0x000ff0ff");
    }
}
