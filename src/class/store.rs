//! The teacher's sessions, as reactive state kept on the device (local
//! storage, so a session survives a reload and a closed tab): names and
//! counts only, never an answer set or a code.
//!
//! A stored session that cannot be read back is set aside under its own
//! key with what was wrong, and the teacher is told; the sessions that can
//! be read stay. Storage that refuses to write (full, private mode) is
//! said too: the session still works for this page.

use leptos::prelude::*;

use crate::shared::random;
use crate::shared::storage::{self, StoredItem};
use amarre_core::class_session::{parse_sessions, to_text, Mode, Session, SessionError};
use amarre_core::questionnaire::Questionnaire;

/// The sessions and what the teacher should know about their storage.
#[derive(Clone, Copy)]
pub struct Store {
    /// Every session on this device, newest first.
    pub sessions: RwSignal<Vec<Session>>,
    /// A problem with storage, in the file's own words, to show.
    pub notice: RwSignal<Option<String>>,
    questionnaire: &'static Questionnaire,
}

impl Store {
    /// Reads the sessions kept on the device, setting aside what cannot be read.
    pub fn load(questionnaire: &'static Questionnaire) -> Store {
        let item = StoredItem::ClassSessions;
        let mut notice = None;
        let sessions = match storage::read_text(item) {
            Ok(Some(text)) => {
                let (sessions, unreadable) = parse_sessions(item.key(), &text, questionnaire);
                if !unreadable.is_empty() {
                    let earlier = storage::read_text(StoredItem::ClassSetAside).ok().flatten();
                    let mut kept: Vec<String> = earlier.into_iter().collect();
                    kept.extend(unreadable.iter().map(|u| u.text.clone()));
                    let problems: Vec<String> = unreadable
                        .iter()
                        .flat_map(|u| u.errors.iter().map(ToString::to_string))
                        .collect();
                    // Keep the good ones under the main key only once the bad
                    // ones are safely set aside.
                    if storage::write_text(StoredItem::ClassSetAside, &kept.join("\n")).is_ok() {
                        let _ = storage::write_text(item, &to_text(&sessions));
                    }
                    notice = Some(problems.join("; "));
                }
                sessions
            }
            Ok(None) => Vec::new(),
            Err(error) => {
                notice = Some(error.to_string());
                Vec::new()
            }
        };
        Store {
            sessions: RwSignal::new(sessions),
            notice: RwSignal::new(notice),
            questionnaire,
        }
    }

    /// The session `id` (tracked).
    pub fn get(&self, id: &str) -> Option<Session> {
        self.sessions.with(|all| all.iter().find(|s| s.id == id).cloned())
    }

    /// Opens a new session and keeps it; its id, or why not.
    pub fn open(&self, name: &str, mode: Mode, threshold: u32) -> Result<String, SessionError> {
        let id = random_id();
        let today: String = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
        let salt = random::u32();
        let session = Session::open(
            id.clone(),
            name,
            mode,
            threshold,
            today.chars().take(10).collect(),
            salt,
            self.questionnaire,
        )?;
        self.sessions.update(|all| all.insert(0, session));
        self.save();
        Ok(id)
    }

    /// Changes the session `id` and keeps the change.
    pub fn update<T>(&self, id: &str, change: impl FnOnce(&mut Session) -> T) -> Option<T> {
        let result = self
            .sessions
            .try_update(|all| all.iter_mut().find(|s| s.id == id).map(change))
            .flatten();
        self.save();
        result
    }

    /// Deletes the session `id` from the device.
    pub fn delete(&self, id: &str) {
        self.sessions.update(|all| all.retain(|s| s.id != id));
        self.save();
    }

    fn save(&self) {
        let sessions = self.sessions.get_untracked();
        let written = if sessions.is_empty() {
            storage::remove(StoredItem::ClassSessions)
        } else {
            storage::write_text(StoredItem::ClassSessions, &to_text(&sessions))
        };
        if let Err(error) = written {
            self.notice.set(Some(error.to_string()));
        }
    }
}

/// Eight random characters of the code alphabet: an id no one chooses.
fn random_id() -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    random::bytes::<8>()
        .iter()
        .map(|&b| char::from(ALPHABET[usize::from(b) % 32]))
        .collect()
}

/// The [`Store`] provided by the class app.
pub fn use_store() -> Store {
    // Provided by `ClassApp` before any screen is built.
    expect_context::<Store>()
}
