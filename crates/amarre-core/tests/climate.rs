//! The class climate survey's data file and aggregate: the report is
//! withheld below five answers, and no figure ever describes one to four.

use amarre_core::climate::{compare, hidden_total, Figure, Tally, TooFewAnswers, MIN_GROUP};
use amarre_core::code::{ResponseCode, SurveyKey};
use amarre_core::factors::Family;
use amarre_core::questionnaire::{Audience, Questionnaire};
use amarre_core::shipped::{DataDir, Groundwork};

fn climate() -> Questionnaire {
    let groundwork = Groundwork::load().expect("shipped groundwork is valid");
    match groundwork.questionnaire(
        "class-climate.json",
        &DataDir::shipped().read("questionnaires/class-climate.json").unwrap(),
    ) {
        Ok(q) => q,
        Err(errors) => panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        ),
    }
}

#[test]
fn the_climate_survey_has_the_shape_the_product_asks_for() {
    let q = climate();
    assert_eq!(q.audience, Audience::Class);
    assert!((12..=16).contains(&q.items.len()), "{} items", q.items.len());
    // No demographic questions at all: no age, no situation, nothing outside the class.
    assert!(q.items.iter().all(|i| i.role.is_none() && i.conditions.is_empty()));
    assert!(q.items.iter().all(|i| i.family == Some(Family::School)));
    let mut dimensions: Vec<&str> = q.items.iter().filter_map(|i| i.subfactor.as_deref()).collect();
    dimensions.dedup();
    for wanted in [
        "belonging",
        "respect",
        "bullying",
        "teachers",
        "fairness",
        "safety",
        "voice",
        "workload",
    ] {
        assert!(dimensions.contains(&wanted), "{wanted} is asked");
    }
}

#[test]
fn the_report_is_hidden_at_four_answers_and_shown_at_five() {
    let q = climate();
    let mut tally = Tally::new(&q);
    for _ in 0..4 {
        tally.add(&vec![Some(4); q.items.len()]);
    }
    assert_eq!(tally.report(&q, 5), Err(TooFewAnswers { answers: 4, needed: 5 }));
    assert_eq!(tally.report(&q, 1).unwrap_err().needed, MIN_GROUP, "never below five");
    tally.add(&vec![Some(4); q.items.len()]);
    let report = tally.report(&q, 5).expect("five answers");
    assert_eq!(report.answers, 5);
    assert_eq!(tally.report(&q, 8).unwrap_err().needed, 8, "a teacher may ask for more");
}

#[test]
fn counts_of_one_to_four_are_never_shown_as_themselves() {
    let q = climate();
    let mut tally = Tally::new(&q);
    // Five chose the last option, one preferred not to answer, two chose the first.
    for _ in 0..5 {
        tally.add(&[Some(4); 14]);
    }
    tally.add(&[None; 14]);
    tally.add(&[Some(0); 14]);
    tally.add(&[Some(0); 14]);
    let report = tally.report(&q, 5).expect("eight answers");
    let first = &report.items[0];
    assert_eq!(
        first.options,
        vec![
            Figure::FewerThanFive,
            Figure::None,
            Figure::None,
            Figure::None,
            Figure::Withheld
        ],
        "8 − 5 would tell that three answered otherwise"
    );
    assert_eq!(first.prefer_not, Figure::FewerThanFive);
    assert_eq!(
        first.favourable, None,
        "5 of 7 who answered: the share would tell that 2 did not answer favourably"
    );
    let csv = report.to_csv(&q);
    assert!(csv.starts_with("item,option,count\nbelong,never,<5\n"), "{csv}");
    assert!(csv.contains("belong,prefer_not,<5\n"));
}

#[test]
fn no_csv_cell_ever_holds_one_to_four_whatever_the_answers() {
    let q = climate();
    let mut seed: u64 = 42;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200 {
        let mut tally = Tally::new(&q);
        let students = 5 + next() % 30;
        for _ in 0..students {
            let answers: Vec<Option<u8>> = (0..q.items.len())
                .map(|_| match next() % 6 {
                    5 => None,
                    o => Some(o as u8),
                })
                .collect();
            tally.add(&answers);
        }
        let report = tally.report(&q, 5).expect("at least five");
        for line in report.to_csv(&q).lines().skip(1) {
            let cell = line.rsplit(',').next().unwrap_or_default();
            assert!(!["1", "2", "3", "4"].contains(&cell), "{line}");
        }
        for item in &report.items {
            // No figure lets a count of 1 to 4 be worked out: with the
            // total known, at least two cells of a row are hidden or none.
            let figures: Vec<Figure> = item.options.iter().copied().chain([item.prefer_not]).collect();
            let hidden = figures
                .iter()
                .filter(|f| matches!(f, Figure::FewerThanFive | Figure::Withheld))
                .count();
            assert_ne!(hidden, 1, "{figures:?}");
            let sum = hidden_total(&tally.counts[item.item], item);
            assert!(sum == 0 || sum >= 5, "hidden figures add up to {sum}: {figures:?}");
            if let Some(share) = item.favourable {
                let answered: u32 = tally.counts[item.item][..5].iter().sum();
                let favourable = (share * answered + 50) / 100;
                assert!(
                    answered >= 5
                        && (favourable == 0 || favourable >= 5)
                        && (answered - favourable == 0 || answered - favourable >= 5)
                );
            }
        }
    }
}

#[test]
fn a_lone_small_count_takes_the_smallest_other_with_it() {
    let q = climate();
    let mut tally = Tally::new(&q);
    for _ in 0..6 {
        tally.add(&[Some(4); 14]);
    }
    for _ in 0..5 {
        tally.add(&[Some(3); 14]);
    }
    tally.add(&[Some(0); 14]);
    let report = tally.report(&q, 5).expect("twelve answers");
    assert_eq!(
        report.items[0].options,
        vec![
            Figure::FewerThanFive,
            Figure::None,
            Figure::None,
            Figure::Withheld,
            Figure::Count(6)
        ],
        "12 − 6 would otherwise tell that one student chose 'never'"
    );
    assert!(report.to_csv(&q).contains("belong,often,withheld\n"));
}

#[test]
fn weakest_dimensions_come_first_and_two_sessions_compare() {
    let q = climate();
    let answer = |safe: u8| -> Vec<Option<u8>> {
        q.items
            .iter()
            .map(|i| {
                Some(if i.subfactor.as_deref() == Some("safety") {
                    safe
                } else {
                    4
                })
            })
            .collect()
    };
    let mut before = Tally::new(&q);
    let mut after = Tally::new(&q);
    for _ in 0..6 {
        before.add(&answer(0));
        after.add(&answer(4));
    }
    let before = before.report(&q, 5).expect("six");
    let after = after.report(&q, 5).expect("six");
    assert_eq!(before.weakest_first()[0].id, "safety");
    let change = compare(&before, &after);
    assert!(change.contains(&("safety".to_string(), 100)), "{change:?}");
}

#[test]
fn response_codes_add_up_into_the_tally() {
    let q = climate();
    let key = SurveyKey {
        survey: 1,
        version: 1,
        items: q.items.len(),
    };
    let mut tally = Tally::new(&q);
    for nonce in 0..6 {
        let code = ResponseCode {
            key,
            answers: vec![Some(3); q.items.len()],
            nonce,
        }
        .encode();
        let decoded = ResponseCode::decode(&code, key).expect("a valid code");
        tally.add(&decoded.answers);
    }
    assert_eq!(tally.answers, 6);
    assert_eq!(tally.counts[0], [0, 0, 0, 6, 0, 0]);
}
