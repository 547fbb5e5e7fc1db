//! A person's answers to one questionnaire, which items are shown given
//! those answers (skip logic), progress, and the JSON form used for the
//! session, for keeping on the device and for export and re-import.
//!
//! An answer is an option id, or `null` for "je préfère ne pas répondre",
//! which is an answer (the person chose it) but never scored.

use std::collections::BTreeMap;

use super::error::{DataError, DataErrorKind};
use serde::Serialize;

use super::helpline::Country;
use super::json::{self, Value};
use super::questionnaire::{Questionnaire, Role};

/// What the exported file says it is, so a wrong file is recognised.
pub const EXPORT_FORMAT: &str = "amarre-answers";

/// Answers to one questionnaire, as the session, the kept copy and the
/// exported file write them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answers {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The questionnaire's version when answered.
    pub version: u32,
    /// Item id → option id, or `None` for "je préfère ne pas répondre".
    pub given: BTreeMap<String, Option<String>>,
}

/// What a person answered to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// The option at this position.
    Option(usize),
    /// "Je préfère ne pas répondre".
    PreferNot,
}

impl Answers {
    /// No answers yet to `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> Answers {
        Answers {
            format: EXPORT_FORMAT.to_string(),
            questionnaire: questionnaire.id.clone(),
            version: questionnaire.version,
            given: BTreeMap::new(),
        }
    }

    /// Records the answer to the item at `item`.
    pub fn give(&mut self, questionnaire: &Questionnaire, item: usize, given: Given) {
        let item = &questionnaire.items[item];
        let value = match given {
            Given::Option(option) => Some(item.options[option].id.clone()),
            Given::PreferNot => None,
        };
        self.given.insert(item.id.clone(), value);
    }

    /// The answer to the item at `item`, if any (an id the questionnaire no
    /// longer has counts as no answer).
    pub fn get(&self, questionnaire: &Questionnaire, item: usize) -> Option<Given> {
        let item = &questionnaire.items[item];
        match self.given.get(&item.id)? {
            None => Some(Given::PreferNot),
            Some(id) => item.option(id).map(Given::Option),
        }
    }

    /// Positions of the items shown, in order: an item is shown when each of
    /// its conditions looks at a shown item answered with an accepted option.
    pub fn visible(&self, questionnaire: &Questionnaire) -> Vec<usize> {
        let mut shown = vec![false; questionnaire.items.len()];
        for (index, item) in questionnaire.items.iter().enumerate() {
            shown[index] = item.conditions.iter().all(|c| {
                shown[c.item]
                    && matches!(self.get(questionnaire, c.item), Some(Given::Option(o)) if c.any_of.contains(&o))
            });
        }
        (0..questionnaire.items.len()).filter(|&i| shown[i]).collect()
    }

    /// The first shown item after `item` (or the first of all, for `None`),
    /// given the answers so far; `None` at the end.
    pub fn next_shown(&self, questionnaire: &Questionnaire, item: Option<usize>) -> Option<usize> {
        self.visible(questionnaire)
            .into_iter()
            .find(|&i| item.is_none_or(|current| i > current))
    }

    /// The last shown item before `item`; `None` at the start.
    pub fn previous_shown(&self, questionnaire: &Questionnaire, item: usize) -> Option<usize> {
        self.visible(questionnaire).into_iter().rev().find(|&i| i < item)
    }

    /// The country the person said they live in, if the questionnaire asks
    /// and they answered.
    pub fn country(&self, questionnaire: &Questionnaire) -> Option<Country> {
        questionnaire
            .all_with_role(Role::Country)
            .find_map(|item| match self.get(questionnaire, item)? {
                Given::Option(option) => questionnaire.items[item].options[option].country,
                Given::PreferNot => None,
            })
    }

    /// `(answered, shown)`: how far the person is.
    pub fn progress(&self, questionnaire: &Questionnaire) -> (usize, usize) {
        let visible = self.visible(questionnaire);
        let answered = visible
            .iter()
            .filter(|&&i| self.get(questionnaire, i).is_some())
            .count();
        (answered, visible.len())
    }

    /// The answers as JSON, for storage and export (indented: a person
    /// may open the exported file).
    pub fn to_json(&self) -> String {
        // Strings and a whole number only: writing them cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads answers from JSON (a stored session, an imported file) and
    /// checks them against `questionnaire`: every problem is reported with
    /// its place, and nothing is accepted half-way.
    pub fn from_json(file: &str, text: &str, questionnaire: &Questionnaire) -> Result<Answers, Vec<DataError>> {
        let value = json::parse(file, text).map_err(|_| {
            vec![DataError::new(
                file,
                "",
                DataErrorKind::Syntax("this is not an Amarre answers file (not JSON)".to_string()),
            )]
        })?;
        Answers::from_value(file, "", &value, questionnaire)
    }

    /// Reads an answers file of any of `questionnaires` (the one its
    /// `questionnaire` field names): the questionnaire and the answers, or
    /// every problem with its place (and the questionnaire, if it names one,
    /// to say the problems in its words).
    #[allow(clippy::type_complexity)]
    pub fn from_json_of<'q>(
        file: &str,
        text: &str,
        questionnaires: &'q [Questionnaire],
    ) -> Result<(&'q Questionnaire, Answers), (Option<&'q Questionnaire>, Vec<DataError>)> {
        let value = json::parse(file, text).map_err(|_| {
            (
                None,
                vec![DataError::new(
                    file,
                    "",
                    DataErrorKind::Syntax("this is not an Amarre answers file (not JSON)".to_string()),
                )],
            )
        })?;
        let named = value.get("questionnaire").and_then(Value::as_str).unwrap_or("?");
        let Some(questionnaire) = questionnaires.iter().find(|q| q.id == named) else {
            return Err((
                None,
                vec![DataError::new(
                    file,
                    "questionnaire",
                    DataErrorKind::UnknownReference {
                        what: "questionnaire",
                        id: named.to_string(),
                    },
                )],
            ));
        };
        Answers::from_value(file, "", &value, questionnaire)
            .map(|answers| (questionnaire, answers))
            .map_err(|errors| (Some(questionnaire), errors))
    }

    /// The same, for answers kept inside another file (a history entry) at
    /// `place`, already read as JSON.
    pub fn from_value(
        file: &str,
        place: &str,
        value: &Value,
        questionnaire: &Questionnaire,
    ) -> Result<Answers, Vec<DataError>> {
        let at = |field: &str| {
            if place.is_empty() {
                field.to_string()
            } else {
                format!("{place} → {field}")
            }
        };
        let mut errors = Vec::new();
        let fields = ["format", "questionnaire", "version", "given"];
        let Some(root) = json::object(value, file, place, &fields, &mut errors) else {
            return Err(errors);
        };
        let mut given = BTreeMap::new();
        if let Some(map) = root.required("given", &mut errors).and_then(|v| {
            let map = v.as_object();
            if map.is_none() {
                errors.push(DataError::new(
                    file,
                    at("given"),
                    DataErrorKind::WrongType {
                        expected: "an object { … }",
                    },
                ));
            }
            map
        }) {
            for (item, option) in map {
                match option {
                    Value::Null => {
                        given.insert(item.clone(), None);
                    }
                    Value::String(option) => {
                        given.insert(item.clone(), Some(option.clone()));
                    }
                    _ => errors.push(DataError::new(
                        file,
                        at(&format!("given → {item}")),
                        DataErrorKind::WrongType {
                            expected: "an option id in quotes, or null",
                        },
                    )),
                }
            }
        }
        let answers = Answers {
            format: root.str("format", &mut errors).unwrap_or_default().to_string(),
            questionnaire: root.str("questionnaire", &mut errors).unwrap_or_default().to_string(),
            version: root.u32("version", None, &mut errors).unwrap_or_default(),
            given,
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        if answers.format != EXPORT_FORMAT {
            errors.push(DataError::new(
                file,
                at("format"),
                DataErrorKind::NotAllowed {
                    value: answers.format.clone(),
                    allowed: EXPORT_FORMAT,
                },
            ));
        }
        if answers.questionnaire != questionnaire.id {
            errors.push(DataError::new(
                file,
                at("questionnaire"),
                DataErrorKind::NotAllowed {
                    value: answers.questionnaire.clone(),
                    allowed: "the questionnaire open now",
                },
            ));
            return Err(errors);
        }
        for (item_id, option) in &answers.given {
            let place = at(&format!("given → {item_id}"));
            let Some(item) = questionnaire.item(item_id) else {
                errors.push(DataError::new(
                    file,
                    place,
                    DataErrorKind::UnknownReference {
                        what: "item",
                        id: item_id.clone(),
                    },
                ));
                continue;
            };
            if let Some(option) = option {
                if questionnaire.items[item].option(option).is_none() {
                    errors.push(DataError::new(
                        file,
                        place,
                        DataErrorKind::UnknownReference {
                            what: "the option",
                            id: option.clone(),
                        },
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped::Content;

    #[test]
    fn skip_logic_follows_the_answers() {
        let content = Content::load().expect("shipped content is valid");
        let q = content.questionnaire("student").unwrap();
        let at = |id: &str| q.item(id).expect("item exists");
        let mut answers = Answers::new(q);
        // Nothing answered: the school items and the out-of-school branch wait.
        assert!(!answers.visible(q).contains(&at("absences")));
        assert!(!answers.visible(q).contains(&at("housing")));
        answers.give(q, at("country"), Given::Option(0));
        answers.give(q, at("age"), Given::Option(2));
        answers.give(q, at("situation"), Given::Option(0));
        assert!(answers.visible(q).contains(&at("absences")));
        assert!(
            !answers.visible(q).contains(&at("absences_fr")),
            "one country's absences only"
        );
        assert!(!answers.visible(q).contains(&at("housing")));
        assert_eq!(answers.next_shown(q, Some(at("situation"))), Some(at("absences")));
        // In France, the French absences question instead.
        answers.give(q, at("country"), Given::Option(1));
        assert_eq!(answers.next_shown(q, Some(at("situation"))), Some(at("absences_fr")));
        // Out of school at 18–21: the school section is skipped, the branch shown.
        answers.give(q, at("situation"), Given::Option(5));
        assert!(!answers.visible(q).contains(&at("absences_fr")));
        assert_eq!(answers.next_shown(q, Some(at("situation"))), Some(at("mood")));
        assert!(answers.visible(q).contains(&at("housing")));
        assert_eq!(answers.previous_shown(q, at("mood")), Some(at("situation")));
        // Under 16, the adult part of the branch stays hidden even out of school.
        answers.give(q, at("age"), Given::Option(0));
        assert!(!answers.visible(q).contains(&at("housing")));
        assert_eq!(answers.next_shown(q, None), Some(at("country")));
    }

    #[test]
    fn prefer_not_is_an_answer_that_counts_for_progress() {
        let content = Content::load().expect("shipped content is valid");
        let q = content.questionnaire("family").unwrap();
        let mut answers = Answers::new(q);
        let (_, shown) = answers.progress(q);
        answers.give(q, 0, Given::PreferNot);
        assert_eq!(answers.progress(q), (1, shown));
        assert_eq!(answers.get(q, 0), Some(Given::PreferNot));
    }

    #[test]
    fn import_names_every_problem_and_accepts_nothing_half_way() {
        let content = Content::load().expect("shipped content is valid");
        let q = content.questionnaire("student").unwrap();
        let json = r#"{"format": "amarre-answers", "questionnaire": "student", "version": 1,
                       "given": {"mood": "very_good", "stres": "never", "sleep": "sometimess"}}"#;
        let errors: Vec<String> = Answers::from_json("mes-reponses.json", json, q)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            vec![
                "mes-reponses.json: given → sleep: refers to the option 'sometimess', which does not exist",
                "mes-reponses.json: given → stres: refers to item 'stres', which does not exist",
            ]
        );
        let other = r#"{"format": "amarre-answers", "questionnaire": "family", "version": 1, "given": {}}"#;
        assert!(Answers::from_json("f.json", other, q).is_err());
        assert!(Answers::from_json("f.json", "<html>", q).is_err());
        let mut answers = Answers::new(q);
        assert!(answers.to_json().ends_with("\"given\": {}\n}"));
        // Two items whose ids sort in this order (the file keeps ids sorted).
        let (one, two) = if q.items[0].id < q.items[1].id { (0, 1) } else { (1, 0) };
        answers.give(q, one, Given::Option(1));
        answers.give(q, two, Given::PreferNot);
        let (first, second) = (&q.items[one], &q.items[two]);
        assert_eq!(
            answers.to_json(),
            format!(
                "{{\n  \"format\": \"amarre-answers\",\n  \"questionnaire\": \"{}\",\n  \"version\": {},\n  \"given\": {{\n    \"{}\": \"{}\",\n    \"{}\": null\n  }}\n}}",
                q.id, q.version, first.id, first.options[1].id, second.id
            )
        );
        assert_eq!(Answers::from_json("f.json", &answers.to_json(), q), Ok(answers));
    }
}
