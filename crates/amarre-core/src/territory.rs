//! Where a person is, as they tell it: a locality picked from the list of
//! places (postal code, name, country, area), kept on the device as one
//! line; and where a service works (postal codes, communes, areas, or a
//! whole country). The person's place never leaves the device; it only
//! decides which local services come first.
//!
//! Areas are ISO 3166-2 codes, the ones HSDS and most public data use:
//! French départements (`FR-75`) and Belgian provinces or regions
//! (`BE-WLG`). Only their shape is checked here.

use super::directory::hidden_character;
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
    /// Some postal codes, communes and/or areas.
    Local {
        /// Postal codes served.
        postal_codes: Vec<String>,
        /// Communes served, as written in the directory.
        communes: Vec<String>,
        /// Areas served: ISO 3166-2 codes of French départements
        /// (`FR-75`) and Belgian provinces or regions (`BE-WLG`).
        areas: Vec<String>,
    },
}

/// The Belgian provinces and regions, by their ISO 3166-2 codes: Brussels,
/// the five Walloon provinces, the five Flemish ones.
pub const BELGIAN_AREAS: [&str; 11] = [
    "BE-BRU", "BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA", "BE-VAN", "BE-VBR", "BE-VLI", "BE-VOV", "BE-VWV",
];

/// What an area code may be, for messages.
pub const AREA_SHAPES: &str = "an ISO 3166-2 code: a French département (FR-75, FR-2A, FR-971) \
     or a Belgian province or region (BE-WLG, BE-WNA, BE-WHT, BE-WLX, BE-WBR, BE-BRU, BE-VAN, BE-VBR, BE-VLI, BE-VOV, BE-VWV)";

/// The country of an area code (`FR-75`, `FR-2A`, `FR-971`, `BE-WLG`), if
/// it has the shape of one: `FR-` and two digits (not `00`, not `20`, which
/// Corsica split into `2A` and `2B`), `2A`, `2B` or an overseas `971`–`976`;
/// `BE-` and one of [`BELGIAN_AREAS`].
pub fn area_country(code: &str) -> Option<Country> {
    if BELGIAN_AREAS.contains(&code) {
        return Some(Country::Belgium);
    }
    let department = code.strip_prefix("FR-")?;
    let digits = department.bytes().all(|b| b.is_ascii_digit());
    let ok = match department.len() {
        2 if digits => !matches!(department, "00" | "20"),
        2 => matches!(department, "2A" | "2B"),
        3 => ("971"..="976").contains(&department),
        _ => false,
    };
    ok.then_some(Country::France)
}

/// Where the person said they are: a locality chosen from the list of
/// places (`4000 Liège`, in Belgium, province of Liège).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its postal code (`4000`, `75011`).
    pub postal_code: String,
    /// Its name (`Liège`, `Paris`).
    pub name: String,
    /// Its country.
    pub country: Country,
    /// Its area's ISO 3166-2 code (`BE-WLG`, `FR-75`).
    pub area: String,
}

impl Place {
    /// How it is shown: `4000 Liège`.
    pub fn shown(&self) -> String {
        format!("{} {}", self.postal_code, self.name)
    }

    /// The line kept on the device for it: code, name, country, area,
    /// separated by tabs (`4000\tLiège\tBE\tBE-WLG`).
    pub fn to_text(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}",
            self.postal_code,
            self.name,
            self.country.code(),
            self.area
        )
    }

    /// Reads a kept place back; `None` if the text is not one: four parts,
    /// a postal code of its country's shape, a name that says something
    /// without control or direction characters, an area of that country.
    pub fn from_text(text: &str) -> Option<Place> {
        let mut parts = text.split('\t');
        let (postal_code, name, country, area) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let country = Country::from_code(country)?;
        let postal = PostalCode::parse(postal_code).ok()?;
        let name_ok = !name.trim().is_empty() && name == name.trim() && hidden_character(name).is_none();
        let fits = postal.code == postal_code && postal.country == country && area_country(area) == Some(country);
        (name_ok && fits).then(|| Place {
            postal_code: postal.code,
            name: name.to_string(),
            country,
            area: area.to_string(),
        })
    }
}

/// How near a service is to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Nearness {
    /// It serves the person's postal code, commune or area.
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
            (Territory::National(countries), Some(place)) => {
                if countries.contains(&place.country) {
                    Nearness::National
                } else {
                    Nearness::Elsewhere
                }
            }
            (Territory::National(_), None) => Nearness::National,
            (Territory::Local { .. }, None) => Nearness::Elsewhere,
            (
                Territory::Local {
                    postal_codes,
                    communes,
                    areas,
                },
                Some(place),
            ) => {
                let serves = postal_codes.contains(&place.postal_code)
                    || communes.iter().any(|c| same_words(c, &place.name))
                    || areas.contains(&place.area);
                if serves {
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

    fn place(text: &str) -> Place {
        Place::from_text(text).expect("a valid place")
    }

    #[test]
    fn local_services_are_near_by_postal_code_commune_or_area() {
        let liege = Territory::Local {
            postal_codes: vec!["4000".into(), "4020".into()],
            communes: vec!["Liège".into()],
            areas: Vec::new(),
        };
        assert_eq!(liege.nearness(Some(&place("4020\tLiège\tBE\tBE-WLG"))), Nearness::Local);
        assert_eq!(
            liege.nearness(Some(&place("1000\tBruxelles\tBE\tBE-BRU"))),
            Nearness::Elsewhere
        );
        // The commune's name, whatever its case and accents.
        assert_eq!(liege.nearness(Some(&place("4032\tLIEGE\tBE\tBE-WLG"))), Nearness::Local);
        assert_eq!(liege.nearness(None), Nearness::Elsewhere);
        let paris = Territory::Local {
            postal_codes: Vec::new(),
            communes: Vec::new(),
            areas: vec!["FR-75".into()],
        };
        assert_eq!(paris.nearness(Some(&place("75011\tParis\tFR\tFR-75"))), Nearness::Local);
        assert_eq!(
            paris.nearness(Some(&place("93100\tMontreuil\tFR\tFR-93"))),
            Nearness::Elsewhere
        );
        let belgium = Territory::National(vec![Country::Belgium]);
        assert_eq!(
            belgium.nearness(Some(&place("4000\tLiège\tBE\tBE-WLG"))),
            Nearness::National
        );
        assert_eq!(
            belgium.nearness(Some(&place("75011\tParis\tFR\tFR-75"))),
            Nearness::Elsewhere
        );
        assert_eq!(belgium.nearness(None), Nearness::National);
    }

    #[test]
    fn a_kept_place_reads_back_and_a_malformed_one_is_refused() {
        let liege = Place {
            postal_code: "4000".into(),
            name: "Liège".into(),
            country: Country::Belgium,
            area: "BE-WLG".into(),
        };
        assert_eq!(liege.shown(), "4000 Liège");
        assert_eq!(liege.to_text(), "4000\tLiège\tBE\tBE-WLG");
        assert_eq!(Place::from_text(&liege.to_text()), Some(liege));
        assert_eq!(place("20000\tAjaccio\tFR\tFR-2A").area, "FR-2A");
        for refused in [
            "",
            "4000",
            "4000\tLiège\tBE",
            "4000\tLiège\tBE\tBE-WLG\tx",
            "4000\t \tBE\tBE-WLG",
            "4000\tLi\u{202E}ège\tBE\tBE-WLG",
            "4000\tLiège\u{7}\tBE\tBE-WLG",
            "4000\tLiège\tFR\tBE-WLG",
            "75011\tParis\tBE\tFR-75",
            "40000\tLiège\tBE\tBE-WLG",
            " 4000\tLiège\tBE\tBE-WLG",
            "4000\tLiège\tBE\tBE-XXX",
            "4000\tLiège\tBE\tFR-75",
            "4000\tLiège\tbe\tBE-WLG",
            "<script>",
        ] {
            assert_eq!(Place::from_text(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn area_codes_have_the_shape_of_a_departement_or_a_belgian_province() {
        for (code, country) in [
            ("FR-01", Country::France),
            ("FR-75", Country::France),
            ("FR-2A", Country::France),
            ("FR-2B", Country::France),
            ("FR-971", Country::France),
            ("FR-976", Country::France),
            ("BE-WLG", Country::Belgium),
            ("BE-VWV", Country::Belgium),
        ] {
            assert_eq!(area_country(code), Some(country), "{code}");
        }
        for code in [
            "FR-00", "FR-20", "FR-2C", "FR-977", "FR-7", "FR-750", "fr-75", "BE-WAL", "BE-", "75", "FR-75 ",
        ] {
            assert_eq!(area_country(code), None, "{code}");
        }
    }
}
