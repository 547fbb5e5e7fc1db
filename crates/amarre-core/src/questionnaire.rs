//! The validated model of a questionnaire (`data/questionnaires/*.json`):
//! sections of items, each informing a factor family and sub-factor, with
//! labelled options that say themselves whether they mean strain or
//! resource, a weight, an optional *urgent* flag and optional conditions.
//!
//! Reading goes raw → validated: [`Questionnaire::parse`] returns every
//! problem with its place (`student.json: items[4] (late) → show_if[0]:
//! refers to item 'situaton', which does not exist`). Shared answer scales
//! live in `scales.json`, so "never … always" is written (and translated)
//! once. Answers ([`super::answers`]) and scoring ([`super::scoring`]) work
//! on this model only.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::code::{SurveyKey, MAX_ANSWERS};
use super::error::{report_duplicates, DataError, DataErrorKind};
use super::factors::{Factors, Family};
use super::json::{self, Object, Value};
use super::language::Languages;
use super::text::EasyText;

/// Who a questionnaire is for; it sets how the app speaks ("tu"/"vous").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// A young person, 12–29.
    Student,
    /// A parent or family member.
    Family,
    /// A class answering the climate survey, anonymously, as a group.
    Class,
}

/// What an option says about the person, as the data declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Meaning {
    /// Clearly something that holds.
    StrongResource,
    /// Something that holds.
    Resource,
    /// Neither.
    Neutral,
    /// Something that weighs.
    Strain,
    /// Clearly something that weighs.
    StrongStrain,
}

impl Meaning {
    fn from_id(id: &str) -> Option<Meaning> {
        Some(match id {
            "resource+" => Meaning::StrongResource,
            "resource" => Meaning::Resource,
            "neutral" => Meaning::Neutral,
            "strain" => Meaning::Strain,
            "strain+" => Meaning::StrongStrain,
            _ => return None,
        })
    }

    /// Strain points: 0, 1 (strain) or 2 (strong strain).
    pub fn strain(self) -> u32 {
        match self {
            Meaning::Strain => 1,
            Meaning::StrongStrain => 2,
            _ => 0,
        }
    }

    /// Resource points: 0, 1 (resource) or 2 (strong resource).
    pub fn resource(self) -> u32 {
        match self {
            Meaning::Resource => 1,
            Meaning::StrongResource => 2,
            _ => 0,
        }
    }
}

/// Where a young person stands with school, as they say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SchoolStatus {
    /// Going to school.
    InSchool,
    /// Enrolled, but missing a lot.
    InSchoolMissing,
    /// Stopped recently (this school year).
    StoppedRecently,
    /// Stopped a long time ago.
    StoppedLongAgo,
    /// Working.
    Working,
    /// Neither in school, training nor work.
    Neither,
}

impl SchoolStatus {
    fn from_id(id: &str) -> Option<SchoolStatus> {
        Some(match id {
            "in_school" => SchoolStatus::InSchool,
            "in_school_missing" => SchoolStatus::InSchoolMissing,
            "stopped_recently" => SchoolStatus::StoppedRecently,
            "stopped_long_ago" => SchoolStatus::StoppedLongAgo,
            "working" => SchoolStatus::Working,
            "neither" => SchoolStatus::Neither,
            _ => return None,
        })
    }
}

/// What an item tells the engagement reading, besides its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The age band; options say `minor`.
    Age,
    /// The school situation; options say `status`.
    Situation,
    /// Unjustified absences; options say `half_days`.
    Absences,
    /// Thoughts of stopping school.
    ThoughtOfStopping,
}

/// Which urgent help an answer calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UrgentKind {
    /// Not feeling safe at home.
    SafetyAtHome,
    /// Thoughts of hurting oneself.
    SelfHarm,
}

impl UrgentKind {
    /// The kind with this id (`safety_at_home`, `self_harm`).
    pub fn from_id(id: &str) -> Option<UrgentKind> {
        match id {
            "safety_at_home" => Some(UrgentKind::SafetyAtHome),
            "self_harm" => Some(UrgentKind::SelfHarm),
            _ => None,
        }
    }
}

/// One labelled answer option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    /// Stable id (`often`), used by conditions and saved answers.
    pub id: String,
    /// What it says.
    pub label: EasyText,
    /// Strain or resource, as the data declares it.
    pub meaning: Meaning,
    /// For the age item: whether this band is under 18.
    pub minor: Option<bool>,
    /// For the situation item.
    pub status: Option<SchoolStatus>,
    /// For the absences item: the band of half-days, `(from, to)`; `to` is
    /// `None` for "more than".
    pub half_days: Option<(u32, Option<u32>)>,
}

/// "Show this item only if item `item` was answered with one of `any_of`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// Position of the earlier item in [`Questionnaire::items`].
    pub item: usize,
    /// Positions of the accepted options in that item.
    pub any_of: Vec<usize>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id.
    pub id: String,
    /// Position of its section in [`Questionnaire::sections`].
    pub section: usize,
    /// The family it informs; `None` for items that only describe the
    /// situation (age, school status), which are not scored.
    pub family: Option<Family>,
    /// The sub-factor it informs, within its family.
    pub subfactor: Option<String>,
    /// The question.
    pub question: EasyText,
    /// Its options; "je préfère ne pas répondre" is always offered besides
    /// these, and never scored.
    pub options: Vec<AnswerOption>,
    /// How much it counts in its family (1–3).
    pub weight: u32,
    /// The urgent help that some answers call for, and which options do.
    pub urgent: Option<(UrgentKind, Vec<usize>)>,
    /// All must hold for the item to be shown.
    pub conditions: Vec<Condition>,
    /// Its part in the engagement reading, if any.
    pub role: Option<Role>,
}

impl Item {
    /// Position of the option with this id.
    pub fn option(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }
}

/// A section: a short group of items under a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Its title.
    pub title: EasyText,
}

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questionnaire {
    /// Stable id (`student`, `family`).
    pub id: String,
    /// Bumped when items change, so saved answers can be matched.
    pub version: u32,
    /// Who it is for.
    pub audience: Audience,
    /// About how long it takes.
    pub minutes: u32,
    /// Its title.
    pub title: EasyText,
    /// What it is, said before starting.
    pub intro: EasyText,
    /// Its sections, in order.
    pub sections: Vec<Section>,
    /// Every item, in the order they are asked.
    pub items: Vec<Item>,
    /// For a class survey: what its response codes carry to name it
    /// (`survey_code` 0–63 in the file, the version 0–15, up to 16 items).
    pub survey_key: Option<SurveyKey>,
}

impl Questionnaire {
    /// Position of the item with this id.
    pub fn item(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// The first item with this role.
    pub fn with_role(&self, role: Role) -> Option<usize> {
        self.items.iter().position(|i| i.role == Some(role))
    }
}

// ---- raw mirrors of the files ------------------------------------------

type RawText = BTreeMap<String, String>;

struct RawScale {
    options: Vec<RawScaleOption>,
}

struct RawScaleOption {
    id: String,
    label: RawText,
}

struct RawQuestionnaire {
    id: String,
    version: u32,
    survey_code: Option<u32>,
    audience: String,
    minutes: u32,
    title: RawText,
    intro: RawText,
    sections: Vec<RawSection>,
}

struct RawSection {
    id: String,
    title: RawText,
    items: Vec<RawItem>,
}

struct RawItem {
    id: String,
    family: Option<String>,
    subfactor: Option<String>,
    question: RawText,
    /// A shared scale from `scales.json`…
    scale: Option<String>,
    /// …with the meaning of each of its options, in order;
    meaning: Option<Vec<String>>,
    /// …or options of its own.
    options: Option<Vec<RawOption>>,
    weight: u32,
    urgent: Option<RawUrgent>,
    show_if: Vec<RawCondition>,
    role: Option<String>,
}

struct RawOption {
    id: String,
    label: RawText,
    meaning: Option<String>,
    minor: Option<bool>,
    status: Option<String>,
    half_days: Option<(u32, Option<u32>)>,
}

struct RawUrgent {
    kind: String,
    options: Vec<String>,
}

struct RawCondition {
    item: String,
    any_of: Vec<String>,
}

// ---- filling the raw mirrors from JSON ------------------------------------

fn read_option(value: &Value, file: &str, place: &str, errors: &mut Vec<DataError>) -> Option<RawOption> {
    let allowed = ["id", "label", "meaning", "minor", "status", "half_days"];
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
    }
}

const ITEM_FIELDS: [&str; 12] = [
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
    "note",
];

fn read_questionnaire(value: &Value, file: &str, errors: &mut Vec<DataError>) -> Option<RawQuestionnaire> {
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

/// The shared answer scales of `scales.json`, validated: five labelled
/// options each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scales(BTreeMap<String, Vec<(String, EasyText)>>);

/// Every labelled scale offers this many options (besides "je préfère ne
/// pas répondre").
pub const SCALE_LENGTH: usize = 5;

impl Scales {
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

/// What validating a questionnaire needs besides its own file.
pub struct Context<'a> {
    /// The declared languages.
    pub languages: &'a Languages,
    /// The shared scales.
    pub scales: &'a Scales,
    /// The families and their sub-factors.
    pub factors: &'a Factors,
}

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
            _ => None,
        };
        if role.is_none() {
            errors.push(DataError::new(
                file,
                at("role"),
                DataErrorKind::NotAllowed {
                    value: r.to_string(),
                    allowed: "age, situation, absences or thought_of_stopping",
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
            let Some(options) = context.scales.0.get(scale) else {
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
            _ => continue,
        };
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
