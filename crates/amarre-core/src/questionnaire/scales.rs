//! The shared answer scales of `scales.json`: five labelled options each,
//! so "never … always" is written (and translated) once and items refer to
//! it by name.

use std::collections::BTreeMap;

use super::raw::{RawScale, RawScaleOption};
use crate::error::{report_duplicates, DataError, DataErrorKind};
use crate::json;
use crate::language::Languages;
use crate::text::EasyText;

/// The shared answer scales of `scales.json`, validated: five labelled
/// options each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scales(BTreeMap<String, Vec<(String, EasyText)>>);

/// Every labelled scale offers this many options (besides "je préfère ne
/// pas répondre").
pub const SCALE_LENGTH: usize = 5;

impl Scales {
    /// The options of the scale `id`: each option's id and label.
    pub fn get(&self, id: &str) -> Option<&[(String, EasyText)]> {
        self.0.get(id).map(Vec::as_slice)
    }

    /// Reads and validates `scales.json`.
    pub fn parse(file: &str, text: &str, languages: &Languages) -> Result<Scales, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let mut raw = BTreeMap::new();
        if let Some(map) = value.as_object() {
            for (id, scale) in map {
                let Some(o) = json::object(scale, file, id, &["options"], &mut errors) else {
                    continue;
                };
                let options = o
                    .list("options", true, &mut errors)
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| {
                        let option =
                            json::object(v, file, &format!("{id} → options[{i}]"), &["id", "label"], &mut errors)?;
                        Some(RawScaleOption {
                            id: option.str("id", &mut errors).unwrap_or_default().to_string(),
                            label: option.texts("label", &mut errors),
                        })
                    })
                    .collect();
                raw.insert(id.clone(), RawScale { options });
            }
        } else {
            errors.push(DataError::new(
                file,
                "",
                DataErrorKind::WrongType {
                    expected: "an object of scales { … }",
                },
            ));
        }
        let mut scales = BTreeMap::new();
        for (id, scale) in raw {
            if scale.options.len() != SCALE_LENGTH {
                errors.push(DataError::new(
                    file,
                    id.as_str(),
                    DataErrorKind::WrongLength {
                        what: "options",
                        expected: SCALE_LENGTH,
                        found: scale.options.len(),
                    },
                ));
            }
            let options = scale
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let place = format!("{id} → options[{i}] ({})", o.id);
                    (
                        o.id.clone(),
                        EasyText::validate(&o.label, languages, file, &place, &mut errors),
                    )
                })
                .collect();
            report_duplicates(
                scale.options.iter().map(|o| o.id.as_str()),
                file,
                |_| format!("{id} → options"),
                &mut errors,
            );
            scales.insert(id, options);
        }
        if errors.is_empty() {
            Ok(Scales(scales))
        } else {
            Err(errors)
        }
    }
}
