//! A directory of local services, validated: the model both of its file
//! forms are read into, and the checks they share.
//!
//! - [`hsds`]: a coordinator's file in Open Referral HSDS 3.0 (a flat
//!   file, one `service_full`, a page of them or a list), our tags carried
//!   as attributes (`docs/directory.md`);
//! - [`hsds_fields`]: the fields HSDS 3.0 defines on each object, so the
//!   standard ones Amarre does not use are accepted and counted;
//! - [`stored`]: the flat form the apps keep in the browser's storage;
//! - [`checks`]: the field checks both readers use (text without HTML,
//!   safe links, dates, postal codes, areas, phone numbers);
//! - [`query`]: filtering and ordering services for a person.
//!
//! A file is hostile until read: every problem is reported with its place
//! (`service 'amo-x' → phones[1] → number: is empty`), links must be
//! `https:`, `tel:` or `mailto:`, a text that looks like HTML is refused
//! (the app would show it as text anyway). Nothing half-read is ever used:
//! a file with one problem gives no directory, and the app keeps the one it
//! had.

pub mod checks;
pub mod hsds;
pub mod hsds_fields;
pub mod published;
pub mod query;
pub mod stored;

use chrono::NaiveDate;

pub use hsds::{parse, read, Reading};
pub use query::Filter;

use super::error::{DataError, DataErrorKind};
use super::factors::Family;
use super::link::SafeLink;
use super::service_type::Level;
use super::territory::Territory;
use super::text::fold;

/// The largest directory file the app reads (2,000 services take about
/// 1.5 MB).
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

/// A phone number of a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// As people write it.
    pub number: String,
    /// The `tel:` link.
    pub dial: SafeLink,
    /// What the number is for, if said.
    pub description: String,
}

/// A service, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The organization that runs it.
    pub organization: String,
    /// What it does.
    pub description: String,
    /// What to expect when going there (HSDS `application_process`).
    pub what_to_expect: String,
    /// What it costs (HSDS `fees_description`).
    pub fees: String,
    /// Who it is for, in words (HSDS `eligibility_description`).
    pub eligibility: String,
    /// Its service type's id.
    pub service_type: String,
    /// The families it helps with (the type's when the file says none).
    pub families: Vec<Family>,
    /// Its level of response, if said.
    pub level: Option<Level>,
    /// Ages served, from and to (inclusive), if said.
    pub ages: Option<(u32, u32)>,
    /// Language codes (`fr`, `nl`…).
    pub languages: Vec<String>,
    /// Where it works.
    pub territory: Territory,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Its `mailto:` link.
    pub email: Option<SafeLink>,
    /// Its web page.
    pub url: Option<SafeLink>,
    /// Addresses, one line each (`Rue X 1, 4000 Liège`).
    pub addresses: Vec<String>,
    /// Opening hours, as written.
    pub hours: Vec<String>,
    /// When a person last checked it.
    pub assured: NaiveDate,
    /// Folded text for the free-text filter (made by [`Service::new`]).
    search: String,
}

/// A directory, validated: only its active services.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directory {
    /// Its name, as the file gives it.
    pub name: String,
    /// The active services, in the file's order.
    pub services: Vec<Service>,
}

/// Everything a service is made of, each part already checked by a
/// reader: [`Service::new`] is the one way to make a [`Service`].
#[derive(Debug, Clone)]
pub struct ServiceParts {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The organization that runs it.
    pub organization: String,
    /// What it does.
    pub description: String,
    /// What to expect when going there.
    pub what_to_expect: String,
    /// What it costs.
    pub fees: String,
    /// Who it is for, in words.
    pub eligibility: String,
    /// Its service type's id.
    pub service_type: String,
    /// The families it helps with.
    pub families: Vec<Family>,
    /// Its level of response, if said.
    pub level: Option<Level>,
    /// Ages served, from and to (inclusive), if said.
    pub ages: Option<(u32, u32)>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Where it works.
    pub territory: Territory,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Its `mailto:` link.
    pub email: Option<SafeLink>,
    /// Its web page.
    pub url: Option<SafeLink>,
    /// Addresses, one line each.
    pub addresses: Vec<String>,
    /// Opening hours, as written.
    pub hours: Vec<String>,
    /// When a person last checked it.
    pub assured: NaiveDate,
}

impl Service {
    /// The service made of `parts`, with its search text made from its
    /// name, organization, description and communes.
    pub fn new(parts: ServiceParts) -> Service {
        let communes = match &parts.territory {
            Territory::Local { communes, .. } => communes.join(" "),
            Territory::National(_) => String::new(),
        };
        let search = fold(&format!(
            "{} {} {} {communes}",
            parts.name, parts.organization, parts.description
        ));
        let ServiceParts {
            id,
            name,
            organization,
            description,
            what_to_expect,
            fees,
            eligibility,
            service_type,
            families,
            level,
            ages,
            languages,
            territory,
            phones,
            email,
            url,
            addresses,
            hours,
            assured,
        } = parts;
        Service {
            id,
            name,
            organization,
            description,
            what_to_expect,
            fees,
            eligibility,
            service_type,
            families,
            level,
            ages,
            languages,
            territory,
            phones,
            email,
            url,
            addresses,
            hours,
            assured,
            search,
        }
    }

    /// Its folded search text.
    pub fn search_text(&self) -> &str {
        &self.search
    }
}

/// Whether `text` has what looks like an HTML tag or comment: `<` followed
/// by a letter, `/`, `!` or `?` (so "< 5 ans" and "<3" are fine).
pub fn looks_like_html(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let at = bytes
        .windows(2)
        .position(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))?;
    let end = text[at..].find('>').map_or(text.len(), |i| at + i + 1);
    let end = (at + 40).min(end);
    Some(text.get(at..end).unwrap_or(&text[at..]))
}

/// The first character of `text` that a person cannot see but that
/// changes what they read: zero-width characters and direction marks
/// (U+200B–U+200F), direction embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), invisible operators (U+2060–U+2064),
/// a byte-order mark inside the text, and control characters other than
/// tab and line breaks. A name written with U+202E could otherwise show
/// reversed, or reverse the app's own words around it.
pub fn hidden_character(text: &str) -> Option<char> {
    text.chars().find(|c| {
        matches!(*c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
            || matches!(*c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
    })
}

/// Refuses a file larger than [`MAX_BYTES`] before reading it.
pub fn check_size(file: &str, bytes: u64) -> Result<(), DataError> {
    if bytes > MAX_BYTES {
        Err(DataError::new(
            file,
            "",
            DataErrorKind::TooBig { bytes, max: MAX_BYTES },
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_html_but_not_comparisons() {
        assert_eq!(looks_like_html("AMO <b>X</b>"), Some("<b>"));
        assert_eq!(
            looks_like_html("x <img src=x onerror=alert(1)> y"),
            Some("<img src=x onerror=alert(1)>")
        );
        assert_eq!(looks_like_html("<!-- hi -->"), Some("<!-- hi -->"));
        assert_eq!(looks_like_html("pour les < 5 ans, <3"), None);
    }

    #[test]
    fn sizes_are_said_in_megabytes() {
        let error = check_size("big.json", 10 * 1024 * 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.json: the file is 10.0 MB, more than the 5.0 MB a directory may be"
        );
        assert!(check_size("ok.json", MAX_BYTES).is_ok());
    }
}
