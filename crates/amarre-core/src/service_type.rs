//! The kinds of support service (CPMS, AMO, Mission locale, help lines…),
//! read from `data/service-types.json`: what each does, for whom, whether
//! it is free, and how to find the one that is yours. They are what a
//! suggestion names when the directory has no local entry, and the tags a
//! directory's services carry.
//!
//! Also the four levels of response of Amarrages+, which every suggestion
//! and every service may say it belongs to.

use super::error::{report_duplicates, DataError, DataErrorKind};
use super::factors::Family;
use super::helpline::Country;
use super::json;
use super::language::Languages;
use super::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The id of the service type whose cards are the national help lines.
pub const HELP_LINE: &str = "help_line";

/// A level of response (Amarrages+).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// *Prévention collective*: for everyone.
    CollectivePrevention,
    /// *Prévention spécifique*: first signals.
    SpecificPrevention,
    /// *Intervention individualisée*: one person, with a professional.
    IndividualIntervention,
    /// *Compensation*: after a break with school.
    Compensation,
}

impl Level {
    /// Every level, from the widest to the most individual.
    pub const ALL: [Level; 4] = [
        Level::CollectivePrevention,
        Level::SpecificPrevention,
        Level::IndividualIntervention,
        Level::Compensation,
    ];

    /// The id data files use.
    pub fn id(self) -> &'static str {
        match self {
            Level::CollectivePrevention => "collective_prevention",
            Level::SpecificPrevention => "specific_prevention",
            Level::IndividualIntervention => "individual_intervention",
            Level::Compensation => "compensation",
        }
    }

    /// The level with this id.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// What family ids may be, for messages.
pub const FAMILY_IDS: &str = "personal, family, school or environment";

/// What the ids of levels may be, for messages.
pub const LEVEL_IDS: &str = "collective_prevention, specific_prevention, individual_intervention or compensation";

/// A kind of service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceType {
    /// Stable id (`cpms`).
    pub id: String,
    /// Where it exists.
    pub countries: Vec<Country>,
    /// Whether it works inside schools (a CPMS, school mediation…): not
    /// offered to someone who is not at school.
    pub school: bool,
    /// The families it helps with.
    pub families: Vec<Family>,
    /// Its name.
    pub name: LocalizedText,
    /// What it does, in plain words.
    pub what: LocalizedText,
    /// Who it is for.
    pub for_whom: LocalizedText,
    /// Free or not.
    pub cost: LocalizedText,
    /// How to find the one that is yours.
    pub find: LocalizedText,
}

/// Every service type, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTypes(Vec<ServiceType>);

impl ServiceType {
    /// Whether it can be offered to someone in `country` (any, when not
    /// known) who is at school or not (`None`: not known).
    pub fn fits(&self, country: Option<Country>, in_school: Option<bool>) -> bool {
        country.is_none_or(|c| self.countries.contains(&c)) && !(self.school && in_school == Some(false))
    }
}

impl ServiceTypes {
    /// Reads and validates `service-types.json`.
    pub fn parse(file: &str, text: &str, languages: &Languages) -> Result<ServiceTypes, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let mut types = Vec::new();
        if let Some(root) = json::object(&value, file, "", &["types"], &mut errors) {
            for (n, entry) in root.list("types", true, &mut errors).iter().enumerate() {
                let id = entry.get("id").and_then(json::Value::as_str).unwrap_or("?");
                let place = format!("types[{n}] ({id})");
                let fields = [
                    "id",
                    "countries",
                    "school",
                    "families",
                    "name",
                    "what",
                    "for_whom",
                    "cost",
                    "find",
                ];
                let Some(o) = json::object(entry, file, &place, &fields, &mut errors) else {
                    continue;
                };
                let text = |field: &str, errors: &mut Vec<DataError>| LocalizedText::read(&o, field, languages, errors);
                let countries = o.ids("countries", Country::from_code, "BE or FR", &mut errors);
                let families = o.ids("families", Family::from_id, FAMILY_IDS, &mut errors);
                types.push(ServiceType {
                    id: o.str("id", &mut errors).unwrap_or_default().to_string(),
                    countries,
                    school: o.opt_bool("school", &mut errors).unwrap_or(false),
                    families,
                    name: text("name", &mut errors),
                    what: text("what", &mut errors),
                    for_whom: text("for_whom", &mut errors),
                    cost: text("cost", &mut errors),
                    find: text("find", &mut errors),
                });
            }
        }
        report_duplicates(
            types.iter().map(|t| t.id.as_str()),
            file,
            |n| format!("types[{n}]"),
            &mut errors,
        );
        if !types.iter().any(|t| t.id == HELP_LINE) {
            errors.push(DataError::new(
                file,
                format!("types → {HELP_LINE}"),
                DataErrorKind::MissingField {
                    field: HELP_LINE.to_string(),
                },
            ));
        }
        if errors.is_empty() {
            Ok(ServiceTypes(types))
        } else {
            Err(errors)
        }
    }

    /// The type with this id.
    pub fn get(&self, id: &str) -> Option<&ServiceType> {
        self.0.iter().find(|t| t.id == id)
    }

    /// Every type, in the file's order.
    pub fn all(&self) -> &[ServiceType] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::french_and_english as languages;

    #[test]
    fn names_each_problem_with_its_place() {
        let text = r#"{"types": [
            {"id": "cpms", "countries": ["BE", "DE"], "families": ["school", "moon"],
             "name": {"fr": "CPMS", "en": "CPMS"}, "what": {"fr": "x", "en": "x"}, "for_whom": {"fr": "x", "en": "x"},
             "cost": {"fr": "x", "en": "x"}, "find": {"fr": "x"}},
            {"id": "cpms", "countries": [], "families": [], "name": {"fr": "x", "en": "x"}, "what": {"fr": "x", "en": "x"},
             "for_whom": {"fr": "x", "en": "x"}, "cost": {"fr": "x", "en": "x"}, "find": {"fr": "x", "en": "x"}}
        ]}"#;
        let errors: Vec<String> = ServiceTypes::parse("t.json", text, &languages())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            [
                "t.json: types[0] (cpms) → countries: 'DE' is not allowed here (expected BE or FR)",
                "t.json: types[0] (cpms) → families: 'moon' is not allowed here (expected personal, family, school or environment)",
                "t.json: types[0] (cpms) → find: has no text in language 'en'",
                "t.json: types[1]: id 'cpms' is used more than once",
                "t.json: types → help_line: is missing",
            ]
        );
    }

    #[test]
    fn levels_read_back_from_their_ids() {
        for level in Level::ALL {
            assert_eq!(Level::from_id(level.id()), Some(level));
        }
        assert_eq!(Level::from_id("prevention"), None);
    }
}
