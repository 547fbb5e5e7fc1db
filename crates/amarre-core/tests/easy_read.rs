//! Easy-read for every UI text, in every language: a text is either easy
//! already (short sentences, no point médian, no hard word left
//! unexplained) or it has its `<key>.easy` variant, which keeps those rules.
//! The questionnaires' own texts always carry `<lang>_easy` (the build
//! refuses one without it, see `shipped_data.rs`).
//!
//! Fails with the list of every text that needs a variant, file and key.

use std::path::{Path, PathBuf};

/// About 12 words a sentence; 14 allowed so a rare article or number does
/// not fail (the same bound as the questionnaires' easy-read test).
const MOST_WORDS: usize = 14;

/// Words a 12-year-old may not know; a text using one needs an easy-read
/// variant that explains it. The reference language decides: every
/// language has the same keys.
const HARD_WORDS: [&str; 5] = ["harcèlement", "harcelé", "anonyme", "diagnostic", "confidentiel"];

fn i18n_folders() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/i18n");
    let mut folders = vec![root.clone()];
    for entry in std::fs::read_dir(&root).expect("data/i18n exists").flatten() {
        if entry.path().is_dir() {
            folders.push(entry.path());
        }
    }
    folders.sort();
    folders
}

/// Every `(file, key, text)` of every catalog file of `language`.
fn texts_of(language: &str) -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    for folder in i18n_folders() {
        let file = folder.join(format!("{language}.json"));
        let Ok(json) = std::fs::read_to_string(&file) else {
            continue;
        };
        let value: serde_json::Value = serde_json::from_str(&json).expect("checked by every_shipped_file_is_valid");
        let name = file
            .strip_prefix(folder.parent().unwrap())
            .unwrap()
            .display()
            .to_string();
        for (key, text) in value.as_object().expect("a flat object") {
            all.push((name.clone(), key.clone(), text.as_str().unwrap_or_default().to_string()));
        }
    }
    all
}

/// Why `text` is not easy-read as it stands, if it is not.
fn not_easy(text: &str, reference: bool) -> Option<String> {
    for sentence in text.split(['.', '?', '؟', '!', ':']) {
        let words = sentence.split_whitespace().count();
        if words > MOST_WORDS {
            return Some(format!("{words} words in « {} »", sentence.trim()));
        }
    }
    let chars: Vec<char> = text.chars().collect();
    if chars
        .windows(3)
        .any(|w| w[1] == '·' && w[0].is_alphabetic() && w[2].is_alphabetic())
    {
        return Some("a point médian".to_string());
    }
    let lower = text.to_lowercase();
    if reference {
        if let Some(word) = HARD_WORDS.iter().find(|w| lower.contains(*w)) {
            return Some(format!("the hard word « {word} »"));
        }
    }
    None
}

#[test]
fn every_ui_text_is_easy_or_has_an_easy_read_variant() {
    let mut missing = Vec::new();
    for language in ["fr", "en", "nl", "ar"] {
        let texts = texts_of(language);
        let has_variant = |file: &str, key: &str| {
            texts
                .iter()
                .any(|(f, k, _)| f == file && k.strip_suffix(".easy") == Some(key))
        };
        for (file, key, text) in &texts {
            if key.ends_with(".easy") || has_variant(file, key) {
                continue;
            }
            if let Some(why) = not_easy(text, language == "fr") {
                missing.push(format!("{file}: {key} has no '{key}.easy' and is not easy-read: {why}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} UI text(s) need an easy-read variant:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn easy_read_variants_keep_the_rules() {
    let mut broken = Vec::new();
    for language in ["fr", "en", "nl", "ar"] {
        for (file, key, text) in texts_of(language) {
            if !key.ends_with(".easy") {
                continue;
            }
            // A hard word may stay in an easy-read text that explains it.
            if let Some(why) = not_easy(&text, false) {
                broken.push(format!("{file}: {key}: {why}"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "easy-read variants that are not easy:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_rule_sees_what_is_not_easy() {
    assert!(not_easy("Ça va ?", true).is_none());
    assert!(not_easy("Un·e enseignant·e t'écoute.", false).is_some());
    assert!(not_easy("Le questionnaire est anonyme.", true).is_some());
    assert!(not_easy(
        "Une phrase très longue qui ne finit jamais et continue encore et encore sans aucune pause du tout.",
        false
    )
    .is_some());
    // « Belgique · France » separates two things: not a point médian.
    assert!(not_easy("Belgique : 103 · France : 3114", true).is_none());
}
