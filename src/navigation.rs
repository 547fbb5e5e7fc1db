//! Moving between pages without reloading: the current [`Page`] as a signal
//! derived from the URL, `history.pushState` on in-app links, and the
//! browser's back and forward buttons through `popstate`.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::route::Page;

/// The page being shown, shared through context.
#[derive(Clone, Copy)]
pub struct Navigation {
    page: RwSignal<Page>,
}

impl Navigation {
    /// The page being shown (tracked).
    pub fn page(&self) -> Page {
        self.page.get()
    }

    /// Shows `page` and adds it to the history, as following a link does.
    pub fn go(&self, page: Page) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(page.path()));
        }
        self.page.set(page);
    }
}

/// The page the address bar points to now.
fn page_in_address_bar() -> Page {
    Page::from_path(&window().location().pathname().unwrap_or_default())
}

/// Provides [`Navigation`] to every component below, following the address
/// bar when the person goes back or forward.
pub fn provide_navigation() -> Navigation {
    let navigation = Navigation {
        page: RwSignal::new(page_in_address_bar()),
    };
    let listener = window_event_listener(ev::popstate, move |_| navigation.page.set(page_in_address_bar()));
    on_cleanup(move || listener.remove());
    provide_context(navigation);
    navigation
}

/// The [`Navigation`] provided by the app shell.
pub fn use_navigation() -> Navigation {
    // The shell provides it before mounting any page; its absence is a
    // programming error that the browser tests would show at once.
    expect_context::<Navigation>()
}
