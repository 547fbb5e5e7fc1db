//! Embeds every UI language file of `data/i18n/` so that adding a language
//! is adding a file (and its line in `languages.json`), not editing code.
//! Writes `$OUT_DIR/ui_catalogs.rs`: `UI_FILES: &[(code, json)]`.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("data/i18n must exist: it holds the UI's words") // a build without it cannot work
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "languages"))
        .collect();
    entries.sort();
    let mut out = String::from("/// `(language code, JSON)` for each file of `data/i18n/` but `languages.json`.\npub const UI_FILES: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        out.push_str(&format!(
            "    ({code:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ui_catalogs.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
