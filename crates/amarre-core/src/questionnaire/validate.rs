//! The cross-checks that turn a raw questionnaire ([`super::raw`]) into
//! the model: texts in every language, known families and sub-factors,
//! options from a scale or of the item's own, urgent options, conditions
//! on earlier items only and without cycles, the roles the engagement
//! reading needs, and a class survey's response-code key.

use super::raw::{read_questionnaire, RawItem, RawQuestionnaire};
use super::*;
use crate::code::MAX_ANSWERS;
use crate::error::{report_duplicates, DataError, DataErrorKind};
use crate::json;

impl Questionnaire {
    /// Reads and validates a questionnaire file, returning every problem.
    pub fn parse(file: &str, text: &str, context: &Context) -> Result<Questionnaire, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let Some(raw) = read_questionnaire(&value, file, &mut errors) else {
            return Err(errors);
        };
        let languages = context.languages;
        let audience = match raw.audience.as_str() {
            "student" => Audience::Student,
            "family" => Audience::Family,
            "class" => Audience::Class,
            other => {
                errors.push(DataError::new(
                    file,
                    "audience",
                    DataErrorKind::NotAllowed {
                        value: other.to_string(),
                        allowed: "student, family or class",
                    },
                ));
                Audience::Student
            }
        };
        let title = EasyText::validate(&raw.title, languages, file, "title", &mut errors);
        let intro = EasyText::validate(&raw.intro, languages, file, "intro", &mut errors);
        report_duplicates(
            raw.sections.iter().map(|s| s.id.as_str()),
            file,
            |_| "sections".to_string(),
            &mut errors,
        );
        let all_items: Vec<(usize, &RawItem)> = raw
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| section.items.iter().map(move |item| (s, item)))
            .collect();
        report_duplicates(
            all_items.iter().map(|(_, i)| i.id.as_str()),
            file,
            |_| "items".to_string(),
            &mut errors,
        );

        let sections = raw
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| Section {
                id: s.id.clone(),
                title: EasyText::validate(
                    &s.title,
                    languages,
                    file,
                    &format!("sections[{i}] ({}) → title", s.id),
                    &mut errors,
                ),
            })
            .collect();
        let mut items = Vec::new();
        for (position, (section, raw_item)) in all_items.iter().enumerate() {
            let place = format!("items[{position}] ({})", raw_item.id);
            items.push(validate_item(raw_item, *section, &place, file, context, &mut errors));
        }
        resolve_conditions(&all_items, &mut items, file, &mut errors);
        check_roles(&items, file, &mut errors);
        let survey_key = survey_key(&raw, audience, items.len(), file, &mut errors);
        if errors.is_empty() {
            Ok(Questionnaire {
                id: raw.id,
                version: raw.version,
                audience,
                minutes: raw.minutes,
                title,
                intro,
                sections,
                items,
                survey_key,
            })
        } else {
            Err(errors)
        }
    }
}

fn validate_item(
    raw: &RawItem,
    section: usize,
    place: &str,
    file: &str,
    context: &Context,
    errors: &mut Vec<DataError>,
) -> Item {
    let at = |field: &str| format!("{place} → {field}");
    let question = EasyText::validate(&raw.question, context.languages, file, &at("question"), errors);
    let family = raw.family.as_deref().and_then(|id| {
        let family = Family::from_id(id);
        if family.is_none() {
            errors.push(DataError::new(
                file,
                at("family"),
                DataErrorKind::NotAllowed {
                    value: id.to_string(),
                    allowed: "personal, family, school or environment",
                },
            ));
        }
        family
    });
    if let (Some(family), Some(sub)) = (family, raw.subfactor.as_deref()) {
        if context.factors.subfactor(family, sub).is_none() {
            errors.push(DataError::new(
                file,
                at("subfactor"),
                DataErrorKind::UnknownReference {
                    what: "the sub-factor",
                    id: format!("{}/{sub}", family.id()),
                },
            ));
        }
    }
    if family.is_some() && raw.subfactor.is_none() {
        errors.push(DataError::new(file, at("subfactor"), DataErrorKind::Empty));
    }
    let options = item_options(raw, &at, file, context, errors);
    if raw.family.is_none() && options.iter().any(|o| o.meaning != Meaning::Neutral) {
        errors.push(DataError::new(
            file,
            at("family"),
            DataErrorKind::NotAllowed {
                value: "none".to_string(),
                allowed: "a family, since some options mean strain or resource",
            },
        ));
    }
    if !(1..=3).contains(&raw.weight) {
        errors.push(DataError::new(
            file,
            at("weight"),
            DataErrorKind::NotAllowed {
                value: raw.weight.to_string(),
                allowed: "1, 2 or 3",
            },
        ));
    }
    let urgent = raw.urgent.as_ref().and_then(|u| {
        let kind = UrgentKind::from_id(&u.kind);
        if kind.is_none() {
            errors.push(DataError::new(
                file,
                at("urgent → kind"),
                DataErrorKind::NotAllowed {
                    value: u.kind.clone(),
                    allowed: "safety_at_home or self_harm",
                },
            ));
        }
        let positions = option_positions(&u.options, &options, &raw.id, file, &at("urgent → options"), errors);
        kind.map(|k| (k, positions))
    });
    let role = raw.role.as_deref().and_then(|r| {
        let role = match r {
            "age" => Some(Role::Age),
            "situation" => Some(Role::Situation),
            "absences" => Some(Role::Absences),
            "thought_of_stopping" => Some(Role::ThoughtOfStopping),
            "country" => Some(Role::Country),
            _ => None,
        };
        if role.is_none() {
            errors.push(DataError::new(
                file,
                at("role"),
                DataErrorKind::NotAllowed {
                    value: r.to_string(),
                    allowed: "age, situation, absences, thought_of_stopping or country",
                },
            ));
        }
        role
    });
    Item {
        id: raw.id.clone(),
        section,
        family,
        subfactor: raw.subfactor.clone(),
        question,
        options,
        weight: raw.weight,
        urgent,
        conditions: Vec::new(),
        role,
        absence_limit: raw.absence_limit.map(|(minor, adult)| AbsenceLimit { minor, adult }),
    }
}

/// The item's options: a shared scale with a meaning per option, or its own.
fn item_options(
    raw: &RawItem,
    at: &dyn Fn(&str) -> String,
    file: &str,
    context: &Context,
    errors: &mut Vec<DataError>,
) -> Vec<AnswerOption> {
    let meaning = |id: &str, place: String, errors: &mut Vec<DataError>| {
        Meaning::from_id(id).unwrap_or_else(|| {
            errors.push(DataError::new(
                file,
                place,
                DataErrorKind::NotAllowed {
                    value: id.to_string(),
                    allowed: "resource+, resource, neutral, strain or strain+",
                },
            ));
            Meaning::Neutral
        })
    };
    match (&raw.scale, &raw.options) {
        (Some(scale), None) => {
            let Some(options) = context.scales.get(scale) else {
                errors.push(DataError::new(
                    file,
                    at("scale"),
                    DataErrorKind::UnknownReference {
                        what: "the scale",
                        id: scale.clone(),
                    },
                ));
                return Vec::new();
            };
            let meanings = raw.meaning.clone().unwrap_or_default();
            if meanings.len() != options.len() {
                errors.push(DataError::new(
                    file,
                    at("meaning"),
                    DataErrorKind::WrongLength {
                        what: "meanings",
                        expected: options.len(),
                        found: meanings.len(),
                    },
                ));
            }
            options
                .iter()
                .enumerate()
                .map(|(i, (id, label))| AnswerOption {
                    id: id.clone(),
                    label: label.clone(),
                    meaning: meanings
                        .get(i)
                        .map(|m| meaning(m, at(&format!("meaning[{i}]")), errors))
                        .unwrap_or(Meaning::Neutral),
                    minor: None,
                    status: None,
                    half_days: None,
                    country: None,
                })
                .collect()
        }
        (None, Some(own)) => {
            if own.len() < 2 {
                errors.push(DataError::new(
                    file,
                    at("options"),
                    DataErrorKind::WrongLength {
                        what: "options",
                        expected: 2,
                        found: own.len(),
                    },
                ));
            }
            report_duplicates(own.iter().map(|o| o.id.as_str()), file, |_| at("options"), errors);
            own.iter()
                .enumerate()
                .map(|(i, o)| {
                    let place = at(&format!("options[{i}] ({})", o.id));
                    AnswerOption {
                        id: o.id.clone(),
                        label: EasyText::validate(&o.label, context.languages, file, &place, errors),
                        meaning: o
                            .meaning
                            .as_deref()
                            .map(|m| meaning(m, format!("{place} → meaning"), errors))
                            .unwrap_or(Meaning::Neutral),
                        minor: o.minor,
                        status: o.status.as_deref().and_then(|s| {
                            let status = SchoolStatus::from_id(s);
                            if status.is_none() {
                                errors.push(DataError::new(
                                    file,
                                    format!("{place} → status"),
                                    DataErrorKind::NotAllowed {
                                        value: s.to_string(),
                                        allowed: "in_school, in_school_missing, stopped_recently, stopped_long_ago, working or neither",
                                    },
                                ));
                            }
                            status
                        }),
                        half_days: o.half_days,
                        country: o.country.as_deref().and_then(|c| {
                            let country = Country::from_code(c);
                            if country.is_none() {
                                errors.push(DataError::new(
                                    file,
                                    format!("{place} → country"),
                                    DataErrorKind::NotAllowed {
                                        value: c.to_string(),
                                        allowed: "BE or FR",
                                    },
                                ));
                            }
                            country
                        }),
                    }
                })
                .collect()
        }
        _ => {
            errors.push(DataError::new(
                file,
                at("options"),
                DataErrorKind::NotAllowed {
                    value: "both or neither of scale and options".to_string(),
                    allowed: "exactly one of scale (with meaning) or options",
                },
            ));
            Vec::new()
        }
    }
}

fn option_positions(
    ids: &[String],
    options: &[AnswerOption],
    item: &str,
    file: &str,
    place: &str,
    errors: &mut Vec<DataError>,
) -> Vec<usize> {
    ids.iter()
        .filter_map(|id| {
            let found = options.iter().position(|o| &o.id == id);
            if found.is_none() {
                errors.push(DataError::new(
                    file,
                    place,
                    DataErrorKind::UnknownReference {
                        what: "the option",
                        id: format!("{item}/{id}"),
                    },
                ));
            }
            found
        })
        .collect()
}

/// Turns `show_if` ids into positions; reports unknown items and options,
/// cycles, and conditions that look ahead.
fn resolve_conditions(raw: &[(usize, &RawItem)], items: &mut [Item], file: &str, errors: &mut Vec<DataError>) {
    let position = |id: &str| raw.iter().position(|(_, i)| i.id == id);
    // Cycles first, over the whole graph, so the message names the circle.
    let edges: Vec<Vec<usize>> = raw
        .iter()
        .map(|(_, item)| item.show_if.iter().filter_map(|c| position(&c.item)).collect())
        .collect();
    let cycle = find_cycle(&edges);
    if let Some(cycle) = &cycle {
        let path = cycle.iter().map(|&i| raw[i].1.id.clone()).collect();
        errors.push(DataError::new(
            file,
            format!("items[{}] ({}) → show_if", cycle[0], raw[cycle[0]].1.id),
            DataErrorKind::Cycle { path },
        ));
    }
    for (index, (_, item)) in raw.iter().enumerate() {
        for (n, condition) in item.show_if.iter().enumerate() {
            let place = format!("items[{index}] ({}) → show_if[{n}]", item.id);
            let Some(target) = position(&condition.item) else {
                errors.push(DataError::new(
                    file,
                    place,
                    DataErrorKind::UnknownReference {
                        what: "item",
                        id: condition.item.clone(),
                    },
                ));
                continue;
            };
            if target >= index {
                if cycle.is_none() {
                    errors.push(DataError::new(
                        file,
                        place,
                        DataErrorKind::ForwardReference {
                            id: condition.item.clone(),
                        },
                    ));
                }
                continue;
            }
            let any_of = option_positions(
                &condition.any_of,
                &items[target].options.clone(),
                &condition.item,
                file,
                &place,
                errors,
            );
            items[index].conditions.push(Condition { item: target, any_of });
        }
    }
}

/// A cycle in a dependency graph, as the positions along it (first repeated
/// at the end), if there is one.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(node: usize, edges: &[Vec<usize>], marks: &mut [Mark], stack: &mut Vec<usize>) -> Option<Vec<usize>> {
        marks[node] = Mark::Open;
        stack.push(node);
        for &next in &edges[node] {
            match marks[next] {
                Mark::Open => {
                    let start = stack.iter().position(|&n| n == next).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next);
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(cycle) = visit(next, edges, marks, stack) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks[node] = Mark::Done;
        None
    }
    let mut marks = vec![Mark::New; edges.len()];
    (0..edges.len()).find_map(|node| {
        if marks[node] == Mark::New {
            visit(node, edges, &mut marks, &mut Vec::new())
        } else {
            None
        }
    })
}

/// Items with a role must carry what the role reads.
fn check_roles(items: &[Item], file: &str, errors: &mut Vec<DataError>) {
    for (index, item) in items.iter().enumerate() {
        let (needed, has): (&str, fn(&AnswerOption) -> bool) = match item.role {
            Some(Role::Age) => ("minor", |o| o.minor.is_some()),
            Some(Role::Situation) => ("status", |o| o.status.is_some()),
            Some(Role::Absences) => ("half_days", |o| o.half_days.is_some()),
            Some(Role::Country) => ("country", |o| o.country.is_some()),
            _ => continue,
        };
        if item.role == Some(Role::Absences) && item.absence_limit.is_none() {
            errors.push(DataError::new(
                file,
                format!("items[{index}] ({}) → absence_limit", item.id),
                DataErrorKind::MissingField {
                    field: "absence_limit".into(),
                },
            ));
        }
        for (n, option) in item.options.iter().enumerate() {
            if !has(option) {
                errors.push(DataError::new(
                    file,
                    format!("items[{index}] ({}) → options[{n}] ({}) → {needed}", item.id, option.id),
                    DataErrorKind::Empty,
                ));
            }
        }
    }
}

/// A class survey's response-code key: it must have a `survey_code` of 0 to
/// 63, a version of 0 to 15 and at most 16 items, which a code can carry;
/// other questionnaires have none.
fn survey_key(
    raw: &RawQuestionnaire,
    audience: Audience,
    items: usize,
    file: &str,
    errors: &mut Vec<DataError>,
) -> Option<SurveyKey> {
    let mut problem = |place: &str, kind| errors.push(DataError::new(file, place, kind));
    if audience != Audience::Class {
        if raw.survey_code.is_some() {
            problem(
                "survey_code",
                DataErrorKind::NotAllowed {
                    value: "a survey code".into(),
                    allowed: "a survey code only in a class survey",
                },
            );
        }
        return None;
    }
    let Some(code) = raw.survey_code else {
        problem(
            "",
            DataErrorKind::MissingField {
                field: "survey_code".into(),
            },
        );
        return None;
    };
    let mut fits = |value: u32, most: u32, place: &str, allowed: &'static str| {
        let fits = value <= most;
        if !fits {
            problem(
                place,
                DataErrorKind::NotAllowed {
                    value: value.to_string(),
                    allowed,
                },
            );
        }
        fits
    };
    let ok = fits(code, 63, "survey_code", "0 to 63")
        & fits(raw.version, 15, "version", "0 to 15 in a class survey")
        & fits(
            items as u32,
            MAX_ANSWERS as u32,
            "sections",
            "at most 16 items in a class survey",
        );
    ok.then_some(SurveyKey {
        survey: code as u8,
        version: raw.version as u8,
        items,
    })
}
