//! Export of one's own answers as a JSON file, and re-import that restores
//! the results. Both happen on the device: the file is made in memory and
//! read with the File API, nothing is uploaded.
//!
//! An imported file is checked against the questionnaire before anything
//! changes: a wrong or broken file is refused with every problem listed,
//! and the answers already there stay as they were.

use leptos::prelude::*;
use leptos::task::spawn_local;

use amarre_core::answers::Answers;

use crate::shared::file::{download, read_text};
use crate::shared::flow::Flow;
use crate::shared::locale::{for_audience, tr, use_locale};
use crate::shared::problems::ProblemList;
use amarre_core::DataError;

/// Larger files are refused before being read: an answers file is a few KB.
pub const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

/// Offers the answers as `amarre-<questionnaire>.json`.
pub fn export(flow: &Flow) -> Result<(), wasm_bindgen::JsValue> {
    let json = flow.answers.with_untracked(Answers::to_json);
    download(
        &format!("amarre-{}.json", flow.questionnaire.id),
        "application/json",
        &json,
    )
}

/// A file input that imports answers into `flow`, with its messages.
#[component]
pub fn ImportAnswers(
    /// The questionnaire the answers must belong to.
    flow: Flow,
) -> impl IntoView {
    let locale = use_locale();
    let problems = RwSignal::new(Vec::<DataError>::new());
    // A file that could not even be looked at (too big, unreadable).
    let note = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES {
            problems.set(Vec::new());
            note.set(Some(locale.f("q.import.too_big", &[("name", &file.name())])));
            return;
        }
        spawn_local(async move {
            let name = file.name();
            let text = read_text(&file).await;
            let Some(text) = text else {
                problems.set(Vec::new());
                note.set(Some(locale.f("q.import.unreadable", &[("name", &name)])));
                return;
            };
            note.set(None);
            match Answers::from_json(&name, &text, flow.questionnaire) {
                Ok(answers) => {
                    problems.set(Vec::new());
                    flow.restore_from(answers);
                }
                Err(errors) => problems.set(errors),
            }
        });
    };
    view! {
        <div class="import">
            <label class="import__label" for="import-answers">{tr(for_audience(flow.questionnaire.audience, "q.import.label", "q.import.label.family"))}</label>
            <input id="import-answers" class="import__input" type="file" accept=".json,application/json" data-testid="import" on:change=on_change/>
            {move || {
                let list = problems.get();
                let note = note.get();
                (!list.is_empty() || note.is_some()).then(|| view! {
                    <div class="notice notice--warning" role="alert" data-testid="import-problems">
                        <p>{locale.t(for_audience(flow.questionnaire.audience, "q.import.refused", "q.import.refused.family"))}</p>
                        {note.map(|n| view! { <p>{n}</p> })}
                        <ProblemList errors=list questionnaire=flow.questionnaire/>
                    </div>
                })
            }}
        </div>
    }
}
