//! Every data file the app ships must load without a single error. A broken
//! file fails here with the file, the place and the problem, long before a
//! person could meet it in the app.

use amarre_core::shipped::{Content, DataDir};

#[test]
fn every_shipped_file_is_valid() {
    if let Err(errors) = Content::load() {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        panic!(
            "the shipped data has {} problem(s):\n{}",
            errors.len(),
            lines.join("\n")
        );
    }
}

#[test]
fn the_class_app_data_is_valid() {
    if let Err(errors) = Content::load_for(amarre_core::shipped::App::Class) {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn the_services_app_data_is_valid() {
    let content = Content::load_for(amarre_core::shipped::App::Services).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    if let Err(errors) = amarre_core::shipped::Orientation::load(&content) {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn help_lines_cover_both_countries_and_never_list_3020() {
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    for country in amarre_core::helpline::Country::ALL {
        assert!(
            content.helplines.iter().filter(|l| l.country == country).count() >= 3,
            "{} needs at least three lines",
            country.code()
        );
    }
    assert!(
        content.helplines.iter().all(|l| l.number.replace(' ', "") != "3020"),
        "3020 is closed: 3018 replaces it"
    );
    assert!(content.helplines.iter().all(|l| l.dial.as_str().starts_with("tel:")));
}

#[test]
fn french_is_the_reference_and_english_is_there() {
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    let languages = content.catalog.languages();
    assert_eq!(languages.reference().code, "fr");
    assert!(languages.position("en").is_some());
}

#[test]
fn the_student_questionnaire_has_the_shape_the_product_asks_for() {
    use amarre_core::factors::Family;
    use amarre_core::questionnaire::{Role, UrgentKind};
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    let student = content.questionnaire("student").expect("the main app ships it");
    // What a person sees is one path (a country, an age, a situation):
    // each path is a short questionnaire, whatever the whole file holds.
    for (path, shown) in paths(student) {
        assert!((20..=35).contains(&shown), "student, {path}: {shown} questions");
    }
    for family in Family::ALL {
        let count = student.items.iter().filter(|i| i.family == Some(family)).count();
        assert!(count >= 4, "{} has {count} items, at least 4 wanted", family.id());
    }
    let urgent: Vec<UrgentKind> = student
        .items
        .iter()
        .filter_map(|i| i.urgent.as_ref().map(|u| u.0))
        .collect();
    assert!(urgent.contains(&UrgentKind::SafetyAtHome) && urgent.contains(&UrgentKind::SelfHarm));
    for role in [
        Role::Country,
        Role::Age,
        Role::Situation,
        Role::Absences,
        Role::ThoughtOfStopping,
    ] {
        assert!(student.with_role(role).is_some(), "{role:?} is asked");
    }
    let family = content.questionnaire("family").expect("the main app ships it");
    for (path, shown) in paths(family) {
        assert!((15..=30).contains(&shown), "family, {path}: {shown} questions");
    }
}

/// Every path through `questionnaire`: each option of its country, age
/// and situation questions, the other questions answered with their first
/// option, then their last; how many questions each path shows.
fn paths(questionnaire: &amarre_core::questionnaire::Questionnaire) -> Vec<(String, usize)> {
    use amarre_core::answers::{Answers, Given};
    use amarre_core::questionnaire::Role;
    let roles = [Role::Country, Role::Age, Role::Situation];
    let choices: Vec<(usize, usize)> = roles
        .iter()
        .filter_map(|&role| questionnaire.with_role(role))
        .map(|item| (item, questionnaire.items[item].options.len()))
        .collect();
    let mut found = Vec::new();
    let total: usize = choices.iter().map(|(_, n)| n).product();
    for n in 0..total {
        for last in [false, true] {
            let mut answers = Answers::new(questionnaire);
            let mut rest = n;
            let mut name = Vec::new();
            for &(item, count) in &choices {
                answers.give(questionnaire, item, Given::Option(rest % count));
                name.push(questionnaire.items[item].options[rest % count].id.clone());
                rest /= count;
            }
            for item in 0..questionnaire.items.len() {
                if choices.iter().all(|(c, _)| *c != item) && answers.visible(questionnaire).contains(&item) {
                    let option = if last {
                        questionnaire.items[item].options.len() - 1
                    } else {
                        0
                    };
                    answers.give(questionnaire, item, Given::Option(option));
                }
            }
            found.push((name.join(" / "), answers.visible(questionnaire).len()));
        }
    }
    found
}

/// Easy-read (FALC) texts keep to one idea per sentence, about 12 words or
/// fewer: allowed up to 14, so a rare article or number does not fail.
#[test]
fn easy_read_sentences_are_short() {
    const MOST_WORDS: usize = 14;
    let mut long = Vec::new();
    for (file, text) in [
        (
            "student.json",
            DataDir::shipped().read("questionnaires/student.json").unwrap(),
        ),
        (
            "family.json",
            DataDir::shipped().read("questionnaires/family.json").unwrap(),
        ),
        (
            "class-climate.json",
            DataDir::shipped().read("questionnaires/class-climate.json").unwrap(),
        ),
        (
            "scales.json",
            DataDir::shipped().read("questionnaires/scales.json").unwrap(),
        ),
    ] {
        let value: serde_json::Value = serde_json::from_str(&text).expect("checked by every_shipped_file_is_valid");
        easy_texts(&value, &mut |easy| {
            for sentence in easy.split(['.', '?', '؟', '!', ':']) {
                let words = sentence.split_whitespace().count();
                if words > MOST_WORDS {
                    long.push(format!("{file}: {words} words: {}", sentence.trim()));
                }
            }
        });
    }
    assert!(long.is_empty(), "easy-read sentences too long:\n{}", long.join("\n"));
}

fn easy_texts(value: &serde_json::Value, found: &mut dyn FnMut(&str)) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match v.as_str() {
                    Some(text) if key.ends_with("_easy") => found(text),
                    _ => easy_texts(v, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| easy_texts(v, found)),
        _ => {}
    }
}

/// Every result text has an easy-read variant (`<key>.easy`), and every
/// easy-read variant belongs to a text that exists.
#[test]
fn every_result_text_has_an_easy_read_variant() {
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    let keys: Vec<&str> = content.catalog.keys().collect();
    let needs_easy = [
        "r.not_diagnosis.",
        "r.situation.",
        "r.summary.",
        "r.services_soon.",
        "r.absence_limit",
        "r.chart.legend",
        "safety.self_harm.",
        "safety.home.",
    ];
    let mut missing = Vec::new();
    for key in &keys {
        if let Some(base) = key.strip_suffix(".easy") {
            if !keys.contains(&base) {
                missing.push(format!("{key} has no usual text '{base}'"));
            }
        } else if needs_easy.iter().any(|p| key.starts_with(p)) && !keys.contains(&format!("{key}.easy").as_str()) {
            missing.push(format!("{key} has no easy-read variant '{key}.easy'"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_service_types_and_orientation_rules_are_valid() {
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    let orientation = amarre_core::shipped::Orientation::load(&content).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    // Every type is reachable from some rule, and shipped data invents no
    // local service: the built-in directory is the types and the national lines.
    for kind in orientation.types.all() {
        assert!(
            orientation.rules.all().iter().any(|r| r.suggest.contains(&kind.id)),
            "no rule suggests {}",
            kind.id
        );
    }
}

/// A « tu » form in French: tu, te, toi, ton, ta, tes, or t' before a word.
fn says_tu(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map(|w| w.to_lowercase())
        .collect();
    words.iter().any(|w| {
        matches!(w.as_str(), "tu" | "te" | "toi" | "ton" | "ta" | "tes")
            || ((w.starts_with("t'") || w.starts_with("t’")) && w.chars().count() > 2)
    })
}

/// Every French text a parent reads says « vous »: the family
/// questionnaire, the family reasons of the orientation rules, and the UI
/// words written for families (`….family`). The UI words both audiences
/// read on the family path are checked in the browser
/// (`tests/e2e/questionnaires.test.mjs`).
#[test]
fn family_texts_never_say_tu() {
    let data = DataDir::shipped();
    let mut found = Vec::new();
    let family: serde_json::Value =
        serde_json::from_str(&data.read("questionnaires/family.json").unwrap()).expect("valid JSON");
    french_texts(&family, "family.json", &mut found);
    let rules: serde_json::Value = serde_json::from_str(&data.read("orientation.json").unwrap()).expect("valid JSON");
    for rule in rules["rules"].as_array().expect("a list of rules") {
        let text = rule["reason"]["family"]["fr"].as_str().unwrap_or_default();
        if says_tu(text) {
            found.push(format!("orientation.json {}: {text}", rule["id"]));
        }
    }
    for file in ["i18n/fr.json", "i18n/services/fr.json", "i18n/class/fr.json"] {
        let words: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&data.read(file).unwrap()).expect("valid JSON");
        for (key, text) in words
            .iter()
            .filter(|(k, _)| k.ends_with(".family") || k.ends_with(".family.easy"))
        {
            let text = text.as_str().unwrap_or_default();
            if says_tu(text) {
                found.push(format!("{file} {key}: {text}"));
            }
        }
    }
    assert!(found.is_empty(), "« tu » in a text for families:\n{}", found.join("\n"));
}

#[test]
fn the_tu_check_finds_tu_and_only_tu() {
    for tu in [
        "Tu peux revenir",
        "Pour trouver le tien, t'as vu ?",
        "rien que pour toi",
        "Tes réponses",
    ] {
        assert!(says_tu(tu) || tu.contains("tien"), "{tu}");
    }
    assert!(says_tu("Tu peux revenir en arrière"));
    assert!(says_tu("Il t'écoute"));
    for vous in [
        "Vous pouvez revenir",
        "l'état de votre enfant",
        "Quelqu'un écoute",
        "une tâche",
    ] {
        assert!(!says_tu(vous), "{vous}");
    }
}

fn french_texts(value: &serde_json::Value, file: &str, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match v.as_str() {
                    Some(text) if key == "fr" || key == "fr_easy" => {
                        if says_tu(text) {
                            found.push(format!("{file}: {text}"));
                        }
                    }
                    _ => french_texts(v, file, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| french_texts(v, file, found)),
        _ => {}
    }
}

#[test]
fn the_history_app_data_is_valid_and_reads_both_questionnaires() {
    let content = Content::load_for(amarre_core::shipped::App::History).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    let ids: Vec<&str> = content.questionnaires.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["student", "family"]);
    assert!(content.orientation.is_none(), "the history suggests no services");
}

/// Words, services and rules that exist in one country only.
const ONLY_IN_BELGIUM: &[&str] = &[
    "CPMS",
    "PMS",
    "AMO",
    "CPAS",
    "SPSE",
    "Infor Jeunes",
    "demi-jours",
    "Wallonie",
    "Bruxelles",
];
const ONLY_IN_FRANCE: &[&str] = &[
    "CIO",
    "Mission locale",
    "MLDS",
    "collège",
    "lycée",
    "demi-journées",
    "mairie",
    "département",
    "Éducation nationale",
    "Maison des adolescents",
];

/// The first of `words` that `text` holds as a whole word, if any.
fn word_of(text: &str, words: &[&'static str]) -> Option<&'static str> {
    words.iter().copied().find(|word| {
        text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Every string under `value`.
fn all_texts<'a>(value: &'a serde_json::Value, found: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(text) => found.push(text),
        serde_json::Value::Object(map) => map.values().for_each(|v| all_texts(v, found)),
        serde_json::Value::Array(items) => items.iter().for_each(|v| all_texts(v, found)),
        _ => {}
    }
}

#[test]
fn a_service_type_of_one_country_never_names_the_others_services() {
    let data = DataDir::shipped();
    let types: serde_json::Value = serde_json::from_str(&data.read("service-types.json").unwrap()).expect("valid JSON");
    let mut found = Vec::new();
    for kind in types["types"].as_array().expect("a list of types") {
        let countries: Vec<&str> = kind["countries"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_str())
            .collect();
        let mut texts = Vec::new();
        all_texts(kind, &mut texts);
        for text in texts {
            for (country, foreign) in [("BE", ONLY_IN_FRANCE), ("FR", ONLY_IN_BELGIUM)] {
                if let (true, Some(word)) = (countries.contains(&country), word_of(text, foreign)) {
                    found.push(format!("{} (shown in {country}) says « {word} »: {text}", kind["id"]));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_country_word_check_finds_whole_words_only() {
    assert_eq!(word_of("le CPMS ou l'infirmière", ONLY_IN_BELGIUM), Some("CPMS"));
    assert_eq!(word_of("des AMOrces", ONLY_IN_BELGIUM), None);
    assert_eq!(word_of("la Mission locale.", ONLY_IN_FRANCE), Some("Mission locale"));
}

/// A « vous » form in French: vous, votre, vos.
fn says_vous(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w.to_lowercase().as_str(), "vous" | "votre" | "vos"))
}

/// Service cards and help lines are shown to young people (« tu ») and to
/// parents (« vous ») alike: their French says neither.
#[test]
fn texts_both_audiences_read_say_neither_tu_nor_vous() {
    let data = DataDir::shipped();
    let mut found = Vec::new();
    for (file, list) in [("service-types.json", "types"), ("helplines.json", "lines")] {
        let value: serde_json::Value = serde_json::from_str(&data.read(file).unwrap()).expect("valid JSON");
        for entry in value[list].as_array().expect("a list") {
            let mut texts = Vec::new();
            for (key, field) in entry.as_object().expect("an object") {
                if let Some(fr) = field.get("fr").and_then(|t| t.as_str()) {
                    texts.push((key, fr));
                }
            }
            for (key, text) in texts {
                if says_tu(text) || says_vous(text) {
                    found.push(format!("{file} {} → {key}: {text}", entry["id"]));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a text for both audiences picks one:\n{}",
        found.join("\n")
    );
    assert!(says_vous("À l'école, on peut vous dire") && !says_vous("Nous avons"));
}
