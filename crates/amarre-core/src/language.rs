//! The languages the app speaks, as declared in `data/i18n/languages.json`.
//!
//! French is the reference: it comes first in the file, every other language
//! is checked against it, and it is what a missing text falls back to. A
//! language carries its writing direction so that right-to-left languages
//! (Arabic, wanted for families) need only data, no code.

use super::error::{DataError, DataErrorKind};
use super::json;
use serde::{Deserialize, Serialize};

/// Writing direction of a language, as HTML's `dir` attribute spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Left to right (French, English, Dutch…).
    Ltr,
    /// Right to left (Arabic…).
    Rtl,
}

impl Direction {
    /// The value of HTML's `dir` attribute.
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// BCP 47 primary tag, lowercase (`fr`, `en`, `nl`, `ar`).
    pub code: String,
    /// The language's name in itself (`Français`, `English`), as a picker shows it.
    pub native_name: String,
    /// Writing direction.
    pub direction: Direction,
}

/// The declared languages, reference first. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Languages(Vec<Language>);

impl Languages {
    /// Reads and validates `languages.json`: a non-empty list of languages
    /// with well-formed, unique codes and non-empty names.
    pub fn parse(file: &str, text: &str) -> Result<Languages, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let entries = json::array(&value, file, "", &mut errors);
        if entries.is_empty() {
            errors.push(DataError::new(file, "", DataErrorKind::Empty));
        }
        let mut languages: Vec<Language> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let place = format!("[{i}]");
            let Some(object) = json::object(entry, file, &place, &["code", "native_name", "direction"], &mut errors)
            else {
                continue;
            };
            let code = object.str("code", &mut errors).unwrap_or_default();
            if !is_language_code(code) {
                errors.push(DataError::new(
                    file,
                    object.at("code"),
                    DataErrorKind::NotAllowed {
                        value: code.to_string(),
                        allowed: "a lowercase language code of 2 or 3 letters",
                    },
                ));
            }
            if languages.iter().any(|l| l.code == code) {
                errors.push(DataError::new(
                    file,
                    object.at("code"),
                    DataErrorKind::Duplicate { id: code.to_string() },
                ));
            }
            let native_name = object.str("native_name", &mut errors).unwrap_or_default();
            if native_name.trim().is_empty() {
                errors.push(DataError::new(file, object.at("native_name"), DataErrorKind::Empty));
            }
            let direction = match object.str("direction", &mut errors) {
                Some("rtl") => Direction::Rtl,
                Some("ltr") | None => Direction::Ltr,
                Some(other) => {
                    errors.push(DataError::new(
                        file,
                        object.at("direction"),
                        DataErrorKind::NotAllowed {
                            value: other.to_string(),
                            allowed: "ltr or rtl",
                        },
                    ));
                    Direction::Ltr
                }
            };
            languages.push(Language {
                code: code.to_string(),
                native_name: native_name.to_string(),
                direction,
            });
        }
        if errors.is_empty() {
            Ok(Languages(languages))
        } else {
            Err(errors)
        }
    }

    /// The reference language (the first declared): French.
    pub fn reference(&self) -> &Language {
        // The constructor refuses an empty list, so there is a first.
        &self.0[0]
    }

    /// Every declared language, reference first.
    pub fn all(&self) -> &[Language] {
        &self.0
    }

    /// The position of the language with this code, if declared.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.0.iter().position(|l| l.code == code)
    }

    /// The best declared language for a list of preferences such as
    /// `navigator.languages` (`["en-GB", "fr"]`): the first whose primary
    /// tag is declared, or the reference.
    pub fn best_match<'a>(&self, preferences: impl IntoIterator<Item = &'a str>) -> usize {
        preferences
            .into_iter()
            .filter_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
                self.position(&primary)
            })
            .next()
            .unwrap_or(0)
    }
}

/// French and English, as the tests of other modules need them.
#[cfg(test)]
pub(crate) fn french_and_english() -> Languages {
    Languages::parse(
        "languages.json",
        r#"[{"code":"fr","native_name":"Français","direction":"ltr"},
            {"code":"en","native_name":"English","direction":"ltr"}]"#,
    )
    .expect("two valid languages")
}

fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"[
        {"code": "fr", "native_name": "Français", "direction": "ltr"},
        {"code": "ar", "native_name": "العربية", "direction": "rtl"}
    ]"#;

    #[test]
    fn reference_is_the_first_declared() {
        let langs = Languages::parse("languages.json", TWO).unwrap();
        assert_eq!(langs.reference().code, "fr");
        assert_eq!(langs.all()[1].direction.as_html(), "rtl");
    }

    #[test]
    fn best_match_uses_primary_tags_in_order() {
        let langs = Languages::parse("languages.json", TWO).unwrap();
        assert_eq!(langs.best_match(["de-DE", "ar-MA", "fr"]), 1);
        assert_eq!(langs.best_match(["FR-be"]), 0);
        assert_eq!(langs.best_match(["de"]), 0, "unknown falls back to the reference");
        assert_eq!(langs.best_match([]), 0);
    }

    #[test]
    fn rejects_bad_codes_duplicates_and_empty_names() {
        let json = r#"[
            {"code": "FR", "native_name": "Français", "direction": "ltr"},
            {"code": "en", "native_name": " ", "direction": "ltr"},
            {"code": "en", "native_name": "English", "direction": "ltr"}
        ]"#;
        let errors = Languages::parse("languages.json", json).unwrap_err();
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(lines[0].starts_with("languages.json: [0] → code: 'FR' is not allowed"));
        assert_eq!(lines[1], "languages.json: [1] → native_name: is empty");
        assert_eq!(lines[2], "languages.json: [2] → code: id 'en' is used more than once");
    }

    #[test]
    fn rejects_an_empty_list_and_bad_json() {
        assert!(Languages::parse("languages.json", "[]").is_err());
        let e = Languages::parse("languages.json", "{").unwrap_err();
        assert!(matches!(e[0].kind, DataErrorKind::Syntax(_)));
    }
}
