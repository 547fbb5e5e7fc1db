//! The national help lines shown in the help area ("Besoin de parler
//! maintenant ?") on every page, read from `data/helplines.json`.
//!
//! Each line keeps the public page its facts were confirmed on and the date,
//! so a maintainer can re-check them before a release. Numbers become `tel:`
//! links through [`SafeLink`], so a line is always one tap from a call.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::date::parse_iso_date;
use super::error::{DataError, DataErrorKind};
use super::language::Languages;
use super::link::SafeLink;
use super::questionnaire::UrgentKind;
use super::text::LocalizedText;

/// A country whose national lines the app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Country {
    /// Belgium (Fédération Wallonie-Bruxelles and beyond).
    #[serde(rename = "BE")]
    Belgium,
    /// France.
    #[serde(rename = "FR")]
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
}

/// A national line someone can call now.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub checked_on: NaiveDate,
    /// The urgent situations this line answers, for the safety net.
    pub urgent_for: Vec<UrgentKind>,
}

/// Mirror of `helplines.json` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lines: Vec<RawLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    id: String,
    country: Country,
    name: BTreeMap<String, String>,
    number: String,
    for_whom: BTreeMap<String, String>,
    hours: BTreeMap<String, String>,
    source: String,
    checked_on: String,
    /// `safety_at_home` and/or `self_harm`.
    #[serde(default)]
    urgent_for: Vec<String>,
    /// For maintainers only (what to re-check); never shown.
    #[serde(default)]
    #[allow(dead_code)] // read by people editing the file, not by the app
    note: Option<String>,
}

/// Reads and validates the help lines file against the declared languages.
pub fn parse_helplines(file: &str, json: &str, languages: &Languages) -> Result<Vec<HelpLine>, Vec<DataError>> {
    let raw: RawFile =
        serde_json::from_str(json).map_err(|e| vec![DataError::new(file, "", DataErrorKind::Syntax(e.to_string()))])?;
    let mut errors = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    let mut lines = Vec::new();
    for (i, line) in raw.lines.iter().enumerate() {
        let place = format!("lines[{i}] ({})", line.id);
        let at = |field: &str| format!("{place} → {field}");
        if line.id.trim().is_empty() {
            errors.push(DataError::new(file, at("id"), DataErrorKind::Empty));
        } else if ids.contains(&line.id.as_str()) {
            errors.push(DataError::new(
                file,
                at("id"),
                DataErrorKind::Duplicate { id: line.id.clone() },
            ));
        }
        ids.push(&line.id);
        let name = LocalizedText::validate(&line.name, languages, file, &at("name"), &mut errors);
        let for_whom = LocalizedText::validate(&line.for_whom, languages, file, &at("for_whom"), &mut errors);
        let hours = LocalizedText::validate(&line.hours, languages, file, &at("hours"), &mut errors);
        let dial = SafeLink::tel(&line.number).map_err(|kind| errors.push(DataError::new(file, at("number"), kind)));
        let source = match SafeLink::parse(&line.source) {
            Ok(link) if link.as_str().starts_with("https:") => Ok(link),
            Ok(_) => Err(DataErrorKind::NotAllowed {
                value: line.source.clone(),
                allowed: "an https: page",
            }),
            Err(kind) => Err(kind),
        }
        .map_err(|kind| errors.push(DataError::new(file, at("source"), kind)));
        let checked_on = parse_iso_date(&line.checked_on).ok_or_else(|| {
            errors.push(DataError::new(
                file,
                at("checked_on"),
                DataErrorKind::BadDate {
                    value: line.checked_on.clone(),
                },
            ))
        });
        let urgent_for = line
            .urgent_for
            .iter()
            .filter_map(|kind| match kind.as_str() {
                "safety_at_home" => Some(UrgentKind::SafetyAtHome),
                "self_harm" => Some(UrgentKind::SelfHarm),
                other => {
                    errors.push(DataError::new(
                        file,
                        at("urgent_for"),
                        DataErrorKind::NotAllowed {
                            value: other.to_string(),
                            allowed: "safety_at_home or self_harm",
                        },
                    ));
                    None
                }
            })
            .collect();
        if let (Ok(dial), Ok(source), Ok(checked_on)) = (dial, source, checked_on) {
            lines.push(HelpLine {
                id: line.id.clone(),
                country: line.country,
                name,
                number: line.number.trim().to_string(),
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

    fn languages() -> Languages {
        Languages::parse(
            "languages.json",
            r#"[{"code":"fr","native_name":"Français","direction":"ltr"},
                {"code":"en","native_name":"English","direction":"ltr"}]"#,
        )
        .unwrap()
    }

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
