//! The RS1024 checksum of SLIP-39 ("Checksum"): a Reed-Solomon code over GF(1024) whose last
//! three 10-bit symbols are the three checksum words. Any error in at most 3 words is detected.

/// The generator table of the SLIP-39 text.
const GEN: [u32; 10] = [
    0x00e0_e040,
    0x01c1_c080,
    0x0383_8100,
    0x0707_0200,
    0x0e0e_0009,
    0x1c0c_2412,
    0x3808_6c24,
    0x3090_fc48,
    0x21b1_f890,
    0x03f3_f120,
];

/// The customization string of shares with the extendable flag clear.
pub(super) const CUSTOMIZATION: &[u8] = b"shamir";
/// The customization string of shares with the extendable flag set.
pub(super) const CUSTOMIZATION_EXTENDABLE: &[u8] = b"shamir_extendable";

/// The RS1024 remainder of `values` (the SLIP-39 `rs1024_polymod`). The generator terms are
/// selected with masks, not branches: the values are words of a share.
fn polymod(values: impl Iterator<Item = u32>) -> u32 {
    let mut chk: u32 = 1;
    for v in values {
        let b = chk >> 20;
        chk = ((chk & 0xfffff) << 10) ^ v;
        for (i, g) in GEN.iter().enumerate() {
            chk ^= g & 0u32.wrapping_sub((b >> i) & 1);
        }
    }
    chk
}

/// The values fed to the checksum: the customization string's bytes, then the data words.
fn values<'a>(customization: &'a [u8], data: &'a [u16]) -> impl Iterator<Item = u32> + 'a {
    customization
        .iter()
        .map(|&c| u32::from(c))
        .chain(data.iter().map(|&w| u32::from(w)))
}

/// Whether `words` (data then its three checksum words) carry a valid checksum.
pub(super) fn verify(customization: &[u8], words: &[u16]) -> bool {
    polymod(values(customization, words)) == 1
}

/// The three checksum words for `data`.
pub(super) fn checksum(customization: &[u8], data: &[u16]) -> [u16; 3] {
    let remainder = polymod(values(customization, data).chain([0, 0, 0])) ^ 1;
    [20u32, 10, 0].map(|shift| ((remainder >> shift) & 1023) as u16)
}
