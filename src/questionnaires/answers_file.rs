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
use crate::shared::locale::{tr, use_locale};

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
    let problems = RwSignal::new(Vec::<String>::new());
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES {
            problems.set(vec![locale.f("q.import.too_big", &[("name", &file.name())])]);
            return;
        }
        spawn_local(async move {
            let name = file.name();
            let text = read_text(&file).await;
            let Some(text) = text else {
                problems.set(vec![locale.f("q.import.unreadable", &[("name", &name)])]);
                return;
            };
            match Answers::from_json(&name, &text, flow.questionnaire) {
                Ok(answers) => {
                    problems.set(Vec::new());
                    flow.restore_from(answers);
                }
                Err(errors) => problems.set(errors.iter().map(ToString::to_string).collect()),
            }
        });
    };
    view! {
        <div class="import">
            <label class="import__label" for="import-answers">{tr("q.import.label")}</label>
            <input id="import-answers" class="import__input" type="file" accept=".json,application/json" data-testid="import" on:change=on_change/>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="notice notice--warning" role="alert" data-testid="import-problems">
                        <p>{locale.t("q.import.refused")}</p>
                        <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </div>
    }
}
