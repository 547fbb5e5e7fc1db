//! Ideas for collective prevention, per climate dimension: what a class
//! team can try when a dimension of the class climate is weak
//! (`data/class-ideas.json`). Written for teachers, in plain words, in
//! every declared language.

use super::error::{DataError, DataErrorKind};
use super::factors::{Factors, Family};
use super::json;
use super::language::Languages;
use super::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// The ideas for one dimension (a school sub-factor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionIdeas {
    /// The sub-factor id (`belonging`, `respect`…).
    pub dimension: String,
    /// Two to five ideas, most approachable first.
    pub ideas: Vec<LocalizedText>,
}

/// Reads and validates the ideas file: every dimension a school sub-factor
/// of `factors`, none twice, two to five ideas each.
pub fn parse_ideas(
    file: &str,
    text: &str,
    languages: &Languages,
    factors: &Factors,
) -> Result<Vec<DimensionIdeas>, Vec<DataError>> {
    let value = json::parse(file, text)?;
    let mut errors = Vec::new();
    let Some(root) = json::object(&value, file, "", &["ideas"], &mut errors) else {
        return Err(errors);
    };
    let mut all: Vec<DimensionIdeas> = Vec::new();
    for (i, entry) in root.list("ideas", true, &mut errors).iter().enumerate() {
        let place = format!("ideas[{i}]");
        let Some(entry) = json::object(entry, file, &place, &["dimension", "ideas"], &mut errors) else {
            continue;
        };
        let dimension = entry.str("dimension", &mut errors).unwrap_or_default().to_string();
        if factors.subfactor(Family::School, &dimension).is_none() {
            errors.push(DataError::new(
                file,
                entry.at("dimension"),
                DataErrorKind::UnknownReference {
                    what: "school sub-factor",
                    id: dimension.clone(),
                },
            ));
        }
        if all.iter().any(|d| d.dimension == dimension) {
            errors.push(DataError::new(
                file,
                &place,
                DataErrorKind::Duplicate { id: dimension.clone() },
            ));
        }
        let list = entry.list("ideas", true, &mut errors);
        if !(2..=5).contains(&list.len()) {
            errors.push(DataError::new(
                file,
                entry.at("ideas"),
                DataErrorKind::WrongLength {
                    what: "ideas (two to five)",
                    expected: 3,
                    found: list.len(),
                },
            ));
        }
        let ideas = list
            .iter()
            .enumerate()
            .map(|(j, idea)| {
                let at = format!("{place} → ideas[{j}]");
                let raw = json::string_map(idea, file, &at, &mut errors);
                LocalizedText::validate(&raw, languages, file, &at, &mut errors)
            })
            .collect();
        all.push(DimensionIdeas { dimension, ideas });
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}
