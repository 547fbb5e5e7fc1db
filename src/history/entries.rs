//! The dated list of kept results, newest first: for each, the day, the
//! questionnaire, the band of each family in words, and a way to remove it
//! (asking first).

use leptos::prelude::*;

use amarre_core::history::Entry;
use amarre_core::questionnaire::Audience;
use amarre_core::scoring::score;

use crate::history::page::PageState;
use crate::shared::address;
use crate::shared::band::band_key;
use crate::shared::confirm::ConfirmButton;
use crate::shared::history_store::{self, long_date};
use crate::shared::locale::{for_audience, local, tr, use_locale};
use crate::shared::storage::{self, StorageError, StoredItem};

/// The UI key naming the questionnaire an entry answered.
pub fn questionnaire_key(audience: Audience) -> &'static str {
    for_audience(
        audience,
        "history.questionnaire.student",
        "history.questionnaire.family",
    )
}

/// Opens the results of `answers` in their questionnaire: the answers go
/// where the questionnaire keeps answers in progress (this tab only), and
/// the questionnaire's page opens on its results.
fn review(audience: Audience, answers: &str) -> Result<(), StorageError> {
    let (answers_item, position, address) = match audience {
        Audience::Family => (StoredItem::FamilyAnswers, StoredItem::FamilyPosition, address::FAMILY),
        _ => (
            StoredItem::StudentAnswers,
            StoredItem::StudentPosition,
            address::STUDENT,
        ),
    };
    storage::write_text(answers_item, answers)?;
    storage::write_text(position, "results")?;
    let _ = window().location().assign(address);
    Ok(())
}

/// Every entry, newest first.
#[component]
pub fn Entries(
    /// The page, to remove an entry and read again.
    page: PageState,
    /// The results that can be read, oldest first.
    entries: Vec<Entry>,
    /// Whether a lock is set: then results are not reopened in the
    /// questionnaires (that would leave them readable in the tab).
    locked: bool,
) -> impl IntoView {
    let locale = use_locale();
    let content = locale.content();
    if entries.is_empty() {
        return None;
    }
    let rows = entries
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(n, entry)| {
            let questionnaire = content.questionnaire(&entry.answers.questionnaire)?;
            let readings = score(questionnaire, &entry.answers).families;
            let date = entry.date;
            let id = entry.id.clone();
            let when = move || long_date(date, &locale.current().code);
            let bands = readings
                .into_iter()
                .map(|reading| {
                    view! {
                        <li>
                            {local(content.factors.name(reading.family))}
                            " : "
                            <span class="history__band">{tr(band_key(reading.band))}</span>
                        </li>
                    }
                })
                .collect_view();
            let audience = questionnaire.audience;
            let answers = entry.answers.to_json();
            let reopen = move |_| {
                if review(audience, &answers).is_err() {
                    page.said.set(Some("history.review.failed"));
                }
            };
            let remove = Callback::new(move |_| {
                let id = id.clone();
                page.run("history.deleted", async move { history_store::forget(&id) });
            });
            Some(view! {
                <li class="history__entry" data-testid="history-entry">
                    <h3>
                        <span data-testid="history-date">{move || locale.f("history.entry.kept", &[("date", &when())])}</span>
                        " · "
                        {tr(questionnaire_key(questionnaire.audience))}
                    </h3>
                    <ul class="history__bands">{bands}</ul>
                    {(!locked).then(|| view! {
                        <p><button type="button" class="button button--quiet" data-testid=format!("history-review-{n}") on:click=reopen>{tr("history.review")}</button></p>
                    })}
                    <ConfirmButton label="history.delete" confirm="history.delete_yes" testid=format!("history-delete-{n}") on_confirm=remove>
                        <p>{move || locale.f("history.delete_what", &[("date", &when())])}</p>
                    </ConfirmButton>
                </li>
            })
        })
        .collect_view();
    Some(view! {
        <section class="history__entries" aria-labelledby="history-entries-title">
            <h2 id="history-entries-title">{tr("history.entries.title")}</h2>
            <ol class="history__list">{rows}</ol>
        </section>
    })
}
