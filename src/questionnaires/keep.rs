//! « Garder mes résultats sur cet appareil »: the results page's box that
//! adds these answers, dated today, to the person's history on the device,
//! and takes them out again when unticked.
//!
//! The box says only what is true: it is ticked once the result was
//! written, never before. A write that fails (storage full or refused)
//! leaves the box unticked, the answers on the page and a sentence saying
//! so. When the history is locked, this app cannot open it (it carries no
//! cryptography): the box opens the history in a new tab, hands it the
//! answers in memory (`postMessage`, same origin, nothing stored), and the
//! history asks for the passphrase there ([`crate::shared::handover`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use amarre_core::history::Entry;

use crate::shared::address;
use crate::shared::flow::Flow;
use crate::shared::handover;
use crate::shared::history_store::{self, new_id, today, Refused};
use crate::shared::link::Link;
use crate::shared::locale::{tr, use_locale};

/// The box, what it says, and the way to the history.
#[component]
pub fn Keep(
    /// The answers to keep.
    flow: Flow,
) -> impl IntoView {
    let locale = use_locale();
    let said: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let keep = move |input: &web_sys::HtmlInputElement| {
        let wanted = input.checked();
        let id = flow.kept.get_untracked().unwrap_or_else(new_id);
        let outcome = if wanted {
            let entry = Entry {
                id: id.clone(),
                date: today(),
                answers: flow.answers.get_untracked(),
            };
            match history_store::keep_open(&entry) {
                Ok(()) => Ok(Some("r.keep.done")),
                // Locked: the history, in a tab of its own, takes it from here.
                Err(Refused::Locked) => handover::send(&entry).map(|()| None).map_err(|_| "r.keep.blocked"),
                Err(Refused::Storage(_)) => Err("r.keep.storage"),
                Err(_) => Err("r.keep.unreadable"),
            }
        } else {
            history_store::forget(&id)
                .map(|()| Some("r.keep.removed"))
                .map_err(|_| "r.keep.storage")
        };
        match outcome {
            Ok(Some(done)) => {
                flow.kept.set(wanted.then_some(id));
                said.set(Some(done));
            }
            Ok(None) => {
                input.set_checked(false);
                said.set(Some("r.keep.handed"));
            }
            Err(why) => {
                input.set_checked(!wanted);
                said.set(Some(why));
            }
        }
    };
    // Back on the results after changing answers: the kept result follows
    // (quietly; if that fails, the box no longer claims it).
    if let Some(id) = flow.kept.get_untracked() {
        let entry = Entry {
            id,
            date: today(),
            answers: flow.answers.get_untracked(),
        };
        if history_store::keep_open(&entry).is_err() {
            flow.kept.set(None);
        }
    }
    view! {
        <div class="keep" data-testid="keep-area">
            <label class="keep__box">
                <input
                    type="checkbox"
                    data-testid="keep"
                    checked=flow.kept.get_untracked().is_some()
                    on:change=move |ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into().ok()) {
                            said.set(None);
                            keep(&input);
                        }
                    }
                />
                " "
                {tr("r.actions.keep")}
            </label>
            <p role="status" data-testid="keep-said">{move || said.get().map(|key| locale.t(key))}</p>
            <p hidden=move || flow.kept.get().is_none()>
                <Link href=address::HISTORY>{tr("r.keep.see")}</Link>
            </p>
        </div>
    }
}
