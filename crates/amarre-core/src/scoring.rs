//! From answers to readings: per factor family a *strain* and a *resource*
//! reading mapped to a band, the engagement situation, and the urgent help
//! some answers call for. Each result carries the answers that drove it.
//!
//! The rules are written for people in `docs/scoring.md`; the cases in
//! `tests/data/scoring_cases.json` pin them down. Results are data
//! ([`Band`], [`Driver`]); the UI turns them into words.

use super::answers::{Answers, Given};
use super::factors::Family;
use super::helpline::Country;
use super::questionnaire::{AnswerOption, Meaning, Questionnaire, Role, SchoolStatus, UrgentKind};
use serde::{Deserialize, Serialize};

/// Fewer answered items than this in a family, none of which weighs,
/// gives [`Band::NotEnoughAnswers`].
pub const MIN_ANSWERS: usize = 3;
/// A strain reading at or above this is [`Band::TalkAboutIt`].
pub const TALK_FROM: f64 = 0.5;
/// This many strongly weighing answers in one family are
/// [`Band::TalkAboutIt`], whatever the other answers.
pub const STRONG_ANSWERS_TO_TALK: usize = 2;
/// An item of this weight answered with a strongly weighing option (feeling
/// unsafe at home, thoughts of self-harm) is [`Band::TalkAboutIt`] at once.
pub const HEAVIEST_WEIGHT: u32 = 3;

/// How a family is doing, from the answers that weigh (`docs/scoring.md`).
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
    /// Going to school, but absent without reason more than the country's
    /// limit: *absentéisme*.
    Absenteeism,
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
    /// The absence limit used, from the absences item the person answered
    /// (Belgium: 9 for a minor or an unknown age, 20 for an adult; France:
    /// 3, "at least 4 in a month"); `None` if absences were not asked.
    pub absence_limit: Option<u32>,
    /// Whether the person goes to school, as the situation answer says.
    pub in_school: Option<bool>,
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
    /// The country the person said they live in.
    pub country: Option<Country>,
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
        country: answered_option(questionnaire, &chosen, Role::Country).and_then(|(_, o)| o.country),
    }
}

/// The answer given to the shown item with `role` (a role may have one
/// item per country; only one of them is shown).
fn answered_option<'q>(
    questionnaire: &'q Questionnaire,
    chosen: &[(usize, Option<usize>)],
    role: Role,
) -> Option<(Driver, &'q AnswerOption)> {
    questionnaire.all_with_role(role).find_map(|item| {
        let option = chosen.iter().find(|(i, _)| *i == item)?.1?;
        Some((Driver { item, option }, &questionnaire.items[item].options[option]))
    })
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
    let mut answered = 0;
    let mut strains = Vec::new();
    let mut resources = Vec::new();
    let mut strong = 0;
    let mut heaviest_strong = false;
    for &(item, option) in chosen.iter().filter(|(i, _)| in_family(*i)) {
        let Some(option) = option else { continue };
        let weight = questionnaire.items[item].weight;
        let meaning = questionnaire.items[item].options[option].meaning;
        if !meaning.is_scored() {
            continue;
        }
        answered += 1;
        strain += weight * meaning.strain();
        resource += weight * meaning.resource();
        scale += weight * 2;
        if meaning == Meaning::StrongStrain {
            strong += 1;
            heaviest_strong |= weight >= HEAVIEST_WEIGHT;
        }
        let driver = (
            Driver { item, option },
            weight * meaning.strain().max(meaning.resource()),
        );
        match meaning {
            Meaning::Strain | Meaning::StrongStrain => strains.push(driver),
            Meaning::Resource | Meaning::StrongResource => resources.push(driver),
            Meaning::Neutral | Meaning::NotApplicable => {}
        }
    }
    let reading = |points: u32| {
        if scale == 0 {
            0.0
        } else {
            f64::from(points) / f64::from(scale)
        }
    };
    let (strain, resource) = (reading(strain), reading(resource));
    // An answer that weighs is never averaged away: "ça va" means that
    // nothing the person answered in this family weighs.
    let enough = answered >= MIN_ANSWERS;
    let band = if (enough && strain >= TALK_FROM) || strong >= STRONG_ANSWERS_TO_TALK || heaviest_strong {
        Band::TalkAboutIt
    } else if !strains.is_empty() {
        Band::Watch
    } else if !enough {
        Band::NotEnoughAnswers
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
    let asks = |role| questionnaire.with_role(role).is_some();
    if !asks(Role::Situation) && !asks(Role::Absences) {
        return None;
    }
    let answer = |role| answered_option(questionnaire, chosen, role);
    // An unknown age takes the minor's limit: it flags earlier, never later.
    let adult = answer(Role::Age).and_then(|(_, o)| o.minor).is_some_and(|minor| !minor);
    let status = answer(Role::Situation);
    let absences = answer(Role::Absences);
    let thought = answer(Role::ThoughtOfStopping);
    let absence_limit = absences
        .and_then(|(driver, _)| questionnaire.items[driver.item].absence_limit)
        .map(|limit| if adult { limit.adult } else { limit.minor });
    let in_school = status
        .and_then(|(_, o)| o.status)
        .map(|s| matches!(s, SchoolStatus::InSchool | SchoolStatus::InSchoolMissing));
    let engagement = |situation, reasons: Vec<Driver>| {
        Some(Engagement {
            situation,
            reasons,
            absence_limit,
            in_school,
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
    let from = absences.and_then(|(driver, o)| Some((driver, o.half_days?.0)));
    if let (Some((driver, from)), Some(limit)) = (from, absence_limit) {
        if from > limit {
            return engagement(Situation::Absenteeism, vec![driver]);
        }
    }
    let mut signals = Vec::new();
    if let Some((driver, option)) = status {
        if option.status == Some(SchoolStatus::InSchoolMissing) {
            signals.push(driver);
        }
    }
    if let Some((driver, from)) = from {
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
