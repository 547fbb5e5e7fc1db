//! A link to a page of the app: a real `<a href>` (it works with a middle
//! click, "open in new tab" and without script), that navigates in place on
//! a plain click and says `aria-current="page"` when it points to the page
//! being shown. A link to another app ([`Page::is_other_app`]) loads it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::navigation::use_navigation;
use crate::route::Page;

/// Whether a click on a link should navigate in place: the main button,
/// no modifier (Ctrl, ⌘, Shift or Alt mean "new tab", "new window"…).
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// A link to `to`.
#[component]
pub fn Link(
    /// The page the link leads to.
    to: Page,
    /// CSS class of the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// `data-testid` of the `<a>`, for the end-to-end tests.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// What the link says.
    children: Children,
) -> impl IntoView {
    let navigation = use_navigation();
    let follow = move |ev: MouseEvent| {
        if is_plain_click(&ev) && !to.is_other_app() {
            ev.prevent_default();
            navigation.go(to);
        }
    };
    view! {
        <a
            href=to.path()
            class=class
            data-testid=testid
            aria-current=move || (navigation.page() == to).then_some("page")
            on:click=follow
        >
            {children()}
        </a>
    }
}
