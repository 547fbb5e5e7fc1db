//! The scoring rules of `docs/scoring.md`, pinned down by answer profiles
//! in `tests/data/scoring_cases.json` and read by one loop. A case starts
//! from a named base profile and overrides some answers (`null` is "je
//! préfère ne pas répondre"); it lists only what it expects.

use std::collections::BTreeMap;

use amarre_core::answers::Answers;
use amarre_core::factors::Family;
use amarre_core::questionnaire::{Questionnaire, UrgentKind};
use amarre_core::scoring::{score, Band, FamilyReading, Results, Situation};
use amarre_core::shipped::Content;
use serde::Deserialize;

type Profile = BTreeMap<String, Option<String>>;

#[derive(Deserialize)]
struct File {
    bases: BTreeMap<String, Profile>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    questionnaire: String,
    base: String,
    answers: Profile,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Expect {
    families: BTreeMap<String, String>,
    situation: Option<String>,
    situation_reasons: Option<Vec<String>>,
    absence_limit: Option<u32>,
    urgent: Option<Vec<String>>,
    top_strain: BTreeMap<String, String>,
}

fn band_name(band: Band) -> &'static str {
    match band {
        Band::Fine => "fine",
        Band::Watch => "watch",
        Band::TalkAboutIt => "talk",
        Band::NotEnoughAnswers => "not_enough",
    }
}

fn situation_name(situation: Situation) -> &'static str {
    match situation {
        Situation::NoSignal => "no_signal",
        Situation::AtRisk => "at_risk",
        Situation::Absenteeism => "absenteeism",
        Situation::RecentDropout => "recent_dropout",
        Situation::LongTermDropout => "long_term_dropout",
        Situation::Neet => "neet",
    }
}

fn urgent_name(kind: UrgentKind) -> &'static str {
    match kind {
        UrgentKind::SafetyAtHome => "safety_at_home",
        UrgentKind::SelfHarm => "self_harm",
    }
}

/// The reading of the family with this id, which a case names.
fn reading_of<'a>(results: &'a Results, family_id: &str) -> &'a FamilyReading {
    let family = Family::from_id(family_id).expect("case names a known family");
    results
        .families
        .iter()
        .find(|r| r.family == family)
        .expect("every family is read")
}

/// Checks one case; returns what differs from the expectation.
fn check(case: &Case, questionnaire: &Questionnaire, base: &Profile) -> Vec<String> {
    let mut given = base.clone();
    given.extend(case.answers.clone());
    let mut answers = Answers::new(questionnaire);
    answers.given = given;
    // The case's ids must all exist: a typo must not pass silently.
    if let Err(errors) = Answers::from_json("case", &answers.to_json(), questionnaire) {
        return errors.iter().map(ToString::to_string).collect();
    }
    let results = score(questionnaire, &answers);
    let mut differences = Vec::new();
    for (family_id, expected) in &case.expect.families {
        let reading = reading_of(&results, family_id);
        let found = band_name(reading.band);
        if found != expected {
            differences.push(format!(
                "{family_id}: band {found}, expected {expected} (strain {:.3})",
                reading.strain
            ));
        }
    }
    for (family_id, item) in &case.expect.top_strain {
        let reading = reading_of(&results, family_id);
        let found = reading.strains.first().map(|d| questionnaire.items[d.item].id.as_str());
        if found != Some(item.as_str()) {
            differences.push(format!("{family_id}: heaviest strain {found:?}, expected {item}"));
        }
    }
    let engagement = results.engagement.as_ref();
    if let Some(expected) = &case.expect.situation {
        let found = engagement.map(|e| situation_name(e.situation));
        if found != Some(expected.as_str()) {
            differences.push(format!("situation {found:?}, expected {expected}"));
        }
    }
    if let Some(expected) = &case.expect.situation_reasons {
        let found: Vec<&str> = engagement
            .map(|e| {
                e.reasons
                    .iter()
                    .map(|d| questionnaire.items[d.item].id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        if &found != expected {
            differences.push(format!("situation reasons {found:?}, expected {expected:?}"));
        }
    }
    if let Some(expected) = case.expect.absence_limit {
        let found = engagement.and_then(|e| e.absence_limit);
        if found != Some(expected) {
            differences.push(format!("absence limit {found:?}, expected {expected}"));
        }
    }
    if let Some(expected) = &case.expect.urgent {
        let found: Vec<&str> = results.urgent.iter().map(|(k, _)| urgent_name(*k)).collect();
        if &found != expected {
            differences.push(format!("urgent {found:?}, expected {expected:?}"));
        }
    }
    differences
}

#[test]
fn every_scoring_case_gives_the_expected_readings() {
    let content = Content::load().expect("shipped content is valid");
    let text = std::fs::read_to_string("tests/data/scoring_cases.json").expect("the cases file exists");
    let file: File = serde_json::from_str(&text).expect("the cases file is valid JSON");
    assert!(
        file.cases.len() >= 40,
        "at least 40 profiles, found {}",
        file.cases.len()
    );
    let mut failures = Vec::new();
    for case in &file.cases {
        let questionnaire = match case.questionnaire.as_str() {
            "student" => content.questionnaire("student").expect("shipped"),
            "family" => content.questionnaire("family").expect("shipped"),
            other => panic!("case '{}': unknown questionnaire {other}", case.name),
        };
        let base = &file.bases[&case.base];
        for difference in check(case, questionnaire, base) {
            failures.push(format!("{}: {difference}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} difference(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
