//! The orientation rules of `data/orientation.json`, pinned down by answer
//! profiles in `tests/data/orientation_cases.json`: for each, the suggested
//! service types in order, each with the rule that suggested it (so its
//! reason and level). Bases are the well-being profiles of
//! `tests/data/scoring_cases.json`; a case overrides some answers.

use std::collections::BTreeMap;

use amarre_core::answers::Answers;
use amarre_core::orientation::Profile;
use amarre_core::scoring::score;
use amarre_core::shipped::{Content, Orientation};
use amarre_core::territory::PostalCode;
use serde::Deserialize;

type Given = BTreeMap<String, Option<String>>;

#[derive(Deserialize)]
struct Bases {
    bases: BTreeMap<String, Given>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    questionnaire: String,
    base: String,
    #[serde(default)]
    answers: Given,
    #[serde(default)]
    postal_code: Option<String>,
    /// `"type (rule)"`, in order.
    expect: Vec<String>,
}

#[test]
fn every_profile_gets_the_suggestions_the_rules_file_says() {
    let content = Content::load().expect("shipped data is valid");
    let orientation = Orientation::load(&content).expect("shipped orientation data is valid");
    let bases: Bases =
        serde_json::from_str(&std::fs::read_to_string("tests/data/scoring_cases.json").unwrap()).unwrap();
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string("tests/data/orientation_cases.json").unwrap()).unwrap();
    assert!(cases.len() >= 15, "at least 15 profiles");
    let mut failures = Vec::new();
    for case in &cases {
        let questionnaire = content
            .questionnaire(&case.questionnaire)
            .expect("case names a shipped questionnaire");
        let mut given = bases.bases[&case.base].clone();
        given.extend(case.answers.clone());
        let mut answers = Answers::new(questionnaire);
        answers.given = given;
        if let Err(errors) = Answers::from_json("case", &answers.to_json(), questionnaire) {
            failures.push(format!("{}: {errors:?}", case.name));
            continue;
        }
        let results = score(questionnaire, &answers);
        let profile = Profile::new(questionnaire, &answers, &results);
        let country = case
            .postal_code
            .as_ref()
            .map(|code| PostalCode::parse(code).expect("case postal code").country);
        let suggestions = orientation.rules.suggest(&profile, &orientation.types, country);
        let found: Vec<String> = suggestions
            .iter()
            .map(|s| format!("{} ({})", s.service_type, s.rule.id))
            .collect();
        for s in &suggestions {
            // Every reason names the answers behind it (the page writes
            // "Parce que tu as répondu « … » à « … »"), then what helps.
            assert!(
                !s.because.is_empty(),
                "{}: {} has no answer behind it",
                case.name,
                s.service_type
            );
            let what = s.rule.reason(questionnaire.audience).get(0);
            assert!(
                !what.trim().is_empty() && !what.starts_with("Parce que"),
                "{}: {what}",
                case.name
            );
            assert!(s.rule.id != "for-everyone", "the rule for everyone is shown apart");
        }
        if found != case.expect {
            failures.push(format!(
                "{}:\n  found    {found:?}\n  expected {:?}",
                case.name, case.expect
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
