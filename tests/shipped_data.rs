//! Every data file the app ships must load without a single error. A broken
//! file fails here with the file, the place and the problem, long before a
//! person could meet it in the app.

use amarre::content::Content;

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
    if let Err(errors) = Content::load_for(amarre::content::CLASS_APP) {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn the_services_app_data_is_valid() {
    let content = Content::load_for(amarre::content::SERVICES_APP).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    if let Err(errors) = amarre::content::Orientation::load(&content) {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn help_lines_cover_both_countries_and_never_list_3020() {
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    for country in amarre::domain::helpline::Country::ALL {
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
fn every_ui_key_used_in_the_code_exists_in_the_catalog() {
    // Each app's code must find its keys in that app's catalog: the class
    // survey's (`src/class/`) and the services app's (`src/services/`) read
    // the main app's shared words and their own; a component
    // (`src/components/`) must find its keys in every app that uses it.
    let main = Content::load().expect("checked by every_shipped_file_is_valid");
    let class = Content::load_for(amarre::content::CLASS_APP).expect("checked by the class app's own test");
    let services = Content::load_for(amarre::content::SERVICES_APP).expect("checked by the services app's own test");
    let catalogs = [
        ("main", main.catalog.keys().collect::<Vec<_>>()),
        ("class", class.catalog.keys().collect()),
        ("services", services.catalog.keys().collect()),
    ];
    let files: Vec<(String, String)> = rust_files(std::path::Path::new("src"))
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("source files are readable");
            (file.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    let app_of = |path: &str| {
        if path.contains("src/class/") {
            "class"
        } else if path.contains("src/services/") {
            "services"
        } else {
            "main"
        }
    };
    let mut missing = Vec::new();
    for (path, text) in &files {
        let apps: Vec<&str> = match path.strip_prefix("src/components/").and_then(|f| f.strip_suffix(".rs")) {
            // A component is in the apps whose code names it.
            Some(component) => {
                let named = format!("components::{component}::");
                catalogs
                    .iter()
                    .map(|(app, _)| *app)
                    .filter(|app| {
                        files
                            .iter()
                            .any(|(other, text)| app_of(other) == *app && text.contains(&named))
                    })
                    .collect()
            }
            None => vec![app_of(path)],
        };
        for key in quoted_keys(text) {
            for (app, keys) in catalogs.iter().filter(|(app, _)| apps.contains(app)) {
                if !keys.contains(&key.as_str()) {
                    missing.push(format!("{path}: \"{key}\" (the {app} app)"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "UI keys used but not in their app's catalog:\n{}",
        missing.join("\n")
    );
}

/// Strings in the code that look like UI keys: `"family.word"` or
/// `"family.word.word"`, lowercase with dots and underscores.
fn quoted_keys(text: &str) -> Vec<String> {
    const FAMILIES: [&str; 16] = [
        "class.",
        "level.",
        "card.",
        "services.",
        "place.",
        "guided.",
        "coordinator.",
        "shell.",
        "nav.",
        "help.",
        "home.",
        "notfound.",
        "privacy.",
        "q.",
        "r.",
        "safety.",
    ];
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| FAMILIES.iter().any(|f| s.starts_with(f)) && !s.ends_with(".json"))
        .filter(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_'))
        .map(str::to_string)
        .collect()
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/ exists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_student_questionnaire_has_the_shape_the_product_asks_for() {
    use amarre::domain::factors::Family;
    use amarre::domain::questionnaire::{Role, UrgentKind};
    let content = Content::load().expect("checked by every_shipped_file_is_valid");
    let student = content.questionnaire("student").expect("the main app ships it");
    assert!(
        (25..=35).contains(&student.items.len()),
        "{} items",
        student.items.len()
    );
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
    for role in [Role::Age, Role::Situation, Role::Absences, Role::ThoughtOfStopping] {
        assert!(student.with_role(role).is_some(), "{role:?} is asked");
    }
    let family = content.questionnaire("family").expect("the main app ships it");
    assert!(
        (15..=25).contains(&family.items.len()),
        "{} family items",
        family.items.len()
    );
}

/// Easy-read (FALC) texts keep to one idea per sentence, about 12 words or
/// fewer: allowed up to 14, so a rare article or number does not fail.
#[test]
fn easy_read_sentences_are_short() {
    const MOST_WORDS: usize = 14;
    let mut long = Vec::new();
    for (file, text) in [
        ("student.json", amarre::content::STUDENT_JSON),
        ("family.json", amarre::content::FAMILY_JSON),
        ("class-climate.json", amarre::content::CLIMATE_JSON),
        ("scales.json", amarre::content::SCALES_JSON),
    ] {
        let value: serde_json::Value = serde_json::from_str(text).expect("checked by every_shipped_file_is_valid");
        easy_texts(&value, &mut |easy| {
            for sentence in easy.split(['.', '?', '!', ':']) {
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
    let orientation = amarre::content::Orientation::load(&content).unwrap_or_else(|errors| {
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
