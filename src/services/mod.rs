//! Support services, an app of its own at `/services` (its own wasm,
//! `src/bin/amarre-services.rs`): the directory browser, the guided path
//! and the coordinator's loader do not weigh on the questionnaires' first
//! load. The main app's results use only [`state`] and the suggestions.
//! The same app shows the privacy page (`/confidentialite`, [`privacy`]),
//! also a page one reads rather than answers.
//!
//! The apps share what the person chose through the tab's storage: the
//! place (postal code or commune) and a directory a coordinator loaded
//! ([`state`]).
//!
//! - [`state`]: the directory in use and the place, as reactive state.
//! - [`page`]: the page, made of:
//! - [`guided`]: "je cherche de l'aide pour…";
//! - [`browse`]: the services and their filters, the kinds of service;
//! - [`place`]: the postal code or commune;
//! - [`coordinator`]: loading a directory file;
//! - [`privacy`]: the privacy page.

pub mod browse;
pub mod coordinator;
pub mod guided;
pub mod page;
pub mod place;
pub mod privacy;
pub mod state;

use leptos::prelude::*;

use crate::app::{BrokenContent, PlainShell};
use crate::content::{self, SERVICES_APP};
use crate::locale::provide_locale;
use crate::route::Page;

/// The whole services app.
#[component]
pub fn ServicesApp() -> impl IntoView {
    match content::shipped(SERVICES_APP) {
        Ok(content) => {
            provide_locale(content);
            state::provide_services();
            view! { <ServicesShell/> }.into_any()
        }
        Err(errors) => view! { <BrokenContent errors=errors.to_vec()/> }.into_any(),
    }
}

/// The shared frame, and the page the address bar points to.
#[component]
fn ServicesShell() -> impl IntoView {
    let page = Page::from_path(&window().location().pathname().unwrap_or_default());
    view! {
        <PlainShell here=Some(page)>
            {match page {
                Page::Privacy => view! { <privacy::Privacy/> }.into_any(),
                _ => view! { <page::ServicesPage/> }.into_any(),
            }}
        </PlainShell>
    }
}
