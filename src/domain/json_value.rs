//! A small JSON reader and string writer of our own, for every file the app
//! reads: its data, a directory a coordinator loads, what is in storage.
//!
//! Why not serde_json: with serde it was about 18 KB of wasm in each app,
//! most of it generic machinery our hand walk (`super::json`) never used.
//! This one does only what we need: RFC 8259 text in, a [`Value`] tree out,
//! or the first problem with its line and column. It is also stricter in
//! two ways that matter for files people edit by hand: a key written twice
//! in one object is an error (serde_json silently kept the last one), and
//! nesting deeper than [`MAX_DEPTH`] is refused rather than risking the
//! stack on a hostile file. Numbers are kept as written: the files only
//! need whole numbers, read by [`Value::as_u64`].

use std::fmt;

/// How deep arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written in the file (already checked against JSON's grammar).
    Number(String),
    /// A string, escapes resolved.
    String(String),
    /// `[ … ]`.
    Array(Vec<Value>),
    /// `{ … }`, keys in the file's order, each key once.
    Object(Map),
}

/// The fields of a JSON object, in the file's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// The value of `key`, if the object has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys, in the file's order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// `(key, value)` pairs, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it has no field.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Value);
    type IntoIter = std::iter::Map<std::slice::Iter<'m, (String, Value)>, fn(&'m (String, Value)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    /// The object's fields, if it is one.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The array's items, if it is one.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, if it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number, if it is a whole number from 0 to `u64::MAX` written
    /// without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }

    /// The flag, if it is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(flag) => Some(*flag),
            _ => None,
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The field `key` if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|map| map.get(key))
    }
}

/// Written back as compact JSON (for messages that quote a value).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, items: &mut dyn Iterator<Item = String>| {
            f.write_str(&items.collect::<Vec<_>>().join(","))
        };
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(flag) => write!(f, "{flag}"),
            Value::Number(text) => f.write_str(text),
            Value::String(text) => f.write_str(&quoted(text)),
            Value::Array(items) => {
                f.write_str("[")?;
                list(f, &mut items.iter().map(ToString::to_string))?;
                f.write_str("]")
            }
            Value::Object(map) => {
                f.write_str("{")?;
                list(f, &mut map.iter().map(|(k, v)| format!("{}:{v}", quoted(k))))?;
                f.write_str("}")
            }
        }
    }
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// What was wrong there, in words.
    pub what: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {}, column {}", self.what, self.line, self.column)
    }
}

/// Reads `text` as one JSON value (surrounding spaces allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    reader.skip_space();
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error("more text after the end of the JSON value"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    /// Byte offset of the next character.
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: impl Into<String>) -> SyntaxError {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line,
            column: before[line_start..].chars().count() + 1,
            what: what.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, wanted: &str) -> SyntaxError {
        match self.text[self.at..].chars().next() {
            None => self.error(format!("the text ends where {wanted} was expected")),
            // A control character is named by its code: it would not show.
            Some(c) if c < ' ' => self.error(format!("expected {wanted}, found the character U+{:04X}", u32::from(c))),
            Some(c) => self.error(format!("expected {wanted}, found '{c}'")),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn nest(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error(format!("nested more than {MAX_DEPTH} levels deep")))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.nest(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("',' or ']'")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.nest(depth)?;
        self.at += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Map(fields)));
        }
        loop {
            self.skip_space();
            let key_at = self.at;
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a field name in quotes"));
            }
            let key = self.string()?;
            if fields.iter().any(|(k, _)| *k == key) {
                self.at = key_at;
                return Err(self.error(format!("the field '{key}' is written twice")));
            }
            self.skip_space();
            self.expect(b':', "':'")?;
            self.skip_space();
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Map(fields)));
                }
                _ => return Err(self.unexpected("',' or '}'")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole_at = self.at;
        let whole = digits(self);
        if whole == 0 {
            return Err(self.unexpected("a digit"));
        }
        if whole > 1 && self.text.as_bytes()[whole_at] == b'0' {
            self.at = whole_at;
            return Err(self.error("a number may not start with 0"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.unexpected("a digit after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.unexpected("a digit in the exponent"));
            }
        }
        Ok(Value::Number(self.text[start..self.at].to_string()))
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let plain = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(&rest[..plain]);
            self.at += plain;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("a line break or control character inside quotes (write \\n)")),
                None => return Err(self.error("the text ends inside quotes")),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let first = self.hex4()?;
                return match first {
                    0xD800..=0xDBFF => {
                        if !self.text[self.at..].starts_with("\\u") {
                            return Err(self.error("a lone half of a \\u surrogate pair"));
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("a lone half of a \\u surrogate pair"));
                        }
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape"))
                    }
                    0xDC00..=0xDFFF => Err(self.error("a lone half of a \\u surrogate pair")),
                    code => char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape")),
                };
            }
            _ => return Err(self.unexpected("an escape such as \\n, \\\" or \\u00e9")),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self
            .text
            .get(self.at..self.at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(hex) = hex else {
            return Err(self.error("\\u must be followed by 4 hexadecimal digits"));
        };
        self.at += 4;
        u32::from_str_radix(hex, 16).map_err(|_| self.error("\\u must be followed by 4 hexadecimal digits"))
    }
}

/// `text` as a JSON string, quotes included.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_kind_of_value() {
        let value =
            parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\\"\\u00e9\\ud83d\\ude00\\n\", \"c\": {}} ")
                .unwrap();
        let items = value.get("a").and_then(Value::as_array).unwrap();
        assert_eq!(items[0].as_u64(), Some(1));
        assert_eq!(items[1], Value::Number("-2.5e3".into()));
        assert_eq!(items[1].as_u64(), None);
        assert_eq!(items[2].as_bool(), Some(true));
        assert!(items[4].is_null());
        assert_eq!(value.get("b").and_then(Value::as_str), Some("x\"é😀\n"));
        assert!(value.get("c").and_then(Value::as_object).unwrap().is_empty());
        assert_eq!(value.as_object().unwrap().keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(
            value.to_string(),
            "{\"a\":[1,-2.5e3,true,false,null],\"b\":\"x\\\"é😀\\n\",\"c\":{}}"
        );
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        assert_eq!(
            error("{\n  \"a\": oops}"),
            "expected a value, found 'o' at line 2, column 8"
        );
        assert_eq!(
            error("{\"a\": 1, \"a\": 2}"),
            "the field 'a' is written twice at line 1, column 10"
        );
        assert_eq!(
            error("[1, 2"),
            "the text ends where ',' or ']' was expected at line 1, column 6"
        );
        assert_eq!(error("[1,]"), "expected a value, found ']' at line 1, column 4");
        assert_eq!(error("{\"a\" 1}"), "expected ':', found '1' at line 1, column 6");
        assert_eq!(error("01"), "a number may not start with 0 at line 1, column 1");
        assert_eq!(
            error("\"a\nb\""),
            "a line break or control character inside quotes (write \\n) at line 1, column 3"
        );
        assert_eq!(
            error("\"\\ud800\""),
            "a lone half of a \\u surrogate pair at line 1, column 8"
        );
        assert_eq!(
            error("\"\\x\""),
            "expected an escape such as \\n, \\\" or \\u00e9, found 'x' at line 1, column 3"
        );
        assert_eq!(
            error("{} {}"),
            "more text after the end of the JSON value at line 1, column 4"
        );
        assert_eq!(
            error(""),
            "the text ends where a value was expected at line 1, column 1"
        );
        assert_eq!(
            error("[\u{7}]"),
            "expected a value, found the character U+0007 at line 1, column 2"
        );
        assert_eq!(
            error("[1.]"),
            "expected a digit after '.', found ']' at line 1, column 4"
        );
    }

    #[test]
    fn refuses_nesting_that_would_risk_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(error(&deep).starts_with("nested more than 128 levels deep"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn whole_numbers_only_when_written_whole() {
        for (text, expected) in [
            ("0", Some(0)),
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
            ("-1", None),
            ("1.0", None),
            ("1e2", None),
        ] {
            assert_eq!(parse(text).unwrap().as_u64(), expected, "{text}");
        }
    }

    #[test]
    fn a_quoted_text_reads_back_the_same() {
        for text in [
            "",
            "plain",
            "\"quotes\" and \\ back",
            "line\nbreak\ttab\u{1}",
            "émoji 😀 <img onerror=x>",
        ] {
            assert_eq!(parse(&quoted(text)).unwrap(), Value::String(text.to_string()), "{text}");
        }
    }

    #[test]
    fn never_panics_on_cut_or_mangled_text() {
        let sample = "{\"a\": [1, -2.5e3, {\"é\": \"\\u00e9\\ud83d\\ude00\"}], \"b\": null}";
        for end in 0..=sample.len() {
            if let Some(cut) = sample.get(..end) {
                let _ = parse(cut);
            }
        }
        let mut seed = 7u32;
        for _ in 0..5_000 {
            let mut bytes = sample.as_bytes().to_vec();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let at = (seed >> 8) as usize % bytes.len();
            let alphabet = b"{}[]\",:\\u0-e. x";
            bytes[at] = alphabet[(seed >> 20) as usize % alphabet.len()];
            if let Ok(text) = String::from_utf8(bytes) {
                let _ = parse(&text);
            }
        }
    }
}
