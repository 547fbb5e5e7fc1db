//! The questionnaire validator refuses broken files with a message naming
//! the file, the item and the problem. Each broken fixture in
//! `tests/data/broken/` is a small questionnaire with exactly the defects
//! its test expects.

use amarre_core::shipped::Groundwork;

fn problems(file: &str) -> Vec<String> {
    let groundwork = Groundwork::load().expect("shipped groundwork is valid");
    let json = std::fs::read_to_string(format!("tests/data/broken/{file}")).expect("fixture exists");
    match groundwork.questionnaire(file, &json) {
        Ok(_) => vec![],
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn an_unknown_item_or_option_in_a_condition_is_named() {
    assert_eq!(
        problems("unknown_condition.json"),
        vec![
            "unknown_condition.json: items[1] (late) → show_if[0]: refers to item 'situaton', which does not exist",
            "unknown_condition.json: items[2] (going) → show_if[0]: refers to the option 'situation/at_school', which does not exist",
        ]
    );
}

#[test]
fn a_cycle_of_conditions_is_named_with_its_path() {
    assert_eq!(
        problems("cycle.json"),
        vec!["cycle.json: items[0] (a) → show_if: conditions form a cycle: a → b → a"]
    );
}

#[test]
fn a_condition_may_only_look_back() {
    assert_eq!(
        problems("forward.json"),
        vec!["forward.json: items[0] (a) → show_if[0]: depends on item 'b', which comes later: a condition may only look at earlier items"]
    );
}

#[test]
fn an_unknown_family_or_sub_factor_is_refused() {
    assert_eq!(
        problems("unknown_family.json"),
        vec![
            "unknown_family.json: items[0] (a) → family: 'feelings' is not allowed here (expected personal, family, school or environment)",
            "unknown_family.json: items[1] (b) → subfactor: refers to the sub-factor 'school/homework', which does not exist",
        ]
    );
}

#[test]
fn a_missing_translation_or_easy_read_text_is_named() {
    assert_eq!(
        problems("missing_translation.json"),
        vec![
            "missing_translation.json: items[0] (a) → question: has no text in language 'en'",
            "missing_translation.json: items[1] (b) → options[0] (yes) (easy-read): has no text in language 'fr'",
        ]
    );
}

#[test]
fn option_lists_of_the_wrong_length_are_refused() {
    assert_eq!(
        problems("wrong_length.json"),
        vec![
            "wrong_length.json: items[0] (a) → meaning: has 4 meanings, expected 5",
            "wrong_length.json: items[1] (b) → options: has 1 options, expected 2",
            "wrong_length.json: items[2] (c) → scale: refers to the scale 'agreement', which does not exist",
        ]
    );
}

#[test]
fn invalid_json_is_reported_with_its_line() {
    let problems = problems("not_json.json");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("not_json.json: cannot be read: "),
        "{}",
        problems[0]
    );
    assert!(problems[0].contains("line 3"), "{}", problems[0]);
}
