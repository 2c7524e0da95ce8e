//! Minimal RLP encoding (Ethereum Yellow Paper, appendix B), as much as transactions need.
//!
//! Items are byte strings and lists. Integers are encoded as byte strings holding their minimal
//! big-endian representation (no leading zero bytes; zero is the empty string). Nothing here
//! fails: every length a `Vec` can hold is below 2^64 and so has an RLP header.

/// Offset of the header byte of a byte string (`0x80 + length` for lengths 0..=55).
const STRING_OFFSET: u8 = 0x80;
/// Offset of the header byte of a list (`0xc0 + payload length` for lengths 0..=55).
const LIST_OFFSET: u8 = 0xc0;
/// Longest payload whose length fits in the header byte itself.
const SHORT_MAX: u8 = 55;

/// Appends the RLP encoding of the byte string `bytes` to `out`:
/// - one byte below `0x80`: that byte itself;
/// - 0 to 55 bytes otherwise: `0x80 + len` then the bytes;
/// - 56 bytes or more: `0xb7 + len(L)`, then `L` = the length as minimal big-endian bytes, then
///   the bytes.
pub(crate) fn encode_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    if let [single] = bytes {
        if *single < STRING_OFFSET {
            out.push(*single);
            return;
        }
    }
    encode_header(out, bytes.len(), STRING_OFFSET);
    out.extend_from_slice(bytes);
}

/// Appends the RLP encoding of the unsigned integer whose big-endian bytes are `be`: leading
/// zero bytes are stripped, then the rest is encoded as in [`encode_bytes`] (so zero is `0x80`,
/// 15 is `0x0f`, 1024 is `0x82 0x04 0x00`).
pub(crate) fn encode_uint(out: &mut Vec<u8>, be: &[u8]) {
    encode_bytes(out, strip_leading_zeros(be));
}

/// Appends the RLP encoding of the list whose items' encodings, concatenated, are `payload`:
/// `0xc0 + len` then the payload when it is 0 to 55 bytes, else `0xf7 + len(L)`, then `L` = the
/// payload length as minimal big-endian bytes, then the payload.
pub(crate) fn encode_list_payload(out: &mut Vec<u8>, payload: &[u8]) {
    encode_header(out, payload.len(), LIST_OFFSET);
    out.extend_from_slice(payload);
}

/// `bytes` without its leading zero bytes (empty when every byte is zero).
pub(crate) fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or_default()
}

/// Appends the header of a string (`offset` = 0x80) or list (`offset` = 0xc0) of `len` bytes.
fn encode_header(out: &mut Vec<u8>, len: usize, offset: u8) {
    match u8::try_from(len) {
        Ok(short) if short <= SHORT_MAX => out.push(offset + short),
        _ => {
            let len_bytes = len.to_be_bytes();
            let minimal = strip_leading_zeros(&len_bytes);
            // `minimal` has 1 to 8 bytes (len > 55), so the header is 0xb8..=0xbf or 0xf8..=0xff.
            let len_of_len = u8::try_from(minimal.len()).unwrap_or(u8::MAX);
            out.push(offset + SHORT_MAX + len_of_len);
            out.extend_from_slice(minimal);
        }
    }
}

/// Builds the payload of an RLP list item by item; [`List::finish`] prepends the list header.
#[derive(Default)]
pub(crate) struct List {
    payload: Vec<u8>,
}

impl List {
    /// An empty list.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Appends a byte string item (see [`encode_bytes`]).
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        encode_bytes(&mut self.payload, bytes);
        self
    }

    /// Appends an unsigned integer item given as big-endian bytes (see [`encode_uint`]).
    pub(crate) fn uint(&mut self, be: &[u8]) -> &mut Self {
        encode_uint(&mut self.payload, be);
        self
    }

    /// Appends a `u64` as a minimal unsigned integer item.
    pub(crate) fn u64(&mut self, value: u64) -> &mut Self {
        self.uint(&value.to_be_bytes())
    }

    /// Appends a `u128` as a minimal unsigned integer item.
    pub(crate) fn u128(&mut self, value: u128) -> &mut Self {
        self.uint(&value.to_be_bytes())
    }

    /// Appends a nested list item.
    pub(crate) fn list(&mut self, list: &List) -> &mut Self {
        encode_list_payload(&mut self.payload, &list.payload);
        self
    }

    /// The RLP encoding of this list: header, then the items (see [`encode_list_payload`]).
    pub(crate) fn finish(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.payload.len() + 9);
        encode_list_payload(&mut out, &self.payload);
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    fn bytes(b: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        encode_bytes(&mut out, b);
        out
    }

    fn uint(v: u64) -> Vec<u8> {
        let mut out = Vec::new();
        encode_uint(&mut out, &v.to_be_bytes());
        out
    }

    // The examples below are the ones listed on ethereum.org, "Recursive-length prefix (RLP)
    // serialization", section Examples (ethereum/ethereum-org-website,
    // public/content/developers/docs/data-structures-and-encoding/rlp/index.md).

    #[test]
    fn dog() {
        assert_eq!(bytes(b"dog"), [0x83, b'd', b'o', b'g']);
    }

    #[test]
    fn cat_dog() {
        let mut list = List::new();
        list.bytes(b"cat").bytes(b"dog");
        assert_eq!(
            list.finish(),
            [0xc8, 0x83, b'c', b'a', b't', 0x83, b'd', b'o', b'g']
        );
    }

    #[test]
    fn empty_string_and_list() {
        assert_eq!(bytes(b""), [0x80]);
        assert_eq!(List::new().finish(), [0xc0]);
    }

    #[test]
    fn integers() {
        assert_eq!(uint(0), [0x80]);
        assert_eq!(bytes(&[0x00]), [0x00]);
        assert_eq!(uint(15), [0x0f]);
        assert_eq!(bytes(&[0x0f]), [0x0f]);
        assert_eq!(uint(1024), [0x82, 0x04, 0x00]);
        assert_eq!(bytes(&[0x04, 0x00]), [0x82, 0x04, 0x00]);
        // Boundaries of the single-byte rule.
        assert_eq!(uint(0x7f), [0x7f]);
        assert_eq!(uint(0x80), [0x81, 0x80]);
        let mut list = List::new();
        list.u64(0).u64(u64::MAX).u128(u128::from(u64::MAX) + 1);
        assert_eq!(
            list.finish(),
            [
                0xd4, 0x80, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x89, 0x01, 0, 0,
                0, 0, 0, 0, 0, 0
            ]
        );
    }

    #[test]
    fn set_theoretic_three() {
        // [ [], [[]], [ [], [[]] ] ]
        let empty = List::new();
        let mut one = List::new();
        one.list(&empty);
        let mut two = List::new();
        two.list(&empty).list(&one);
        let mut three = List::new();
        three.list(&empty).list(&one).list(&two);
        assert_eq!(
            three.finish(),
            [0xc7, 0xc0, 0xc1, 0xc0, 0xc3, 0xc0, 0xc1, 0xc0]
        );
    }

    #[test]
    fn long_string() {
        let lorem = b"Lorem ipsum dolor sit amet, consectetur adipisicing elit";
        assert_eq!(lorem.len(), 56);
        let encoded = bytes(lorem);
        assert_eq!(encoded[..2], [0xb8, 0x38]);
        assert_eq!(&encoded[2..], lorem);
        // 55 bytes is still a short string.
        assert_eq!(bytes(&lorem[..55])[0], 0xb7);
    }

    #[test]
    fn long_lengths() {
        // The ethereum.org example: a 1024-byte string starts 0xb9 0x04 0x00.
        let encoded = bytes(&[0xaa; 1024]);
        assert_eq!(encoded[..3], [0xb9, 0x04, 0x00]);
        assert_eq!(encoded.len(), 1027);
        // A list whose payload is 56 bytes gets a long header.
        let mut list = List::new();
        list.bytes(&[0x11; 55]);
        let encoded = list.finish();
        assert_eq!(encoded[..3], [0xf8, 56, 0xb7]);
        // A 65536-byte payload needs a 3-byte length.
        let mut list = List::new();
        list.bytes(&[0x22; 65533]);
        assert_eq!(list.finish()[..4], [0xfa, 0x01, 0x00, 0x00]);
    }

    #[test]
    fn strip() {
        assert_eq!(strip_leading_zeros(&[0, 0, 1, 0]), [1, 0]);
        assert_eq!(strip_leading_zeros(&[0, 0]), [] as [u8; 0]);
        assert_eq!(strip_leading_zeros(&[]), [] as [u8; 0]);
    }
}
