//! A person's kept results, dated: the history, kept on the device only
//! when they ask, open or locked by a passphrase.
//!
//! Stored under one key as `{"format": "amarre-history", "version": 2, …}`
//! with either `entries` (open) or `locked` (the entries, encrypted by the
//! history app with the browser's Web Crypto: PBKDF2-SHA-256 then AES-GCM,
//! the salt, the number of iterations and the IV beside the ciphertext).
//! This module never encrypts anything: it reads and writes the two forms
//! and checks them, every problem with its place.
//!
//! Versions: 1 was a single kept snapshot of one questionnaire's answers,
//! without a date (`amarre.kept.student`, `amarre.kept.family`); it is read
//! into an entry ([`Entry::from_snapshot`]). A version newer than this one
//! is refused with a message, never overwritten.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::answers::Answers;
use crate::date::parse_iso_date;
use crate::error::{DataError, DataErrorKind};
use crate::json::{self, Value};
use crate::questionnaire::Questionnaire;

/// What the stored text says it is.
pub const FORMAT: &str = "amarre-history";
/// The version this code writes.
pub const VERSION: u32 = 2;
/// PBKDF2 iterations for a new lock (at least 600,000).
pub const ITERATIONS: u32 = 600_000;
/// The most entries kept: the oldest go first.
pub const MAX_ENTRIES: usize = 200;

/// One completed questionnaire, with the day it was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Random, unique in the history.
    pub id: String,
    /// The day (local) the person kept it.
    #[serde(with = "crate::date::iso")]
    pub date: NaiveDate,
    /// The answers, as an answers file writes them.
    pub answers: Answers,
}

/// The entries, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Oldest first.
    pub entries: Vec<Entry>,
}

/// The encrypted entries and what opening them needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sealed {
    /// How the key is derived: always `PBKDF2-SHA-256`.
    pub kdf: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
    /// The AES-GCM IV of this write, base64.
    pub iv: String,
    /// The ciphertext of the open history's text, base64.
    pub data: String,
}

/// What is kept under the history's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Readable entries.
    Open(History),
    /// Entries only the passphrase opens.
    Locked(Sealed),
}

impl Entry {
    /// A version-1 kept snapshot (answers, no date), read as an entry of
    /// `today` with the id `id`.
    pub fn from_snapshot(
        file: &str,
        text: &str,
        questionnaire: &Questionnaire,
        id: String,
        today: NaiveDate,
    ) -> Result<Entry, Vec<DataError>> {
        let answers = Answers::from_json(file, text, questionnaire)?;
        Ok(Entry {
            id,
            date: today,
            answers,
        })
    }
}

impl History {
    /// Adds `entry`, or replaces the one with its id; keeps at most
    /// [`MAX_ENTRIES`], dropping the oldest.
    pub fn keep(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(same) => *same = entry,
            None => self.entries.push(entry),
        }
        self.entries.sort_by_key(|e| e.date);
        let extra = self.entries.len().saturating_sub(MAX_ENTRIES);
        self.entries.drain(..extra);
    }

    /// Removes the entry `id`; whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        self.entries.len() != before
    }

    /// The open history as the text that is kept, or encrypted.
    pub fn to_text(&self) -> String {
        write(&Stored {
            format: FORMAT,
            version: VERSION,
            entries: Some(&self.entries),
            locked: None,
        })
    }

    /// Reads the open text back (the stored text, or a decrypted one),
    /// against the questionnaires the app knows.
    pub fn from_text(file: &str, text: &str, questionnaires: &[Questionnaire]) -> Result<History, Vec<DataError>> {
        match read(file, text, questionnaires)? {
            Kept::Open(history) => Ok(history),
            Kept::Locked(_) => Err(vec![DataError::new(
                file,
                "locked",
                DataErrorKind::NotAllowed {
                    value: "a locked history inside a locked history".into(),
                    allowed: "the entries",
                },
            )]),
        }
    }
}

impl Kept {
    /// The text to keep.
    pub fn to_text(&self) -> String {
        match self {
            Kept::Open(history) => history.to_text(),
            Kept::Locked(sealed) => write(&Stored {
                format: FORMAT,
                version: VERSION,
                entries: None,
                locked: Some(sealed),
            }),
        }
    }
}

/// The kept text as it is written.
#[derive(Serialize)]
struct Stored<'a> {
    format: &'a str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "entries")]
    entries: Option<&'a Vec<Entry>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locked: Option<&'a Sealed>,
}

fn entries<S: Serializer>(entries: &Option<&Vec<Entry>>, serializer: S) -> Result<S::Ok, S::Error> {
    entries.unwrap_or(&Vec::new()).serialize(serializer)
}

fn write(stored: &Stored) -> String {
    // Strings, dates and whole numbers only: writing them cannot fail.
    serde_json::to_string(stored).unwrap_or_default()
}

/// Reads what is kept under the history's key, named `file` in messages:
/// every problem with its place, and a newer version refused, not guessed.
pub fn read(file: &str, text: &str, questionnaires: &[Questionnaire]) -> Result<Kept, Vec<DataError>> {
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let Some(root) = json::object(&value, file, "", &["format", "version", "entries", "locked"], &mut errors) else {
        return Err(errors);
    };
    if root.str("format", &mut errors) != Some(FORMAT) && errors.is_empty() {
        let value = root.get("format").and_then(Value::as_str).unwrap_or("?").to_string();
        errors.push(DataError::new(file, "format", DataErrorKind::NotAllowed { value, allowed: FORMAT }));
    }
    match root.u32("version", None, &mut errors) {
        Some(VERSION) | None => {}
        Some(other) => errors.push(DataError::new(
            file,
            "version",
            DataErrorKind::NotAllowed {
                value: other.to_string(),
                allowed: "version 2 (a newer app wrote this: it is left as it is)",
            },
        )),
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let kept = match root.get("locked") {
        Some(locked) => read_sealed(file, locked, &mut errors).map(Kept::Locked),
        None => {
            let mut history = History::default();
            for (n, entry) in root.list("entries", true, &mut errors).iter().enumerate() {
                if let Some(entry) = read_entry(file, &format!("entries[{n}]"), entry, questionnaires, &mut errors) {
                    if history.entries.iter().any(|e| e.id == entry.id) {
                        errors.push(DataError::new(
                            file,
                            format!("entries[{n}] → id"),
                            DataErrorKind::Duplicate { id: entry.id },
                        ));
                    } else {
                        history.entries.push(entry);
                    }
                }
            }
            Some(Kept::Open(history))
        }
    };
    match kept {
        Some(kept) if errors.is_empty() => Ok(kept),
        _ => Err(errors),
    }
}

fn read_entry(
    file: &str,
    place: &str,
    value: &Value,
    questionnaires: &[Questionnaire],
    errors: &mut Vec<DataError>,
) -> Option<Entry> {
    let o = json::object(value, file, place, &["id", "date", "answers"], errors)?;
    let id = o.str("id", errors)?.to_string();
    if id.is_empty() || id.len() > 32 {
        errors.push(DataError::new(file, o.at("id"), DataErrorKind::Empty));
    }
    let date = o.str("date", errors).and_then(|text| {
        let date = parse_iso_date(text);
        if date.is_none() {
            errors.push(DataError::new(file, o.at("date"), DataErrorKind::BadDate { value: text.to_string() }));
        }
        date
    });
    let answers = o.required("answers", errors)?;
    let id_of = answers.get("questionnaire").and_then(Value::as_str).unwrap_or("?");
    let Some(questionnaire) = questionnaires.iter().find(|q| q.id == id_of) else {
        errors.push(DataError::new(
            file,
            o.at("answers → questionnaire"),
            DataErrorKind::UnknownReference {
                what: "questionnaire",
                id: id_of.to_string(),
            },
        ));
        return None;
    };
    let answers = Answers::from_value(file, &o.at("answers"), answers, questionnaire)
        .map_err(|e| errors.extend(e))
        .ok()?;
    Some(Entry {
        id,
        date: date?,
        answers,
    })
}

fn read_sealed(file: &str, value: &Value, errors: &mut Vec<DataError>) -> Option<Sealed> {
    let o = json::object(value, file, "locked", &["kdf", "iterations", "salt", "iv", "data"], errors)?;
    let kdf = o.str("kdf", errors)?.to_string();
    if kdf != "PBKDF2-SHA-256" {
        errors.push(DataError::new(
            file,
            o.at("kdf"),
            DataErrorKind::NotAllowed {
                value: kdf.clone(),
                allowed: "PBKDF2-SHA-256",
            },
        ));
    }
    let iterations = o.u32("iterations", None, errors)?;
    if iterations < ITERATIONS {
        errors.push(DataError::new(
            file,
            o.at("iterations"),
            DataErrorKind::NotAllowed {
                value: iterations.to_string(),
                allowed: "at least 600000 iterations",
            },
        ));
    }
    let mut base64 = |field: &str| {
        let text = o.str(field, errors)?;
        let fine = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=');
        if !fine {
            errors.push(DataError::new(
                file,
                o.at(field),
                DataErrorKind::WrongType {
                    expected: "base64 text",
                },
            ));
        }
        Some(text.to_string())
    };
    let (salt, iv, data) = (base64("salt"), base64("iv"), base64("data"));
    Some(Sealed {
        kdf,
        iterations,
        salt: salt?,
        iv: iv?,
        data: data?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Given;
    use crate::shipped::Content;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn keeps_dated_entries_oldest_first_and_reads_them_back() {
        let content = Content::load().unwrap();
        let q = content.questionnaire("student").unwrap();
        let mut answers = Answers::new(q);
        answers.give(q, 0, Given::Option(0));
        let mut history = History::default();
        history.keep(Entry { id: "b".into(), date: day(3), answers: answers.clone() });
        history.keep(Entry { id: "a".into(), date: day(1), answers: answers.clone() });
        assert_eq!(history.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let text = history.to_text();
        assert_eq!(History::from_text("h", &text, &content.questionnaires).unwrap(), history);
        assert!(history.remove("a") && !history.remove("a"));
    }

    #[test]
    fn a_newer_version_is_refused_and_named() {
        let errors = read("h", r#"{"format":"amarre-history","version":3,"entries":[]}"#, &[]).unwrap_err();
        assert!(errors[0].to_string().contains("a newer app"), "{errors:?}");
    }
}
