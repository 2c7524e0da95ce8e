//! The share mnemonic (SLIP-39, "Format of the share mnemonic"): 10-bit words of
//! id (15) ‖ ext (1) ‖ e (4) ‖ GI (4) ‖ Gt (4) ‖ g (4) ‖ I (4) ‖ t (4) ‖ padded value ‖ RS1024 (30).
//!
//! Typed shares are lower-cased into a [`Zeroizing`] buffer, their word indices kept in another;
//! the value is read into a third. All three are wiped on drop.

use super::rs1024;
use super::shamir::Value;
use super::ShareInfo;
use super::Slip39Error;
use crate::wordlist::{self, SLOT};
use std::sync::LazyLock;
use zeroize::Zeroizing;

/// The SLIP-39 word list (the `wordlist.txt` of SLIP-0039 and of the reference implementation,
/// SHA-256 `bcc45553…01eec3`).
const WORDLIST_TEXT: &str = include_str!("../slip39-english.txt");
/// Number of words in the list: one word carries 10 bits.
const LIST_LEN: usize = 1024;
/// The list laid out at compile time; the build fails unless it has 1024 sorted lines.
const PACKED: [u8; LIST_LEN * SLOT] =
    wordlist::pack::<LIST_LEN, { LIST_LEN * SLOT }>(WORDLIST_TEXT.as_bytes());
/// The list as the `.wasm` carries it: front-coded (see [`wordlist::front_code`]).
static CODED: [u8; wordlist::front_coded_len(&PACKED)] = wordlist::front_code(&PACKED);
/// The slots, rebuilt from [`CODED`] on first use.
static WORDS: LazyLock<Vec<u8>> = LazyLock::new(|| wordlist::unpack(&CODED, LIST_LEN));

/// Bits per word.
const WORD_BITS: usize = 10;
/// Bits before the padded value: id, ext, e, GI, Gt, g, I, t.
const METADATA_BITS: usize = 40;
/// Words of the RS1024 checksum.
const CHECKSUM_WORDS: usize = 3;
/// Words that are not the padded value: 4 of metadata and 3 of checksum.
const OVERHEAD_WORDS: usize = METADATA_BITS / WORD_BITS + CHECKSUM_WORDS;
/// The shortest share: a 128-bit value (130 padded bits, 13 words) plus the overhead.
pub(super) const MIN_WORDS: usize = 20;
/// The longest share this core reads: a 512-bit value (the longest BIP32 seed), 52 words.
pub(super) const MAX_WORDS: usize = 59;

/// Word `index` of the SLIP-39 list (`""` past the end).
pub(super) fn word(index: usize) -> &'static str {
    wordlist::word(WORDS.as_slice(), index)
}

/// A decoded share: its public fields and its secret value.
pub(super) struct Share {
    pub(super) info: ShareInfo,
    pub(super) value: Value,
}

/// `len` bits starting at bit `start` of the concatenated 10-bit `words`, big-endian.
fn read_bits(words: &[u16], start: usize, len: usize) -> u32 {
    (start..start.saturating_add(len)).fold(0u32, |acc, i| {
        let w = words.get(i / WORD_BITS).copied().unwrap_or(0);
        (acc << 1) | u32::from((w >> (WORD_BITS - 1 - i % WORD_BITS)) & 1)
    })
}

/// Writes the low `len` bits of `value` at bit `start` of the 10-bit `words`, big-endian.
fn write_bits(words: &mut [u16], start: usize, len: usize, value: u32) {
    for k in 0..len {
        let i = start.saturating_add(k);
        if let Some(w) = words.get_mut(i / WORD_BITS) {
            let bit = u16::from((value >> (len - 1 - k)) & 1 == 1);
            *w |= bit << (WORD_BITS - 1 - i % WORD_BITS);
        }
    }
}

/// The customization string of the checksum for this extendable flag.
fn customization(extendable: bool) -> &'static [u8] {
    if extendable {
        rs1024::CUSTOMIZATION_EXTENDABLE
    } else {
        rs1024::CUSTOMIZATION
    }
}

/// Padding bits in front of a value of `words` value words, if the length is valid (≤ 8).
fn padding_bits(value_words: usize) -> Option<usize> {
    let padding = value_words.saturating_mul(WORD_BITS) % 16;
    (padding <= 8).then_some(padding)
}

/// Reads one typed share: any case, any whitespace between words.
///
/// # Errors
/// Checked in this order: [`Slip39Error::BadLength`] (fewer than 20 or more than 59 words, or a
/// count whose value would need more than 8 padding bits), [`Slip39Error::UnknownWord`],
/// [`Slip39Error::BadChecksum`], [`Slip39Error::BadPadding`] (non-zero padding bits),
/// [`Slip39Error::BadGroupParameters`] (group threshold above the group count, or group index
/// not below it).
pub(super) fn parse(mnemonic: &str) -> Result<Share, Slip39Error> {
    // `to_owned` allocates once; lower-casing works in place (no unwiped reallocation).
    let mut lowered = Zeroizing::new(mnemonic.to_owned());
    lowered.make_ascii_lowercase();
    let count = lowered.split_whitespace().count();
    let value_words = count.saturating_sub(OVERHEAD_WORDS);
    let padding = padding_bits(value_words)
        .filter(|_| (MIN_WORDS..=MAX_WORDS).contains(&count))
        .ok_or(Slip39Error::BadLength { words: count })?;
    let mut words: Zeroizing<Vec<u16>> = Zeroizing::new(Vec::with_capacity(count));
    for (position, w) in lowered.split_whitespace().enumerate() {
        let index = wordlist::index_of(WORDS.as_slice(), w).ok_or(Slip39Error::UnknownWord {
            position: position.saturating_add(1),
        })?;
        words.push(u16::try_from(index).unwrap_or(0));
    }
    let extendable = read_bits(&words, 15, 1) == 1;
    if !rs1024::verify(customization(extendable), &words) {
        return Err(Slip39Error::BadChecksum);
    }
    if read_bits(&words, METADATA_BITS, padding) != 0 {
        return Err(Slip39Error::BadPadding);
    }
    let field = |start: usize, len: usize| read_bits(&words, start, len) as u8;
    let info = ShareInfo {
        identifier: read_bits(&words, 0, 15) as u16,
        extendable,
        iteration_exponent: field(16, 4),
        group_index: field(20, 4),
        group_threshold: field(24, 4) + 1,
        group_count: field(28, 4) + 1,
        member_index: field(32, 4),
        member_threshold: field(36, 4) + 1,
        word_count: count,
    };
    if info.group_threshold > info.group_count || info.group_index >= info.group_count {
        return Err(Slip39Error::BadGroupParameters);
    }
    let value_start = METADATA_BITS + padding;
    let value_len = (value_words * WORD_BITS - padding) / 8;
    let mut value = Zeroizing::new(Vec::with_capacity(value_len));
    for b in 0..value_len {
        value.push(read_bits(&words, value_start + 8 * b, 8) as u8);
    }
    Ok(Share { info, value })
}

/// Number of words of a share whose value has `value_len` bytes.
pub(super) fn word_count(value_len: usize) -> usize {
    (value_len * 8).div_ceil(WORD_BITS) + OVERHEAD_WORDS
}

/// The mnemonic of a share: `info` (its `word_count` is ignored) and `value`.
pub(super) fn encode(info: &ShareInfo, value: &[u8]) -> Zeroizing<String> {
    let count = word_count(value.len());
    let padding = (count - OVERHEAD_WORDS) * WORD_BITS - value.len() * 8;
    let mut words: Zeroizing<Vec<u16>> = Zeroizing::new(vec![0u16; count]);
    let fields: [(u32, usize); 8] = [
        (u32::from(info.identifier), 15),
        (u32::from(info.extendable), 1),
        (u32::from(info.iteration_exponent), 4),
        (u32::from(info.group_index), 4),
        (u32::from(info.group_threshold.wrapping_sub(1)), 4),
        (u32::from(info.group_count.wrapping_sub(1)), 4),
        (u32::from(info.member_index), 4),
        (u32::from(info.member_threshold.wrapping_sub(1)), 4),
    ];
    let mut at = 0;
    for (value, len) in fields {
        write_bits(&mut words, at, len, value);
        at += len;
    }
    at += padding;
    for byte in value {
        write_bits(&mut words, at, 8, u32::from(*byte));
        at += 8;
    }
    let data_len = count - CHECKSUM_WORDS;
    let checksum = rs1024::checksum(
        customization(info.extendable),
        words.get(..data_len).unwrap_or_default(),
    );
    for (w, c) in words.iter_mut().skip(data_len).zip(checksum) {
        *w = c;
    }
    // Reserve the exact length so the text never reallocates (no unwiped partial copies).
    let len = words
        .iter()
        .map(|&w| word(usize::from(w)).len())
        .sum::<usize>()
        + count.saturating_sub(1);
    let mut out = Zeroizing::new(String::with_capacity(len));
    for (i, &w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word(usize::from(w)));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn packed_list_round_trips() {
        assert_eq!(word(0), "academic");
        assert_eq!(word(1023), "zero");
        assert_eq!(word(1024), "");
        for (i, line) in WORDLIST_TEXT.lines().enumerate() {
            assert_eq!(word(i), line);
            assert_eq!(wordlist::index_of(WORDS.as_slice(), line), Some(i));
        }
    }

    #[test]
    fn bits_round_trip() {
        let mut words = [0u16; 4];
        write_bits(&mut words, 7, 15, 0x5a5a);
        assert_eq!(read_bits(&words, 7, 15), 0x5a5a & 0x7fff);
        assert_eq!(read_bits(&words, 0, 7), 0);
        assert_eq!(read_bits(&words, 22, 18), 0);
    }

    #[test]
    fn lengths_match_the_spec_table() {
        // 128 bits: 130 padded bits, 20 words; 256 bits: 260 padded bits, 33 words.
        assert_eq!(word_count(16), 20);
        assert_eq!(word_count(32), 33);
        assert_eq!(word_count(64), MAX_WORDS);
        for words in MIN_WORDS..=MAX_WORDS {
            if let Some(padding) = padding_bits(words - OVERHEAD_WORDS) {
                let len = ((words - OVERHEAD_WORDS) * WORD_BITS - padding) / 8;
                assert_eq!(word_count(len), words);
            }
        }
    }
}
