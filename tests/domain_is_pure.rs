//! The domain core stays pure: no UI framework, no browser API. This keeps
//! it testable natively and reusable by the command-line tools.

use std::path::Path;

#[test]
fn domain_imports_no_ui_or_browser_crate() {
    let mut offenders = Vec::new();
    check(Path::new("src/domain"), &mut offenders);
    assert!(
        offenders.is_empty(),
        "the domain must stay pure:\n{}",
        offenders.join("\n")
    );
}

fn check(dir: &Path, offenders: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("src/domain exists").flatten() {
        let path = entry.path();
        if path.is_dir() {
            check(&path, offenders);
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source files are readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys"]
                .iter()
                .any(|c| code.contains(c))
            {
                offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
}
