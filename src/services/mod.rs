//! Support services, an app of its own at `/services` (its own wasm,
//! `src/bin/amarre-services.rs`): the directory browser, the guided path
//! and the place picker do not weigh on the questionnaires' first load.
//! Coordinators have an app of their own (`crate::coordination`'s, at
//! `/coordination`), the only one with the HSDS reader. The questionnaires app's results share only the directory in use
//! and the place with it ([`crate::shared::directory`]).
//! The same app shows the privacy page (`/confidentialite`, [`privacy`]),
//! also a page one reads rather than answers.
//!
//! The apps share what the person chose through the tab's storage: the
//! place (postal code or commune) and a directory a coordinator loaded
//! ([`crate::shared::directory`]).
//!
//! - [`page`]: the page, made of:
//! - [`guided`]: "je cherche de l'aide pour…";
//! - [`browse`]: the services and their filters, the kinds of service;
//! - [`place`]: the postal code or commune;
//! - [`privacy`]: the privacy page.

pub mod browse;
pub mod guided;
pub mod page;
pub mod place;
pub mod privacy;

use leptos::prelude::*;

use crate::shared::address;
use crate::shared::content;
use crate::shared::locale::provide_locale;
use crate::shared::navigation::{provide_navigation, use_navigation};
use crate::shared::shell::{BrokenContent, Shell};

/// The services app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    /// `/services`: the services, the guided path, the coordinator's loader.
    Services,
    /// `/confidentialite`: what the apps keep, and erasing it.
    Privacy,
}

impl Page {
    /// The page at `path`, if it is one of this app's.
    fn from_path(path: &str) -> Option<Page> {
        match path.trim_end_matches('/') {
            address::SERVICES => Some(Page::Services),
            address::PRIVACY => Some(Page::Privacy),
            _ => None,
        }
    }

    /// Whether `path` is a page of this app.
    fn owns(path: &str) -> bool {
        Page::from_path(path).is_some()
    }
}

/// The whole services app.
#[component]
pub fn ServicesApp() -> impl IntoView {
    match content::shipped(content::SERVICES) {
        Ok(content) => {
            provide_locale(content);
            crate::shared::directory::provide_services::<true>();
            place::provide_places();
            provide_navigation(Page::owns);
            view! { <Shell><CurrentPage/></Shell> }.into_any()
        }
        Err(problem) => view! { <BrokenContent problem=problem.0.clone()/> }.into_any(),
    }
}

/// The page the address bar points to (the services page for any other
/// address the server sends here).
#[component]
fn CurrentPage() -> impl IntoView {
    let navigation = use_navigation().expect("provided by ServicesApp just above");
    // The path changes only when the person moves to another page.
    move || match Page::from_path(&navigation.path()) {
        Some(Page::Privacy) => view! { <privacy::Privacy/> }.into_any(),
        _ => view! { <page::ServicesPage/> }.into_any(),
    }
}
