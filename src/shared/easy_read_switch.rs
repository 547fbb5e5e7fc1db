//! The easy-read switch, in the header of every page of every app: short
//! sentences and common words for every text that has an easy-read
//! variant, in every language. Pressed, it stays on for the visit.

use leptos::prelude::*;

use crate::shared::locale::{tr, use_locale};

/// Turns easy-read texts on or off.
#[component]
pub fn EasyReadSwitch() -> impl IntoView {
    let locale = use_locale();
    view! {
        <button
            type="button"
            class="easy-read-switch"
            data-testid="easy-read"
            aria-pressed=move || locale.easy().to_string()
            on:click=move |_| locale.set_easy(!locale.easy())
        >
            {tr("shell.easy_read")}
        </button>
    }
}
