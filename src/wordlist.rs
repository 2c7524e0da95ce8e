//! Word lists packed at compile time: BIP39's 2048 words ([`crate::mnemonic`]) and SLIP-39's
//! 1024 words ([`crate::slip39`]).
//!
//! A list is stored as `WORDS` slots of [`SLOT`] bytes, each word padded with zero bytes: random
//! access without a table of string slices (which would cost a pointer and a length per word and
//! compress worse).

/// Each word is at most this long; every word is stored in a slot of this width.
pub(crate) const SLOT: usize = 8;

/// Packs `text` (one word per line, every line ended by `\n`) into `WORDS` slots of [`SLOT`]
/// bytes. `BYTES` must be `WORDS * SLOT`. The build fails unless the text has exactly `WORDS`
/// lines of 1 to 8 lower-case ASCII letters in strictly increasing order.
#[allow(clippy::indexing_slicing, clippy::panic)] // const evaluation: a panic is a build error
pub(crate) const fn pack<const WORDS: usize, const BYTES: usize>(text: &[u8]) -> [u8; BYTES] {
    assert!(BYTES == WORDS * SLOT, "BYTES must be WORDS * SLOT");
    let mut out = [0u8; BYTES];
    let (mut word, mut col, mut i) = (0, 0, 0);
    while i < text.len() {
        let c = text[i];
        if c == b'\n' {
            assert!(col > 0, "empty line in the word list");
            if word > 0 {
                // Strictly increasing: compare with the previous slot (zero padding sorts first).
                let (mut k, mut order) = (0, 0i32);
                while k < SLOT && order == 0 {
                    let (a, b) = (out[(word - 1) * SLOT + k], out[word * SLOT + k]);
                    order = if a < b {
                        1
                    } else if a > b {
                        -1
                    } else {
                        0
                    };
                    k += 1;
                }
                assert!(order == 1, "the word list is not sorted");
            }
            word += 1;
            col = 0;
        } else {
            assert!(
                c.is_ascii_lowercase() && col < SLOT && word < WORDS,
                "bad word list"
            );
            out[word * SLOT + col] = c;
            col += 1;
        }
        i += 1;
    }
    assert!(
        word == WORDS && col == 0,
        "the word list does not have the expected number of lines"
    );
    out
}

/// Word `index` of a packed `list`; `""` past the end.
pub(crate) fn word(list: &'static [u8], index: usize) -> &'static str {
    let start = index.saturating_mul(SLOT);
    let slot = list
        .get(start..start.saturating_add(SLOT))
        .unwrap_or_default();
    let len = slot.iter().position(|&c| c == 0).unwrap_or(slot.len());
    // The slots hold ASCII letters only (checked by `pack`).
    core::str::from_utf8(slot.get(..len).unwrap_or_default()).unwrap_or_default()
}

/// The index of `w` in a packed `list`, by binary search.
pub(crate) fn index_of(list: &'static [u8], w: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0usize, list.len() / SLOT);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match word(list, mid).cmp(w) {
            core::cmp::Ordering::Less => lo = mid + 1,
            core::cmp::Ordering::Greater => hi = mid,
            core::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}
