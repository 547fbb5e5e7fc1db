//! A class climate survey session on the teacher's device: its name, how
//! the students answer, and what it holds, which is counts only.
//!
//! A session never keeps a student's answers. Each finished answer set (one
//! shared device) or decoded response code (own devices) first waits in
//! memory ([`Waiting`]); answers join the kept [`Tally`] only five or more
//! at a time, so comparing what is kept before and after a student never
//! tells what that student answered. Of a code, only a salted 32-bit
//! fingerprint is kept, to catch the same code typed twice; the answers
//! cannot be read back from it (about 2²² codes of a 14-item survey share
//! each fingerprint), and a batch's fingerprints are kept in an order that
//! does not follow their arrival.
//!
//! Sessions are kept on the device as one JSON text ([`to_text`]) and read
//! back with every problem named ([`parse_sessions`]); a session that
//! cannot be read is returned apart, with its text, to be set aside and
//! reported, never dropped.

use std::collections::HashSet;

use serde::Serialize;

use super::climate::{Tally, MIN_GROUP};
use super::code::{canonical, CodeError, ResponseCode, SurveyKey};
use super::code_batch;
use super::date::parse_iso_date;
use super::error::{DataError, DataErrorKind};
use super::json::{self, Value};
use super::questionnaire::Questionnaire;

/// The `format` field of the stored text.
pub const FORMAT: &str = "amarre-class-sessions";
/// Longest session name, in characters.
pub const MAX_NAME: usize = 80;
/// Largest threshold a teacher may set for showing the report.
pub const MAX_THRESHOLD: u32 = 40;

/// How the students answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One after another on the teacher's device.
    SharedDevice,
    /// Each on their own phone, handing in a response code.
    OwnDevices,
}

impl Mode {
    /// Both modes.
    pub const ALL: [Mode; 2] = [Mode::SharedDevice, Mode::OwnDevices];

    /// The mode's id in the stored text.
    pub fn id(self) -> &'static str {
        match self {
            Mode::SharedDevice => "shared",
            Mode::OwnDevices => "own",
        }
    }

    /// The mode with this id.
    pub fn from_id(id: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// One survey session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Random, unique on the device.
    pub id: String,
    /// The teacher's name for it ("3e B, novembre"), shown as text only.
    pub name: String,
    /// How the students answer.
    pub mode: Mode,
    /// Answers needed before the report shows (at least [`MIN_GROUP`]).
    pub threshold: u32,
    /// The day it was opened (`YYYY-MM-DD`).
    pub opened: String,
    /// Whether the teacher closed it (no more answers).
    pub closed: bool,
    /// Random salt of the code fingerprints.
    pub salt: u32,
    /// Fingerprints of the codes already counted.
    pub seen: Vec<u32>,
    /// The counts.
    pub tally: Tally,
}

/// Why a session cannot be opened as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    /// The name is empty.
    EmptyName,
    /// The name is longer than [`MAX_NAME`] characters.
    NameTooLong,
    /// The threshold is below [`MIN_GROUP`] or above [`MAX_THRESHOLD`].
    Threshold,
}

/// What happened to one typed code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeOutcome {
    /// Counted.
    Counted,
    /// Counted before (in this batch or an earlier one).
    AlreadyCounted,
    /// The session is closed.
    Closed,
    /// Not a valid code for this survey.
    Refused(CodeError),
}

/// One code of a pasted batch and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeReport {
    /// Its number in the batch (1-based).
    pub number: usize,
    /// The code as typed (trimmed), to show next to a refusal.
    pub typed: String,
    /// What happened.
    pub outcome: CodeOutcome,
}

impl Session {
    /// A new, empty session of `questionnaire`.
    pub fn open(
        id: String,
        name: &str,
        mode: Mode,
        threshold: u32,
        opened: String,
        salt: u32,
        questionnaire: &Questionnaire,
    ) -> Result<Session, SessionError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(SessionError::EmptyName);
        }
        if name.chars().count() > MAX_NAME {
            return Err(SessionError::NameTooLong);
        }
        if !(MIN_GROUP..=MAX_THRESHOLD).contains(&threshold) {
            return Err(SessionError::Threshold);
        }
        Ok(Session {
            id,
            name: name.to_string(),
            mode,
            threshold,
            opened,
            closed: false,
            salt,
            seen: Vec::new(),
            tally: Tally::new(questionnaire),
        })
    }

    /// Takes one student's finished answers (shared device), unless closed:
    /// they wait, and join the counts with four others or more. Returns
    /// whether they were taken.
    pub fn add_answers(&mut self, waiting: &mut Waiting, answers: &[Option<u8>]) -> bool {
        if self.closed {
            return false;
        }
        waiting.entries.push((answers.to_vec(), None));
        self.pool(waiting);
        true
    }

    /// Reads a pasted or typed batch of codes ([`code_batch::pieces`]:
    /// separated by anything or nothing, a damaged one never taking its
    /// neighbour), takes the valid new ones and says what became of each.
    pub fn add_codes(&mut self, waiting: &mut Waiting, batch: &str, key: SurveyKey) -> Vec<CodeReport> {
        // Every fingerprint known, kept or waiting: one look-up per code.
        let mut known: HashSet<u32> = self.seen.iter().copied().collect();
        known.extend(waiting.entries.iter().filter_map(|(_, print)| *print));
        let reports = code_batch::pieces(batch, key)
            .into_iter()
            .enumerate()
            .map(|(i, typed)| {
                let outcome = match ResponseCode::decode(&typed, key) {
                    _ if self.closed => CodeOutcome::Closed,
                    Err(error) => CodeOutcome::Refused(error),
                    Ok(code) => {
                        let print = fingerprint(self.salt, &canonical(&typed).unwrap_or_default());
                        if known.insert(print) {
                            waiting.entries.push((code.answers, Some(print)));
                            CodeOutcome::Counted
                        } else {
                            CodeOutcome::AlreadyCounted
                        }
                    }
                };
                CodeReport {
                    number: i + 1,
                    typed,
                    outcome,
                }
            })
            .collect();
        self.pool(waiting);
        reports
    }

    /// Adds what waits to the counts if there are at least [`POOL`]
    /// answers (after dropping codes another tab counted meanwhile). The
    /// fingerprints join the kept ones in the order of a hash set, which
    /// does not follow the order they came in.
    fn pool(&mut self, waiting: &mut Waiting) {
        let seen: HashSet<u32> = self.seen.iter().copied().collect();
        waiting
            .entries
            .retain(|(_, print)| print.is_none_or(|p| !seen.contains(&p)));
        if waiting.entries.len() < POOL {
            return;
        }
        let mut prints = HashSet::new();
        for (answers, print) in waiting.entries.drain(..) {
            self.tally.add(&answers);
            prints.extend(print);
        }
        self.seen.extend(prints);
    }
}

/// Fewest answers that join the kept counts at once: the report's smallest
/// group.
pub const POOL: usize = MIN_GROUP as usize;

/// Answers taken but not yet in the kept counts, held in the page's memory
/// only (never written): each with its code's fingerprint, if it came as a
/// code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Waiting {
    entries: Vec<(Vec<Option<u8>>, Option<u32>)>,
}

impl Waiting {
    /// How many answers wait.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A salted FNV-1a hash of a code's canonical form.
fn fingerprint(salt: u32, canonical: &str) -> u32 {
    salt.to_le_bytes()
        .iter()
        .chain(canonical.as_bytes())
        .fold(0x811c_9dc5_u32, |hash, &byte| {
            (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
        })
}

/// A session as the stored text writes it: counts and fingerprints, never
/// an answer set or a code. Read back by [`parse_sessions`], which checks
/// every field (a known mode, a real date, counts that add up).
#[derive(Serialize)]
struct StoredSession<'s> {
    id: &'s str,
    name: &'s str,
    mode: &'s str,
    threshold: u32,
    opened: &'s str,
    closed: bool,
    questionnaire: &'s str,
    questionnaire_version: u32,
    salt: u32,
    seen: &'s [u32],
    answers: u32,
    counts: &'s [[u32; 6]],
}

/// The stored text as it is written.
#[derive(Serialize)]
struct Store<'s> {
    format: &'s str,
    version: u32,
    sessions: Vec<StoredSession<'s>>,
}

/// The sessions as the text kept on the device (JSON).
pub fn to_text(sessions: &[Session]) -> String {
    let store = Store {
        format: FORMAT,
        version: 1,
        sessions: sessions
            .iter()
            .map(|s| StoredSession {
                id: &s.id,
                name: &s.name,
                mode: s.mode.id(),
                threshold: s.threshold,
                opened: &s.opened,
                closed: s.closed,
                questionnaire: &s.tally.questionnaire,
                questionnaire_version: s.tally.version,
                salt: s.salt,
                seen: &s.seen,
                answers: s.tally.answers,
                counts: &s.tally.counts,
            })
            .collect(),
    };
    // Strings, flags and whole numbers only: writing them cannot fail.
    serde_json::to_string(&store).unwrap_or_default()
}

/// A stored session that could not be read: the stored text it came from,
/// to set aside whole, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The session's text (or the whole stored text if it was not JSON).
    pub text: String,
    /// Every problem found.
    pub errors: Vec<DataError>,
}

/// Reads the stored text against `questionnaire`: the sessions that are
/// sound, and apart, each one that is not (with the place of each problem).
pub fn parse_sessions(file: &str, text: &str, questionnaire: &Questionnaire) -> (Vec<Session>, Vec<Unreadable>) {
    let whole = |errors| {
        vec![Unreadable {
            text: text.to_string(),
            errors,
        }]
    };
    let value = match json::parse(file, text) {
        Ok(value) => value,
        Err(errors) => return (Vec::new(), whole(errors)),
    };
    let mut errors = Vec::new();
    let Some(root) = json::object(&value, file, "", &["format", "version", "sessions"], &mut errors) else {
        return (Vec::new(), whole(errors));
    };
    if root.str("format", &mut errors) != Some(FORMAT) && errors.is_empty() {
        errors.push(DataError::new(
            file,
            "format",
            DataErrorKind::NotAllowed {
                value: root.get("format").and_then(Value::as_str).unwrap_or("?").to_string(),
                allowed: FORMAT,
            },
        ));
    }
    if root.u32("version", None, &mut errors) != Some(1) && errors.is_empty() {
        errors.push(DataError::new(
            file,
            "version",
            DataErrorKind::NotAllowed {
                value: root
                    .get("version")
                    .and_then(Value::as_u64)
                    .map_or("?".into(), |v| v.to_string()),
                allowed: "1",
            },
        ));
    }
    let list = root.list("sessions", true, &mut errors);
    if !errors.is_empty() {
        return (Vec::new(), whole(errors));
    }
    let mut sessions: Vec<Session> = Vec::new();
    let mut unreadable = Vec::new();
    for (i, value) in list.iter().enumerate() {
        let mut errors = Vec::new();
        match read_session(file, &format!("sessions[{i}]"), value, questionnaire, &mut errors) {
            Some(session) if errors.is_empty() && !sessions.iter().any(|s| s.id == session.id) => {
                sessions.push(session);
            }
            Some(session) if errors.is_empty() => unreadable.push(Unreadable {
                text: text.to_string(),
                errors: vec![DataError::new(
                    file,
                    format!("sessions[{i}] → id"),
                    DataErrorKind::Duplicate { id: session.id },
                )],
            }),
            _ => unreadable.push(Unreadable {
                text: text.to_string(),
                errors,
            }),
        }
    }
    (sessions, unreadable)
}

fn read_session(
    file: &str,
    place: &str,
    value: &Value,
    questionnaire: &Questionnaire,
    errors: &mut Vec<DataError>,
) -> Option<Session> {
    const FIELDS: [&str; 12] = [
        "id",
        "name",
        "mode",
        "threshold",
        "opened",
        "closed",
        "questionnaire",
        "questionnaire_version",
        "salt",
        "seen",
        "answers",
        "counts",
    ];
    let o = json::object(value, file, place, &FIELDS, errors)?;
    let problem = |errors: &mut Vec<DataError>, field: &str, kind| errors.push(DataError::new(file, o.at(field), kind));
    let id = o.str("id", errors).unwrap_or_default().to_string();
    if id.is_empty() || id.len() > 32 {
        problem(errors, "id", DataErrorKind::Empty);
    }
    let name = o.str("name", errors).unwrap_or_default().to_string();
    if name.trim().is_empty() || name.chars().count() > MAX_NAME {
        problem(errors, "name", DataErrorKind::Empty);
    }
    let mode = o.str("mode", errors).and_then(|m| {
        let mode = Mode::from_id(m);
        if mode.is_none() {
            problem(
                errors,
                "mode",
                DataErrorKind::NotAllowed {
                    value: m.to_string(),
                    allowed: "shared, own",
                },
            );
        }
        mode
    });
    let threshold = o.u32("threshold", None, errors);
    if threshold.is_some_and(|t| !(MIN_GROUP..=MAX_THRESHOLD).contains(&t)) {
        problem(
            errors,
            "threshold",
            DataErrorKind::NotAllowed {
                value: threshold.unwrap_or_default().to_string(),
                allowed: "5 to 40",
            },
        );
    }
    let opened = o.str("opened", errors).unwrap_or_default().to_string();
    if parse_iso_date(&opened).is_none() {
        problem(errors, "opened", DataErrorKind::BadDate { value: opened.clone() });
    }
    let closed = o.opt_bool("closed", errors).unwrap_or(false);
    if o.str("questionnaire", errors).is_some_and(|q| q != questionnaire.id)
        || o.u32("questionnaire_version", None, errors)
            .is_some_and(|v| v != questionnaire.version)
    {
        problem(
            errors,
            "questionnaire",
            DataErrorKind::UnknownReference {
                what: "questionnaire",
                id: format!(
                    "\"{}\" v{}",
                    o.get("questionnaire").and_then(Value::as_str).unwrap_or("?"),
                    o.get("questionnaire_version")
                        .and_then(Value::as_u64)
                        .map_or("?".to_string(), |v| v.to_string())
                ),
            },
        );
    }
    let salt = o.u32("salt", None, errors);
    let answers = o.u32("answers", None, errors);
    let seen = numbers(o.list("seen", true, errors), file, &o.at("seen"), errors);
    let rows = o.list("counts", true, errors);
    if rows.len() != questionnaire.items.len() {
        problem(
            errors,
            "counts",
            DataErrorKind::WrongLength {
                what: "rows (one per item)",
                expected: questionnaire.items.len(),
                found: rows.len(),
            },
        );
    }
    let mut counts = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let at = format!("{}[{r}]", o.at("counts"));
        let values = numbers(json::array(row, file, &at, errors), file, &at, errors);
        match <[u32; 6]>::try_from(values) {
            // Every student adds exactly one to each item's row.
            Ok(row) if Some(row.iter().map(|&c| u64::from(c)).sum::<u64>()) == answers.map(u64::from) => {
                counts.push(row);
            }
            Ok(_) => errors.push(DataError::new(
                file,
                at,
                DataErrorKind::NotAllowed {
                    value: "a total that differs from `answers`".into(),
                    allowed: "counts that add up to the number of answers",
                },
            )),
            Err(values) => errors.push(DataError::new(
                file,
                at,
                DataErrorKind::WrongLength {
                    what: "counts (five options and 'prefer not')",
                    expected: 6,
                    found: values.len(),
                },
            )),
        }
    }
    if answers.is_some_and(|a| seen.len() > a as usize) {
        problem(
            errors,
            "seen",
            DataErrorKind::WrongLength {
                what: "fingerprints (at most one per answer)",
                expected: answers.unwrap_or_default() as usize,
                found: seen.len(),
            },
        );
    }
    Some(Session {
        id,
        name,
        mode: mode?,
        threshold: threshold?,
        opened,
        closed,
        salt: salt?,
        seen,
        tally: Tally {
            questionnaire: questionnaire.id.clone(),
            version: questionnaire.version,
            answers: answers?,
            counts,
        },
    })
}

fn numbers(values: &[Value], file: &str, place: &str, errors: &mut Vec<DataError>) -> Vec<u32> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let n = v.as_u64().and_then(|n| u32::try_from(n).ok());
            if n.is_none() {
                errors.push(DataError::new(
                    file,
                    format!("{place}[{i}]"),
                    DataErrorKind::WrongType {
                        expected: "a whole number",
                    },
                ));
            }
            n
        })
        .collect()
}
