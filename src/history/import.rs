//! Bringing back results from an answers file the person exported from
//! the results page: the file is read on the device (the File API, nothing
//! uploaded), checked against the questionnaire it names, and kept in the
//! history dated today. A wrong or broken file is refused with every
//! problem in words, and nothing kept changes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use amarre_core::answers::Answers;
use amarre_core::history::Entry;
use amarre_core::questionnaire::Questionnaire;
use amarre_core::DataError;

use crate::history::page::PageState;
use crate::shared::file::read_text;
use crate::shared::history_store::{self, new_id, today, Refused};
use crate::shared::locale::{tr, use_locale};
use crate::shared::problems::ProblemList;

/// Larger files are refused before being read: an answers file is a few KB.
pub const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

/// A file input that keeps an answers file in the history, with its messages.
#[component]
pub fn ImportFile(
    /// The page, to keep and read again.
    page: PageState,
) -> impl IntoView {
    let locale = use_locale();
    let questionnaires = &locale.content().questionnaires;
    let problems = RwSignal::new((Vec::<DataError>::new(), None::<&'static Questionnaire>));
    // A file that could not even be looked at (too big, unreadable).
    let note = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        problems.set((Vec::new(), None));
        if file.size() > MAX_IMPORT_BYTES {
            note.set(Some(locale.f("history.import.too_big", &[("name", &file.name())])));
            return;
        }
        spawn_local(async move {
            let name = file.name();
            let Some(text) = read_text(&file).await else {
                note.set(Some(locale.f("history.import.unreadable", &[("name", &name)])));
                return;
            };
            note.set(None);
            let text = match text {
                Ok(text) => text,
                Err(error) => return problems.set((vec![error], None)),
            };
            match Answers::from_json_of(&name, &text, questionnaires) {
                Ok((_, answers)) => {
                    let entry = Entry {
                        id: new_id(),
                        date: today(),
                        answers,
                    };
                    page.run("history.imported", async move {
                        match history_store::keep(&entry).await {
                            // Locked and not opened here: kept once opened.
                            Err(Refused::Locked) => {
                                page.pending.set(Some(entry));
                                Err(Refused::Locked)
                            }
                            other => other,
                        }
                    });
                }
                Err((named, errors)) => problems.set((errors, named)),
            }
        });
    };
    view! {
        <section class="history__import" aria-labelledby="import-title">
            <h2 id="import-title">{tr("history.import.title")}</h2>
            <label class="import__label" for="import-answers">{tr("history.import.label")}</label>
            <input id="import-answers" class="import__input" type="file" accept=".json,application/json" data-testid="import" on:change=on_change/>
            {move || {
                let (list, questionnaire) = problems.get();
                let note = note.get();
                (!list.is_empty() || note.is_some()).then(|| view! {
                    <div class="notice notice--warning" role="alert" data-testid="import-problems">
                        <p>{locale.t("history.import.refused")}</p>
                        {note.map(|n| view! { <p>{n}</p> })}
                        {match questionnaire {
                            Some(q) => view! { <ProblemList errors=list questionnaire=q/> }.into_any(),
                            None => view! { <ProblemList errors=list/> }.into_any(),
                        }}
                    </div>
                })
            }}
        </section>
    }
}
