//! The privacy page (`/confidentialite`, shown by the services app):
//! exactly what the three apps keep, where, for how long, what this device
//! holds right now, and one button that erases all of it.
//!
//! The list of what may be kept comes from [`StoredItem::ALL`], the same
//! list the storage adapter writes from, so the page cannot fall behind.

use leptos::prelude::*;

use crate::shared::confirm::ConfirmButton;
use crate::shared::locale::{tr, use_locale};
use crate::shared::page_title::PageTitle;
use crate::shared::storage::{self, Area, StoredItem};

/// What this device holds now: `(area, key)` for every key of the app.
fn present_now() -> Vec<(Area, String)> {
    [Area::Session, Area::Lasting]
        .into_iter()
        .flat_map(|area| {
            storage::present_keys(area)
                .unwrap_or_default()
                .into_iter()
                .map(move |key| (area, key))
        })
        .collect()
}

/// The UI key of the sentence that says what `item` is.
fn item_key(item: StoredItem) -> &'static str {
    match item {
        StoredItem::Language => "privacy.item.language",
        StoredItem::EasyRead => "privacy.item.easy_read",
        StoredItem::StudentAnswers | StoredItem::FamilyAnswers => "privacy.item.answers",
        StoredItem::StudentPosition | StoredItem::FamilyPosition => "privacy.item.position",
        StoredItem::StudentKept | StoredItem::FamilyKept => "privacy.item.kept",
        StoredItem::SetAside | StoredItem::ClassSetAside => "privacy.item.set_aside",
        StoredItem::ClassSessions => "privacy.item.class_sessions",
        StoredItem::Place => "privacy.item.place",
        StoredItem::LoadedDirectory => "privacy.item.directory_loaded",
        StoredItem::Directory => "privacy.item.directory",
        StoredItem::History => "privacy.item.history",
        StoredItem::HistoryLock => "privacy.item.history_lock",
    }
}

fn area_key(area: Area) -> &'static str {
    match area {
        Area::Session => "privacy.area.session",
        Area::Lasting => "privacy.area.lasting",
    }
}

/// The privacy page.
#[component]
pub fn Privacy() -> impl IntoView {
    let locale = use_locale();
    let present = RwSignal::new(present_now());
    let erased = RwSignal::new(None::<usize>);
    let erase = Callback::new(move |_| {
        erased.set(Some(storage::erase_everything()));
        present.set(present_now());
    });
    // Before erasing, say exactly what will go, the teacher's class
    // sessions on this device first, since they are not the reader's.
    let sessions = move || {
        present.with(|now| {
            now.iter()
                .any(|(_, key)| StoredItem::from_key(key) == Some(StoredItem::ClassSessions))
        })
    };
    // One row per kind of value: the student's and the family's answers are
    // kept the same way, so they share a row.
    let mut kinds: Vec<StoredItem> = Vec::new();
    for item in StoredItem::ALL {
        if !kinds
            .iter()
            .any(|k| item_key(*k) == item_key(item) && k.area() == item.area())
        {
            kinds.push(item);
        }
    }
    let rows = kinds
        .into_iter()
        .map(|item| {
            view! {
                <tr>
                    <td>{tr(item_key(item))}</td>
                    <td>{tr(area_key(item.area()))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageTitle key="privacy.title"/>
        <section class="privacy">
            <h1>{tr("privacy.title")}</h1>
            <p class="privacy__lead">{tr("privacy.lead")}</p>

            <h2>{tr("privacy.never.title")}</h2>
            <ul>
                <li>{tr("privacy.never.server")}</li>
                <li>{tr("privacy.never.tracking")}</li>
                <li>{tr("privacy.never.others")}</li>
            </ul>

            <h2>{tr("privacy.kept.title")}</h2>
            <p>{tr("privacy.kept.text")}</p>
            <table class="privacy__table">
                <caption class="visually-hidden">{tr("privacy.kept.title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("privacy.kept.what")}</th>
                        <th scope="col">{tr("privacy.kept.where")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{tr("privacy.area.explained")}</p>

            <h2>{tr("privacy.now.title")}</h2>
            <PresentList present=present/>

            <h2>{tr("privacy.erase.title")}</h2>
            <p>{tr("privacy.erase.text")}</p>
            <ConfirmButton
                label="privacy.erase.button"
                confirm="privacy.erase.yes"
                testid="erase-everything"
                on_confirm=erase
            >
                <p>{tr("privacy.erase.will_go")}</p>
                <PresentList present=present in_question=true/>
                {move || sessions().then(|| view! {
                    <p class="notice notice--warning" data-testid="erase-class-warning">{tr("privacy.erase.class_sessions")}</p>
                })}
            </ConfirmButton>
            <p class="privacy__status" role="status" data-testid="erase-status">
                {move || erased.get().map(|n| locale.f("privacy.erase.done", &[("count", &n.to_string())]))}
            </p>

            <h2>{tr("privacy.exit.title")}</h2>
            <p>{tr("privacy.exit.text")}</p>
            <p>{tr("privacy.exit.history")}</p>

            <h2>{tr("privacy.shared.title")}</h2>
            <p>{tr("privacy.shared.text")}</p>

            <h2>{tr("privacy.diagnosis.title")}</h2>
            <p>{tr("privacy.diagnosis.text")}</p>
        </section>
    }
}

/// The live list of what this device holds, or a sentence saying nothing is.
#[component]
fn PresentList(
    /// What is kept now, refreshed after erasing.
    present: RwSignal<Vec<(Area, String)>>,
    /// Shown in the question before erasing: the same list, without the
    /// page's test ids (they name the page's own list).
    #[prop(optional)]
    in_question: bool,
) -> impl IntoView {
    move || {
        let items = present.get();
        if items.is_empty() {
            view! { <p data-testid=(!in_question).then_some("stored-nothing")>{tr("privacy.now.nothing")}</p> }
                .into_any()
        } else {
            let list = items
                .into_iter()
                .map(|(area, key)| {
                    let what = StoredItem::from_key(&key)
                        .map(item_key)
                        .unwrap_or("privacy.item.unknown");
                    view! { <li><code>{key}</code>" — "{tr(what)}" ("{tr(area_key(area))}")"</li> }
                })
                .collect_view();
            view! { <ul data-testid=(!in_question).then_some("stored-list")>{list}</ul> }.into_any()
        }
    }
}
