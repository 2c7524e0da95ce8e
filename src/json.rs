//! A small strict JSON reader (RFC 8259) that copies nothing: every value is a span of the
//! input, so reading a decrypted keyring list leaves no copy of its secrets outside the caller's
//! zeroizing buffer, and an entry the caller does not use can be kept as its exact text.
//!
//! [`parse`] checks the syntax of the whole text (strings without control characters, escapes
//! of the forms JSON allows, numbers of JSON's grammar, at most [`MAX_DEPTH`] nested arrays and
//! objects, nothing after the value). Values are interpreted only when asked:
//! [`decode_string`] resolves escapes (refusing unpaired surrogates) and [`Node::as_u64`] reads
//! an integer.

/// The deepest nesting of arrays and objects accepted (serde_json's limit: 127 levels).
pub(crate) const MAX_DEPTH: usize = 127;

/// The text is not JSON (or nests deeper than [`MAX_DEPTH`]). Deliberately says no more:
/// callers name what they were reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InvalidJson;

/// One JSON value: its exact text and what it is.
pub(crate) struct Node<'a> {
    /// The value's text, from its first to its last character.
    pub(crate) text: &'a str,
    /// The value.
    pub(crate) value: Value<'a>,
}

/// A JSON value whose strings and numbers are still their text.
pub(crate) enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number, as written.
    Number,
    /// A string: the text between its quotes, escapes not yet resolved ([`decode_string`]).
    String(&'a str),
    /// An array's elements, in order.
    Array(Vec<Node<'a>>),
    /// An object's members in document order, repeated keys included; keys as in
    /// [`Value::String`].
    Object(Vec<(&'a str, Node<'a>)>),
}

/// Parses one JSON value filling `text` (surrounding whitespace allowed).
///
/// # Errors
/// [`InvalidJson`] for anything else.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, InvalidJson> {
    let mut reader = Reader { text, pos: 0 };
    let node = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos != text.len() {
        return Err(InvalidJson);
    }
    Ok(node)
}

impl Node<'_> {
    /// The value of a number written as a non-negative integer (`-0` included, as serde_json
    /// reads it) that fits in a `u64`; `None` for any other value, fractions and exponents too.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        if !matches!(self.value, Value::Number) {
            return None;
        }
        let digits = match self.text.strip_prefix('-') {
            Some("0") => return Some(0),
            Some(_) => return None,
            None => self.text,
        };
        digits.bytes().try_fold(0u64, |n, d| {
            if d.is_ascii_digit() {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            } else {
                None
            }
        })
    }
}

/// Appends the string `raw` (as in [`Value::String`]) to `out` with its escapes resolved. The
/// result is never longer than `raw`, so an `out` with `raw.len()` bytes to spare never grows
/// (what a zeroizing buffer needs: growing would leave an unwiped copy behind).
///
/// # Errors
/// [`InvalidJson`] for a `\u` escape of a surrogate that is not half of a pair.
pub(crate) fn decode_string(raw: &str, out: &mut String) -> Result<(), InvalidJson> {
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        // `find` returns a char boundary; `split_at_checked` says so without `split_at`'s
        // panic path (which formats the text with `Debug` and its Unicode tables).
        let (plain, escape) = rest.split_at_checked(at).ok_or(InvalidJson)?;
        out.push_str(plain);
        let mut bytes = escape.bytes().skip(1);
        let c = match bytes.next() {
            Some(b'u') => {
                let unit = hex4(escape.get(2..6))?;
                rest = escape.get(6..).unwrap_or_default();
                if (0xD800..0xDC00).contains(&unit) {
                    let low = rest
                        .strip_prefix("\\u")
                        .and_then(|r| hex4(r.get(..4)).ok())
                        .filter(|low| (0xDC00..0xE000).contains(low))
                        .ok_or(InvalidJson)?;
                    rest = rest.get(6..).unwrap_or_default();
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    unit
                }
            }
            Some(b) => {
                rest = escape.get(2..).unwrap_or_default();
                u32::from(match b {
                    b'b' => b'\x08',
                    b'f' => b'\x0c',
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    other => other,
                })
            }
            None => return Err(InvalidJson),
        };
        out.push(char::from_u32(c).ok_or(InvalidJson)?);
    }
    out.push_str(rest);
    Ok(())
}

/// The string `raw` with its escapes resolved (for text that is not secret, such as keys).
///
/// # Errors
/// Those of [`decode_string`].
pub(crate) fn string(raw: &str) -> Result<String, InvalidJson> {
    let mut out = String::with_capacity(raw.len());
    decode_string(raw, &mut out)?;
    Ok(out)
}

/// The value of four hex digits.
fn hex4(digits: Option<&str>) -> Result<u32, InvalidJson> {
    let digits = digits.filter(|d| d.len() == 4).ok_or(InvalidJson)?;
    digits.bytes().try_fold(0u32, |n, d| {
        crate::hex::digit_value(d)
            .map(|v| (n << 4) | u32::from(v))
            .ok_or(InvalidJson)
    })
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), InvalidJson> {
        self.eat(byte).then_some(()).ok_or(InvalidJson)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn since(&self, start: usize) -> Result<&'a str, InvalidJson> {
        self.text.get(start..self.pos).ok_or(InvalidJson)
    }

    /// One value after optional whitespace; `depth` arrays and objects enclose it.
    fn value(&mut self, depth: usize) -> Result<Node<'a>, InvalidJson> {
        self.skip_whitespace();
        let start = self.pos;
        let value = match self.peek().ok_or(InvalidJson)? {
            b'[' | b'{' if depth >= MAX_DEPTH => return Err(InvalidJson),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if !self.close(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.close(b']') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                Value::Array(items)
            }
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                if !self.close(b'}') {
                    loop {
                        self.skip_whitespace();
                        let key = self.string()?;
                        self.skip_whitespace();
                        self.expect(b':')?;
                        members.push((key, self.value(depth + 1)?));
                        if self.close(b'}') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                Value::Object(members)
            }
            b'"' => Value::String(self.string()?),
            b't' => self.literal("true", Value::Bool)?,
            b'f' => self.literal("false", Value::Bool)?,
            b'n' => self.literal("null", Value::Null)?,
            _ => {
                self.number()?;
                Value::Number
            }
        };
        Ok(Node {
            text: self.since(start)?,
            value,
        })
    }

    /// Skips whitespace, then consumes `byte` if it comes next.
    fn close(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        self.eat(byte)
    }

    fn literal(&mut self, word: &str, value: Value<'a>) -> Result<Value<'a>, InvalidJson> {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        if !rest.starts_with(word) {
            return Err(InvalidJson);
        }
        self.pos += word.len();
        Ok(value)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<(), InvalidJson> {
        self.eat(b'-');
        if !self.eat(b'0') {
            if !matches!(self.peek(), Some(b'1'..=b'9')) {
                return Err(InvalidJson);
            }
            self.digits();
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(InvalidJson);
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(InvalidJson);
            }
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A string; returns the text between its quotes. Escapes are checked for their form
    /// (`\u` takes four hex digits) but not resolved: as serde_json skips a value it does not
    /// read, an unpaired surrogate is refused only when the string is decoded.
    fn string(&mut self) -> Result<&'a str, InvalidJson> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek().ok_or(InvalidJson)? {
                b'"' => break,
                b'\\' => {
                    self.pos += 1;
                    match self.peek().ok_or(InvalidJson)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.pos += 1,
                        b'u' => {
                            hex4(self.text.get(self.pos + 1..self.pos + 5))?;
                            self.pos += 5;
                        }
                        _ => return Err(InvalidJson),
                    }
                }
                0x00..=0x1f => return Err(InvalidJson),
                _ => self.pos += 1,
            }
        }
        let raw = self.since(start)?;
        self.pos += 1;
        Ok(raw)
    }
}

/// The members `names` of a JSON object, each `None` when absent; members of other names are
/// ignored. `None` for a value that is not an object, a key that does not decode, or one of
/// `names` given twice.
pub(crate) fn members<'n, 'a, const N: usize>(
    node: &'n Node<'a>,
    names: [&str; N],
) -> Option<[Option<&'n Node<'a>>; N]> {
    let Value::Object(members) = &node.value else {
        return None;
    };
    let mut found = [None; N];
    for (key, value) in members {
        let key = string(key).ok()?;
        if let Some(slot) = names
            .iter()
            .position(|name| *name == key)
            .and_then(|i| found.get_mut(i))
        {
            if slot.replace(value).is_some() {
                return None;
            }
        }
    }
    Some(found)
}

/// A member that may be absent or `null`.
pub(crate) fn present<'n, 'a>(member: Option<&'n Node<'a>>) -> Option<&'n Node<'a>> {
    member.filter(|node| !matches!(node.value, Value::Null))
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )]
    use super::*;

    fn ok(text: &str) -> bool {
        parse(text).is_ok()
    }

    #[test]
    fn accepts_json_and_keeps_exact_text() {
        let node =
            parse(" [1, -0.5e+3, \"a\\\"b\", {\"k\" : [true, false, null]}, {}, []] ").unwrap();
        let Value::Array(items) = &node.value else {
            panic!("not an array")
        };
        assert_eq!(node.text.len(), node.text.trim().len());
        let texts: Vec<&str> = items.iter().map(|n| n.text).collect();
        assert_eq!(
            texts,
            [
                "1",
                "-0.5e+3",
                "\"a\\\"b\"",
                "{\"k\" : [true, false, null]}",
                "{}",
                "[]"
            ]
        );
        assert!(matches!(items[2].value, Value::String("a\\\"b")));
        let Value::Object(members) = &items[3].value else {
            panic!("not an object")
        };
        assert_eq!(members[0].0, "k");
        for text in [
            "0",
            "-0",
            "12",
            "1.25",
            "1e5",
            "1E-5",
            "\"\\u00e9\\ud83d\\ude00\"",
            "\"\u{e9}\"",
        ] {
            assert!(ok(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            " ",
            "[",
            "[1,]",
            "[,1]",
            "{\"a\"}",
            "{\"a\":}",
            "{a:1}",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "1e",
            "+1",
            "-",
            "tru",
            "nul",
            "True",
            "[1] x",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"tab\there\"",
            "'a'",
            "NaN",
            "[1 2]",
        ] {
            assert!(!ok(text), "{text:?}");
        }
    }

    #[test]
    fn nesting_is_capped() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(ok(&deep(MAX_DEPTH)));
        assert!(!ok(&deep(MAX_DEPTH + 1)));
        assert!(!ok(&deep(100_000)));
    }

    #[test]
    fn integers() {
        let int = |text: &str| parse(text).unwrap().as_u64();
        assert_eq!(int("0"), Some(0));
        assert_eq!(int("-0"), Some(0));
        assert_eq!(int("255"), Some(255));
        assert_eq!(int("18446744073709551615"), Some(u64::MAX));
        for text in ["18446744073709551616", "-1", "1.0", "1e2", "\"1\"", "null"] {
            assert_eq!(int(text), None, "{text}");
        }
    }

    #[test]
    fn decodes_escapes_without_growing() {
        let raw = r#"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z"#;
        let mut out = String::with_capacity(raw.len());
        let capacity = out.capacity();
        decode_string(raw, &mut out).unwrap();
        assert_eq!(out, "a\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1f600}z");
        assert_eq!(out.capacity(), capacity);
        for lone in [r"\ud83d", r"\ude00", r"\ud83dx", r"\ud83d\u0041"] {
            assert_eq!(string(lone), Err(InvalidJson), "{lone}");
        }
        // Unpaired surrogates pass the syntax check, as serde_json skips them unread.
        assert!(ok(r#"["\ud800"]"#));
    }
}
