//! The one link component of the three apps: a real `<a href>` (it works
//! with a middle click, "open in new tab" and without script) that, on a
//! plain click, navigates in place when the path is a page of the current
//! app, and says `aria-current="page"` when it points to the page shown.
//! A link to another app is an ordinary page load.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::shared::navigation::use_navigation;

/// Whether a click on a link should navigate in place: the main button,
/// no modifier (Ctrl, ⌘, Shift or Alt mean "new tab", "new window"…).
pub fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// A link to `href`.
#[component]
pub fn Link(
    /// Where it leads: a path of this app or of another one.
    #[prop(into)]
    href: String,
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
    let target = href.clone();
    let follow = move |ev: MouseEvent| {
        if let Some(navigation) = navigation.filter(|n| n.owns(&target)) {
            if is_plain_click(&ev) {
                ev.prevent_default();
                navigation.go(&target);
            }
        }
    };
    let current = href.clone();
    view! {
        <a
            href=href
            class=class
            data-testid=testid
            aria-current=move || navigation.is_some_and(|n| n.is_current(&current)).then_some("page")
            on:click=follow
        >
            {children()}
        </a>
    }
}
