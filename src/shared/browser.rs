//! The browser, when there is one. The same components also run natively
//! at build time, to prerender each app's first view into its HTML
//! (`src/prerender.rs`); there every call into the browser would panic, so
//! whatever a first view asks of the browser goes through here and gets
//! « nothing » natively: no storage, no preferred language, no request.

/// Whether the code runs in a browser (false only while prerendering).
pub const PRESENT: bool = cfg!(target_family = "wasm");

/// The browser's window; `None` while prerendering.
pub fn window() -> Option<web_sys::Window> {
    if PRESENT {
        web_sys::window()
    } else {
        None
    }
}

thread_local! {
    /// The page being prerendered, natively (set by `src/prerender.rs`).
    static PRERENDERED_PATH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The path in the address bar; while prerendering, the page's path.
pub fn path() -> String {
    match window() {
        Some(window) => window.location().pathname().unwrap_or_default(),
        None => PRERENDERED_PATH.with(|path| path.borrow().clone()),
    }
}

/// Prerenders the pages at `path` from now on (natively only).
pub fn prerender_at(path: &str) {
    PRERENDERED_PATH.with(|now| *now.borrow_mut() = path.to_string());
}

/// Listens to `event` on the window for as long as the calling component
/// lives; nothing to listen to while prerendering.
pub fn listen<E>(event: E, on_event: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    if PRESENT {
        let listener = leptos::prelude::window_event_listener(event, on_event);
        leptos::prelude::on_cleanup(move || listener.remove());
    }
}

/// Runs `task` in the browser's event loop; nothing while prerendering (a
/// first view never waits for an answer).
pub fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    if PRESENT {
        wasm_bindgen_futures::spawn_local(task);
    }
}

/// Mounts `app` over the first view prerendered into the page
/// (`src/prerender.rs`): the body is emptied and the app mounted in the
/// same task, so nothing is painted in between. A help area the person
/// opened before the app arrived stays open.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    let document = window().and_then(|window| window.document());
    let body = document.as_ref().and_then(web_sys::Document::body);
    let help_open = body.as_ref().is_some_and(|body| {
        let open = body.query_selector("details[open]").ok().flatten().is_some();
        body.set_inner_html("");
        open
    });
    leptos::mount::mount_to_body(app);
    if let (true, Some(document)) = (help_open, document) {
        if let Ok(Some(help)) = document.query_selector("details") {
            let _ = help.set_attribute("open", "");
        }
    }
}
