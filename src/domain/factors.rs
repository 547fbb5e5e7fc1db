//! The four factor families of dropout (Amarrages+) and their sub-factors,
//! read from `data/factors.json`.
//!
//! Dropout is complex, progressive and multifactorial: every answer that
//! counts informs one family and one sub-factor, and results speak of each
//! family apart, resources as well as points of attention.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::{DataError, DataErrorKind};
use super::language::Languages;
use super::text::LocalizedText;

/// A factor family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// *Personnel*: mental health, stress, self-esteem, meaning, future…
    Personal,
    /// *Structure familiale*: tensions, responsibilities, school's place at home…
    Family,
    /// *Structure scolaire*: climate, bullying, teachers, belonging…
    School,
    /// *Environnement*: transport, poverty, support services far or missing…
    Environment,
}

impl Family {
    /// The four families, in the order results show them.
    pub const ALL: [Family; 4] = [Family::Personal, Family::Family, Family::School, Family::Environment];

    /// The id data files use.
    pub fn id(self) -> &'static str {
        match self {
            Family::Personal => "personal",
            Family::Family => "family",
            Family::School => "school",
            Family::Environment => "environment",
        }
    }

    /// The family with this id.
    pub fn from_id(id: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// A sub-factor of a family (`self_esteem` in `personal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubFactor {
    /// Stable id.
    pub id: String,
    /// Its name, for results.
    pub name: LocalizedText,
}

/// The families' names and sub-factors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factors {
    names: Vec<LocalizedText>,
    subfactors: Vec<Vec<SubFactor>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFactors {
    families: Vec<RawFamily>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamily {
    id: String,
    name: BTreeMap<String, String>,
    subfactors: Vec<RawSubFactor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubFactor {
    id: String,
    name: BTreeMap<String, String>,
}

impl Factors {
    /// Reads and validates `factors.json`: each of the four families once,
    /// with its name and its sub-factors.
    pub fn parse(file: &str, json: &str, languages: &Languages) -> Result<Factors, Vec<DataError>> {
        let raw: RawFactors = serde_json::from_str(json)
            .map_err(|e| vec![DataError::new(file, "", DataErrorKind::Syntax(e.to_string()))])?;
        let mut errors = Vec::new();
        let mut names = vec![None; 4];
        let mut subfactors = vec![Vec::new(); 4];
        for (i, family) in raw.families.iter().enumerate() {
            let place = format!("families[{i}] ({})", family.id);
            let Some(which) = Family::from_id(&family.id) else {
                errors.push(DataError::new(
                    file,
                    format!("{place} → id"),
                    DataErrorKind::NotAllowed {
                        value: family.id.clone(),
                        allowed: "personal, family, school or environment",
                    },
                ));
                continue;
            };
            let slot = Family::ALL.iter().position(|f| *f == which).unwrap_or(0);
            if names[slot].is_some() {
                errors.push(DataError::new(
                    file,
                    &place,
                    DataErrorKind::Duplicate { id: family.id.clone() },
                ));
            }
            names[slot] = Some(LocalizedText::validate(
                &family.name,
                languages,
                file,
                &format!("{place} → name"),
                &mut errors,
            ));
            for (j, sub) in family.subfactors.iter().enumerate() {
                let at = format!("{place} → subfactors[{j}] ({})", sub.id);
                if subfactors[slot].iter().any(|s: &SubFactor| s.id == sub.id) {
                    errors.push(DataError::new(
                        file,
                        &at,
                        DataErrorKind::Duplicate { id: sub.id.clone() },
                    ));
                }
                let name = LocalizedText::validate(&sub.name, languages, file, &format!("{at} → name"), &mut errors);
                subfactors[slot].push(SubFactor {
                    id: sub.id.clone(),
                    name,
                });
            }
        }
        let found = names.iter().flatten().count();
        if found != Family::ALL.len() && errors.is_empty() {
            errors.push(DataError::new(
                file,
                "families",
                DataErrorKind::WrongLength {
                    what: "families",
                    expected: Family::ALL.len(),
                    found,
                },
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Factors {
            names: names.into_iter().flatten().collect(),
            subfactors,
        })
    }

    /// The family's name.
    pub fn name(&self, family: Family) -> &LocalizedText {
        &self.names[family as usize]
    }

    /// The sub-factor `id` of `family`, if it exists.
    pub fn subfactor(&self, family: Family, id: &str) -> Option<&SubFactor> {
        self.subfactors[family as usize].iter().find(|s| s.id == id)
    }
}
