//! The app's pages and their addresses: the URL is the source of truth for
//! where the person is (STYLE: global state in the URL first).
//!
//! Pure and tested natively; [`crate::navigation`] keeps it in step with the
//! browser's history. A hand-written table instead of `leptos_router`:
//! the app has six flat routes, and the router measured 57.6 KB of the
//! 200 KiB gzipped budget (see README, "Size").

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: what Amarre is, and the three paths.
    Home,
    /// `/eleve`: the young person's questionnaire.
    Student,
    /// `/famille`: the family questionnaire.
    Family,
    /// `/classe`: the class climate survey, an app of its own (its own
    /// wasm, `src/bin/amarre-classe.rs`), reached by a full page load.
    Class,
    /// `/services`: support services, an app of its own too
    /// (`src/bin/amarre-services.rs`).
    Services,
    /// `/confidentialite`: what the app keeps, and erasing it; shown by the
    /// services app (a page read once, not part of answering).
    Privacy,
    /// Any other address.
    NotFound,
}

impl Page {
    /// Every page that has an address of its own.
    pub const ALL: [Page; 6] = [
        Page::Home,
        Page::Student,
        Page::Family,
        Page::Class,
        Page::Services,
        Page::Privacy,
    ];

    /// The page at `path` (a URL's pathname; a trailing slash is ignored).
    pub fn from_path(path: &str) -> Page {
        let path = path.trim_end_matches('/');
        Page::ALL
            .into_iter()
            .find(|page| page.path().trim_end_matches('/') == path)
            .unwrap_or(Page::NotFound)
    }

    /// Whether the page is another app: links to it load a new page
    /// instead of navigating in place.
    pub fn is_other_app(self) -> bool {
        matches!(self, Page::Class | Page::Services | Page::Privacy)
    }

    /// The page's address. `NotFound` has none of its own and points home.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home | Page::NotFound => "/",
            Page::Student => "/eleve",
            Page::Family => "/famille",
            Page::Class => "/classe",
            Page::Services => "/services",
            Page::Privacy => "/confidentialite",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_found_at_its_own_path() {
        for page in Page::ALL {
            assert_eq!(Page::from_path(page.path()), page);
        }
    }

    #[test]
    fn trailing_slashes_are_ignored_and_unknown_paths_are_not_found() {
        assert_eq!(Page::from_path(""), Page::Home);
        assert_eq!(Page::from_path("/eleve/"), Page::Student);
        assert_eq!(Page::from_path("/eleve/x"), Page::NotFound);
        assert_eq!(Page::from_path("/ELEVE"), Page::NotFound);
        assert_eq!(Page::from_path("/nulle-part"), Page::NotFound);
    }
}
