//! The data files the app ships with, embedded at build time, parsed and
//! validated once.
//!
//! Shipped data is checked by the native tests (`tests/shipped_data.rs`), so
//! a broken file never reaches a release; should it happen anyway, the app
//! shows the errors calmly instead of panicking ([`crate::app`]).

use std::sync::OnceLock;

use crate::domain::helpline::{parse_helplines, HelpLine};
use crate::domain::language::Languages;
use crate::domain::DataError;
use crate::i18n::Catalog;

include!(concat!(env!("OUT_DIR"), "/ui_catalogs.rs"));

/// `data/i18n/languages.json`, as shipped.
pub const LANGUAGES_JSON: &str = include_str!("../data/i18n/languages.json");
/// `data/helplines.json`, as shipped.
pub const HELPLINES_JSON: &str = include_str!("../data/helplines.json");

/// Everything the app reads from its own data files.
#[derive(Debug)]
pub struct Content {
    /// The UI's words, per language.
    pub catalog: Catalog,
    /// The national help lines of the help area.
    pub helplines: Vec<HelpLine>,
}

impl Content {
    /// Parses and validates the embedded files, collecting every error.
    pub fn load() -> Result<Content, Vec<DataError>> {
        let languages = Languages::parse("languages.json", LANGUAGES_JSON)?;
        let helplines = parse_helplines("helplines.json", HELPLINES_JSON, &languages);
        let catalog = Catalog::parse(languages, UI_FILES);
        match (catalog, helplines) {
            (Ok(catalog), Ok(helplines)) => Ok(Content { catalog, helplines }),
            (catalog, helplines) => Err(catalog
                .err()
                .into_iter()
                .flatten()
                .chain(helplines.err().into_iter().flatten())
                .collect()),
        }
    }
}

/// The shipped content, loaded on first use and kept for the page's life.
pub fn shipped() -> Result<&'static Content, &'static [DataError]> {
    static CONTENT: OnceLock<Result<Content, Vec<DataError>>> = OnceLock::new();
    CONTENT.get_or_init(Content::load).as_ref().map_err(Vec::as_slice)
}
