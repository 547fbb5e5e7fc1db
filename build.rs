//! Prepares the data files the app embeds:
//! - every UI language file of `data/i18n/` is listed, so adding a language
//!   is adding a file (and its line in `languages.json`), not editing code:
//!   `$OUT_DIR/ui_catalogs.rs` holds `UI_FILES: &[(code, file, json)]`,
//!   `CLASS_UI_FILES` and `SERVICES_UI_FILES` the other apps' own words
//!   (`data/i18n/class/`, `data/i18n/services/`), and `SHARED_UI_FILES`,
//!   `SERVICES_SHARED_UI_FILES` the main app's words those apps use too;
//! - every data file is embedded minified (about 1 KB less gzipped). A file
//!   that is not valid JSON is copied as it is, so the app and the tests
//!   still report its problem with the right line and column.

use std::{env, fs, path::Path};

/// Key families of the main app's UI files that the class survey app uses:
/// the frame (skip link, header, help area, footer) and the question controls.
const SHARED_WITH_CLASS: &[&str] = &["shell.", "nav.", "help.", "q.", "safety."];

/// Key families of the main app's UI files that the services app uses: the
/// frame, and what the results' suggestions show too (levels of response,
/// service cards, the place). Its own words, and the privacy page's, are in
/// `data/i18n/services/`.
const SHARED_WITH_SERVICES: &[&str] = &["shell.", "nav.", "help.", "level.", "card.", "place."];

/// The other apps' share of the main app's words: (constant, folder under
/// `$OUT_DIR/data/i18n/`, key families).
const SHARES: [(&str, &str, &[&str]); 2] = [
    ("SHARED_UI_FILES", "shared", SHARED_WITH_CLASS),
    ("SERVICES_SHARED_UI_FILES", "shared-services", SHARED_WITH_SERVICES),
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let data = root.join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect(&data, &mut files);
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&data).expect("found under data/");
        let target = out.join("data").join(relative);
        fs::create_dir_all(target.parent().expect("a file has a folder")).expect("OUT_DIR is writable");
        let text = fs::read_to_string(path).unwrap_or_default();
        let minified = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|value| serde_json::to_string(&value).ok())
            .unwrap_or(text);
        fs::write(target, minified).expect("OUT_DIR is writable");
    }

    // The other apps share only the frame's words and a few families with
    // the main app: their own copy of those keys, so they do not download
    // every page's text of the main app.
    for path in files.iter().filter(|p| p.parent().is_some_and(|d| d.ends_with("i18n"))) {
        let Some(code) = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "languages") else {
            continue;
        };
        let text = fs::read_to_string(path).unwrap_or_default();
        // A broken file is reported by the app and the tests, from UI_FILES.
        let all = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text).unwrap_or_default();
        for (_, folder, families) in SHARES {
            let shared: serde_json::Map<_, _> = all
                .iter()
                .filter(|(key, _)| families.iter().any(|family| key.starts_with(family)))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            let target = out.join("data/i18n").join(folder).join(format!("{code}.json"));
            fs::create_dir_all(target.parent().expect("a file has a folder")).expect("OUT_DIR is writable");
            fs::write(target, serde_json::Value::Object(shared).to_string()).expect("OUT_DIR is writable");
        }
    }

    let mut list = String::new();
    for (name, folder) in [
        ("UI_FILES", "i18n"),
        ("CLASS_UI_FILES", "class"),
        ("SERVICES_UI_FILES", "services"),
    ] {
        let mut catalogs: Vec<_> = files
            .iter()
            .filter(|p| p.parent().is_some_and(|d| d.ends_with(folder)))
            .filter(|p| p.file_stem().is_some_and(|s| s != "languages"))
            .collect();
        catalogs.sort();
        list.push_str(&format!(
            "/// `(language code, file, JSON)` for each UI file of `data/{}`.\npub const {name}: &[(&str, &str, &str)] = &[\n",
            if folder == "i18n" { "i18n/".to_string() } else { format!("i18n/{folder}/") }
        ));
        for path in catalogs {
            let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let relative = path.strip_prefix(data.join("i18n")).expect("found under data/i18n/");
            let embedded = out
                .join("data")
                .join(path.strip_prefix(&data).expect("found under data/"));
            list.push_str(&format!(
                "    ({code:?}, {:?}, include_str!({:?})),\n",
                relative.display().to_string(),
                embedded.display().to_string()
            ));
        }
        list.push_str("];\n");
    }
    let mut codes: Vec<&str> = files
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("i18n")))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()))
        .filter(|s| *s != "languages")
        .collect();
    codes.sort();
    for (name, folder, _) in SHARES {
        list.push_str(&format!(
            "/// The main app's words another app uses too (`SHARES` in build.rs).\npub const {name}: &[(&str, &str, &str)] = &[\n"
        ));
        for code in &codes {
            let embedded = out.join("data/i18n").join(folder).join(format!("{code}.json"));
            list.push_str(&format!(
                "    ({code:?}, \"{code}.json ({folder})\", include_str!({:?})),\n",
                embedded.display().to_string()
            ));
        }
        list.push_str("];\n");
    }
    fs::write(out.join("ui_catalogs.rs"), list).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("data/ exists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|x| x == "json") {
            files.push(path);
        }
    }
}
