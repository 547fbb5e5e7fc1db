//! The checks every field of a service goes through, whichever file it
//! comes from (a coordinator's HSDS file, the stored flat form): each takes
//! the value as written and its place, and either returns it checked or
//! adds the problem, with that place, to `errors`.

use chrono::NaiveDate;

use super::{hidden_character, looks_like_html, Phone};
use crate::date::parse_iso_date;
use crate::error::{DataError, DataErrorKind};
use crate::link::SafeLink;
use crate::territory::{area_country, PostalCode, AREA_SHAPES};

/// Where a value is: the file and the place in it.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    /// The file's name.
    pub file: &'a str,
    /// The place in the file (`service 'amo-x' → phones[1] → number`).
    pub place: &'a str,
}

impl At<'_> {
    fn problem(&self, errors: &mut Vec<DataError>, kind: DataErrorKind) {
        errors.push(DataError::new(self.file, self.place, kind));
    }
}

/// A text that says something and has no HTML, trimmed.
pub fn text(at: At, text: &str, errors: &mut Vec<DataError>) -> Option<String> {
    if text.trim().is_empty() {
        at.problem(errors, DataErrorKind::Empty);
        return None;
    }
    if let Some(tag) = looks_like_html(text) {
        at.problem(errors, DataErrorKind::ContainsHtml { text: tag.to_string() });
        return None;
    }
    if let Some(c) = hidden_character(text) {
        at.problem(errors, DataErrorKind::HiddenCharacter { code: c as u32 });
        return None;
    }
    Some(text.trim().to_string())
}

/// A list of texts, none of which may look like HTML (kept as written).
pub fn texts(at: At, list: &[String], errors: &mut Vec<DataError>) -> Vec<String> {
    for text in list {
        if let Some(tag) = looks_like_html(text) {
            at.problem(errors, DataErrorKind::ContainsHtml { text: tag.to_string() });
        }
        if let Some(c) = hidden_character(text) {
            at.problem(errors, DataErrorKind::HiddenCharacter { code: c as u32 });
        }
    }
    list.to_vec()
}

/// A web page (`https:`), or for `email` a `mailto:` link (an address
/// alone is made one).
pub fn link(at: At, email: bool, text: &str, errors: &mut Vec<DataError>) -> Option<SafeLink> {
    let link = if email && !text.contains(':') {
        SafeLink::parse(&format!("mailto:{text}"))
    } else {
        SafeLink::parse(text)
    };
    let link = link.and_then(|link| {
        let wanted = if email { "mailto:" } else { "https:" };
        if link.as_str().starts_with(wanted) {
            Ok(link)
        } else {
            Err(DataErrorKind::ForbiddenLink { link: text.to_string() })
        }
    });
    link.map_err(|kind| at.problem(errors, kind)).ok()
}

/// A date written `YYYY-MM-DD`.
pub fn date(at: At, text: &str, errors: &mut Vec<DataError>) -> Option<NaiveDate> {
    let parsed = parse_iso_date(text);
    if parsed.is_none() {
        at.problem(
            errors,
            DataErrorKind::BadDate {
                value: text.to_string(),
            },
        );
    }
    parsed
}

/// A postal code of the right shape, written exactly so.
pub fn postal_code(at: At, code: &str, errors: &mut Vec<DataError>) -> Option<PostalCode> {
    let postal = PostalCode::parse(code).ok().filter(|p| p.code == code);
    if postal.is_none() {
        at.problem(
            errors,
            DataErrorKind::NotAllowed {
                value: code.to_string(),
                allowed: "a postal code of 4 digits (Belgium) or 5 digits (France)",
            },
        );
    }
    postal
}

/// An area's ISO 3166-2 code (`FR-75`, `BE-WLG`), of the right shape.
pub fn area(at: At, code: &str, errors: &mut Vec<DataError>) -> Option<String> {
    if area_country(code).is_none() {
        at.problem(
            errors,
            DataErrorKind::NotAllowed {
                value: code.to_string(),
                allowed: AREA_SHAPES,
            },
        );
        return None;
    }
    Some(code.to_string())
}

/// A phone number (at `at`, its `number`) that can be dialled as written.
pub fn phone(at: At, number: &str, description: String, errors: &mut Vec<DataError>) -> Option<Phone> {
    let number = text(at, number, errors)?;
    let dial = SafeLink::tel(&number)
        .map_err(|_| at.problem(errors, DataErrorKind::NotAPhoneNumber { number: number.clone() }))
        .ok()?;
    Some(Phone {
        number,
        dial,
        description,
    })
}

/// A two-letter language code in lower case.
pub fn language_code(at: At, code: &str, errors: &mut Vec<DataError>) -> Option<String> {
    let ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
    if !ok {
        at.problem(
            errors,
            DataErrorKind::NotAllowed {
                value: code.to_string(),
                allowed: "a two-letter language code in lower case (fr, nl, en, ar…)",
            },
        );
    }
    ok.then(|| code.to_string())
}

/// Ages from and to, the first not above the last.
pub fn ages(at: At, from: u32, to: u32, errors: &mut Vec<DataError>) -> (u32, u32) {
    if from > to {
        at.problem(
            errors,
            DataErrorKind::NotAllowed {
                value: format!("ages from {from} to {to}"),
                allowed: "a first age not above the last",
            },
        );
    }
    (from, to)
}
