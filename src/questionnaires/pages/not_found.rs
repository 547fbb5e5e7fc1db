//! The page for an address the app does not know.

use crate::shared::address;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::page_title::PageTitle;
use leptos::prelude::*;

/// "This page does not exist", with the way home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle key="notfound.title"/>
        <section class="not-found">
            <h1>{tr("notfound.title")}</h1>
            <p>{tr("notfound.text")}</p>
            <p><Link href=address::HOME>{tr("nav.back_home")}</Link></p>
        </section>
    }
}
