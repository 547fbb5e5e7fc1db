//! The only place that touches the browser's storage.
//!
//! Two areas, after what the person chose: [`Area::Session`] lives only as
//! long as the tab (answers in progress, the chosen language) and
//! [`Area::Lasting`] survives closing the browser, used only when the person
//! asks to keep something. Every key starts with [`PREFIX`], so "erase
//! everything" can find all of them and nothing else. Failures the world can
//! cause (private mode, storage full, a value written by an older version or
//! tampered with) come back as [`StorageError`], never as a panic.
//!
//! Values are kept as text: a language code, an item id, `1` for a flag,
//! answers as JSON that their owner checks against its questionnaire
//! ([`crate::shared::flow`]). A value this version does not know is ignored by its
//! reader, never trusted.

use std::fmt;

use crate::shared::browser;

/// Every key this app writes starts with this.
pub const PREFIX: &str = "amarre.";

/// Each kept result of the history is stored under this, then its id.
pub const HISTORY_PREFIX: &str = "amarre.history.e.";

/// Where a value is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// `sessionStorage`: gone when the tab is closed.
    Session,
    /// `localStorage`: kept on this device until erased.
    Lasting,
}

/// Something the app may keep, with where and why. The privacy page lists
/// these, so a new kind of stored value must be added here to exist at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredItem {
    /// The language chosen with the picker.
    Language,
    /// Whether easy-read texts are on.
    EasyRead,
    /// Answers in progress to the young person's questionnaire.
    StudentAnswers,
    /// Where the young person is in it (an item id, or `results`).
    StudentPosition,
    /// The same answers, kept on the device by an earlier version (the
    /// history app reads them into the history).
    StudentKept,
    /// Answers in progress to the family questionnaire.
    FamilyAnswers,
    /// Where the family is in it.
    FamilyPosition,
    /// The same answers, kept on the device by an earlier version.
    FamilyKept,
    /// Saved answers that could not be read, set aside rather than lost.
    SetAside,
    /// A teacher's class survey sessions: names and counts, no answers.
    ClassSessions,
    /// Stored class sessions that could not be read, set aside rather than lost.
    ClassSetAside,
    /// The postal code or commune the person gave, to prefer local services.
    Place,
    /// A coordinator's directory in use in this tab, passed between the
    /// services app and the main app.
    LoadedDirectory,
    /// A coordinator's directory, kept on the device because they asked.
    Directory,
    /// The person's kept results, dated, open or sealed by the lock: one
    /// key per result, [`HISTORY_PREFIX`] then its id.
    History,
    /// The lock on the history (how the passphrase makes the key, and a
    /// check of it); while it is there, answers in progress stay in the page.
    HistoryLock,
}

impl StoredItem {
    /// Every kind of value the app may keep.
    pub const ALL: [StoredItem; 16] = [
        StoredItem::Language,
        StoredItem::EasyRead,
        StoredItem::StudentAnswers,
        StoredItem::StudentPosition,
        StoredItem::StudentKept,
        StoredItem::FamilyAnswers,
        StoredItem::FamilyPosition,
        StoredItem::FamilyKept,
        StoredItem::SetAside,
        StoredItem::ClassSessions,
        StoredItem::ClassSetAside,
        StoredItem::Place,
        StoredItem::LoadedDirectory,
        StoredItem::Directory,
        StoredItem::History,
        StoredItem::HistoryLock,
    ];

    /// The full storage key.
    pub fn key(self) -> &'static str {
        match self {
            StoredItem::Language => "amarre.language",
            StoredItem::EasyRead => "amarre.easy_read",
            StoredItem::StudentAnswers => "amarre.answers.student",
            StoredItem::StudentPosition => "amarre.position.student",
            StoredItem::StudentKept => "amarre.kept.student",
            StoredItem::FamilyAnswers => "amarre.answers.family",
            StoredItem::FamilyPosition => "amarre.position.family",
            StoredItem::FamilyKept => "amarre.kept.family",
            StoredItem::SetAside => "amarre.set_aside",
            StoredItem::ClassSessions => "amarre.class.sessions",
            StoredItem::ClassSetAside => "amarre.class.set_aside",
            StoredItem::Place => "amarre.place",
            StoredItem::LoadedDirectory => "amarre.directory.loaded",
            StoredItem::Directory => "amarre.directory",
            StoredItem::History => HISTORY_PREFIX,
            StoredItem::HistoryLock => "amarre.history.lock",
        }
    }

    /// Where it is kept.
    pub fn area(self) -> Area {
        match self {
            StoredItem::StudentKept
            | StoredItem::FamilyKept
            | StoredItem::ClassSessions
            | StoredItem::ClassSetAside
            | StoredItem::Directory
            | StoredItem::History
            | StoredItem::HistoryLock => Area::Lasting,
            _ => Area::Session,
        }
    }

    /// The known item stored under `key`, if any (a kept result's key
    /// names [`StoredItem::History`]).
    pub fn from_key(key: &str) -> Option<StoredItem> {
        if key.starts_with(HISTORY_PREFIX) {
            return Some(StoredItem::History);
        }
        StoredItem::ALL.into_iter().find(|item| item.key() == key)
    }
}

/// Why reading or writing storage failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError {
    /// The key concerned (empty for the whole area).
    pub key: String,
    /// What went wrong.
    pub kind: StorageErrorKind,
}

/// What went wrong with storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageErrorKind {
    /// The browser refuses storage (private mode, disabled, sandboxed).
    NotAvailable,
    /// Writing failed, usually because the storage is full.
    WriteFailed,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            StorageErrorKind::NotAvailable => write!(f, "this browser does not allow storage here"),
            StorageErrorKind::WriteFailed => write!(f, "'{}' could not be saved (storage full?)", self.key),
        }
    }
}

impl std::error::Error for StorageError {}

fn area_storage(area: Area) -> Result<web_sys::Storage, StorageError> {
    let not_available = || StorageError {
        key: String::new(),
        kind: StorageErrorKind::NotAvailable,
    };
    let window = browser::window().ok_or_else(not_available)?;
    let storage = match area {
        Area::Session => window.session_storage(),
        Area::Lasting => window.local_storage(),
    };
    storage.ok().flatten().ok_or_else(not_available)
}

/// The text kept as `item`; `Ok(None)` when nothing is kept (as for a
/// first view prerendered at build time: a person with nothing stored).
pub fn read_text(item: StoredItem) -> Result<Option<String>, StorageError> {
    if !browser::PRESENT {
        return Ok(None);
    }
    Ok(area_storage(item.area())?.get_item(item.key()).ok().flatten())
}

/// Keeps `text` as `item`.
pub fn write_text(item: StoredItem, text: &str) -> Result<(), StorageError> {
    area_storage(item.area())?
        .set_item(item.key(), text)
        .map_err(|_| StorageError {
            key: item.key().to_string(),
            kind: StorageErrorKind::WriteFailed,
        })
}

/// Forgets `item`.
pub fn remove(item: StoredItem) -> Result<(), StorageError> {
    let storage = area_storage(item.area())?;
    let _ = storage.remove_item(item.key());
    Ok(())
}

/// Every kept result of the history: its key and its text.
pub fn history_entries() -> Result<Vec<(String, String)>, StorageError> {
    if !browser::PRESENT {
        return Ok(Vec::new());
    }
    let storage = area_storage(Area::Lasting)?;
    Ok(present_keys(Area::Lasting)?
        .into_iter()
        .filter(|key| key.starts_with(HISTORY_PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten().map(|text| (key, text)))
        .collect())
}

/// Keeps `text` as the history's result `id`.
pub fn write_history_entry(id: &str, text: &str) -> Result<(), StorageError> {
    let key = format!("{HISTORY_PREFIX}{id}");
    area_storage(Area::Lasting)?
        .set_item(&key, text)
        .map_err(|_| StorageError {
            key,
            kind: StorageErrorKind::WriteFailed,
        })
}

/// Forgets the history's result stored under `key`.
pub fn remove_history_key(key: &str) -> Result<(), StorageError> {
    let _ = area_storage(Area::Lasting)?.remove_item(key);
    Ok(())
}

/// Every key of this app kept in `area` now, known or not (a key from an
/// older version is listed too, so the privacy page hides nothing).
pub fn present_keys(area: Area) -> Result<Vec<String>, StorageError> {
    if !browser::PRESENT {
        return Ok(Vec::new());
    }
    let storage = area_storage(area)?;
    let length = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    amarre_core::order::sort_by(&mut keys, |a, b| a.cmp(b));
    Ok(keys)
}

/// Removes every key of this app from `area`; returns how many were removed.
pub fn erase_area(area: Area) -> Result<usize, StorageError> {
    let storage = area_storage(area)?;
    let keys = present_keys(area)?;
    for key in &keys {
        let _ = storage.remove_item(key);
    }
    Ok(keys.len())
}

/// Removes every key of this app from both areas; returns how many were
/// removed. An area the browser refuses holds nothing of ours, so it counts
/// as erased.
pub fn erase_everything() -> usize {
    [Area::Session, Area::Lasting]
        .into_iter()
        .map(|area| erase_area(area).unwrap_or(0))
        .sum()
}
