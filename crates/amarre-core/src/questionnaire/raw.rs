//! A questionnaire file as it is written: the raw mirrors, filled by
//! walking the JSON tree ([`crate::json`]) so that every missing, unknown
//! or mistyped field is reported with its place. [`super::validate`]
//! turns them into the model.

use std::collections::BTreeMap;

use crate::error::{DataError, DataErrorKind};
use crate::json::{self, Object, Value};

pub(super) type RawText = BTreeMap<String, String>;

pub(super) struct RawScale {
    pub(super) options: Vec<RawScaleOption>,
}

pub(super) struct RawScaleOption {
    pub(super) id: String,
    pub(super) label: RawText,
}

pub(super) struct RawQuestionnaire {
    pub(super) id: String,
    pub(super) version: u32,
    pub(super) survey_code: Option<u32>,
    pub(super) audience: String,
    pub(super) minutes: u32,
    pub(super) title: RawText,
    pub(super) intro: RawText,
    pub(super) sections: Vec<RawSection>,
}

pub(super) struct RawSection {
    pub(super) id: String,
    pub(super) title: RawText,
    pub(super) items: Vec<RawItem>,
}

pub(super) struct RawItem {
    pub(super) id: String,
    pub(super) family: Option<String>,
    pub(super) subfactor: Option<String>,
    pub(super) question: RawText,
    /// A shared scale from `scales.json`…
    pub(super) scale: Option<String>,
    /// …with the meaning of each of its options, in order;
    pub(super) meaning: Option<Vec<String>>,
    /// …or options of its own.
    pub(super) options: Option<Vec<RawOption>>,
    pub(super) weight: u32,
    pub(super) urgent: Option<RawUrgent>,
    pub(super) show_if: Vec<RawCondition>,
    pub(super) role: Option<String>,
    /// For an absences item: `{"minor": n, "adult": n}`.
    pub(super) absence_limit: Option<(u32, u32)>,
}

pub(super) struct RawOption {
    pub(super) id: String,
    pub(super) label: RawText,
    pub(super) meaning: Option<String>,
    pub(super) minor: Option<bool>,
    pub(super) status: Option<String>,
    pub(super) half_days: Option<(u32, Option<u32>)>,
    pub(super) country: Option<String>,
}

pub(super) struct RawUrgent {
    pub(super) kind: String,
    pub(super) options: Vec<String>,
}

pub(super) struct RawCondition {
    pub(super) item: String,
    pub(super) any_of: Vec<String>,
}

fn read_option(value: &Value, file: &str, place: &str, errors: &mut Vec<DataError>) -> Option<RawOption> {
    let allowed = ["id", "label", "meaning", "minor", "status", "half_days", "country"];
    let o = json::object(value, file, place, &allowed, errors)?;
    let half_days = o.get("half_days").and_then(|v| {
        let pair = v.as_array().filter(|a| a.len() == 2)?;
        let from = pair[0].as_u64().and_then(|n| u32::try_from(n).ok());
        let to = if pair[1].is_null() {
            Some(None)
        } else {
            pair[1].as_u64().and_then(|n| u32::try_from(n).ok()).map(Some)
        };
        match (from, to) {
            (Some(from), Some(to)) => Some((from, to)),
            _ => None,
        }
    });
    if o.get("half_days").is_some() && half_days.is_none() {
        errors.push(DataError::new(
            file,
            o.at("half_days"),
            DataErrorKind::WrongType {
                expected: "[from, to] in half-days, with null for \"more than\"",
            },
        ));
    }
    Some(RawOption {
        id: o.str("id", errors).unwrap_or_default().to_string(),
        label: o.texts("label", errors),
        meaning: o.opt_str("meaning", errors).map(str::to_string),
        minor: o.opt_bool("minor", errors),
        status: o.opt_str("status", errors).map(str::to_string),
        half_days,
        country: o.opt_str("country", errors).map(str::to_string),
    })
}

fn read_item(o: &Object, file: &str, errors: &mut Vec<DataError>) -> RawItem {
    let owned = |v: Option<&str>| v.map(str::to_string);
    let options = o.get("options").map(|_| {
        o.list("options", false, errors)
            .iter()
            .enumerate()
            .filter_map(|(n, v)| read_option(v, file, &o.at(&format!("options[{n}]")), errors))
            .collect()
    });
    let urgent = o.get("urgent").and_then(|v| {
        let u = json::object(v, file, &o.at("urgent"), &["kind", "options"], errors)?;
        Some(RawUrgent {
            kind: u.str("kind", errors).unwrap_or_default().to_string(),
            options: u.strings("options", errors).into_iter().map(str::to_string).collect(),
        })
    });
    let show_if = o
        .list("show_if", false, errors)
        .iter()
        .enumerate()
        .filter_map(|(n, v)| {
            let c = json::object(v, file, &o.at(&format!("show_if[{n}]")), &["item", "any_of"], errors)?;
            Some(RawCondition {
                item: c.str("item", errors).unwrap_or_default().to_string(),
                any_of: c.strings("any_of", errors).into_iter().map(str::to_string).collect(),
            })
        })
        .collect();
    RawItem {
        id: o.str("id", errors).unwrap_or_default().to_string(),
        family: owned(o.opt_str("family", errors)),
        subfactor: owned(o.opt_str("subfactor", errors)),
        question: o.texts("question", errors),
        scale: owned(o.opt_str("scale", errors)),
        meaning: o
            .get("meaning")
            .map(|_| o.strings("meaning", errors).into_iter().map(str::to_string).collect()),
        options,
        weight: o.u32("weight", Some(1), errors).unwrap_or(1),
        urgent,
        show_if,
        role: owned(o.opt_str("role", errors)),
        absence_limit: o.get("absence_limit").and_then(|v| {
            let l = json::object(v, file, &o.at("absence_limit"), &["minor", "adult"], errors)?;
            Some((l.u32("minor", None, errors)?, l.u32("adult", None, errors)?))
        }),
    }
}

const ITEM_FIELDS: [&str; 13] = [
    "id",
    "family",
    "subfactor",
    "question",
    "scale",
    "meaning",
    "options",
    "weight",
    "urgent",
    "show_if",
    "role",
    "absence_limit",
    "note",
];

pub(super) fn read_questionnaire(value: &Value, file: &str, errors: &mut Vec<DataError>) -> Option<RawQuestionnaire> {
    let allowed = [
        "id",
        "version",
        "survey_code",
        "audience",
        "minutes",
        "title",
        "intro",
        "sections",
    ];
    let q = json::object(value, file, "", &allowed, errors)?;
    let sections = q
        .list("sections", true, errors)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
            let s = json::object(
                v,
                file,
                &format!("sections[{i}] ({id})"),
                &["id", "title", "items"],
                errors,
            )?;
            let items = s
                .list("items", true, errors)
                .iter()
                .filter_map(|v| {
                    let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
                    let place = format!("{} → items ({id})", s.place());
                    let o = json::object(v, file, &place, &ITEM_FIELDS, errors)?;
                    Some(read_item(&o, file, errors))
                })
                .collect();
            Some(RawSection {
                id: s.str("id", errors).unwrap_or_default().to_string(),
                title: s.texts("title", errors),
                items,
            })
        })
        .collect();
    Some(RawQuestionnaire {
        id: q.str("id", errors).unwrap_or_default().to_string(),
        version: q.u32("version", None, errors).unwrap_or_default(),
        survey_code: q.get("survey_code").and_then(|_| q.u32("survey_code", None, errors)),
        audience: q.str("audience", errors).unwrap_or_default().to_string(),
        minutes: q.u32("minutes", None, errors).unwrap_or_default(),
        title: q.texts("title", errors),
        intro: q.texts("intro", errors),
        sections,
    })
}
