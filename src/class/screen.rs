//! Where the person is in the class survey app, kept in the address bar
//! (`/classe`, `/classe/seance/<id>`, `/classe/repondre`) so the back
//! button and a bookmark work. A student answering on the shared device
//! is not a place of its own: going back leaves the answers unseen and
//! uncounted.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::focus_main;
use crate::components::link::is_plain_click;

/// A screen of the class app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// `/classe`: the teacher's sessions, and the way in for students.
    Sessions,
    /// `/classe/seance/<id>`: one session.
    Session(String),
    /// `/classe/repondre`: a student answering on their own phone.
    Answer,
}

impl Screen {
    /// The screen at `path` (a URL's pathname); anything unknown is the list.
    pub fn from_path(path: &str) -> Screen {
        let rest = path.trim_end_matches('/').strip_prefix("/classe").unwrap_or("");
        match rest.strip_prefix('/') {
            Some("repondre") => Screen::Answer,
            Some(more) => match more.strip_prefix("seance/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Screen::Session(id.to_string()),
                _ => Screen::Sessions,
            },
            None => Screen::Sessions,
        }
    }

    /// The screen's address.
    pub fn path(&self) -> String {
        match self {
            Screen::Sessions => "/classe".to_string(),
            Screen::Session(id) => format!("/classe/seance/{id}"),
            Screen::Answer => "/classe/repondre".to_string(),
        }
    }
}

/// The current screen, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ScreenState(RwSignal<Screen>);

impl ScreenState {
    /// The current screen (tracked).
    pub fn get(&self) -> Screen {
        self.0.get()
    }

    /// Shows `screen` and adds it to the history.
    pub fn go(&self, screen: Screen) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&screen.path()));
        }
        self.0.set(screen);
    }
}

fn in_address_bar() -> Screen {
    Screen::from_path(&window().location().pathname().unwrap_or_default())
}

/// Provides the [`ScreenState`], follows back and forward, and moves the
/// focus to the main region when the screen changes.
pub fn provide_screen() -> ScreenState {
    let state = ScreenState(RwSignal::new(in_address_bar()));
    let listener = window_event_listener(ev::popstate, move |_| {
        let now = in_address_bar();
        // A skip link's `#main` also fires popstate: same screen, no rebuild.
        if state.0.get_untracked() != now {
            state.0.set(now);
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |previous: Option<Screen>| {
        let now = state.get();
        if previous.is_some_and(|p| p != now) {
            focus_main();
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        now
    });
    provide_context(state);
    state
}

/// The [`ScreenState`] provided by the class app.
pub fn use_screen() -> ScreenState {
    // Provided by `ClassApp` before any screen is built.
    expect_context::<ScreenState>()
}

/// A link to a screen of the class app: a real `<a href>`, followed in
/// place on a plain click.
#[component]
pub fn ScreenLink(
    /// Where it leads.
    to: Screen,
    /// CSS class of the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// `data-testid` of the `<a>`, for the end-to-end tests.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// What the link says.
    children: Children,
) -> impl IntoView {
    let state = use_screen();
    let href = to.path();
    let follow = move |ev: leptos::ev::MouseEvent| {
        if is_plain_click(&ev) {
            ev.prevent_default();
            state.go(to.clone());
        }
    };
    view! {
        <a href=href class=class data-testid=testid on:click=follow>
            {children()}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_round_trip_through_their_paths() {
        for screen in [Screen::Sessions, Screen::Session("k7q2m9x3".into()), Screen::Answer] {
            assert_eq!(Screen::from_path(&screen.path()), screen);
        }
        assert_eq!(Screen::from_path("/classe/"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/seance/"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/seance/a/b"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/nulle-part"), Screen::Sessions);
    }
}
