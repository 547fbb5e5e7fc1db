//! The history page: what the device keeps, in the state it is in.
//!
//! Reading it again is the answer to every change (a deletion, a lock,
//! another tab writing): the page never shows what it thinks is kept, only
//! what is. Every refusal says what happened in the person's language and
//! that nothing was changed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast};

use amarre_core::history::{read_entry, Entry, Stored};
use amarre_core::questionnaire::{Audience, Questionnaire};

use crate::history::entries::{questionnaire_key, Entries};
use crate::history::import::ImportFile;
use crate::history::lock_panel::{LockPanel, LockedForm};
use crate::history::trend::Trends;
use crate::shared::address;
use crate::shared::confirm::ConfirmButton;
use crate::shared::handover;
use crate::shared::history_store::{self, Found, Problem, Refused};
use crate::shared::link::Link;
use crate::shared::locale::{tr, use_locale};
use crate::shared::lock::{self, LockError};
use crate::shared::page_title::PageTitle;
use crate::shared::problems::ProblemList;
use crate::shared::storage::{StoredItem, PREFIX};

/// What the page shows.
#[derive(Clone)]
pub enum Shown {
    /// Reading.
    Loading,
    /// The browser refuses storage here.
    Unavailable,
    /// What is kept.
    Ready(Found),
}

/// The page's state and what the person can do with it, shared by its parts.
#[derive(Clone, Copy)]
pub struct PageState {
    /// What is shown.
    pub shown: RwSignal<Shown>,
    /// The last thing said (a UI key), in a live region.
    pub said: RwSignal<Option<&'static str>>,
    /// An action is running (deriving a key takes a moment).
    pub busy: RwSignal<bool>,
    /// A result the results page handed over (the history was locked
    /// there), waiting for the passphrase to be kept.
    pub pending: RwSignal<Option<Entry>>,
    /// The questionnaires the kept answers belong to (read once here:
    /// actions finish outside the component, where no context is).
    pub questionnaires: &'static [Questionnaire],
}

/// The UI key for a refusal.
pub fn refusal_key(refused: &Refused) -> &'static str {
    match refused {
        Refused::Storage(_) => "history.storage",
        Refused::Unreadable => "history.lock_broken",
        Refused::Newer => "history.newer",
        Refused::Locked => "history.locked.intro",
        Refused::Lock(LockError::NotOpened) => "history.locked.wrong",
        Refused::Lock(LockError::NoCrypto) => "history.no_crypto",
    }
}

impl PageState {
    /// Reads what is kept again and shows it.
    pub fn refresh(self) {
        let questionnaires = self.questionnaires;
        spawn_local(async move {
            // Snapshots an earlier version kept come in first.
            history_store::bring_in_snapshots(questionnaires).await;
            let shown = match history_store::find(questionnaires).await {
                Ok(found) => Shown::Ready(found),
                Err(_) => Shown::Unavailable,
            };
            self.shown.set(shown);
            self.busy.set(false);
        });
    }

    /// Runs `work`, says `done` when it succeeds or why not, then reads again.
    pub fn run<F>(self, done: &'static str, work: F)
    where
        F: std::future::Future<Output = Result<(), Refused>> + 'static,
    {
        self.busy.set(true);
        self.said.set(None);
        spawn_local(async move {
            let result = work.await;
            self.said.set(Some(match &result {
                Ok(()) => done,
                Err(refused) => refusal_key(refused),
            }));
            self.refresh();
        });
    }
}

/// Whether this page opened the lock of `found`.
fn opened(found: &Found) -> bool {
    found
        .lock
        .as_ref()
        .is_some_and(|l| lock::remembered().is_some_and(|key| lock::fits(&key, l)))
}

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let locale = use_locale();
    let page = PageState {
        shown: RwSignal::new(Shown::Loading),
        said: RwSignal::new(None),
        busy: RwSignal::new(false),
        pending: RwSignal::new(None),
        questionnaires: &locale.content().questionnaires,
    };
    page.refresh();
    // Opened by the results page to keep a result in the locked history.
    let questionnaires = page.questionnaires;
    handover::receive(move |text| {
        if let Ok(Stored::Open(entry)) = read_entry("handover", &text, questionnaires) {
            if matches!(history_store::lock_record(), Ok(None)) {
                // The lock was removed meanwhile: keep it as it is.
                page.run("history.pending.kept", async move { history_store::keep(&entry).await });
            } else {
                page.pending.set(Some(entry));
            }
        }
    });
    // Another tab changed what is kept: show it, and say so.
    let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        let history = |key: &str| key.starts_with(StoredItem::History.key()) || key == StoredItem::HistoryLock.key();
        if event.key().is_none_or(|key| history(&key)) {
            page.said.set(Some("history.changed"));
            page.refresh();
        }
    });
    let _ = window().add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();

    let body = move || match page.shown.get() {
        Shown::Loading => view! { <p data-testid="history-loading">{tr("history.loading")}</p> }.into_any(),
        Shown::Unavailable => view! {
            <p class="notice notice--warning" data-testid="history-unavailable">{tr("history.unavailable")}</p>
        }
        .into_any(),
        Shown::Ready(found) if found.is_empty() => view! {
            <div data-testid="history-empty">
                <p>{tr("history.empty")}</p>
                <ul class="history__start">
                    <li><Link href=address::STUDENT>{tr("history.start.student")}</Link></li>
                    <li><Link href=address::FAMILY>{tr("history.start.family")}</Link></li>
                </ul>
            </div>
            <ImportFile page=page/>
            <LockPanel page=page entries=Vec::new() opened=false/>
        }
        .into_any(),
        Shown::Ready(found) => {
            let opened = opened(&found);
            let count = found.entries.len();
            let locked = found.sealed.len();
            let lock_set = found.lock.is_some();
            view! {
                {found.lock_problem.is_some().then(|| view! {
                    <p class="notice notice--warning" data-testid="history-lock-broken">{tr("history.lock_broken")}</p>
                })}
                {(lock_set && locked > 0).then(|| view! { <LockedForm page=page count=locked/> })}
                {(count > 0).then(|| view! {
                    <p data-testid="history-count">{move || locale.f("history.count", &[("n", &count.to_string())])}</p>
                })}
                <Trends entries=found.entries.clone()/>
                <Entries page=page entries=found.entries.clone() locked=lock_set/>
                <Problems problems=found.problems.clone()/>
                {(found.lock_problem.is_none() && (!lock_set || opened)).then(|| view! {
                    <LockPanel page=page entries=found.entries.clone() opened=opened/>
                })}
                <ImportFile page=page/>
                <EraseAll page=page/>
            }
            .into_any()
        }
    };
    view! {
        <PageTitle key="history.title"/>
        <section class="history" data-testid="history">
            <h1 tabindex="-1">{tr("history.title")}</h1>
            <p>{tr("history.intro")}</p>
            {move || page.pending.get().map(|entry| {
                let kind = questionnaire_key(if entry.answers.questionnaire == "family" { Audience::Family } else { Audience::Student });
                view! {
                    <p class="notice" data-testid="history-pending">
                        {move || locale.f("history.pending", &[("questionnaire", &locale.t(kind))])}
                    </p>
                }
            })}
            <div role="status" class="history__said">
                {move || page.said.get().map(|key| view! { <p class="notice" data-testid="history-said">{locale.t(key)}</p> })}
            </div>
            {body}
        </section>
    }
}

/// The results that are kept but cannot be shown, each with why; left as
/// they are.
#[component]
fn Problems(problems: Vec<(String, Problem)>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let items = problems
            .into_iter()
            .map(|(key, problem)| {
                let place = key.trim_start_matches(PREFIX).to_string();
                let said = match problem {
                    Problem::Damaged(errors) => view! { <ProblemList errors=errors/> }.into_any(),
                    Problem::Newer => view! { <p>{tr("history.newer")}</p> }.into_any(),
                    Problem::NotOpened => view! { <p>{tr("history.not_opened")}</p> }.into_any(),
                };
                view! { <li><code>{place}</code>{said}</li> }
            })
            .collect_view();
        view! {
            <div class="notice notice--warning" data-testid="history-unreadable">
                <p>{tr("history.unreadable")}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// « Tout effacer », asking first and saying what goes.
#[component]
pub fn EraseAll(page: PageState) -> impl IntoView {
    let erase = Callback::new(move |_| page.run("history.erased", async { history_store::erase_all() }));
    view! {
        <ConfirmButton label="history.erase" confirm="history.erase_yes" testid="history-erase" on_confirm=erase>
            <p>{tr("history.erase_what")}</p>
        </ConfirmButton>
    }
}
