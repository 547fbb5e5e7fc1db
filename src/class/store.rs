//! The teacher's sessions, as reactive state kept on the device (local
//! storage, so a session survives a reload and a closed tab): names and
//! counts only, never an answer set or a code.
//!
//! A stored session that cannot be read back is set aside under its own
//! key with what was wrong, and the teacher is told; the sessions that can
//! be read stay. Storage that refuses to write (full, private mode) is
//! said too, in the teacher's language: the session still works for this
//! page, in memory.
//!
//! Answers taken but not yet pooled wait in this page's memory only
//! ([`Waiting`]); they join the kept counts five or more at a time, so
//! reading storage after each student tells nothing of one student's
//! answers. Leaving the page while some wait asks first (but the quick
//! exit, which never waits).
//!
//! Two tabs may hold the same session: every change reads what is kept
//! again first and applies itself to that (counts add up, a code counted in
//! one tab is « already counted » in the other), and a change made in
//! another tab shows here at once (the `storage` event).

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::shared::quick_exit;
use crate::shared::random;
use crate::shared::storage::{self, StorageErrorKind, StoredItem};
use amarre_core::class_session::{parse_sessions, to_text, Mode, Session, SessionError, Waiting};
use amarre_core::questionnaire::Questionnaire;

thread_local! {
    /// Per session id, the answers waiting to be pooled: in this page's
    /// memory only, never written.
    static WAITING: std::cell::RefCell<Vec<(String, Waiting)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What the teacher should know about the sessions' storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored sessions could not be read back: set aside, with what was wrong.
    SetAside(String),
    /// The last change could not be written (storage full or refused): it
    /// lives in this page only.
    NotSaved,
    /// This browser keeps nothing here: the sessions live in this page only.
    NoStorage,
}

/// The sessions and what the teacher should know about their storage.
#[derive(Clone, Copy)]
pub struct Store {
    /// Every session on this device, newest first.
    pub sessions: RwSignal<Vec<Session>>,
    /// A problem with storage, to show.
    pub notice: RwSignal<Option<Notice>>,
    /// Changes when answers start or stop waiting ([`WAITING`] is not reactive).
    waiting: RwSignal<usize>,
    questionnaire: &'static Questionnaire,
}

impl Store {
    /// Reads the sessions kept on the device, setting aside what cannot be
    /// read, and follows the changes other tabs make.
    pub fn load(questionnaire: &'static Questionnaire) -> Store {
        let (sessions, notice) = read(questionnaire);
        let store = Store {
            sessions: RwSignal::new(sessions.unwrap_or_default()),
            notice: RwSignal::new(notice),
            waiting: RwSignal::new(0),
            questionnaire,
        };
        if crate::shared::browser::PRESENT {
            store.follow_other_tabs();
            store.ask_before_losing_waiting_answers();
        }
        store
    }

    /// Reads again what is kept (another tab may have written since). When
    /// storage gives nothing to go by, the page keeps its sessions.
    fn reread(&self) {
        // A change this page could not write is newer than what is kept:
        // keep it in memory until a write succeeds.
        if self.notice.get_untracked() == Some(Notice::NotSaved) {
            return;
        }
        let (sessions, notice) = read(self.questionnaire);
        if let Some(sessions) = sessions {
            self.sessions.set(sessions);
        }
        if notice.is_some() {
            self.notice.set(notice);
        }
    }

    fn follow_other_tabs(self) {
        let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if event.key().is_none_or(|key| key == StoredItem::ClassSessions.key()) {
                self.reread();
            }
        });
        let _ = window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// Asks before the page closes while answers wait, as they would be lost.
    fn ask_before_losing_waiting_answers(self) {
        let on_leave = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            let waits = WAITING.with_borrow(|all| all.iter().any(|(_, w)| !w.is_empty()));
            // The quick exit is never held back.
            if waits && !quick_exit::leaving() {
                event.prevent_default();
                // Older browsers ask only when `returnValue` is set.
                let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
            }
        });
        let _ = window().add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
        on_leave.forget();
    }

    /// How many answers of the session `id` wait to be pooled (tracked).
    pub fn waiting(&self, id: &str) -> usize {
        self.waiting.track();
        WAITING.with_borrow(|all| all.iter().find(|(s, _)| s == id).map_or(0, |(_, w)| w.len()))
    }

    /// Gives the session `id` answers (its waiting ones with it), as it is
    /// kept now, and keeps what changed.
    pub fn take<T>(&self, id: &str, change: impl FnOnce(&mut Session, &mut Waiting) -> T) -> Option<T> {
        let mut waiting = WAITING.with_borrow_mut(|all| {
            all.iter()
                .position(|(s, _)| s == id)
                .map(|at| all.swap_remove(at).1)
                .unwrap_or_default()
        });
        let result = self.update(id, |session| change(session, &mut waiting));
        if !waiting.is_empty() {
            WAITING.with_borrow_mut(|all| all.push((id.to_string(), waiting)));
        }
        self.waiting.update(|n| *n += 1);
        result
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
        self.reread();
        self.sessions.update(|all| all.insert(0, session));
        self.save();
        Ok(id)
    }

    /// Changes the session `id` as it is kept now (another tab's counts
    /// included) and keeps the change.
    pub fn update<T>(&self, id: &str, change: impl FnOnce(&mut Session) -> T) -> Option<T> {
        self.reread();
        let result = self
            .sessions
            .try_update(|all| all.iter_mut().find(|s| s.id == id).map(change))
            .flatten();
        self.save();
        result
    }

    /// Deletes the session `id` from the device.
    pub fn delete(&self, id: &str) {
        WAITING.with_borrow_mut(|all| all.retain(|(s, _)| s != id));
        self.waiting.update(|n| *n += 1);
        self.reread();
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
        match written {
            Ok(()) if self.notice.get_untracked() == Some(Notice::NotSaved) => self.notice.set(None),
            Ok(()) => {}
            Err(error) => self.notice.set(Some(match error.kind {
                StorageErrorKind::NotAvailable => Notice::NoStorage,
                StorageErrorKind::WriteFailed => Notice::NotSaved,
            })),
        }
    }
}

/// The sessions kept, and what to tell the teacher; `None` when storage
/// gives nothing to go by (refused), so the page keeps what it has.
fn read(questionnaire: &'static Questionnaire) -> (Option<Vec<Session>>, Option<Notice>) {
    let item = StoredItem::ClassSessions;
    match storage::read_text(item) {
        Ok(Some(text)) => {
            let (sessions, unreadable) = parse_sessions(item.key(), &text, questionnaire);
            let mut notice = None;
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
                notice = Some(Notice::SetAside(problems.join("; ")));
            }
            (Some(sessions), notice)
        }
        Ok(None) => (Some(Vec::new()), None),
        Err(_) => (None, Some(Notice::NoStorage)),
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
