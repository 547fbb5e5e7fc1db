//! A short note for parents about the class survey, to print or show
//! (`/classe/parents`): what it asks, that it is anonymous and free, that
//! nothing leaves the teacher's device, that only totals are ever seen.

use leptos::prelude::*;

use crate::class::screen::Screen;
use crate::shared::link::Link;
use crate::shared::locale::tr;
use crate::shared::page_title::PageTitle;

/// The note for parents.
#[component]
pub fn ParentNote() -> impl IntoView {
    view! {
        <PageTitle key="class.parents.title"/>
        <article class="parent-note" data-testid="parent-note">
            <h1 tabindex="-1">{tr("class.parents.title")}</h1>
            <p>{tr("class.parents.what")}</p>
            <ul>
                <li>{tr("class.parents.anonymous")}</li>
                <li>{tr("class.parents.device")}</li>
                <li>{tr("class.parents.totals")}</li>
                <li>{tr("class.parents.free")}</li>
            </ul>
            <p>{tr("class.parents.contact")}</p>
            <div class="parent-note__actions">
                <button type="button" class="button" data-testid="print-note" on:click=move |_| { let _ = window().print(); }>
                    {tr("class.parents.print")}
                </button>
                <Link href=Screen::Sessions.path() class="button button--quiet">{tr("class.back_to_sessions")}</Link>
            </div>
        </article>
    }
}
