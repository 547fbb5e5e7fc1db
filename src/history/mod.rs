//! The history, an app of its own at `/historique` (its own wasm,
//! `src/bin/amarre-historique.rs`): the results a person chose to keep on
//! the device, dated, how each family moved between them, deleting one or
//! all, and the optional lock by a passphrase. It reads the kept answers
//! with the two questionnaires and scores them again, so an entry always
//! reads as today's rules read it.
//!
//! - [`page`]: the page and its states (nothing kept, locked, open,
//!   unreadable, from a newer version, storage refused);
//! - [`trend`]: per family, one bar per date;
//! - [`entries`]: the dated list, each with its bands, removable, and
//!   reopened in full in its questionnaire;
//! - [`import`]: an exported answers file, kept in the history;
//! - [`lock_panel`]: setting, closing and removing the lock.
//!
//! The results page adds entries ([`crate::shared::history_store`]); what
//! is kept is read again at every change, and when another tab changes it.

pub mod entries;
pub mod import;
pub mod lock_panel;
pub mod page;
pub mod trend;

use leptos::prelude::*;

use crate::shared::content;
use crate::shared::locale::provide_locale;
use crate::shared::navigation::provide_navigation;
use crate::shared::shell::{BrokenContent, Shell};

/// Whether `path` is this app's page.
fn owns(path: &str) -> bool {
    path.trim_end_matches('/') == crate::shared::address::HISTORY
}

/// The whole history app.
#[component]
pub fn HistoryApp() -> impl IntoView {
    match content::shipped(content::HISTORY) {
        Ok(content) => {
            provide_locale(content);
            provide_navigation(owns);
            view! { <Shell><page::HistoryPage/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem.0.clone()/> }.into_any(),
    }
}
