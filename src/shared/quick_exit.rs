//! The quick exit: one press (or Escape twice, quickly) leaves the app at
//! once for a neutral page.
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

/// Two presses of Escape within this many milliseconds leave, as the button.
const DOUBLE_ESCAPE_MS: f64 = 1000.0;

thread_local! {
    /// Set once the quick exit is on its way: nothing may hold it back.
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the quick exit is leaving: a page that would ask « leave
/// anyway? » (the class survey with answers waiting) lets it go unasked.
pub fn leaving() -> bool {
    LEAVING.with(std::cell::Cell::get)
}

/// Leaves at once: forgets the tab's storage, then replaces this page in
/// the history with the neutral one.
fn leave() {
    LEAVING.with(|l| l.set(true));
    let _ = storage::erase_area(Area::Session);
    let _ = window().location().replace(NEUTRAL_PAGE);
}

/// The quick-exit button, and Escape pressed twice quickly, on every page.
#[component]
pub fn QuickExit() -> impl IntoView {
    // When Escape was last pressed (0: never).
    let last_escape = std::cell::Cell::new(0.0);
    crate::shared::browser::listen(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        let now = js_sys::Date::now();
        if now - last_escape.get() <= DOUBLE_ESCAPE_MS {
            leave();
        }
        last_escape.set(now);
    });
    // A link, so that it leaves even before the app has arrived (the page
    // is prerendered) or without JavaScript.
    view! {
        <a
            class="quick-exit"
            href=NEUTRAL_PAGE
            rel="noreferrer"
            data-testid="quick-exit"
            title=tr("shell.quick_exit_hint")
            on:click=move |ev| {
                ev.prevent_default();
                leave();
            }
        >
            {tr("shell.quick_exit")}
        </a>
    }
}
