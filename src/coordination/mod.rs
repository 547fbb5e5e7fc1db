//! For coordinators, an app of its own at `/coordination` (its own wasm,
//! `src/bin/amarre-coordination.rs`): the only one that carries the reader
//! of Open Referral HSDS files (about 20 KiB), so that no young person's
//! or family's page pays for it.
//!
//! - [`page`]: the page, and trying a file out on this device;
//! - [`published`]: what the site publishes (`annuaire/index.json` and the
//!   files it was made from, each with its problems), and preparing the
//!   index to publish.

pub mod page;
pub mod published;

use leptos::prelude::*;

use crate::shared::address;
use crate::shared::content;
use crate::shared::locale::provide_locale;
use crate::shared::navigation::provide_navigation;
use crate::shared::shell::{BrokenContent, Shell};

/// Whether `path` is this app's page.
fn owns(path: &str) -> bool {
    path.trim_end_matches('/') == address::COORDINATION
}

/// The whole coordinators' app.
#[component]
pub fn CoordinationApp() -> impl IntoView {
    // The services app's words: the same pages' neighbours.
    match content::shipped(content::SERVICES) {
        Ok(content) => {
            provide_locale(content);
            crate::shared::directory::provide_services::<true>();
            provide_navigation(owns);
            view! { <Shell><page::CoordinatorPage/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem.0.clone()/> }.into_any(),
    }
}
