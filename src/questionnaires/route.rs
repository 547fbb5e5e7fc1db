//! The questionnaires' pages and their addresses (two apps: the young
//! people's at `/` and `/eleve`, the family's at `/famille`): the URL is the
//! source of truth for where the person is (STYLE: global state in the URL
//! first). The other apps' addresses are not pages here
//! ([`crate::shared::address`]): links to them load those apps.
//!
//! Pure and tested natively; [`crate::shared::navigation`] keeps the path
//! in step with the browser's history. A hand-written table instead of
//! `leptos_router`: three flat routes, and the router measured 57.6 KB of
//! the 200 KiB gzipped budget (README, "Size").

use crate::shared::address;

/// A page of the questionnaires app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: what Amarre is, and the three paths.
    Home,
    /// `/eleve`: the young person's questionnaire.
    Student,
    /// `/famille`: the family questionnaire.
    Family,
    /// Any other address.
    NotFound,
}

impl Page {
    /// Every page that has an address of its own.
    pub const ALL: [Page; 3] = [Page::Home, Page::Student, Page::Family];

    /// The page at `path` (a URL's pathname; a trailing slash is ignored).
    pub fn from_path(path: &str) -> Page {
        let path = path.trim_end_matches('/');
        Page::ALL
            .into_iter()
            .find(|page| page.path().trim_end_matches('/') == path)
            .unwrap_or(Page::NotFound)
    }

    /// Whether `path` is a page of the young people's app (`/`, `/eleve`):
    /// a link to it is followed in place there.
    pub fn owns_young(path: &str) -> bool {
        matches!(Page::from_path(path), Page::Home | Page::Student)
    }

    /// Whether `path` is the family app's page (`/famille`).
    pub fn owns_family(path: &str) -> bool {
        Page::from_path(path) == Page::Family
    }

    /// The page's address. `NotFound` has none of its own and points home.
    pub fn path(self) -> &'static str {
        match self {
            Page::Home | Page::NotFound => address::HOME,
            Page::Student => address::STUDENT,
            Page::Family => address::FAMILY,
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
        assert!(
            !Page::owns_young(address::SERVICES) && !Page::owns_family(address::SERVICES),
            "another app's page is loaded, not followed in place"
        );
        assert!(Page::owns_young(address::STUDENT) && !Page::owns_young(address::FAMILY));
        assert!(Page::owns_family(address::FAMILY) && !Page::owns_family(address::HOME));
    }
}
