//! Properties of the readings and the suggestions over many random answer
//! sets (at least 10,000 per questionnaire), whatever the questionnaires
//! say: a reading never contradicts the answers, and a suggestion's reason
//! is always an answer the person gave.
//!
//! The answer sets are made the way a person answers: item by item, each
//! shown item answered with a random option, « je préfère ne pas
//! répondre », or skipped, so that skip logic (the country, the school
//! branch, ages) is followed.

use amarre_core::answers::{Answers, Given};
use amarre_core::helpline::Country;
use amarre_core::orientation::Profile;
use amarre_core::questionnaire::{Meaning, Questionnaire};
use amarre_core::scoring::{score, Band};
use amarre_core::shipped::{Content, Orientation};

/// Answer sets per questionnaire.
const RUNS: usize = 10_000;

/// A small deterministic generator (a fixed seed: a failure is replayable).
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// One person's answers: each item shown so far answered (85 %), "prefer
/// not" (10 %) or skipped (5 %).
fn random_answers(questionnaire: &Questionnaire, random: &mut Random) -> Answers {
    let mut answers = Answers::new(questionnaire);
    for item in 0..questionnaire.items.len() {
        if !answers.visible(questionnaire).contains(&item) {
            continue;
        }
        match random.below(20) {
            0 => {}
            1 | 2 => answers.give(questionnaire, item, Given::PreferNot),
            _ => {
                let option = random.below(questionnaire.items[item].options.len());
                answers.give(questionnaire, item, Given::Option(option));
            }
        }
    }
    answers
}

#[test]
fn readings_follow_the_answers_and_reasons_cite_given_answers() {
    let content = Content::load().expect("shipped content is valid");
    let orientation = Orientation::load(&content).expect("shipped orientation is valid");
    let mut random = Random(20_261_203);
    let mut problems: Vec<String> = Vec::new();
    let mut suggestions_seen = 0;
    for questionnaire in &content.questionnaires {
        for run in 0..RUNS {
            let answers = random_answers(questionnaire, &mut random);
            let results = score(questionnaire, &answers);
            let visible = answers.visible(questionnaire);
            let mut problem = |what: String| {
                if problems.len() < 20 {
                    problems.push(format!(
                        "{} run {run}: {what}\n  answers: {:?}",
                        questionnaire.id, answers.given
                    ));
                }
            };
            for reading in &results.families {
                let strongest = visible.iter().any(|&item| {
                    questionnaire.items[item].family == Some(reading.family)
                        && matches!(answers.get(questionnaire, item), Some(Given::Option(o))
                            if questionnaire.items[item].options[o].meaning == Meaning::StrongStrain)
                });
                if reading.band == Band::Fine && strongest {
                    problem(format!(
                        "{:?} reads « ça va » with a strongly weighing answer",
                        reading.family
                    ));
                }
                // The summary sentence never contradicts the list below it:
                // « ça va » and « pas assez de réponses » list nothing that
                // weighs; « à surveiller » and « à en parler » list something.
                let lists_strain = !reading.strains.is_empty();
                let says_something_weighs = matches!(reading.band, Band::Watch | Band::TalkAboutIt);
                if lists_strain != says_something_weighs {
                    problem(format!(
                        "{:?}: band {:?} but {} answer(s) that weigh",
                        reading.family,
                        reading.band,
                        reading.strains.len()
                    ));
                }
            }
            let profile = Profile::new(questionnaire, &answers, &results);
            for suggestion in orientation.rules.suggest(&profile, &orientation.types, None) {
                suggestions_seen += 1;
                if suggestion.because.is_empty() {
                    problem(format!(
                        "{} suggested with no answer behind it",
                        suggestion.service_type
                    ));
                }
                for driver in &suggestion.because {
                    let given = answers.get(questionnaire, driver.item) == Some(Given::Option(driver.option));
                    if !given || !visible.contains(&driver.item) {
                        problem(format!(
                            "{}'s reason cites {} = option {}, which was not answered",
                            suggestion.service_type, questionnaire.items[driver.item].id, driver.option
                        ));
                    }
                }
                let kind = orientation.types.get(suggestion.service_type).expect("a known type");
                if kind.school && profile.in_school == Some(false) {
                    problem(format!(
                        "{} (a school's service) offered to someone out of school",
                        kind.id
                    ));
                }
                if let Some(country) = profile.country {
                    if !kind.countries.contains(&country) {
                        problem(format!("{} offered in {}", kind.id, country.code()));
                    }
                }
            }
        }
    }
    assert!(
        suggestions_seen > RUNS,
        "the random answers call for suggestions ({suggestions_seen})"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_country_answer_keeps_every_suggestion_in_that_country() {
    let content = Content::load().expect("shipped content is valid");
    let orientation = Orientation::load(&content).expect("shipped orientation is valid");
    let mut random = Random(7);
    for questionnaire in &content.questionnaires {
        let mut countries_seen = Vec::new();
        for _ in 0..2_000 {
            let answers = random_answers(questionnaire, &mut random);
            let results = score(questionnaire, &answers);
            let Some(country) = results.country else { continue };
            countries_seen.push(country);
            let profile = Profile::new(questionnaire, &answers, &results);
            // Even with a place in the other country, the answer wins.
            let other = match country {
                Country::Belgium => Country::France,
                Country::France => Country::Belgium,
            };
            for suggestion in orientation.rules.suggest(&profile, &orientation.types, Some(other)) {
                let kind = orientation.types.get(suggestion.service_type).expect("a known type");
                assert!(kind.countries.contains(&country), "{} in {}", kind.id, country.code());
            }
        }
        for country in Country::ALL {
            assert!(
                countries_seen.contains(&country),
                "{} never answered {}",
                questionnaire.id,
                country.code()
            );
        }
    }
}
