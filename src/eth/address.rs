//! Ethereum addresses and EIP-55 checksums.

use crate::eth::keccak256;
use core::fmt;
use k256::elliptic_curve::point::AffineCoordinates;

/// A 20-byte Ethereum address. `Display` prints the EIP-55 checksummed form.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Address(pub [u8; 20]);

impl Address {
    /// Last 20 bytes of Keccak-256 of the 64-byte uncompressed public key (without 0x04).
    pub fn from_public_key(key: &k256::ecdsa::VerifyingKey) -> Self {
        // x ‖ y of the affine point (SEC1's uncompressed form without its 0x04), read as
        // coordinates: `to_sec1_point`'s accessors keep sec1's and der's error `Debug` in the
        // .wasm (docs/benchmarks.md).
        let point = key.as_affine();
        let mut xy = [0u8; 64];
        for (dst, src) in xy.iter_mut().zip(point.x().iter().chain(point.y().iter())) {
            *dst = *src;
        }
        let hash = keccak256(&xy);
        let mut out = [0u8; 20];
        for (dst, src) in out.iter_mut().zip(hash.iter().skip(12)) {
            *dst = *src;
        }
        Self(out)
    }

    /// Parses `0x` + 40 hex digits: all lower, all upper, or a correct EIP-55 mixed case.
    ///
    /// The `0x` prefix is optional. No surrounding whitespace is accepted.
    ///
    /// # Errors
    /// [`AddressError::NotHex`] unless the input is an optional `0x` and exactly 40 hex digits;
    /// [`AddressError::BadChecksum`] if the letters are mixed case and not the EIP-55 checksum.
    pub fn parse(s: &str) -> Result<Self, AddressError> {
        let digits = s.strip_prefix("0x").unwrap_or(s);
        let mut bytes = [0u8; 20];
        crate::hex::decode_into(digits.as_bytes(), &mut bytes).ok_or(AddressError::NotHex)?;
        let address = Self(bytes);
        let has_lower = digits.bytes().any(|c| c.is_ascii_lowercase());
        let has_upper = digits.bytes().any(|c| c.is_ascii_uppercase());
        if has_lower && has_upper && address.checksum_digits().as_slice() != digits.as_bytes() {
            return Err(AddressError::BadChecksum);
        }
        Ok(address)
    }

    /// `0x` + the EIP-55 checksummed hex.
    ///
    /// EIP-55: take the 40 lower-case hex digits of the address (ASCII, without `0x`), hash them
    /// with Keccak-256, and upper-case the i-th digit when it is a letter and the i-th nibble of
    /// the hash (high nibble first) is 8 or more.
    pub fn to_checksum(&self) -> String {
        let digits = self.checksum_digits();
        let mut out = String::with_capacity(42);
        out.push_str("0x");
        // Hex digits are ASCII, so this is always valid UTF-8.
        out.push_str(core::str::from_utf8(&digits).unwrap_or_default());
        out
    }

    /// The 40 EIP-55 checksummed hex digits (see [`Address::to_checksum`]), without `0x`.
    fn checksum_digits(&self) -> [u8; 40] {
        let mut digits = [0u8; 40];
        crate::hex::write_lower(&self.0, &mut digits);
        let hash = keccak256(&digits);
        for (pair, hash_byte) in digits.chunks_exact_mut(2).zip(hash) {
            for (c, nibble) in pair.iter_mut().zip([hash_byte >> 4, hash_byte & 0x0f]) {
                if nibble >= 8 {
                    c.make_ascii_uppercase();
                }
            }
        }
        digits
    }
}

impl core::fmt::Display for Address {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.to_checksum())
    }
}

impl core::str::FromStr for Address {
    type Err = AddressError;

    /// The same as [`Address::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// An Ethereum address or signature could not be parsed or used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressError {
    /// Not 20 bytes of hex with an optional `0x` prefix.
    NotHex,
    /// Mixed case that is not the EIP-55 checksum of the address.
    BadChecksum,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotHex => f.write_str("an address is 40 hexadecimal characters after 0x"),
            Self::BadChecksum => f.write_str("the address has an invalid eip-55 checksum"),
        }
    }
}

impl std::error::Error for AddressError {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn all_digit_address_has_no_case() {
        let a = Address::parse("0x0000000000000000000000000000000000000000").unwrap();
        assert_eq!(a, Address([0u8; 20]));
        assert_eq!(
            a.to_checksum(),
            "0x0000000000000000000000000000000000000000"
        );
    }

    #[test]
    fn rejects_wrong_shapes() {
        for s in [
            "",
            "0x",
            "0x123",
            "0x52908400098527886E0F7030069857D2E4169EE",
            "0x52908400098527886E0F7030069857D2E4169EE77",
            "0x52908400098527886E0F7030069857D2E4169EG7",
            " 0x52908400098527886E0F7030069857D2E4169EE7",
            "0X52908400098527886E0F7030069857D2E4169EE7",
        ] {
            assert_eq!(Address::parse(s), Err(AddressError::NotHex), "{s:?}");
        }
    }
}
