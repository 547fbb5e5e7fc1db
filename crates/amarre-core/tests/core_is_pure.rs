//! The core stays pure: no UI framework, no browser API, not even
//! through another crate. The compiler already refuses `leptos::` here,
//! since the core does not depend on it; this test also fails if a new
//! dependency pulled one in, by walking the lock file from `amarre-core`.

use std::collections::{BTreeMap, BTreeSet};

const FORBIDDEN: [&str; 6] = [
    "leptos",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "gloo-storage",
    "reactive_graph",
];

#[test]
fn the_core_depends_on_no_ui_or_browser_crate() {
    let lock = std::fs::read_to_string("../../Cargo.lock").expect("the workspace has a lock file");
    let graph = dependencies(&lock);
    let mut seen = BTreeSet::new();
    let mut todo = vec!["amarre-core".to_string()];
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            todo.extend(graph.get(&name).into_iter().flatten().cloned());
        }
    }
    assert!(
        seen.contains("serde_json"),
        "the walk found the core's dependencies: {seen:?}"
    );
    let offenders: Vec<&String> = seen
        .iter()
        .filter(|name| FORBIDDEN.iter().any(|f| name.starts_with(f)))
        .collect();
    assert!(
        offenders.is_empty(),
        "the core must stay pure, but depends on {offenders:?}"
    );
}

/// Package name → the names of its dependencies, from `Cargo.lock`.
fn dependencies(lock: &str) -> BTreeMap<String, Vec<String>> {
    let mut graph = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let name = package
            .lines()
            .find_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"').to_string())
            .unwrap_or_default();
        let deps = match package.split_once("dependencies = [") {
            Some((_, rest)) => rest
                .split(']')
                .next()
                .unwrap_or("")
                .lines()
                .map(|l| l.trim().trim_end_matches(',').trim_matches('"'))
                .filter(|l| !l.is_empty())
                // "serde 1.0.229" names a version when two are locked.
                .map(|l| l.split(' ').next().unwrap_or(l).to_string())
                .collect(),
            None => Vec::new(),
        };
        graph.insert(name, deps);
    }
    graph
}
