//! Where a person is, as they tell it: a postal code (4 digits in Belgium,
//! 5 in France) or a commune picked from the loaded directory. It stays on
//! the device; it only decides which local services come first.

use super::helpline::Country;
use super::text::fold;

/// A postal code and the country its shape says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalCode {
    /// The code, digits only (`4000`, `75011`).
    pub code: String,
    /// Belgium for 4 digits, France for 5.
    pub country: Country,
}

/// Why a typed postal code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostalCodeError {
    /// Nothing typed.
    Empty,
    /// Something other than digits (spaces around are fine).
    NotDigits,
    /// Neither 4 nor 5 digits.
    WrongLength,
    /// 4 digits below 1000, or 5 digits that no French area uses.
    NotInUse,
}

impl PostalCode {
    /// Reads what a person typed: `4000` (Belgium), `75011` (France).
    pub fn parse(typed: &str) -> Result<PostalCode, PostalCodeError> {
        let code = typed.trim();
        if code.is_empty() {
            return Err(PostalCodeError::Empty);
        }
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PostalCodeError::NotDigits);
        }
        let country = match code.len() {
            4 if !code.starts_with('0') => Country::Belgium,
            4 => return Err(PostalCodeError::NotInUse),
            // French codes run from 01000 to 98999.
            5 if ("01000"..="98999").contains(&code) => Country::France,
            5 => return Err(PostalCodeError::NotInUse),
            _ => return Err(PostalCodeError::WrongLength),
        };
        Ok(PostalCode {
            code: code.to_string(),
            country,
        })
    }
}

/// Where a service works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Territory {
    /// The whole country (a national line, a national network).
    National(Vec<Country>),
    /// Some postal codes and/or communes.
    Local {
        /// Postal codes served.
        postal_codes: Vec<String>,
        /// Communes served, as written in the directory.
        communes: Vec<String>,
    },
}

/// Where the person said they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A postal code they typed.
    PostalCode(PostalCode),
    /// A commune they picked from the directory's list.
    Commune(String),
}

impl Place {
    /// How it is shown: the code, or the commune's name.
    pub fn shown(&self) -> &str {
        match self {
            Place::PostalCode(postal) => &postal.code,
            Place::Commune(name) => name,
        }
    }

    /// The text kept on the device for it (`4000`, `commune:Liège`).
    pub fn to_text(&self) -> String {
        match self {
            Place::PostalCode(postal) => postal.code.clone(),
            Place::Commune(name) => format!("commune:{name}"),
        }
    }

    /// Reads a kept place back; `None` if the text is not one.
    pub fn from_text(text: &str) -> Option<Place> {
        match text.strip_prefix("commune:") {
            Some(name) if !name.trim().is_empty() => Some(Place::Commune(name.to_string())),
            Some(_) => None,
            None => PostalCode::parse(text).ok().map(Place::PostalCode),
        }
    }
}

/// How near a service is to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Nearness {
    /// It serves the person's postal code or commune.
    Local,
    /// It serves the whole country (or the person gave no place).
    National,
    /// It serves somewhere else.
    Elsewhere,
}

impl Territory {
    /// How near a service with this territory is to someone at `place`.
    pub fn nearness(&self, place: Option<&Place>) -> Nearness {
        match (self, place) {
            (Territory::National(countries), Some(Place::PostalCode(postal))) => {
                if countries.contains(&postal.country) {
                    Nearness::National
                } else {
                    Nearness::Elsewhere
                }
            }
            (Territory::National(_), _) => Nearness::National,
            (Territory::Local { .. }, None) => Nearness::Elsewhere,
            (Territory::Local { postal_codes, .. }, Some(Place::PostalCode(postal))) => {
                if postal_codes.contains(&postal.code) {
                    Nearness::Local
                } else {
                    Nearness::Elsewhere
                }
            }
            (Territory::Local { communes, .. }, Some(Place::Commune(name))) => {
                if communes.iter().any(|c| same_words(c, name)) {
                    Nearness::Local
                } else {
                    Nearness::Elsewhere
                }
            }
        }
    }
}

/// Whether two names are the same, ignoring case, accents and surrounding
/// spaces ("liege" is "Liège").
fn same_words(a: &str, b: &str) -> bool {
    fold(a.trim()) == fold(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_belgian_and_french_codes_and_says_why_others_are_refused() {
        assert_eq!(PostalCode::parse(" 4000 ").unwrap().country, Country::Belgium);
        assert_eq!(PostalCode::parse("75011").unwrap().country, Country::France);
        assert_eq!(PostalCode::parse("01000").unwrap().country, Country::France);
        assert_eq!(PostalCode::parse(""), Err(PostalCodeError::Empty));
        assert_eq!(PostalCode::parse("40 00"), Err(PostalCodeError::NotDigits));
        assert_eq!(PostalCode::parse("4OOO"), Err(PostalCodeError::NotDigits));
        assert_eq!(PostalCode::parse("400"), Err(PostalCodeError::WrongLength));
        assert_eq!(PostalCode::parse("400000"), Err(PostalCodeError::WrongLength));
        assert_eq!(PostalCode::parse("0999"), Err(PostalCodeError::NotInUse));
        assert_eq!(PostalCode::parse("99000"), Err(PostalCodeError::NotInUse));
    }

    #[test]
    fn local_services_are_near_only_where_they_work() {
        let liege = Territory::Local {
            postal_codes: vec!["4000".into(), "4020".into()],
            communes: vec!["Liège".into()],
        };
        let at = |text: &str| Place::from_text(text);
        assert_eq!(liege.nearness(at("4020").as_ref()), Nearness::Local);
        assert_eq!(liege.nearness(at("1000").as_ref()), Nearness::Elsewhere);
        assert_eq!(liege.nearness(at("commune: liège ").as_ref()), Nearness::Local);
        assert_eq!(liege.nearness(at("commune:LIEGE").as_ref()), Nearness::Local);
        assert_eq!(liege.nearness(None), Nearness::Elsewhere);
        let belgium = Territory::National(vec![Country::Belgium]);
        assert_eq!(belgium.nearness(at("4000").as_ref()), Nearness::National);
        assert_eq!(belgium.nearness(at("75011").as_ref()), Nearness::Elsewhere);
        assert_eq!(belgium.nearness(None), Nearness::National);
    }

    #[test]
    fn a_kept_place_reads_back() {
        for place in [Place::from_text("4000").unwrap(), Place::Commune("Seraing".into())] {
            assert_eq!(Place::from_text(&place.to_text()), Some(place));
        }
        assert_eq!(Place::from_text("commune:  "), None);
        assert_eq!(Place::from_text("<script>"), None);
    }
}
