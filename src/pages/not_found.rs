//! The page for an address the app does not know.

use crate::components::link::Link;
use crate::components::page_title::PageTitle;
use crate::locale::tr;
use crate::route::Page;
use leptos::prelude::*;

/// "This page does not exist", with the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle key="notfound.title"/>
        <section class="not-found">
            <h1>{tr("notfound.title")}</h1>
            <p>{tr("notfound.text")}</p>
            <p><Link to=Page::Home>{tr("nav.back_home")}</Link></p>
        </section>
    }
}
