//! The apps' boundaries: each app (`src/questionnaires/`,
//! `src/class/`, `src/services/`, `src/history/`, `src/coordination/`) uses only its own modules and
//! `src/shared/`; what they share never reaches into an app. So an app
//! never carries another app's pages in its download, and a page moved
//! into `shared` is a decision, not an accident.

mod common;

use std::path::Path;

const APPS: [&str; 5] = ["questionnaires", "class", "services", "history", "coordination"];

#[test]
fn no_app_uses_another_apps_modules_and_shared_uses_none() {
    let mut offenders = Vec::new();
    for (folder, allowed) in [
        ("questionnaires", Some("questionnaires")),
        ("class", Some("class")),
        ("services", Some("services")),
        ("history", Some("history")),
        ("coordination", Some("coordination")),
        ("shared", None),
    ] {
        for file in common::rust_files(&Path::new("src").join(folder)) {
            let text = std::fs::read_to_string(&file).expect("source files are readable");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for app in APPS.iter().filter(|app| Some(**app) != allowed) {
                    if code.contains(&format!("crate::{app}::")) || code.contains(&format!("crate::{app};")) {
                        offenders.push(format!("{}:{}: uses {app}", file.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "an app reaches outside itself:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_check_sees_a_crossing() {
    // The same scan on a line that crosses, so the test above can fail.
    let line = "use crate::class::store::Store;";
    assert!(APPS.iter().any(|app| line.contains(&format!("crate::{app}::"))));
}
