//! Every UI key an app's code uses is in that app's catalog: a key missing
//! there would show as the key itself. Reads the apps' source and the
//! catalogs the build bakes.

mod common;

use amarre_core::shipped::{App, Content};

#[test]
fn every_ui_key_used_in_the_code_exists_in_the_catalog() {
    // Each app's code must find its keys in that app's catalog: the class
    // survey's (`src/class/`) and the services app's (`src/services/`) read
    // the questionnaires app's shared words and their own; a shared module
    // (`src/shared/`) must find its keys in every app that uses it.
    let main = Content::load().expect("checked by every_shipped_file_is_valid");
    let class = Content::load_for(App::Class).expect("checked by the class app's own test");
    let services = Content::load_for(App::Services).expect("checked by the services app's own test");
    let history = Content::load_for(App::History).expect("checked by the history app's own test");
    let catalogs = [
        ("main", main.catalog.keys().collect::<Vec<_>>()),
        ("class", class.catalog.keys().collect()),
        ("services", services.catalog.keys().collect()),
        ("history", history.catalog.keys().collect()),
    ];
    let files: Vec<(String, String)> = common::rust_files(std::path::Path::new("src"))
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("source files are readable");
            (file.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    let app_of = |path: &str| {
        if path.contains("src/class/") {
            "class"
        } else if path.contains("src/services/") || path.contains("src/coordination/") {
            // The coordinators' app ships the services app's content.
            "services"
        } else if path.contains("src/history/") {
            "history"
        } else if path.contains("src/questionnaires/") {
            "main"
        } else {
            "shared"
        }
    };
    let mut missing = Vec::new();
    for (path, text) in &files {
        let apps: Vec<&str> = match path.strip_prefix("src/shared/").and_then(|f| f.strip_suffix(".rs")) {
            // A shared module is in the apps whose code names it (the shell
            // and what it shows are in all of them).
            Some("shell" | "help_area" | "quick_exit" | "language_picker" | "link" | "navigation") => {
                vec!["main", "class", "services", "history"]
            }
            Some(component) => {
                let named = format!("shared::{component}::");
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
    const FAMILIES: [&str; 17] = [
        "history.",
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
    // Doc comments may show keys as examples: only code counts.
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| FAMILIES.iter().any(|f| s.starts_with(f)) && !s.ends_with(".json"))
        .filter(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_'))
        .map(str::to_string)
        .collect()
}
