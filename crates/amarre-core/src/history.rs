//! A person's kept results, dated: the history, kept on the device only
//! when they ask, open or locked by a passphrase.
//!
//! Each kept result is stored on its own (`amarre.history.e.<id>`), so
//! keeping one more never reads, rewrites or risks the others:
//! `{"format": "amarre-history-entry", "version": 2, "id", …}` with either
//! `date` and `answers` (open) or `sealed` (the same entry's text,
//! encrypted). The lock, when the person sets one, is stored apart
//! (`amarre.history.lock`): how the key is derived from the passphrase
//! (PBKDF2-SHA-256, the iterations, the salt) and a known text encrypted
//! with it, so a wrong passphrase is told from a right one before anything
//! is written. The app encrypts with the browser's Web Crypto (AES-GCM, a
//! fresh IV per write); this module never encrypts anything: it reads and
//! writes these forms and checks them, every problem with its place.
//!
//! Versions: 1 was a single kept snapshot of one questionnaire's answers,
//! without a date (`amarre.kept.student`, `amarre.kept.family`); it is read
//! into an entry ([`Entry::from_snapshot`]). A version newer than this one
//! is refused as [`Refusal::Newer`], never overwritten.

use chrono::NaiveDate;
use serde::Serialize;

use crate::answers::Answers;
use crate::date::parse_iso_date;
use crate::error::{DataError, DataErrorKind};
use crate::json::{self, Value};
use crate::questionnaire::Questionnaire;

/// What an entry's text says it is.
pub const ENTRY_FORMAT: &str = "amarre-history-entry";
/// What the lock's text says it is.
pub const LOCK_FORMAT: &str = "amarre-history-lock";
/// The version this code writes.
pub const VERSION: u32 = 2;
/// PBKDF2 iterations for a new lock (at least 600,000).
pub const ITERATIONS: u32 = 600_000;
/// The text the lock's check decrypts to with the right passphrase.
pub const CHECK: &str = "amarre-history-lock";
/// The longest entry id.
const MAX_ID: usize = 32;

/// One completed questionnaire, with the day it was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Random, unique on the device; part of the entry's storage key.
    pub id: String,
    /// The day (local) the person kept it.
    #[serde(with = "crate::date::iso")]
    pub date: NaiveDate,
    /// The answers, as an answers file writes them.
    pub answers: Answers,
}

/// An AES-GCM ciphertext and its IV, both base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seal {
    /// The IV of this write.
    pub iv: String,
    /// The ciphertext.
    pub data: String,
}

/// One kept result as stored: readable, or sealed by the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Readable.
    Open(Entry),
    /// Only the passphrase opens it; the seal holds the open entry's text.
    Sealed {
        /// The entry's id (also in the sealed text).
        id: String,
        /// The encrypted entry.
        seal: Seal,
    },
}

/// The lock: how the passphrase becomes the key, and a check of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lock {
    /// Always `PBKDF2-SHA-256`.
    pub kdf: String,
    /// PBKDF2 iterations.
    pub iterations: u32,
    /// The salt, base64.
    pub salt: String,
    /// [`CHECK`], encrypted with the key.
    pub check: Seal,
}

/// Why a stored text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A newer version of the app wrote it: left as it is.
    Newer(u32),
    /// It is damaged, or not ours: every problem with its place.
    Unreadable(Vec<DataError>),
}

/// The kept results, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Oldest first; same day in the order kept.
    pub entries: Vec<Entry>,
}

impl History {
    /// The history of `entries`, oldest first.
    pub fn new(mut entries: Vec<Entry>) -> History {
        entries.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        History { entries }
    }
}

/// The text written for an entry or the lock.
#[derive(Serialize)]
struct Written<'a, T: Serialize> {
    format: &'a str,
    version: u32,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct SealedBody<'a> {
    id: &'a str,
    sealed: &'a Seal,
}

fn write<T: Serialize>(format: &str, body: T) -> String {
    // Strings, dates and whole numbers only: writing them cannot fail.
    serde_json::to_string(&Written {
        format,
        version: VERSION,
        body,
    })
    .unwrap_or_default()
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

    /// The open entry's text: what is stored, or what is sealed.
    pub fn to_text(&self) -> String {
        write(ENTRY_FORMAT, self)
    }
}

impl Stored {
    /// The entry's id.
    pub fn id(&self) -> &str {
        match self {
            Stored::Open(entry) => &entry.id,
            Stored::Sealed { id, .. } => id,
        }
    }

    /// The text to store.
    pub fn to_text(&self) -> String {
        match self {
            Stored::Open(entry) => entry.to_text(),
            Stored::Sealed { id, seal } => write(ENTRY_FORMAT, SealedBody { id, sealed: seal }),
        }
    }
}

impl Lock {
    /// The text to store.
    pub fn to_text(&self) -> String {
        write(LOCK_FORMAT, self)
    }
}

/// Checks the format and version of `root`; a newer version is a refusal
/// of its own.
fn check_header(
    file: &str,
    root: &json::Object<'_>,
    format: &'static str,
    errors: &mut Vec<DataError>,
) -> Result<(), Refusal> {
    if let Some(found) = root.str("format", errors) {
        if found != format {
            errors.push(DataError::new(
                file,
                "format",
                DataErrorKind::NotAllowed {
                    value: found.to_string(),
                    allowed: format,
                },
            ));
        }
    }
    match root.u32("version", None, errors) {
        Some(version) if version > VERSION => Err(Refusal::Newer(version)),
        Some(VERSION) | None => Ok(()),
        Some(other) => {
            errors.push(DataError::new(
                file,
                "version",
                DataErrorKind::NotAllowed {
                    value: other.to_string(),
                    allowed: "version 2",
                },
            ));
            Ok(())
        }
    }
}

fn done<T>(value: Option<T>, errors: Vec<DataError>) -> Result<T, Refusal> {
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(Refusal::Unreadable(errors)),
    }
}

/// Reads one stored entry, named `file` in messages, against the
/// questionnaires the app knows.
pub fn read_entry(file: &str, text: &str, questionnaires: &[Questionnaire]) -> Result<Stored, Refusal> {
    let value = json::parse(file, text).map_err(Refusal::Unreadable)?;
    let mut errors = Vec::new();
    let fields = ["format", "version", "id", "date", "answers", "sealed"];
    let Some(root) = json::object(&value, file, "", &fields, &mut errors) else {
        return Err(Refusal::Unreadable(errors));
    };
    check_header(file, &root, ENTRY_FORMAT, &mut errors)?;
    let id = root.str("id", &mut errors).map(str::to_string);
    if let Some(id) = &id {
        let fine = !id.is_empty()
            && id.len() <= MAX_ID
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !fine {
            errors.push(DataError::new(
                file,
                "id",
                DataErrorKind::NotAllowed {
                    value: id.clone(),
                    allowed: "1 to 32 letters, digits, - or _",
                },
            ));
        }
    }
    let stored = match root.get("sealed") {
        Some(sealed) => {
            let seal = read_seal(file, "sealed", sealed, &mut errors);
            match (id, seal) {
                (Some(id), Some(seal)) => Some(Stored::Sealed { id, seal }),
                _ => None,
            }
        }
        None => read_open(file, &root, id, questionnaires, &mut errors).map(Stored::Open),
    };
    done(stored, errors)
}

fn read_open(
    file: &str,
    root: &json::Object<'_>,
    id: Option<String>,
    questionnaires: &[Questionnaire],
    errors: &mut Vec<DataError>,
) -> Option<Entry> {
    let date = root.str("date", errors).and_then(|text| {
        let date = parse_iso_date(text);
        if date.is_none() {
            errors.push(DataError::new(
                file,
                "date",
                DataErrorKind::BadDate {
                    value: text.to_string(),
                },
            ));
        }
        date
    });
    let answers = root.required("answers", errors)?;
    let id_of = answers.get("questionnaire").and_then(Value::as_str).unwrap_or("?");
    let Some(questionnaire) = questionnaires.iter().find(|q| q.id == id_of) else {
        errors.push(DataError::new(
            file,
            "answers → questionnaire",
            DataErrorKind::UnknownReference {
                what: "questionnaire",
                id: id_of.to_string(),
            },
        ));
        return None;
    };
    let answers = Answers::from_value(file, "answers", answers, questionnaire)
        .map_err(|e| errors.extend(e))
        .ok()?;
    Some(Entry {
        id: id?,
        date: date?,
        answers,
    })
}

/// Reads the lock, named `file` in messages.
pub fn read_lock(file: &str, text: &str) -> Result<Lock, Refusal> {
    let value = json::parse(file, text).map_err(Refusal::Unreadable)?;
    let mut errors = Vec::new();
    let fields = ["format", "version", "kdf", "iterations", "salt", "check"];
    let Some(root) = json::object(&value, file, "", &fields, &mut errors) else {
        return Err(Refusal::Unreadable(errors));
    };
    check_header(file, &root, LOCK_FORMAT, &mut errors)?;
    let kdf = root.str("kdf", &mut errors).map(str::to_string);
    if let Some(kdf) = kdf.as_deref().filter(|k| *k != "PBKDF2-SHA-256") {
        errors.push(DataError::new(
            file,
            "kdf",
            DataErrorKind::NotAllowed {
                value: kdf.to_string(),
                allowed: "PBKDF2-SHA-256",
            },
        ));
    }
    let iterations = root.u32("iterations", None, &mut errors);
    if let Some(iterations) = iterations.filter(|i| *i < ITERATIONS) {
        errors.push(DataError::new(
            file,
            "iterations",
            DataErrorKind::NotAllowed {
                value: iterations.to_string(),
                allowed: "at least 600000 iterations",
            },
        ));
    }
    let salt = base64(file, "salt", &root, &mut errors);
    let check = root
        .required("check", &mut errors)
        .and_then(|check| read_seal(file, "check", check, &mut errors));
    let lock = match (kdf, iterations, salt, check) {
        (Some(kdf), Some(iterations), Some(salt), Some(check)) => Some(Lock {
            kdf,
            iterations,
            salt,
            check,
        }),
        _ => None,
    };
    done(lock, errors)
}

fn read_seal(file: &str, place: &str, value: &Value, errors: &mut Vec<DataError>) -> Option<Seal> {
    let o = json::object(value, file, place, &["iv", "data"], errors)?;
    let (iv, data) = (base64(file, "iv", &o, errors), base64(file, "data", &o, errors));
    Some(Seal { iv: iv?, data: data? })
}

/// The text at `field`, which must be base64.
fn base64(file: &str, field: &str, o: &json::Object<'_>, errors: &mut Vec<DataError>) -> Option<String> {
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
    fn an_entry_is_read_back_and_the_history_is_oldest_first() {
        let content = Content::load().unwrap();
        let q = content.questionnaire("student").unwrap();
        let mut answers = Answers::new(q);
        answers.give(q, 0, Given::Option(0));
        let later = Entry {
            id: "b".into(),
            date: day(3),
            answers: answers.clone(),
        };
        let earlier = Entry {
            id: "a".into(),
            date: day(1),
            answers,
        };
        let text = later.to_text();
        assert_eq!(
            read_entry("h", &text, &content.questionnaires),
            Ok(Stored::Open(later.clone()))
        );
        let history = History::new(vec![later, earlier]);
        assert_eq!(
            history.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn a_newer_version_is_refused_as_newer() {
        let text = r#"{"format":"amarre-history-entry","version":3,"id":"x","shape":"new"}"#;
        assert_eq!(read_entry("h", text, &[]), Err(Refusal::Newer(3)));
    }
}
