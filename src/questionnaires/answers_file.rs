//! Export of one's own answers as a JSON file, made in memory on the
//! device: nothing is uploaded. The history app brings such a file back
//! (`crate::history::import`, an app of its own so this one stays light).

use leptos::prelude::*;

use amarre_core::answers::Answers;

use crate::shared::file::download;
use crate::shared::flow::Flow;

/// Offers the answers as `amarre-<questionnaire>.json`.
pub fn export(flow: &Flow) -> Result<(), wasm_bindgen::JsValue> {
    let json = flow.answers.with_untracked(Answers::to_json);
    download(
        &format!("amarre-{}.json", flow.questionnaire.id),
        "application/json",
        &json,
    )
}
