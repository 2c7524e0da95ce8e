//! Word lists packed at compile time: BIP39's 2048 words ([`crate::mnemonic`]) and SLIP-39's
//! 1024 words ([`crate::slip39`]).
//!
//! A list is checked and laid out at compile time as `WORDS` slots of [`SLOT`] bytes, each word
//! padded with zero bytes ([`pack`]): random access without a table of string slices (which
//! would cost a pointer and a length per word and compress worse). The `.wasm` carries the list
//! front-coded instead ([`front_code`]: each word as the length of the prefix it shares with the
//! word before, then the rest of its letters), which gzips to about two thirds of the slots; the
//! slots are rebuilt from it on first use ([`unpack`], microseconds).
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

/// Bytes of the front-coded form ([`front_code`]) of `packed`, a list laid out by [`pack`].
#[allow(clippy::indexing_slicing)] // const evaluation: an index out of range is a build error
pub(crate) const fn front_coded_len(packed: &[u8]) -> usize {
    let (mut len, mut start) = (0, 0);
    while start < packed.len() {
        let (shared, end) = prefix_and_end(packed, start);
        len += 1 + end - shared;
        start += SLOT;
    }
    len
}

/// `packed` (a list laid out by [`pack`]) front-coded: per word, one byte (below `b'a'`) giving
/// how many leading letters it shares with the word before, then its other letters. `BYTES`
/// must be [`front_coded_len`] of `packed`.
#[allow(clippy::indexing_slicing, clippy::panic)] // const evaluation: a panic is a build error
pub(crate) const fn front_code<const BYTES: usize>(packed: &[u8]) -> [u8; BYTES] {
    let mut out = [0u8; BYTES];
    let (mut at, mut start) = (0, 0);
    while start < packed.len() {
        let (shared, end) = prefix_and_end(packed, start);
        // `shared` is below SLOT (8), so it never reads as a letter.
        out[at] = shared as u8;
        at += 1;
        let mut k = shared;
        while k < end {
            out[at] = packed[start + k];
            at += 1;
            k += 1;
        }
        start += SLOT;
    }
    assert!(at == BYTES, "BYTES must be the front-coded length");
    out
}

/// For the word in the slot at `start`: how many letters it shares with the word before (0 for
/// the first) and its length.
#[allow(clippy::indexing_slicing)] // const evaluation: an index out of range is a build error
const fn prefix_and_end(packed: &[u8], start: usize) -> (usize, usize) {
    let mut end = 0;
    while end < SLOT && packed[start + end] != 0 {
        end += 1;
    }
    let mut shared = 0;
    if start >= SLOT {
        // Sorted and distinct (checked by `pack`): a word never is its predecessor's prefix
        // plus nothing, so `shared < end`.
        while shared < end && packed[start - SLOT + shared] == packed[start + shared] {
            shared += 1;
        }
    }
    (shared, end)
}

/// The slots of a front-coded list of `words` words ([`front_code`]), as [`pack`] laid them out.
pub(crate) fn unpack(coded: &[u8], words: usize) -> Vec<u8> {
    let mut out = vec![0u8; words.saturating_mul(SLOT)];
    // The slot being written (`None` before the first word) and the next letter's place in it.
    let (mut slot, mut col): (Option<usize>, usize) = (None, 0);
    for &c in coded {
        if c < b'a' {
            let start = slot.map_or(0, |s| s + SLOT);
            let shared = usize::from(c).min(SLOT);
            if let Some(previous) = slot {
                if start + shared <= out.len() {
                    out.copy_within(previous..previous + shared, start);
                }
            }
            (slot, col) = (Some(start), shared);
        } else if let Some(place) = slot
            .filter(|_| col < SLOT)
            .and_then(|s| out.get_mut(s + col))
        {
            *place = c;
            col += 1;
        }
    }
    out
}
