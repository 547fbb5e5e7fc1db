//! The page for an address the app does not know.

use crate::components::link::Link;
use crate::components::page_title::PageTitle;
use crate::locale::use_locale;
use crate::route::Page;
use leptos::prelude::*;

/// "This page does not exist", with the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle key="notfound.title"/>
        <section class="not-found">
            <h1>{move || locale.t("notfound.title")}</h1>
            <p>{move || locale.t("notfound.text")}</p>
            <p><Link to=Page::Home>{move || locale.t("nav.back_home")}</Link></p>
        </section>
    }
}
