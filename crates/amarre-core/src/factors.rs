//! The four factor families of dropout (Amarrages+) and their sub-factors,
//! read from `data/factors.json`.
//!
//! Dropout is complex, progressive and multifactorial: every answer that
//! counts informs one family and one sub-factor, and results speak of each
//! family apart, resources as well as points of attention.

use super::error::{DataError, DataErrorKind};
use super::json;
use super::language::Languages;
use super::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// A factor family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubFactor {
    /// Stable id.
    pub id: String,
    /// Its name, for results.
    pub name: LocalizedText,
}

/// The families' names and sub-factors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factors {
    names: Vec<LocalizedText>,
    subfactors: Vec<Vec<SubFactor>>,
}

impl Factors {
    /// The families' names only: what an app that shows no sub-factor
    /// ships (the sub-factors are checked at build time all the same).
    pub fn names_only(mut self) -> Factors {
        self.subfactors.iter_mut().for_each(Vec::clear);
        self
    }

    /// Reads and validates `factors.json`: each of the four families once,
    /// with its name and its sub-factors.
    pub fn parse(file: &str, text: &str, languages: &Languages) -> Result<Factors, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let mut names = vec![None; 4];
        let mut subfactors = vec![Vec::new(); 4];
        let families = json::object(&value, file, "", &["families"], &mut errors)
            .map_or(&[][..], |root| root.list("families", true, &mut errors));
        for (i, entry) in families.iter().enumerate() {
            let id = entry.get("id").and_then(|v| v.as_str()).unwrap_or("?");
            let place = format!("families[{i}] ({id})");
            let Some(family) = json::object(entry, file, &place, &["id", "name", "subfactors"], &mut errors) else {
                continue;
            };
            let Some(which) = family.str("id", &mut errors).and_then(Family::from_id) else {
                errors.push(DataError::new(
                    file,
                    family.at("id"),
                    DataErrorKind::NotAllowed {
                        value: id.to_string(),
                        allowed: "personal, family, school or environment",
                    },
                ));
                continue;
            };
            let slot = which as usize;
            if names[slot].is_some() {
                errors.push(DataError::new(
                    file,
                    &place,
                    DataErrorKind::Duplicate { id: id.to_string() },
                ));
            }
            names[slot] = Some(LocalizedText::read(&family, "name", languages, &mut errors));
            for (j, sub) in family.list("subfactors", true, &mut errors).iter().enumerate() {
                let sub_id = sub.get("id").and_then(|v| v.as_str()).unwrap_or("?");
                let at = format!("{place} → subfactors[{j}] ({sub_id})");
                let Some(sub) = json::object(sub, file, &at, &["id", "name"], &mut errors) else {
                    continue;
                };
                let sub_id = sub.str("id", &mut errors).unwrap_or_default();
                if subfactors[slot].iter().any(|s: &SubFactor| s.id == sub_id) {
                    errors.push(DataError::new(
                        file,
                        &at,
                        DataErrorKind::Duplicate { id: sub_id.to_string() },
                    ));
                }
                let name = LocalizedText::read(&sub, "name", languages, &mut errors);
                subfactors[slot].push(SubFactor {
                    id: sub_id.to_string(),
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
