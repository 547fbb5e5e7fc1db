//! Moving between the pages of one app without reloading, the same way in
//! every app: the address bar's path is the source of truth (STYLE: global
//! state in the URL first), kept in a signal; in-app links push a history
//! entry; back and forward follow `popstate`; after every change the focus
//! moves to the main region, so keyboard and screen-reader users start
//! reading the new page from its top.
//!
//! Each app says which paths are its own ([`provide_navigation`]) and turns
//! the path into its own pages (`questionnaires::route`, `class::screen`,
//! `services::route`); a link to any other path loads that page.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The path being shown, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Navigation {
    path: RwSignal<String>,
    owns: fn(&str) -> bool,
}

impl Navigation {
    /// The path being shown (tracked).
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// Whether `path` is a page of this app (followed in place).
    pub fn owns(&self, path: &str) -> bool {
        (self.owns)(path)
    }

    /// Whether `path` is the page being shown (tracked); a trailing slash
    /// does not count.
    pub fn is_current(&self, path: &str) -> bool {
        self.path
            .with(|now| now.trim_end_matches('/') == path.trim_end_matches('/'))
    }

    /// Shows `path` and adds it to the history, as following a link does
    /// (a link to the page shown changes nothing).
    pub fn go(&self, path: &str) {
        if self.path.with_untracked(|now| now == path) {
            return;
        }
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(path));
        }
        self.path.set(path.to_string());
    }
}

use crate::shared::browser::path as path_in_address_bar;

/// Provides [`Navigation`] to every component below for an app whose own
/// paths `owns` recognises, follows back and forward, and moves the focus
/// to the main region when the page changes.
pub fn provide_navigation(owns: fn(&str) -> bool) -> Navigation {
    let navigation = Navigation {
        path: RwSignal::new(path_in_address_bar()),
        owns,
    };
    crate::shared::browser::listen(ev::popstate, move |_| {
        let now = path_in_address_bar();
        // A change of `#fragment` alone fires popstate too: same page, no rebuild.
        if navigation.path.get_untracked() != now {
            navigation.path.set(now);
        }
    });
    Effect::new(move |previous: Option<String>| {
        let now = navigation.path();
        if previous.is_some_and(|p| p != now) {
            focus_main();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
    provide_context(navigation);
    navigation
}

/// The [`Navigation`] of the app, if it provides one (every app does; a
/// component mounted alone in a browser test may have none).
pub fn use_navigation() -> Option<Navigation> {
    use_context::<Navigation>()
}

/// Moves keyboard focus to the main region (it has `tabindex="-1"`).
pub fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}
