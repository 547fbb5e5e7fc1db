//! Where the teacher is in the class survey app, kept in the address bar
//! (`/classe`, `/classe/seance/<id>`, `/classe/parents`) so the back
//! button and a bookmark work. A student answering on the shared device
//! is not a place of its own: going back leaves the answers unseen and
//! uncounted. `/classe/repondre` is the students' own app
//! ([`crate::class::StudentApp`]): a link there is a page load.

use leptos::prelude::*;

use crate::shared::address;
use crate::shared::navigation::{provide_navigation, Navigation};

/// A screen of the class app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// `/classe`: the teacher's sessions, and the way in for students.
    Sessions,
    /// `/classe/seance/<id>`: one session.
    Session(String),
    /// `/classe/parents`: the note for parents, to print.
    ParentNote,
}

impl Screen {
    /// The screen at `path` (a URL's pathname); anything unknown is the list.
    pub fn from_path(path: &str) -> Screen {
        let rest = path.trim_end_matches('/').strip_prefix("/classe").unwrap_or("");
        match rest.strip_prefix('/') {
            Some("parents") => Screen::ParentNote,
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
            Screen::ParentNote => "/classe/parents".to_string(),
        }
    }
}

/// The current screen, read from the app's [`Navigation`]. Cheap to copy.
#[derive(Clone, Copy)]
pub struct ScreenState {
    navigation: Navigation,
    screen: Memo<Screen>,
}

impl ScreenState {
    /// The current screen (tracked).
    pub fn get(&self) -> Screen {
        self.screen.get()
    }

    /// Shows `screen` and adds it to the history.
    pub fn go(&self, screen: Screen) {
        self.navigation.go(&screen.path());
    }
}

/// Whether `path` is a screen of the teacher's class app (not the
/// students' app at `/classe/repondre`).
fn owns(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    path == address::CLASS || (path.starts_with("/classe/") && !path.starts_with(address::CLASS_STUDENT))
}

/// Provides the [`ScreenState`] on the app's navigation (back and forward
/// followed, focus moved to the main region on every change).
pub fn provide_screen() -> ScreenState {
    let navigation = provide_navigation(owns);
    let state = ScreenState {
        navigation,
        screen: Memo::new(move |_| Screen::from_path(&navigation.path())),
    };
    provide_context(state);
    state
}

/// The [`ScreenState`] provided by the class app.
pub fn use_screen() -> ScreenState {
    // Provided by `ClassApp` before any screen is built.
    expect_context::<ScreenState>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_round_trip_through_their_paths() {
        for screen in [Screen::Sessions, Screen::Session("k7q2m9x3".into()), Screen::ParentNote] {
            assert_eq!(Screen::from_path(&screen.path()), screen);
        }
        assert_eq!(Screen::from_path("/classe/"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/seance/"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/seance/a/b"), Screen::Sessions);
        assert_eq!(Screen::from_path("/classe/nulle-part"), Screen::Sessions);
    }
}
