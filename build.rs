//! Prepares the data files the app embeds:
//! - every UI language file of `data/i18n/` is listed, so adding a language
//!   is adding a file (and its line in `languages.json`), not editing code:
//!   `$OUT_DIR/ui_catalogs.rs` holds `UI_FILES: &[(code, file, json)]`, and
//!   `CLASS_UI_FILES` the class survey app's own words (`data/i18n/class/`);
//! - every data file is embedded minified (about 1 KB less gzipped). A file
//!   that is not valid JSON is copied as it is, so the app and the tests
//!   still report its problem with the right line and column.

use std::{env, fs, path::Path};

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

    let mut list = String::new();
    for (name, folder) in [("UI_FILES", "i18n"), ("CLASS_UI_FILES", "class")] {
        let mut catalogs: Vec<_> = files
            .iter()
            .filter(|p| p.parent().is_some_and(|d| d.ends_with(folder)))
            .filter(|p| p.file_stem().is_some_and(|s| s != "languages"))
            .collect();
        catalogs.sort();
        list.push_str(&format!(
            "/// `(language code, file, JSON)` for each UI file of `data/{}`.\npub const {name}: &[(&str, &str, &str)] = &[\n",
            if folder == "i18n" { "i18n/" } else { "i18n/class/" }
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
