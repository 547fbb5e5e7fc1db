//! Links the app is willing to put in an `href`: `https:`, `tel:` and
//! `mailto:` only.
//!
//! Every link from a data file (a help line's number, a service's web page)
//! becomes a [`SafeLink`] before it reaches the UI, so a `javascript:` or
//! `data:` link in a coordinator's file can never be rendered, and a phone
//! number is always dialable as written.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::DataErrorKind;

/// A link with an allowed scheme, checked to be usable as written. Read
/// back from any file (baked content, storage) through [`SafeLink::parse`]
/// again, so a link that was tampered with on the way is still refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SafeLink(String);

impl TryFrom<String> for SafeLink {
    type Error = DataErrorKind;

    fn try_from(link: String) -> Result<SafeLink, DataErrorKind> {
        SafeLink::parse(&link)
    }
}

impl From<SafeLink> for String {
    fn from(link: SafeLink) -> String {
        link.0
    }
}

impl SafeLink {
    /// Accepts `https://host/…`, `tel:+3280032123` (digits, with an optional
    /// leading `+`) and `mailto:name@host`; anything else is refused with
    /// the reason.
    pub fn parse(link: &str) -> Result<SafeLink, DataErrorKind> {
        let malformed = |why| DataErrorKind::MalformedLink {
            link: link.to_string(),
            why,
        };
        if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(malformed("contains spaces or control characters"));
        }
        let (scheme, rest) = link
            .split_once(':')
            .ok_or_else(|| DataErrorKind::ForbiddenLink { link: link.to_string() })?;
        match scheme.to_ascii_lowercase().as_str() {
            "https" => {
                let host = rest
                    .strip_prefix("//")
                    .ok_or_else(|| malformed("must start with https://"))?
                    .split(['/', '?', '#'])
                    .next()
                    .unwrap_or("");
                if host.is_empty() || host.contains('@') {
                    return Err(malformed("has no plain host name after https://"));
                }
            }
            "tel" => {
                let digits = rest.strip_prefix('+').unwrap_or(rest);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(malformed("must be tel: followed by digits only, e.g. tel:080032123"));
                }
            }
            "mailto" => {
                let (user, host) = rest.split_once('@').ok_or_else(|| malformed("has no @"))?;
                if user.is_empty() || host.is_empty() || host.contains('@') {
                    return Err(malformed("is not an address of the form name@host"));
                }
            }
            _ => return Err(DataErrorKind::ForbiddenLink { link: link.to_string() }),
        }
        Ok(SafeLink(link.to_string()))
    }

    /// A `tel:` link for a number written for people (`0800 32 123`),
    /// keeping only its digits and a leading `+`.
    pub fn tel(number: &str) -> Result<SafeLink, DataErrorKind> {
        let trimmed = number.trim();
        let plus = if trimmed.starts_with('+') { "+" } else { "" };
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        let allowed_extras = trimmed.chars().all(|c| c.is_ascii_digit() || " +.-/()".contains(c));
        if !allowed_extras {
            return Err(DataErrorKind::MalformedLink {
                link: number.to_string(),
                why: "is not a phone number (digits, spaces, + . - / ( ) only)",
            });
        }
        SafeLink::parse(&format!("tel:{plus}{digits}"))
    }

    /// The link, ready for an `href`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SafeLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_schemes() {
        for ok in [
            "https://www.103ecoute.be/",
            "tel:103",
            "tel:+3280032123",
            "mailto:info@amo.be",
            "HTTPS://x.be",
        ] {
            assert!(SafeLink::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_other_schemes_and_malformed_links() {
        for (bad, forbidden) in [
            ("javascript:alert(1)", true),
            ("JavaScript:alert(1)", true),
            ("data:text/html,<b>x</b>", true),
            ("http://insecure.be", true),
            ("www.no-scheme.be", true),
            ("https:/one-slash", false),
            ("https://", false),
            ("https://user@host.be", false),
            ("tel:12a", false),
            ("tel:", false),
            ("mailto:nobody", false),
            ("https://a.be/ x", false),
        ] {
            let err = SafeLink::parse(bad).unwrap_err();
            assert_eq!(
                matches!(err, DataErrorKind::ForbiddenLink { .. }),
                forbidden,
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn tel_keeps_only_digits_and_a_leading_plus() {
        assert_eq!(SafeLink::tel("0800 32 123").unwrap().as_str(), "tel:080032123");
        assert_eq!(
            SafeLink::tel("+32 2 (0) 123.45-67").unwrap().as_str(),
            "tel:+32201234567"
        );
        assert!(SafeLink::tel("call 103").is_err());
        assert!(SafeLink::tel("  ").is_err());
    }
}
