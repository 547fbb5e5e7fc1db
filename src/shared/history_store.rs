//! The person's history as the device keeps it, for the two apps that
//! touch it: the questionnaires' results keep one more result when the
//! person ticks « Garder mes résultats sur cet appareil » (or take it out
//! again); the history app reads them all, removes them, sets, opens and
//! removes the lock.
//!
//! Each result is stored on its own ([`storage::HISTORY_PREFIX`] then its
//! id), so keeping one never reads, rewrites or risks the others, and two
//! tabs keeping at once both keep theirs. A write that fails leaves what
//! was kept as it was and is said as such. What cannot be read (damaged,
//! or written by a newer version) is never overwritten: the person is
//! told, and chooses.
//!
//! The formats and their checks are the core's ([`amarre_core::history`]);
//! encryption is [`crate::shared::lock`]'s.

use chrono::NaiveDate;

use amarre_core::history::{read_entry, read_lock, Entry, Lock, Refusal, Seal, Stored, CHECK};
use amarre_core::questionnaire::Questionnaire;
use amarre_core::DataError;

use crate::shared::lock::{self, Key, LockError};
use crate::shared::random;
use crate::shared::storage::{self, StorageError, StorageErrorKind, StoredItem};

/// Why a change to the history did not happen. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The browser refuses storage here, or it is full.
    Storage(StorageErrorKind),
    /// What is kept cannot be read; it was left untouched.
    Unreadable,
    /// A newer version wrote what is kept; it was left untouched.
    Newer,
    /// The history is locked and this page has not opened it.
    Locked,
    /// The lock could not do its part.
    Lock(LockError),
}

impl From<StorageError> for Refused {
    fn from(error: StorageError) -> Refused {
        Refused::Storage(error.kind)
    }
}

impl From<LockError> for Refused {
    fn from(error: LockError) -> Refused {
        Refused::Lock(error)
    }
}

impl From<Refusal> for Refused {
    fn from(refusal: Refusal) -> Refused {
        match refusal {
            Refusal::Newer(_) => Refused::Newer,
            Refusal::Unreadable(_) => Refused::Unreadable,
        }
    }
}

/// The lock, if the person set one.
pub fn lock_record() -> Result<Option<Lock>, Refused> {
    let item = StoredItem::HistoryLock;
    match storage::read_text(item)? {
        Some(text) => Ok(Some(read_lock(item.key(), &text)?)),
        None => Ok(None),
    }
}

/// Keeps `entry` open, or replaces the result with its id, when the
/// history is not locked ([`Refused::Locked`] when it is: only a page that
/// opened the lock may add to it, with [`keep`]).
pub fn keep_open(entry: &Entry) -> Result<(), Refused> {
    if storage::read_text(StoredItem::HistoryLock)?.is_some() {
        return Err(Refused::Locked);
    }
    storage::write_history_entry(&entry.id, &entry.to_text())?;
    Ok(())
}

/// Keeps `entry`, or replaces the result with its id: sealed when the
/// history is locked, with the key this page opened the lock with.
pub async fn keep(entry: &Entry) -> Result<(), Refused> {
    let stored = match lock_record()? {
        None => Stored::Open(entry.clone()),
        Some(lock) => {
            let key = lock::remembered()
                .filter(|k| lock::fits(k, &lock))
                .ok_or(Refused::Locked)?;
            Stored::Sealed {
                id: entry.id.clone(),
                seal: lock::seal(&key, &entry.to_text()).await?,
            }
        }
    };
    storage::write_history_entry(&entry.id, &stored.to_text())?;
    Ok(())
}

/// Takes the result `id` out of the history.
pub fn forget(id: &str) -> Result<(), Refused> {
    storage::remove_history_key(&format!("{}{id}", storage::HISTORY_PREFIX))?;
    Ok(())
}

/// Opens the lock with `passphrase` and remembers the key for this page;
/// a wrong passphrase is [`LockError::NotOpened`], and changes nothing.
pub async fn open_lock(passphrase: &str) -> Result<(), Refused> {
    let lock = lock_record()?.ok_or(Refused::Unreadable)?;
    let key = lock::derive_for(&lock, passphrase).await?;
    if lock::open_with(&key, &lock.check).await? != CHECK {
        return Err(LockError::NotOpened.into());
    }
    lock::remember(Some(key));
    Ok(())
}

/// A result that is kept but cannot be shown.
#[derive(Debug, Clone)]
pub enum Problem {
    /// Damaged, or not ours: what is wrong, with its place.
    Damaged(Vec<DataError>),
    /// Written by a newer version of the app.
    Newer,
    /// Sealed, and the key of this page does not open it (changed since).
    NotOpened,
}

/// Everything the history holds, as the history app shows it.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The results that can be read, oldest first.
    pub entries: Vec<Entry>,
    /// Sealed results not opened on this page: storage key, id, seal.
    pub sealed: Vec<(String, String, Seal)>,
    /// Results that cannot be shown: storage key and why.
    pub problems: Vec<(String, Problem)>,
    /// The lock, if one is set.
    pub lock: Option<Lock>,
    /// The lock's record cannot be read (damaged or newer): left as it is.
    pub lock_problem: Option<Problem>,
}

impl Found {
    /// Whether nothing at all is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
            && self.sealed.is_empty()
            && self.problems.is_empty()
            && self.lock.is_none()
            && self.lock_problem.is_none()
    }
}

fn problem(refusal: Refusal) -> Problem {
    match refusal {
        Refusal::Newer(_) => Problem::Newer,
        Refusal::Unreadable(errors) => Problem::Damaged(errors),
    }
}

/// Reads every kept result and the lock, opening sealed results with the
/// key this page opened the lock with, if any.
pub async fn find(questionnaires: &[Questionnaire]) -> Result<Found, StorageError> {
    let mut found = Found::default();
    match lock_record() {
        Ok(lock) => found.lock = lock,
        Err(Refused::Storage(kind)) => {
            return Err(StorageError {
                key: String::new(),
                kind,
            })
        }
        Err(_) => {
            let text = storage::read_text(StoredItem::HistoryLock)?.unwrap_or_default();
            found.lock_problem = read_lock(StoredItem::HistoryLock.key(), &text).err().map(problem);
        }
    }
    let key = lock::remembered().filter(|k| found.lock.as_ref().is_some_and(|lock| lock::fits(k, lock)));
    for (storage_key, text) in storage::history_entries()? {
        match read_entry(&storage_key, &text, questionnaires) {
            Ok(Stored::Open(entry)) => found.entries.push(entry),
            Ok(Stored::Sealed { id, seal }) => match &key {
                Some(key) => match open_sealed(key, &storage_key, &seal, questionnaires).await {
                    Ok(entry) => found.entries.push(entry),
                    Err(why) => found.problems.push((storage_key, why)),
                },
                None => found.sealed.push((storage_key, id, seal)),
            },
            Err(refusal) => found.problems.push((storage_key, problem(refusal))),
        }
    }
    found.entries = amarre_core::history::History::new(found.entries).entries;
    Ok(found)
}

async fn open_sealed(
    key: &Key,
    storage_key: &str,
    seal: &Seal,
    questionnaires: &[Questionnaire],
) -> Result<Entry, Problem> {
    let text = lock::open_with(key, seal).await.map_err(|_| Problem::NotOpened)?;
    match read_entry(storage_key, &text, questionnaires) {
        Ok(Stored::Open(entry)) => Ok(entry),
        Ok(Stored::Sealed { .. }) => Err(Problem::NotOpened),
        Err(refusal) => Err(problem(refusal)),
    }
}

/// Answers in progress this tab may still hold in storage: once the
/// history is locked, nothing readable may stay.
const IN_PROGRESS: [StoredItem; 5] = [
    StoredItem::StudentAnswers,
    StoredItem::StudentPosition,
    StoredItem::FamilyAnswers,
    StoredItem::FamilyPosition,
    StoredItem::SetAside,
];

/// Sets a lock with `passphrase` and seals every readable result with it.
/// Each result is sealed in memory first; the lock is written before the
/// results, so a result is never sealed with a key nobody can derive.
pub async fn set_lock(passphrase: &str, entries: &[Entry]) -> Result<(), Refused> {
    let (key, lock) = lock::new_lock(passphrase, CHECK).await?;
    let mut sealed = Vec::new();
    for entry in entries {
        let seal = lock::seal(&key, &entry.to_text()).await?;
        sealed.push((
            entry.id.clone(),
            Stored::Sealed {
                id: entry.id.clone(),
                seal,
            },
        ));
    }
    storage::write_text(StoredItem::HistoryLock, &lock.to_text())?;
    lock::remember(Some(key));
    for (id, stored) in sealed {
        storage::write_history_entry(&id, &stored.to_text())?;
    }
    for item in IN_PROGRESS {
        let _ = storage::remove(item);
    }
    Ok(())
}

/// Removes the lock: every result this page opened is written open again,
/// then the lock goes.
pub fn remove_lock(entries: &[Entry]) -> Result<(), Refused> {
    for entry in entries {
        storage::write_history_entry(&entry.id, &Stored::Open(entry.clone()).to_text())?;
    }
    storage::remove(StoredItem::HistoryLock)?;
    lock::remember(None);
    Ok(())
}

/// Forgets every kept result and the lock.
pub fn erase_all() -> Result<(), Refused> {
    lock::remember(None);
    for (key, _) in storage::history_entries()? {
        storage::remove_history_key(&key)?;
    }
    storage::remove(StoredItem::HistoryLock)?;
    Ok(())
}

/// Reads the snapshots an earlier version kept (one per questionnaire, no
/// date) into the history, dated today, then forgets them. A snapshot that
/// cannot be read, or cannot be sealed yet, stays where it is.
pub async fn bring_in_snapshots(questionnaires: &[Questionnaire]) -> usize {
    let mut brought = 0;
    for (item, id) in [(StoredItem::StudentKept, "student"), (StoredItem::FamilyKept, "family")] {
        let Some(questionnaire) = questionnaires.iter().find(|q| q.id == id) else {
            continue;
        };
        let Ok(Some(text)) = storage::read_text(item) else {
            continue;
        };
        let Ok(entry) = Entry::from_snapshot(item.key(), &text, questionnaire, new_id(), today()) else {
            continue;
        };
        if keep(&entry).await.is_ok() {
            let _ = storage::remove(item);
            brought += 1;
        }
    }
    brought
}

/// A new result id: 16 hexadecimal digits from Web Crypto.
pub fn new_id() -> String {
    random::bytes::<8>().iter().map(|b| format!("{b:02x}")).collect()
}

/// Today, on the device's calendar.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

/// `date` written out in the language `code` (« 3 décembre 2026 »), by
/// the browser's own calendar texts.
pub fn long_date(date: NaiveDate, code: &str) -> String {
    use chrono::Datelike;
    let day = js_sys::Date::new_with_year_month_day(date.year() as u32, date.month0() as i32, date.day() as i32);
    let options = js_sys::Object::new();
    for (name, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    day.to_locale_date_string(code, &options).into()
}
