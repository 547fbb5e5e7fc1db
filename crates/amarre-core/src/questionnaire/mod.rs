//! The validated model of a questionnaire (`data/questionnaires/*.json`):
//! sections of items, each informing a factor family and sub-factor, with
//! labelled options that say themselves whether they mean strain or
//! resource, a weight, an optional *urgent* flag and optional conditions.
//!
//! Reading goes raw → validated, each step in a file of its own:
//! - `raw`: the file as written, walked field by field;
//! - [`scales`]: the shared answer scales of `scales.json`, so "never …
//!   always" is written (and translated) once;
//! - `validate`: the cross-checks (families, scales, conditions and their
//!   cycles, roles, the class survey's code) into this model, returning
//!   every problem with its place (`student.json: items[4] (late) →
//!   show_if[0]: refers to item 'situaton', which does not exist`).
//!
//! Answers ([`crate::answers`]) and scoring ([`crate::scoring`]) work on
//! this model only; the apps receive it baked at build time.

mod raw;
pub mod scales;
mod validate;

use serde::{Deserialize, Serialize};

pub use scales::{Scales, SCALE_LENGTH};

use crate::code::SurveyKey;
use crate::factors::{Factors, Family};
use crate::helpline::Country;
use crate::language::Languages;
use crate::text::EasyText;

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
    /// Says nothing about the person ("je n'en ai pas eu besoin"): like
    /// "je préfère ne pas répondre", an answer that is never scored.
    NotApplicable,
}

impl Meaning {
    fn from_id(id: &str) -> Option<Meaning> {
        Some(match id {
            "resource+" => Meaning::StrongResource,
            "resource" => Meaning::Resource,
            "neutral" => Meaning::Neutral,
            "strain" => Meaning::Strain,
            "strain+" => Meaning::StrongStrain,
            "n/a" => Meaning::NotApplicable,
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

    /// Whether the answer counts in its family's reading.
    pub fn is_scored(self) -> bool {
        self != Meaning::NotApplicable
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
    /// The country the person lives in; options say `country`.
    Country,
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
    /// For the country item: the country this option names.
    pub country: Option<Country>,
}

/// The rule an absences item is read with, in its country's terms: a band
/// starting above `minor` (or `adult`) unjustified half-days is "too many".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceLimit {
    /// The most half-days that are not yet "too many" for a minor.
    pub minor: u32,
    /// The same for an adult.
    pub adult: u32,
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
    /// For an absences item: its country's limit.
    pub absence_limit: Option<AbsenceLimit>,
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

    /// Every item with this role (a role may have one item per country).
    pub fn all_with_role(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(move |&i| self.items[i].role == Some(role))
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
