//! Calendar dates as data files write them: `YYYY-MM-DD` and nothing else.
//!
//! Parsed by hand into [`chrono::NaiveDate`] rather than with chrono's
//! format parser, which costs about 14 KB of wasm for a format we fix.

use chrono::NaiveDate;

/// The date written `YYYY-MM-DD`, if it is a real calendar date.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// A date written `YYYY-MM-DD` in every file format (`#[serde(with =
/// "crate::date::iso")]`): read back with [`parse_iso_date`], so no
/// format parser is compiled in.
pub mod iso {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Writes `date` as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    /// Reads a `YYYY-MM-DD` date, refusing anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_iso_date(&text)
            .ok_or_else(|| de::Error::custom(format_args!("'{text}' is not a date written YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_real_dates_only() {
        assert_eq!(parse_iso_date("2026-11-22"), NaiveDate::from_ymd_opt(2026, 11, 22));
        assert_eq!(parse_iso_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-1-01",
            "22/11/2026",
            "2026-11-22T00:00",
            "",
            "+026-11-22",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
