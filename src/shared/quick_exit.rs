//! The quick exit: one press leaves the app at once for a neutral page.
//!
//! It first forgets what this tab kept (answers in progress, the chosen
//! language), then replaces the current history entry, so the back button
//! does not bring this page back. What the person chose to keep lastingly is
//! left alone: erasing it is on the privacy page.

use leptos::prelude::*;

use crate::shared::locale::tr;
use crate::shared::storage::{self, Area};

/// Where the quick exit goes: an ordinary weather search, which says
/// nothing about what the person was doing.
pub const NEUTRAL_PAGE: &str = "https://www.google.com/search?q=m%C3%A9t%C3%A9o";

/// The quick-exit button.
#[component]
pub fn QuickExit() -> impl IntoView {
    let leave = move |_| {
        let _ = storage::erase_area(Area::Session);
        let _ = window().location().replace(NEUTRAL_PAGE);
    };
    view! {
        <button
            type="button"
            class="quick-exit"
            data-testid="quick-exit"
            title=tr("shell.quick_exit_hint")
            on:click=leave
        >
            {tr("shell.quick_exit")}
        </button>
    }
}
