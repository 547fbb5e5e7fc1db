//! From answers to readings: per factor family a *strain* and a *resource*
//! reading mapped to a band, the engagement situation, and the urgent help
//! some answers call for. Each result carries the answers that drove it.
//!
//! The rules are written for people in `docs/scoring.md`; the cases in
//! `tests/data/scoring_cases.json` pin them down. Results are data
//! ([`Band`], [`Driver`]); the UI turns them into words.

use super::answers::{Answers, Given};
use super::factors::Family;
use super::questionnaire::{Meaning, Questionnaire, Role, SchoolStatus, UrgentKind};
use serde::{Deserialize, Serialize};

/// Fewer answered items than this in a family gives
/// [`Band::NotEnoughAnswers`].
pub const MIN_ANSWERS: usize = 3;
/// A strain reading at or above this is [`Band::Watch`].
pub const WATCH_FROM: f64 = 0.25;
/// A strain reading at or above this is [`Band::TalkAboutIt`].
pub const TALK_FROM: f64 = 0.5;
/// Unjustified half-days of absence above which a minor is absent too
/// often (Amarrages).
pub const MINOR_ABSENCE_LIMIT: u32 = 9;
/// The same, for an adult.
pub const ADULT_ABSENCE_LIMIT: u32 = 20;

/// How a family is doing, from its strain reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    /// "ça va".
    Fine,
    /// "à surveiller".
    Watch,
    /// "à en parler".
    TalkAboutIt,
    /// "pas assez de réponses".
    NotEnoughAnswers,
}

/// One answer behind a result: the item and the option chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Driver {
    /// Position of the item in the questionnaire.
    pub item: usize,
    /// Position of the chosen option.
    pub option: usize,
}

/// The reading of one family.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyReading {
    /// Which family.
    pub family: Family,
    /// Its band.
    pub band: Band,
    /// Weighted strain, 0 (none) to 1 (every answer strongly strained).
    pub strain: f64,
    /// Weighted resource, 0 to 1.
    pub resource: f64,
    /// Items of the family answered (not "je préfère ne pas répondre").
    pub answered: usize,
    /// Items of the family shown.
    pub shown: usize,
    /// The answers that weigh, heaviest first.
    pub strains: Vec<Driver>,
    /// The answers that hold, strongest first.
    pub resources: Vec<Driver>,
}

/// Where the person stands with school (Amarrages+), said gently by the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Situation {
    /// No sign of dropping out in the answers.
    NoSignal,
    /// First signals: *en risque de décrochage*.
    AtRisk,
    /// *Décrocheur récent*.
    RecentDropout,
    /// *Décrocheur de longue date*.
    LongTermDropout,
    /// Not in employment, education or training.
    Neet,
}

/// The engagement reading and the answers behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    /// The situation.
    pub situation: Situation,
    /// The answers that led to it.
    pub reasons: Vec<Driver>,
    /// The absence limit used (9 for a minor or an unknown age, 20 for an adult).
    pub absence_limit: u32,
}

/// Everything the results page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// The four families, in [`Family::ALL`] order.
    pub families: Vec<FamilyReading>,
    /// The engagement situation, for questionnaires that ask about it.
    pub engagement: Option<Engagement>,
    /// Urgent help called for, with the answers that called for it.
    pub urgent: Vec<(UrgentKind, Driver)>,
}

/// Scores `answers` to `questionnaire`, on the items shown only.
pub fn score(questionnaire: &Questionnaire, answers: &Answers) -> Results {
    let visible = answers.visible(questionnaire);
    let chosen: Vec<(usize, Option<usize>)> = visible
        .iter()
        .filter_map(|&item| match answers.get(questionnaire, item)? {
            Given::Option(option) => Some((item, Some(option))),
            Given::PreferNot => Some((item, None)),
        })
        .collect();
    let families = Family::ALL
        .into_iter()
        .map(|family| read_family(questionnaire, family, &visible, &chosen))
        .collect();
    let urgent = chosen
        .iter()
        .filter_map(|&(item, option)| {
            let option = option?;
            let (kind, options) = questionnaire.items[item].urgent.as_ref()?;
            options.contains(&option).then_some((*kind, Driver { item, option }))
        })
        .collect();
    Results {
        families,
        engagement: read_engagement(questionnaire, &chosen),
        urgent,
    }
}

fn read_family(
    questionnaire: &Questionnaire,
    family: Family,
    visible: &[usize],
    chosen: &[(usize, Option<usize>)],
) -> FamilyReading {
    let in_family = |item: usize| questionnaire.items[item].family == Some(family);
    let shown = visible.iter().filter(|&&i| in_family(i)).count();
    let mut strain = 0;
    let mut resource = 0;
    let mut scale = 0;
    let mut strains = Vec::new();
    let mut resources = Vec::new();
    let mut strongly_strained = false;
    for &(item, option) in chosen.iter().filter(|(i, _)| in_family(*i)) {
        let Some(option) = option else { continue };
        let weight = questionnaire.items[item].weight;
        let meaning = questionnaire.items[item].options[option].meaning;
        strain += weight * meaning.strain();
        resource += weight * meaning.resource();
        scale += weight * 2;
        strongly_strained |= meaning == Meaning::StrongStrain;
        let driver = (
            Driver { item, option },
            weight * meaning.strain().max(meaning.resource()),
        );
        match meaning {
            Meaning::Strain | Meaning::StrongStrain => strains.push(driver),
            Meaning::Resource | Meaning::StrongResource => resources.push(driver),
            Meaning::Neutral => {}
        }
    }
    let answered = chosen.iter().filter(|(i, o)| in_family(*i) && o.is_some()).count();
    let reading = |points: u32| {
        if scale == 0 {
            0.0
        } else {
            f64::from(points) / f64::from(scale)
        }
    };
    let (strain, resource) = (reading(strain), reading(resource));
    let band = if answered < MIN_ANSWERS {
        Band::NotEnoughAnswers
    } else if strain >= TALK_FROM {
        Band::TalkAboutIt
    } else if strain >= WATCH_FROM || strongly_strained {
        Band::Watch
    } else {
        Band::Fine
    };
    FamilyReading {
        family,
        band,
        strain,
        resource,
        answered,
        shown,
        strains: heaviest_first(strains),
        resources: heaviest_first(resources),
    }
}

fn heaviest_first(mut drivers: Vec<(Driver, u32)>) -> Vec<Driver> {
    // Stable: equal weights keep the order the items were asked in.
    super::order::sort_by_key(&mut drivers, |d| std::cmp::Reverse(d.1));
    drivers.into_iter().map(|(d, _)| d).collect()
}

fn read_engagement(questionnaire: &Questionnaire, chosen: &[(usize, Option<usize>)]) -> Option<Engagement> {
    let situation_item = questionnaire.with_role(Role::Situation);
    let absences_item = questionnaire.with_role(Role::Absences);
    if situation_item.is_none() && absences_item.is_none() {
        return None;
    }
    let answer = |role: Role| {
        let item = questionnaire.with_role(role)?;
        let option = chosen.iter().find(|(i, _)| *i == item)?.1?;
        Some((Driver { item, option }, &questionnaire.items[item].options[option]))
    };
    // An unknown age takes the minor's limit: it flags earlier, never later.
    let adult = answer(Role::Age).and_then(|(_, o)| o.minor).is_some_and(|minor| !minor);
    let absence_limit = if adult {
        ADULT_ABSENCE_LIMIT
    } else {
        MINOR_ABSENCE_LIMIT
    };
    let status = answer(Role::Situation);
    let absences = answer(Role::Absences);
    let thought = answer(Role::ThoughtOfStopping);
    let engagement = |situation, reasons: Vec<Driver>| {
        Some(Engagement {
            situation,
            reasons,
            absence_limit,
        })
    };
    if let Some((driver, option)) = status {
        match option.status {
            Some(SchoolStatus::Neither) => return engagement(Situation::Neet, vec![driver]),
            Some(SchoolStatus::StoppedLongAgo) => return engagement(Situation::LongTermDropout, vec![driver]),
            Some(SchoolStatus::StoppedRecently) => return engagement(Situation::RecentDropout, vec![driver]),
            Some(SchoolStatus::Working) => return engagement(Situation::NoSignal, vec![driver]),
            _ => {}
        }
    }
    let from = |a: &Option<(Driver, &super::questionnaire::AnswerOption)>| {
        a.and_then(|(_, o)| o.half_days).map(|(from, _)| from)
    };
    if let (Some(from), Some((driver, _))) = (from(&absences), absences) {
        if from > absence_limit {
            return engagement(Situation::RecentDropout, vec![driver]);
        }
    }
    let mut signals = Vec::new();
    if let Some((driver, option)) = status {
        if option.status == Some(SchoolStatus::InSchoolMissing) {
            signals.push(driver);
        }
    }
    if let (Some(from), Some((driver, _))) = (from(&absences), absences) {
        if from > 0 {
            signals.push(driver);
        }
    }
    if let Some((driver, option)) = thought {
        if option.meaning.strain() > 0 {
            signals.push(driver);
        }
    }
    if signals.is_empty() {
        engagement(Situation::NoSignal, Vec::new())
    } else {
        engagement(Situation::AtRisk, signals)
    }
}
