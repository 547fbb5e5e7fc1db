//! The honest state of a part that is not built yet: it says so, says what
//! the part will do, and points to what already works (the help lines, the
//! home page). Never a fake form or a made-up result.

use crate::components::link::Link;
use crate::components::page_title::PageTitle;
use crate::locale::tr;
use crate::route::Page;
use leptos::prelude::*;

/// The "bientôt" page of the part still to come: the services directory.
#[component]
pub fn ComingSoon() -> impl IntoView {
    let (title, text) = ("soon.services.title", "soon.services.text");
    view! {
        <PageTitle key=title/>
        <section class="coming-soon" data-testid="coming-soon">
            <h1>{tr(title)}</h1>
            <p class="coming-soon__badge">{tr("soon.badge")}</p>
            <p>{tr(text)}</p>
            <p>{tr("soon.meanwhile")}</p>
            <p><Link to=Page::Home>{tr("nav.back_home")}</Link></p>
        </section>
    }
}
