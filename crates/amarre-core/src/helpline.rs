//! The national help lines shown in the help area ("Besoin de parler
//! maintenant ?") on every page, read from `data/helplines.json`.
//!
//! Each line keeps the public page its facts were confirmed on and the date,
//! so a maintainer can re-check them before a release. Numbers become `tel:`
//! links through [`SafeLink`], so a line is always one tap from a call.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_iso_date;
use super::error::{DataError, DataErrorKind};
use super::json;
use super::language::Languages;
use super::link::SafeLink;
use super::questionnaire::UrgentKind;
use super::text::LocalizedText;

/// A country whose national lines the app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    /// Belgium (Fédération Wallonie-Bruxelles and beyond).
    Belgium,
    /// France.
    France,
}

impl Country {
    /// Every known country, in the order the help area lists them.
    pub const ALL: [Country; 2] = [Country::Belgium, Country::France];

    /// ISO 3166-1 alpha-2 code, as the data files write it.
    pub fn code(self) -> &'static str {
        match self {
            Country::Belgium => "BE",
            Country::France => "FR",
        }
    }

    /// The country with this ISO code.
    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A national line someone can call now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpLine {
    /// Stable id (`be-103`).
    pub id: String,
    /// Where the line can be called from.
    pub country: Country,
    /// The line's name.
    pub name: LocalizedText,
    /// The number as people write it (`0800 32 123`).
    pub number: String,
    /// The `tel:` link for that number.
    pub dial: SafeLink,
    /// Who the line is for.
    pub for_whom: LocalizedText,
    /// When it answers.
    pub hours: LocalizedText,
    /// The public page the facts were confirmed on.
    pub source: SafeLink,
    /// When a person last confirmed the facts on that page.
    #[serde(with = "crate::date::iso")]
    pub checked_on: NaiveDate,
    /// The urgent situations this line answers, for the safety net.
    pub urgent_for: Vec<UrgentKind>,
}

/// Reads and validates the help lines file against the declared languages.
pub fn parse_helplines(file: &str, text: &str, languages: &Languages) -> Result<Vec<HelpLine>, Vec<DataError>> {
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let mut lines: Vec<HelpLine> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    let entries = json::object(&value, file, "", &["lines"], &mut errors)
        .map_or(&[][..], |root| root.list("lines", true, &mut errors));
    for (i, entry) in entries.iter().enumerate() {
        let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or("?");
        let place = format!("lines[{i}] ({id})");
        let allowed = [
            "id",
            "country",
            "name",
            "number",
            "for_whom",
            "hours",
            "source",
            "checked_on",
            "urgent_for",
            "note",
        ];
        let Some(line) = json::object(entry, file, &place, &allowed, &mut errors) else {
            continue;
        };
        let id = line.str("id", &mut errors).unwrap_or_default();
        if id.trim().is_empty() {
            errors.push(DataError::new(file, line.at("id"), DataErrorKind::Empty));
        } else if ids.contains(&id) {
            errors.push(DataError::new(
                file,
                line.at("id"),
                DataErrorKind::Duplicate { id: id.to_string() },
            ));
        }
        ids.push(id);
        let country = line.str("country", &mut errors).and_then(|code| {
            let country = Country::from_code(code);
            if country.is_none() {
                errors.push(DataError::new(
                    file,
                    line.at("country"),
                    DataErrorKind::NotAllowed {
                        value: code.to_string(),
                        allowed: "BE or FR",
                    },
                ));
            }
            country
        });
        let name = LocalizedText::read(&line, "name", languages, &mut errors);
        let for_whom = LocalizedText::read(&line, "for_whom", languages, &mut errors);
        let hours = LocalizedText::read(&line, "hours", languages, &mut errors);
        let number = line.str("number", &mut errors).unwrap_or_default();
        let dial = SafeLink::tel(number).map_err(|kind| errors.push(DataError::new(file, line.at("number"), kind)));
        let source_text = line.str("source", &mut errors).unwrap_or_default();
        let source = match SafeLink::parse(source_text) {
            Ok(link) if link.as_str().starts_with("https:") => Ok(link),
            Ok(_) => Err(DataErrorKind::NotAllowed {
                value: source_text.to_string(),
                allowed: "an https: page",
            }),
            Err(kind) => Err(kind),
        }
        .map_err(|kind| errors.push(DataError::new(file, line.at("source"), kind)));
        let date = line.str("checked_on", &mut errors).unwrap_or_default();
        let checked_on = parse_iso_date(date).ok_or_else(|| {
            errors.push(DataError::new(
                file,
                line.at("checked_on"),
                DataErrorKind::BadDate {
                    value: date.to_string(),
                },
            ))
        });
        let urgent_for = line.ids(
            "urgent_for",
            UrgentKind::from_id,
            "safety_at_home or self_harm",
            &mut errors,
        );
        // `note` is for maintainers only (what to re-check); never shown.
        let _ = line.opt_str("note", &mut errors);
        if let (Some(country), Ok(dial), Ok(source), Ok(checked_on)) = (country, dial, source, checked_on) {
            lines.push(HelpLine {
                id: id.to_string(),
                country,
                name,
                number: number.trim().to_string(),
                dial,
                for_whom,
                hours,
                source,
                checked_on,
                urgent_for,
            });
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::french_and_english as languages;

    fn line(id: &str, number: &str, source: &str, date: &str) -> String {
        format!(
            r#"{{"id":"{id}","country":"BE","name":{{"fr":"N","en":"N"}},"number":"{number}",
                "for_whom":{{"fr":"Tous","en":"All"}},"hours":{{"fr":"24h/24","en":"24/7"}},
                "source":"{source}","checked_on":"{date}"}}"#
        )
    }

    #[test]
    fn reads_a_valid_line() {
        let json = format!(
            r#"{{"lines":[{}]}}"#,
            line("be-107", "107", "https://www.tele-accueil.be/", "2026-11-22")
        );
        let lines = parse_helplines("helplines.json", &json, &languages()).unwrap();
        assert_eq!(lines[0].dial.as_str(), "tel:107");
        assert_eq!(lines[0].country.code(), "BE");
        assert_eq!(lines[0].hours.get(1), "24/7");
    }

    #[test]
    fn reports_every_problem_with_its_place() {
        let json = format!(
            r#"{{"lines":[{},{}]}}"#,
            line("a", "10x", "javascript:alert(1)", "2026-02-30"),
            line("a", "112", "mailto:x@y.be", "2026-01-01")
        );
        let errors = parse_helplines("helplines.json", &json, &languages()).unwrap_err();
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(lines.len(), 5, "{lines:#?}");
        assert!(lines[0].starts_with("helplines.json: lines[0] (a) → number: link '10x' is not a phone number"));
        assert!(
            lines[1].starts_with("helplines.json: lines[0] (a) → source: link 'javascript:alert(1)' is not allowed")
        );
        assert_eq!(
            lines[2],
            "helplines.json: lines[0] (a) → checked_on: '2026-02-30' is not a date written YYYY-MM-DD"
        );
        assert_eq!(
            lines[3],
            "helplines.json: lines[1] (a) → id: id 'a' is used more than once"
        );
        assert!(lines[4].contains("source: 'mailto:x@y.be' is not allowed here (expected an https: page)"));
    }

    #[test]
    fn unknown_fields_and_countries_are_refused() {
        let json = r#"{"lines":[],"extra":1}"#;
        assert!(parse_helplines("h.json", json, &languages()).is_err());
        let json = line("x", "1", "https://a.be", "2026-01-01").replace("\"BE\"", "\"DE\"");
        assert!(parse_helplines("h.json", &format!(r#"{{"lines":[{json}]}}"#), &languages()).is_err());
    }
}
