//! Orientation: from a person's results to the kinds of service that fit,
//! ranked, each with the reason in plain words and its level of response.
//! The rules are data (`data/orientation.json`, written for people in
//! `docs/directory.md`); this module reads them and applies them.
//!
//! How they apply: the rules are read in the file's order; each whose
//! conditions all hold adds its service types, in its order, leaving out a
//! type already suggested (its first reason stays), a type that does not
//! exist in the person's country, and a type tied to a school for someone
//! who is not at school. At most [`MAX_SUGGESTIONS`]. Rules for urgent
//! answers must come first and suggest the help lines first, so an urgent
//! answer always puts them at the top.
//!
//! Every suggestion made from a questionnaire carries the answers that
//! made its rule hold ([`Suggestion::because`]): the urgent answer, the
//! answers behind the situation, those that weigh in the family or the
//! sub-factor the rule looks at. The page names them ("because you
//! answered « … » to « … »"), so a reason is never more than what the
//! person said. A rule with no condition is for everyone
//! ([`Rules::for_everyone`]), shown apart, never as a reason.

use super::answers::{Answers, Given};
use super::error::{report_duplicates, DataError, DataErrorKind};
use super::factors::{Factors, Family};
use super::helpline::Country;
use super::json;
use super::language::Languages;
use super::questionnaire::{Audience, Questionnaire, Role, UrgentKind};
use super::scoring::{Band, Driver, Results, Situation};
use super::service_type::{Level, ServiceTypes, FAMILY_IDS, HELP_LINE, LEVEL_IDS};
use super::text::LocalizedText;
use serde::{Deserialize, Serialize};

/// How many service types a result suggests at most.
pub const MAX_SUGGESTIONS: usize = 6;

/// When a rule applies: every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// An urgent answer of this kind was given.
    pub urgent: Option<UrgentKind>,
    /// The engagement situation is one of these.
    pub situations: Vec<Situation>,
    /// The young person is (or is not) a minor, as the age answer says.
    pub minor: Option<bool>,
    /// This family is in one of `bands`.
    pub family: Option<(Family, Vec<Band>)>,
    /// An answer that weighs, about one of these sub-factors, was given.
    pub subfactors: Vec<String>,
}

/// One orientation rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Stable id, for messages and tests.
    pub id: String,
    /// When it applies.
    pub when: When,
    /// The service types it suggests, best first.
    pub suggest: Vec<String>,
    /// Its level of response.
    pub level: Level,
    /// Why, said to a young person.
    pub reason_student: LocalizedText,
    /// Why, said to a family.
    pub reason_family: LocalizedText,
}

impl Rule {
    /// The reason, for `audience`.
    pub fn reason(&self, audience: Audience) -> &LocalizedText {
        match audience {
            Audience::Family => &self.reason_family,
            _ => &self.reason_student,
        }
    }
}

/// What the rules look at, taken from one questionnaire's results (or
/// from the services page's guided path, which has no answers to cite).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Each family's band.
    pub bands: Vec<(Family, Band)>,
    /// Sub-factors with an answer that weighs.
    pub weighing_subfactors: Vec<String>,
    /// The engagement situation, if the questionnaire asks.
    pub situation: Option<Situation>,
    /// Whether the young person is a minor, if the age was answered.
    pub minor: Option<bool>,
    /// Urgent answers given.
    pub urgent: Vec<UrgentKind>,
    /// The country the person lives in, if they said.
    pub country: Option<Country>,
    /// Whether the person goes to school, if they said.
    pub in_school: Option<bool>,
    /// The answers behind each condition, when the profile comes from a
    /// questionnaire; `None` for the guided path.
    pub evidence: Option<Evidence>,
}

/// The answers behind a profile, by what the rules look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Each urgent answer.
    pub urgent: Vec<(UrgentKind, Driver)>,
    /// The answers that led to the situation.
    pub situation: Vec<Driver>,
    /// The age answer.
    pub age: Option<Driver>,
    /// The answers that weigh, per family, heaviest first.
    pub strains: Vec<(Family, Vec<Driver>)>,
    /// The answers that weigh, with their sub-factor.
    pub weighing: Vec<(String, Driver)>,
}

impl Profile {
    /// The profile behind `results` of `answers` to `questionnaire`.
    pub fn new(questionnaire: &Questionnaire, answers: &Answers, results: &Results) -> Profile {
        let mut weighing_subfactors = Vec::new();
        let mut weighing = Vec::new();
        for reading in &results.families {
            for driver in &reading.strains {
                let item = &questionnaire.items[driver.item];
                // Every answer in `strains` weighs (strain or strain+).
                if let Some(sub) = &item.subfactor {
                    if !weighing_subfactors.contains(sub) {
                        weighing_subfactors.push(sub.clone());
                    }
                    weighing.push((sub.clone(), *driver));
                }
            }
        }
        let age = questionnaire
            .with_role(Role::Age)
            .and_then(|item| match answers.get(questionnaire, item) {
                Some(Given::Option(option)) => Some(Driver { item, option }),
                _ => None,
            });
        let minor = age.and_then(|d| questionnaire.items[d.item].options[d.option].minor);
        let engagement = results.engagement.as_ref();
        Profile {
            bands: results.families.iter().map(|r| (r.family, r.band)).collect(),
            weighing_subfactors,
            situation: engagement.map(|e| e.situation),
            minor,
            urgent: results.urgent.iter().map(|(kind, _)| *kind).collect(),
            country: results.country,
            in_school: engagement.and_then(|e| e.in_school),
            evidence: Some(Evidence {
                urgent: results.urgent.clone(),
                situation: engagement.map(|e| e.reasons.clone()).unwrap_or_default(),
                age,
                strains: results.families.iter().map(|r| (r.family, r.strains.clone())).collect(),
                weighing,
            }),
        }
    }
}

impl When {
    /// Whether the rule has no condition: it is for everyone.
    pub fn is_empty(&self) -> bool {
        *self == When::default()
    }

    /// The answers of `evidence` that make this rule hold, in the order the
    /// rule's conditions are written; a family's answers at most two.
    pub fn because(&self, evidence: &Evidence) -> Vec<Driver> {
        let mut found: Vec<Driver> = Vec::new();
        let mut add = |driver: Driver| {
            if !found.contains(&driver) {
                found.push(driver);
            }
        };
        if let Some(kind) = self.urgent {
            evidence
                .urgent
                .iter()
                .filter(|(k, _)| *k == kind)
                .for_each(|(_, d)| add(*d));
        }
        if !self.situations.is_empty() {
            evidence.situation.iter().for_each(|d| add(*d));
        }
        if self.minor.is_some() {
            evidence.age.into_iter().for_each(&mut add);
        }
        if let Some((family, _)) = &self.family {
            let strains = evidence.strains.iter().find(|(f, _)| f == family);
            strains
                .into_iter()
                .flat_map(|(_, d)| d.iter().take(2))
                .for_each(|d| add(*d));
        }
        evidence
            .weighing
            .iter()
            .filter(|(sub, _)| self.subfactors.contains(sub))
            .for_each(|(_, d)| add(*d));
        found
    }

    /// Whether every condition holds for `profile`.
    pub fn holds(&self, profile: &Profile) -> bool {
        self.urgent.is_none_or(|kind| profile.urgent.contains(&kind))
            && (self.situations.is_empty() || profile.situation.is_some_and(|s| self.situations.contains(&s)))
            && self.minor.is_none_or(|minor| profile.minor == Some(minor))
            && self.family.as_ref().is_none_or(|(family, bands)| {
                profile
                    .bands
                    .iter()
                    .any(|(f, band)| f == family && bands.contains(band))
            })
            && (self.subfactors.is_empty() || self.subfactors.iter().any(|s| profile.weighing_subfactors.contains(s)))
    }
}

/// A suggested service type, the rule that suggested it and the answers
/// that made the rule hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion<'r> {
    /// The service type's id.
    pub service_type: &'r str,
    /// The rule behind it: its reason and level.
    pub rule: &'r Rule,
    /// The answers behind it, to name in the reason (empty for the guided
    /// path, which has no answers).
    pub because: Vec<Driver>,
}

/// The orientation rules, in priority order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules(Vec<Rule>);

impl Rules {
    /// The ranked suggestions for `profile`. The country is the one the
    /// person said, else `place_country` (from a postal code), else both
    /// countries' types are possible.
    pub fn suggest<'r>(
        &'r self,
        profile: &Profile,
        types: &ServiceTypes,
        place_country: Option<Country>,
    ) -> Vec<Suggestion<'r>> {
        let country = profile.country.or(place_country);
        let mut found: Vec<Suggestion<'r>> = Vec::new();
        for rule in self.0.iter().filter(|r| !r.when.is_empty() && r.when.holds(profile)) {
            let because = match &profile.evidence {
                Some(evidence) => rule.when.because(evidence),
                None => Vec::new(),
            };
            // From a questionnaire, a rule no answer supports says nothing true.
            if profile.evidence.is_some() && because.is_empty() {
                continue;
            }
            for id in &rule.suggest {
                let fits = types.get(id).is_some_and(|t| t.fits(country, profile.in_school));
                if fits && !found.iter().any(|s| s.service_type == id) && found.len() < MAX_SUGGESTIONS {
                    found.push(Suggestion {
                        service_type: id,
                        rule,
                        because: because.clone(),
                    });
                }
            }
        }
        found
    }

    /// The service types that are there for everyone (the rules with no
    /// condition), for `country` and whether the person is at school:
    /// shown apart from the suggestions, since no answer calls for them.
    pub fn for_everyone<'r>(
        &'r self,
        types: &'r ServiceTypes,
        country: Option<Country>,
        in_school: Option<bool>,
    ) -> Vec<&'r str> {
        let mut found: Vec<&'r str> = Vec::new();
        for rule in self.0.iter().filter(|r| r.when.is_empty()) {
            for id in &rule.suggest {
                if types.get(id).is_some_and(|t| t.fits(country, in_school)) && !found.contains(&id.as_str()) {
                    found.push(id);
                }
            }
        }
        found
    }

    /// Every rule, in priority order.
    pub fn all(&self) -> &[Rule] {
        &self.0
    }

    /// Reads and validates `orientation.json` against the service types and
    /// the factor families.
    pub fn parse(
        file: &str,
        text: &str,
        languages: &Languages,
        types: &ServiceTypes,
        factors: &Factors,
    ) -> Result<Rules, Vec<DataError>> {
        let value = json::parse(file, text)?;
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        if let Some(root) = json::object(&value, file, "", &["rules"], &mut errors) {
            for (n, entry) in root.list("rules", true, &mut errors).iter().enumerate() {
                let id = entry.get("id").and_then(json::Value::as_str).unwrap_or("?");
                let place = format!("rules[{n}] ({id})");
                if let Some(rule) = read_rule(entry, file, &place, languages, types, factors, &mut errors) {
                    rules.push(rule);
                }
            }
        }
        check_order(&rules, file, &mut errors);
        if errors.is_empty() {
            Ok(Rules(rules))
        } else {
            Err(errors)
        }
    }
}

fn read_rule(
    entry: &json::Value,
    file: &str,
    place: &str,
    languages: &Languages,
    types: &ServiceTypes,
    factors: &Factors,
    errors: &mut Vec<DataError>,
) -> Option<Rule> {
    let o = json::object(
        entry,
        file,
        place,
        &["id", "when", "suggest", "level", "reason"],
        errors,
    )?;
    let when = read_when(&o, factors, errors);
    let suggest: Vec<String> = o.strings("suggest", errors).into_iter().map(str::to_string).collect();
    if suggest.is_empty() {
        errors.push(DataError::new(file, o.at("suggest"), DataErrorKind::Empty));
    }
    for id in suggest.iter().filter(|id| types.get(id).is_none()) {
        errors.push(DataError::new(
            file,
            o.at("suggest"),
            DataErrorKind::UnknownReference {
                what: "the service type",
                id: id.clone(),
            },
        ));
    }
    let level = o
        .required("level", errors)
        .and(o.opt_id("level", Level::from_id, LEVEL_IDS, errors));
    let reasons = o
        .required("reason", errors)
        .and_then(|v| json::object(v, file, &o.at("reason"), &["student", "family"], errors));
    let (reason_student, reason_family) = match &reasons {
        Some(r) => (
            LocalizedText::read(r, "student", languages, errors),
            LocalizedText::read(r, "family", languages, errors),
        ),
        None => return None,
    };
    Some(Rule {
        id: o.str("id", errors)?.to_string(),
        when,
        suggest,
        level: level?,
        reason_student,
        reason_family,
    })
}

fn read_when(o: &json::Object, factors: &Factors, errors: &mut Vec<DataError>) -> When {
    let Some(w) = o.required("when", errors).and_then(|v| {
        json::object(
            v,
            o.file(),
            &o.at("when"),
            &["urgent", "situations", "minor", "family", "bands", "subfactors"],
            errors,
        )
    }) else {
        return When::default();
    };
    let urgent = w.opt_id("urgent", UrgentKind::from_id, "safety_at_home or self_harm", errors);
    let situations = w.ids(
        "situations",
        situation_from_id,
        "at_risk, absenteeism, recent_dropout, long_term_dropout or neet",
        errors,
    );
    let bands = w.ids("bands", band_from_id, "fine, watch or talk", errors);
    let family = w.opt_id("family", Family::from_id, FAMILY_IDS, errors);
    // A family and its bands go together: one without the other is half a condition.
    let half = match (family.is_some(), bands.is_empty()) {
        (true, true) => Some("bands"),
        (false, false) => Some("family"),
        _ => None,
    };
    if let Some(missing) = half {
        errors.push(DataError::new(
            w.file(),
            w.at(missing),
            DataErrorKind::MissingField {
                field: missing.to_string(),
            },
        ));
    }
    let subfactors: Vec<String> = w
        .strings("subfactors", errors)
        .into_iter()
        .map(str::to_string)
        .collect();
    for id in subfactors
        .iter()
        .filter(|id| !Family::ALL.into_iter().any(|f| factors.subfactor(f, id).is_some()))
    {
        errors.push(DataError::new(
            w.file(),
            w.at("subfactors"),
            DataErrorKind::UnknownReference {
                what: "the sub-factor",
                id: id.clone(),
            },
        ));
    }
    When {
        urgent,
        situations,
        minor: w.opt_bool("minor", errors),
        family: family.map(|f| (f, bands)),
        subfactors,
    }
}

/// The band with this id; "not enough answers" is not a condition.
fn band_from_id(id: &str) -> Option<Band> {
    match id {
        "fine" => Some(Band::Fine),
        "watch" => Some(Band::Watch),
        "talk" => Some(Band::TalkAboutIt),
        _ => None,
    }
}

/// The situation with this id (`at_risk`…); `NoSignal` is not a condition.
fn situation_from_id(id: &str) -> Option<Situation> {
    Some(match id {
        "at_risk" => Situation::AtRisk,
        "absenteeism" => Situation::Absenteeism,
        "recent_dropout" => Situation::RecentDropout,
        "long_term_dropout" => Situation::LongTermDropout,
        "neet" => Situation::Neet,
        _ => return None,
    })
}

/// Urgent rules first, each suggesting the help lines first.
fn check_order(rules: &[Rule], file: &str, errors: &mut Vec<DataError>) {
    let mut seen_ordinary = false;
    for (n, rule) in rules.iter().enumerate() {
        let place = format!("rules[{n}] ({})", rule.id);
        if rule.when.urgent.is_none() {
            seen_ordinary = true;
            continue;
        }
        if seen_ordinary {
            errors.push(DataError::new(
                file,
                place.as_str(),
                DataErrorKind::NotAllowed {
                    value: "an urgent rule after an ordinary one".to_string(),
                    allowed: "urgent rules first, so urgent answers put the help lines first",
                },
            ));
        }
        if rule.suggest.first().map(String::as_str) != Some(HELP_LINE) {
            errors.push(DataError::new(
                file,
                format!("{place} → suggest"),
                DataErrorKind::NotAllowed {
                    value: rule.suggest.first().cloned().unwrap_or_default(),
                    allowed: "help_line first in a rule for urgent answers",
                },
            ));
        }
    }
    report_duplicates(
        rules.iter().map(|r| r.id.as_str()),
        file,
        |n| format!("rules[{n}]"),
        errors,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shipped::{Content, Orientation};

    fn problems(rules: &str) -> Vec<String> {
        let content = Content::load().expect("shipped data is valid");
        let types = Orientation::load(&content).expect("shipped orientation is valid").types;
        let languages = content.catalog.languages();
        Rules::parse("r.json", rules, languages, &types, &content.factors)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const REASON: &str = r#""reason": {"student": {"fr": "Parce que.", "en": "Because.", "nl": "Omdat.", "ar": "لأن."}, "family": {"fr": "Parce que.", "en": "Because.", "nl": "Omdat.", "ar": "لأن."}}"#;

    #[test]
    fn urgent_rules_come_first_with_the_help_lines_first() {
        let rules = format!(
            r#"{{"rules": [
                {{"id": "a", "when": {{}}, "suggest": ["cpms"], "level": "collective_prevention", {REASON}}},
                {{"id": "b", "when": {{"urgent": "self_harm"}}, "suggest": ["mental_health", "help_line"], "level": "individual_intervention", {REASON}}}
            ]}}"#
        );
        assert_eq!(
            problems(&rules),
            [
                "r.json: rules[1] (b): 'an urgent rule after an ordinary one' is not allowed here (expected urgent rules first, so urgent answers put the help lines first)",
                "r.json: rules[1] (b) → suggest: 'mental_health' is not allowed here (expected help_line first in a rule for urgent answers)",
            ]
        );
    }

    #[test]
    fn names_unknown_types_subfactors_levels_and_lone_families() {
        let rules = format!(
            r#"{{"rules": [
                {{"id": "a", "when": {{"family": "school", "subfactors": ["moon"], "situations": ["lost"]}}, "suggest": ["wizard"], "level": "high", {REASON}}}
            ]}}"#
        );
        assert_eq!(
            problems(&rules),
            [
                "r.json: rules[0] (a) → when → situations: 'lost' is not allowed here (expected at_risk, absenteeism, recent_dropout, long_term_dropout or neet)",
                "r.json: rules[0] (a) → when → bands: is missing",
                "r.json: rules[0] (a) → when → subfactors: refers to the sub-factor 'moon', which does not exist",
                "r.json: rules[0] (a) → suggest: refers to the service type 'wizard', which does not exist",
                "r.json: rules[0] (a) → level: 'high' is not allowed here (expected collective_prevention, specific_prevention, individual_intervention or compensation)",
            ]
        );
    }
}
