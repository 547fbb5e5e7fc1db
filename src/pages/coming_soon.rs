//! The honest state of a part that is not built yet: it says so, says what
//! the part will do, and points to what already works (the help lines, the
//! home page). Never a fake form or a made-up result.

use crate::components::link::Link;
use crate::components::page_title::PageTitle;
use crate::locale::use_locale;
use crate::route::Page;
use leptos::prelude::*;

/// The "bientôt" page for one of the parts still to come.
#[component]
pub fn ComingSoon(
    /// Which part: `student`, `family`, `class` or `services`; it picks the
    /// UI keys `soon.<page>.title` and `soon.<page>.text`.
    page: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    let (title, text): (&'static str, &'static str) = match page {
        "student" => ("soon.student.title", "soon.student.text"),
        "family" => ("soon.family.title", "soon.family.text"),
        "class" => ("soon.class.title", "soon.class.text"),
        _ => ("soon.services.title", "soon.services.text"),
    };
    view! {
        <PageTitle key=title/>
        <section class="coming-soon" data-testid="coming-soon">
            <h1>{move || locale.t(title)}</h1>
            <p class="coming-soon__badge">{move || locale.t("soon.badge")}</p>
            <p>{move || locale.t(text)}</p>
            <p>{move || locale.t("soon.meanwhile")}</p>
            <p><Link to=Page::Home>{move || locale.t("nav.back_home")}</Link></p>
        </section>
    }
}
