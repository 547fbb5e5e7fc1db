//! A text written in every language the app speaks: the shape every
//! translatable field of a content file has (`{"fr": "…", "en": "…"}`).
//!
//! Validation makes sure each declared language is present and non-empty and
//! that no undeclared language slips in, so the UI can always show a text in
//! the chosen language without a fallback path hiding a missing translation.
//!
//! Also [`fold`]: a text in lower case without accents, for matching what
//! people type ("liege" finds "Liège").

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::error::{DataError, DataErrorKind};
use super::json::Object;
use super::language::Languages;
use super::pack;

/// A text in each declared language, in the order of [`Languages`].
///
/// In an app's baked content only the reference text is inline; the others
/// come from the language packs ([`crate::pack`]) under the text's number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LocalizedText {
    /// The texts inline, by language position (all, or the reference only).
    texts: Vec<String>,
    /// Its number in the language packs ([`pack::WHOLE`] when all are inline).
    number: u32,
}

impl Serialize for LocalizedText {
    /// Whole, or, while the build splits an app's content, the reference
    /// text only with its number in the packs.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("LocalizedText", 2)?;
        match pack::take_text(&self.texts) {
            Some((number, inline)) => {
                out.serialize_field("texts", &self.texts[..inline])?;
                out.serialize_field("number", &number)?;
            }
            None => {
                out.serialize_field("texts", &self.texts)?;
                out.serialize_field("number", &self.number)?;
            }
        }
        out.end()
    }
}

impl LocalizedText {
    /// Validates a raw `{"fr": …, "en": …}` map at `place` in `file`
    /// against the declared languages, adding any problem to `errors`.
    pub fn validate(
        raw: &BTreeMap<String, String>,
        languages: &Languages,
        file: &str,
        place: &str,
        errors: &mut Vec<DataError>,
    ) -> LocalizedText {
        for code in raw.keys() {
            if languages.position(code).is_none() {
                errors.push(DataError::new(
                    file,
                    place,
                    DataErrorKind::UnknownLanguage { language: code.clone() },
                ));
            }
        }
        let texts = languages
            .all()
            .iter()
            .map(|lang| match raw.get(&lang.code) {
                None => {
                    errors.push(DataError::new(
                        file,
                        place,
                        DataErrorKind::MissingTranslation {
                            language: lang.code.clone(),
                        },
                    ));
                    String::new()
                }
                Some(text) if text.trim().is_empty() => {
                    errors.push(DataError::new(
                        file,
                        format!("{place}.{}", lang.code),
                        DataErrorKind::Empty,
                    ));
                    String::new()
                }
                Some(text) => text.clone(),
            })
            .collect();
        LocalizedText {
            texts,
            number: pack::WHOLE,
        }
    }

    /// The required field `field` of a data-file object, read and validated.
    pub fn read(object: &Object, field: &str, languages: &Languages, errors: &mut Vec<DataError>) -> LocalizedText {
        let raw = object.texts(field, errors);
        LocalizedText::validate(&raw, languages, object.file(), &object.at(field), errors)
    }

    /// The text in the language at `language` (a position in [`Languages`]);
    /// the reference text if that language's text is not there.
    pub fn get(&self, language: usize) -> &str {
        self.try_get(language).or_else(|| self.try_get(0)).unwrap_or_default()
    }

    /// The text in the language at `language`, inline or from its pack, if
    /// it is there.
    pub fn try_get(&self, language: usize) -> Option<&str> {
        match self.texts.get(language) {
            Some(text) => Some(text),
            None => pack::text(language, self.number),
        }
    }
}

/// A text with its easy-read variant (FALC: common words, one idea per
/// sentence, about 12 words or fewer), in every language. Data files write
/// it as one map: `{"fr": …, "fr_easy": …, "en": …, "en_easy": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EasyText {
    /// The usual wording.
    pub standard: LocalizedText,
    /// The easy-read wording.
    pub easy: LocalizedText,
}

impl Serialize for EasyText {
    /// Both wordings; while the build splits an app's content the easy-read
    /// one goes whole to the packs ([`pack`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("EasyText", 2)?;
        out.serialize_field("standard", &self.standard)?;
        pack::easy_read(|| out.serialize_field("easy", &self.easy))?;
        out.end()
    }
}

impl EasyText {
    /// Validates a raw map holding `<lang>` and `<lang>_easy` for every
    /// declared language, adding any problem to `errors`.
    pub fn validate(
        raw: &BTreeMap<String, String>,
        languages: &Languages,
        file: &str,
        place: &str,
        errors: &mut Vec<DataError>,
    ) -> EasyText {
        let mut standard = BTreeMap::new();
        let mut easy = BTreeMap::new();
        for (key, text) in raw {
            match key.strip_suffix("_easy") {
                Some(code) => easy.insert(code.to_string(), text.clone()),
                None => standard.insert(key.clone(), text.clone()),
            };
        }
        EasyText {
            standard: LocalizedText::validate(&standard, languages, file, place, errors),
            easy: LocalizedText::validate(&easy, languages, file, &format!("{place} (easy-read)"), errors),
        }
    }

    /// The text in `language`, easy-read if `easy` is set; until a pack
    /// is there, the usual wording, then French.
    pub fn get(&self, language: usize, easy: bool) -> &str {
        easy.then(|| self.easy.try_get(language))
            .flatten()
            .unwrap_or_else(|| self.standard.get(language))
    }
}

/// Lower case without accents, for matching what people type.
///
/// Covers the Latin letters of the app's languages by hand: Unicode's case
/// tables (`char::to_lowercase`) would add about 4 KiB to the download.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

/// `c` in lower case, for ASCII and Latin-1 letters and `Œ`, `Ÿ`.
fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Latin-1's capitals sit 32 below their small letters; `×` is not one.
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::french_and_english as languages;

    fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn keeps_texts_in_declared_order() {
        let mut errors = vec![];
        let t = LocalizedText::validate(
            &raw(&[("en", "Hello"), ("fr", "Bonjour")]),
            &languages(),
            "f",
            "p",
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(t.get(0), "Bonjour");
        assert_eq!(t.get(1), "Hello");
        assert_eq!(t.get(9), "Bonjour");
    }

    #[test]
    fn easy_text_needs_both_variants_in_every_language() {
        let mut errors = vec![];
        let t = EasyText::validate(
            &raw(&[
                ("fr", "Te sens-tu bien ?"),
                ("fr_easy", "Ça va ?"),
                ("en", "Do you feel well?"),
            ]),
            &languages(),
            "q.json",
            "items[0] (mood) → question",
            &mut errors,
        );
        assert_eq!(t.get(0, true), "Ça va ?");
        assert_eq!(t.get(1, false), "Do you feel well?");
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            lines,
            vec!["q.json: items[0] (mood) → question (easy-read): has no text in language 'en'"]
        );
    }

    #[test]
    fn reports_missing_empty_and_unknown_languages() {
        let mut errors = vec![];
        LocalizedText::validate(
            &raw(&[("fr", "  "), ("de", "Hallo")]),
            &languages(),
            "x.json",
            "name",
            &mut errors,
        );
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            lines,
            vec![
                "x.json: name: has a text in 'de', which is not a declared language",
                "x.json: name.fr: is empty",
                "x.json: name: has no text in language 'en'",
            ]
        );
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Liège Œuvre ÉCOLE"), "liege oeuvre ecole");
        assert_eq!(fold("ÀÇÑÖ ÿŸ × Ñ"), "acno yy × n");
    }
}
