//! A JSON tree of any file the apps read: the shipped data files (read by
//! the build script), a directory a coordinator publishes or loads, and
//! what the apps wrote themselves (answers, sessions, a kept directory). The text is parsed by
//! `serde_json`; this module only gives the tree the two properties such
//! files need and `serde_json::Value` lacks:
//! - a key written twice in one object is an error (`serde_json::Value`
//!   silently keeps the last one, and a coordinator would never know which
//!   of their two phone numbers was used);
//! - keys keep the file's order, so problems are listed in reading order.
//!
//! The files the app writes itself (answers, class sessions, the stored
//! directory) are written from serde structs and read back through this
//! tree too: in the browser, one `Deserialize` for the tree and the walk
//! over it measured a third of the size of a derived `Deserialize` per
//! file (README, "Size"), and the walk names the field of each problem.
//! Nesting is limited by `serde_json`'s recursion limit (128 levels), and
//! nothing here is quadratic: an object's keys are found through an index.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// How deep arrays and objects may nest (`serde_json`'s recursion limit).
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string, escapes resolved.
    String(String),
    /// `[ … ]`.
    Array(Vec<Value>),
    /// `{ … }`, keys in the file's order, each key once.
    Object(Map),
}

/// A JSON number: the files only ever need whole numbers from 0 up, so
/// those are kept exactly and any other number only as what it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    Whole(u64),
    /// A negative whole number.
    Negative(i64),
    /// A number with a fraction or an exponent, or too large.
    Other(f64),
}

/// The fields of a JSON object, in the file's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    entries: Vec<(String, Value)>,
    /// Key → position in `entries`, so looking up a field of a 50,000-key
    /// object is not a walk through all of them.
    index: BTreeMap<String, usize>,
}

impl Map {
    /// The value of `key`, if the object has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.index.get(key).map(|&at| &self.entries[at].1)
    }

    /// The keys, in the file's order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// `(key, value)` pairs, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no field.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds `key`; `false` (and nothing changes) if the object has it already.
    pub fn insert(&mut self, key: String, value: Value) -> bool {
        if self.index.contains_key(&key) {
            return false;
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push((key, value));
        true
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Value);
    type IntoIter = std::iter::Map<std::slice::Iter<'m, (String, Value)>, fn(&'m (String, Value)) -> Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
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

    /// The number, if it is a whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Whole(n)) => Some(*n),
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

/// Why a text is not JSON (or not the JSON we accept), and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line, from 1 (0 when `serde_json` gives none).
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
    /// What was wrong there, in words.
    pub what: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.what)
        } else {
            write!(f, "{} at line {}, column {}", self.what, self.line, self.column)
        }
    }
}

impl From<serde_json::Error> for SyntaxError {
    /// `serde_json`'s message with its place written the way every other
    /// message of the app writes it (`… at line 2, column 8`).
    fn from(error: serde_json::Error) -> Self {
        let text = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let what = text.strip_suffix(&suffix).unwrap_or(&text);
        let what = match what {
            "recursion limit exceeded" => "nested more than 128 levels deep".to_string(),
            other => other.to_string(),
        };
        SyntaxError {
            line: error.line(),
            column: error.column(),
            what,
        }
    }
}

/// Reads `text` as one JSON value (surrounding spaces allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    serde_json::from_str(text).map_err(SyntaxError::from)
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Value, E> {
        Ok(Value::Bool(flag))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(Number::Whole(n)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(match u64::try_from(n) {
            Ok(whole) => Number::Whole(whole),
            Err(_) => Number::Negative(n),
        }))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(Number::Other(n)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Value, E> {
        Ok(Value::String(text.to_string()))
    }

    fn visit_string<E>(self, text: String) -> Result<Value, E> {
        Ok(Value::String(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::default();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value()?;
            if map.index.contains_key(&key) {
                return Err(de::Error::custom(format_args!("the field '{key}' is written twice")));
            }
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_kind_of_value_in_the_files_order() {
        let value =
            parse(" {\"b\": [1, -2, 2.5e3, true, false, null], \"a\": \"x\\\"\\u00e9\\ud83d\\ude00\\n\", \"c\": {}} ")
                .unwrap();
        let items = value.get("b").and_then(Value::as_array).unwrap();
        assert_eq!(items[0].as_u64(), Some(1));
        assert_eq!(items[1], Value::Number(Number::Negative(-2)));
        assert_eq!(items[2].as_u64(), None);
        assert_eq!(items[3].as_bool(), Some(true));
        assert!(items[5].is_null());
        assert_eq!(value.get("a").and_then(Value::as_str), Some("x\"é😀\n"));
        assert!(value.get("c").and_then(Value::as_object).unwrap().is_empty());
        assert_eq!(value.as_object().unwrap().keys().collect::<Vec<_>>(), ["b", "a", "c"]);
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        assert_eq!(error("{\n  \"a\": oops}"), "expected value at line 2, column 8");
        assert_eq!(
            error("{\"a\": 1, \"a\": 2}"),
            "the field 'a' is written twice at line 1, column 16"
        );
        assert_eq!(error("[1, 2"), "EOF while parsing a list at line 1, column 5");
        assert_eq!(error("{} {}"), "trailing characters at line 1, column 4");
    }

    #[test]
    fn refuses_nesting_that_would_risk_the_stack() {
        let deep = "[".repeat(100_000);
        assert!(
            error(&deep).starts_with("nested more than 128 levels deep"),
            "{}",
            error(&deep)
        );
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn whole_numbers_only_when_whole_and_not_negative() {
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
    fn fifty_thousand_keys_are_indexed_not_searched() {
        let text = format!(
            "{{{}}}",
            (0..50_000)
                .map(|n| format!("\"k{n}\":{n}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let value = parse(&text).unwrap();
        let map = value.as_object().unwrap();
        assert_eq!(map.len(), 50_000);
        assert_eq!(map.get("k49999").and_then(Value::as_u64), Some(49_999));
        let twice = format!("{},\"k7\":0}}", text.trim_end_matches('}'));
        assert!(error(&twice).starts_with("the field 'k7' is written twice"));
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
