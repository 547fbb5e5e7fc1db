//! The UI's words in every language: one flat JSON file per language in
//! `data/i18n/` (`"home.title": "…"`), listed in `languages.json`.
//!
//! Adding a language is data only: add its file and its line in
//! `languages.json`; the build script reads every file of the folder
//! ([`crate::shipped`]). The catalog is validated against the reference
//! language (French) when it is built, natively: same keys, no empty text,
//! the same `{placeholders}`. At run time a key that is somehow missing
//! falls back to French, then to the key itself, so a gap never blanks the
//! page. The reactive side (which language is chosen) lives in the apps.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::json;
use crate::language::Languages;
use crate::pack;
use crate::{DataError, DataErrorKind};

/// Every UI string, in every declared language.
///
/// Kept as one sorted list of keys and, per language, the texts in the same
/// order (a missing text is empty): each key is stored once, not once per
/// language, and looked up by binary search.
///
/// In an app's baked content only the reference language's texts are
/// inline; the others come from the language packs ([`crate::pack`]).
#[derive(Debug, Clone, Deserialize)]
pub struct Catalog {
    languages: Languages,
    /// Every key of the reference language, sorted.
    keys: Vec<String>,
    /// Per language, in the order of `languages`: the text of each key.
    texts: Vec<Vec<String>>,
}

impl Serialize for Catalog {
    /// Whole, or, while the build splits an app's content, with the
    /// reference language's texts only.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Catalog", 3)?;
        out.serialize_field("languages", &self.languages)?;
        out.serialize_field("keys", &self.keys)?;
        match pack::take_catalog(&self.keys, &self.texts) {
            Some(reference) => out.serialize_field("texts", std::slice::from_ref(&reference))?,
            None => out.serialize_field("texts", &self.texts)?,
        }
        out.end()
    }
}

impl Catalog {
    /// Builds the catalog from the declared languages and `(code, file,
    /// json)` triples, one per `data/i18n/…/<code>.json` file.
    pub fn parse(languages: Languages, files: &[(&str, &str, &str)]) -> Result<Catalog, Vec<DataError>> {
        let mut errors = Vec::new();
        for (code, file, _) in files {
            if languages.position(code).is_none() {
                errors.push(DataError::new(
                    *file,
                    "",
                    DataErrorKind::UnknownLanguage {
                        language: code.to_string(),
                    },
                ));
            }
        }
        let mut messages = Vec::new();
        for lang in languages.all() {
            let mut merged = BTreeMap::new();
            let mine: Vec<_> = files.iter().filter(|(code, _, _)| *code == lang.code).collect();
            if mine.is_empty() {
                errors.push(DataError::new(
                    "languages.json",
                    lang.code.as_str(),
                    DataErrorKind::MissingTranslation {
                        language: lang.code.clone(),
                    },
                ));
            }
            // Several files per language (the shared words, an app's own)
            // are merged; a key in two of them is a mistake.
            for (_, file, json) in mine {
                if let Ok(value) = json::parse(file, json).map_err(|e| errors.extend(e)) {
                    for (key, text) in json::string_map(&value, file, "", &mut errors) {
                        if merged.contains_key(&key) {
                            errors.push(DataError::new(*file, "", DataErrorKind::Duplicate { id: key.clone() }));
                        }
                        merged.insert(key, text);
                    }
                }
            }
            messages.push(merged);
        }
        if errors.is_empty() {
            check_against_reference(&languages, &messages, &mut errors);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // BTreeMap keys come sorted.
        let keys: Vec<String> = messages[0].keys().cloned().collect();
        let texts = messages
            .iter()
            .map(|m| keys.iter().map(|k| m.get(k).cloned().unwrap_or_default()).collect())
            .collect();
        Ok(Catalog { languages, keys, texts })
    }

    /// The text of `key` in the language at `language`, if it has one.
    fn find(&self, language: usize, key: &str) -> Option<&str> {
        let at = self.keys.binary_search_by(|k| k.as_str().cmp(key)).ok()?;
        // An empty inline text is one the packs hold (the reference
        // language's easy-read texts), or a missing one.
        let inline = self.texts.get(language).and_then(|texts| texts.get(at));
        inline
            .map(String::as_str)
            .filter(|text| !text.is_empty())
            .or_else(|| pack::catalog_text(language, at))
    }

    /// The declared languages, reference first.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    /// The text for `key` in the language at position `language`.
    pub fn text<'a>(&'a self, language: usize, key: &'a str) -> &'a str {
        self.find(language, key).or_else(|| self.find(0, key)).unwrap_or(key)
    }

    /// The easy-read text for `key` (`<key>.easy`) when `easy` is set and
    /// the catalog has one; the usual text otherwise.
    pub fn text_easy<'a>(&'a self, language: usize, key: &'a str, easy: bool) -> &'a str {
        if easy {
            let easy_key = format!("{key}.easy");
            if let Some(text) = self.find(language, &easy_key) {
                return text;
            }
        }
        self.text(language, key)
    }

    /// The text for `key` (easy-read when `easy` is set and it has a
    /// variant) with each `{name}` replaced by its value.
    pub fn format(&self, language: usize, key: &str, args: &[(&str, &str)], easy: bool) -> String {
        args.iter().fold(
            self.text_easy(language, key, easy).to_string(),
            |text, (name, value)| text.replace(&format!("{{{name}}}"), value),
        )
    }

    /// Every key of the reference language.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }
}

fn check_against_reference(languages: &Languages, messages: &[BTreeMap<String, String>], errors: &mut Vec<DataError>) {
    let reference = &messages[0];
    for (lang, map) in languages.all().iter().zip(messages) {
        let file = format!("{}.json", lang.code);
        for (key, text) in map {
            if text.trim().is_empty() {
                errors.push(DataError::new(&file, key.as_str(), DataErrorKind::Empty));
            }
            match reference.get(key) {
                None => errors.push(DataError::new(
                    &file,
                    key.as_str(),
                    DataErrorKind::NotAllowed {
                        value: key.clone(),
                        allowed: "a key that fr.json has",
                    },
                )),
                Some(reference_text) => {
                    let (expected, found) = (placeholders(reference_text), placeholders(text));
                    if expected != found {
                        errors.push(DataError::new(
                            &file,
                            key.as_str(),
                            DataErrorKind::PlaceholderMismatch {
                                expected: expected.into_iter().collect(),
                                found: found.into_iter().collect(),
                            },
                        ));
                    }
                }
            }
        }
        for key in reference.keys().filter(|k| !map.contains_key(*k)) {
            errors.push(DataError::new(
                &file,
                key.as_str(),
                DataErrorKind::MissingTranslation {
                    language: lang.code.clone(),
                },
            ));
        }
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::french_and_english as languages;

    #[test]
    fn looks_up_formats_and_falls_back() {
        let catalog = Catalog::parse(
            languages(),
            &[
                ("fr", "fr.json", r#"{"a":"Bonjour {name}"}"#),
                ("fr", "class/fr.json", r#"{"b":"Oui"}"#),
                ("en", "en.json", r#"{"a":"Hello {name}","b":"Yes"}"#),
            ],
        )
        .unwrap();
        assert_eq!(catalog.format(1, "a", &[("name", "Léa")], false), "Hello Léa");
        assert_eq!(catalog.text(0, "b"), "Oui");
        assert_eq!(
            catalog.text(7, "b"),
            "Oui",
            "an unknown language position falls back to French"
        );
        assert_eq!(
            catalog.text(1, "zzz"),
            "zzz",
            "an unknown key shows itself rather than nothing"
        );
    }

    #[test]
    fn names_missing_extra_empty_and_mismatched_keys() {
        let errors = Catalog::parse(
            languages(),
            &[
                ("fr", "fr.json", r#"{"a":"Bonjour {name}","b":"Oui","c":"Non"}"#),
                ("en", "en.json", r#"{"a":"Hello {who}","b":" ","d":"Extra"}"#),
            ],
        )
        .unwrap_err();
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            lines,
            vec![
                "en.json: a: placeholders differ from the reference text: expected {name}, found {who}",
                "en.json: b: is empty",
                "en.json: d: 'd' is not allowed here (expected a key that fr.json has)",
                "en.json: c: has no text in language 'en'",
            ]
        );
    }

    #[test]
    fn a_key_in_two_files_of_one_language_is_an_error() {
        let errors = Catalog::parse(
            languages(),
            &[
                ("fr", "fr.json", r#"{"a":"Oui"}"#),
                ("fr", "class/fr.json", r#"{"a":"Non"}"#),
                ("en", "en.json", r#"{"a":"Yes"}"#),
            ],
        )
        .unwrap_err();
        assert_eq!(errors[0].to_string(), "class/fr.json: id 'a' is used more than once");
    }

    #[test]
    fn a_language_without_file_or_a_file_without_language_is_an_error() {
        let errors = Catalog::parse(languages(), &[("fr", "fr.json", "{}"), ("de", "de.json", "{}")]).unwrap_err();
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            lines,
            vec![
                "de.json: has a text in 'de', which is not a declared language",
                "languages.json: en: has no text in language 'en'",
            ]
        );
    }

    #[test]
    fn placeholders_are_names_in_braces() {
        assert_eq!(
            placeholders("{a} et {b_2} mais pas { } ni {x-y}"),
            ["a", "b_2"].iter().map(|s| s.to_string()).collect()
        );
    }
}
