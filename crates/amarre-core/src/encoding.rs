//! The text of a file a person gives the app, from its bytes, decided the
//! same way by the checker and by the browser: UTF-8 (with or without a
//! byte-order mark) is read; anything else (Latin-1 or Windows-1252, as
//! spreadsheet programs often save, UTF-16 as some editors save) is refused
//! with the line where it stops being UTF-8 and how to save it again, never
//! shown as « Li�ge ». Converting UTF-16 was measured at 0.3 KiB of the
//! services app's first load, which has no room for it.

use crate::error::{DataError, DataErrorKind};

/// The text in `bytes`, or why it cannot be read as text.
pub fn text_of(file: &str, bytes: &[u8]) -> Result<String, DataError> {
    let refuse = |kind| Err(DataError::new(file, "", kind));
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return refuse(DataErrorKind::NotUtf8 { line: 1 });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return refuse(DataErrorKind::NotUtf8 {
            line: line_at(bytes, bytes.iter().position(|b| *b == 0).unwrap_or(0)),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => refuse(DataErrorKind::NotUtf8 {
            line: line_at(bytes, error.valid_up_to()),
        }),
    }
}

/// The line (from 1) that byte `at` of `bytes` is on.
fn line_at(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at].iter().filter(|b| **b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_of(result: Result<String, DataError>) -> usize {
        match result.map_err(|e| e.kind) {
            Err(DataErrorKind::NotUtf8 { line }) => line,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn utf8_is_read_with_or_without_its_mark() {
        assert_eq!(
            text_of("a.json", "{\"name\": \"Liège\"}".as_bytes()).unwrap(),
            "{\"name\": \"Liège\"}"
        );
        assert_eq!(text_of("a.json", b"\xEF\xBB\xBF{}").unwrap(), "{}");
    }

    #[test]
    fn utf16_is_refused_whichever_way_round() {
        let text = "{\"name\": \"Liège\"}";
        let mut little = vec![0xFF, 0xFE];
        let mut big = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        assert_eq!(line_of(text_of("a.json", &little)), 1);
        assert_eq!(line_of(text_of("a.json", &big)), 1);
    }

    #[test]
    fn latin1_and_utf16_without_a_mark_are_refused_at_their_line() {
        // « Liège » as Latin-1 (or Windows-1252) saves it: è is the byte 0xE8.
        assert_eq!(line_of(text_of("a.json", b"{\n  \"name\": \"Li\xE8ge\"\n}")), 2);
        assert_eq!(line_of(text_of("a.json", b"{\x00\"\x00")), 1);
        let error = text_of("a.json", b"\n\n\xE8").unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.json: is not UTF-8 (from line 3): save it again as UTF-8"
        );
    }
}
