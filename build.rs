//! Bakes each app's shipped content into its wasm.
//!
//! Reads every file of `data/` with the core crate's loaders
//! ([`amarre_core::shipped`]): each questionnaire, the help lines, the
//! factors, the service types and orientation rules, the class ideas and
//! the UI words of every language, validated and cross-checked. Any problem
//! fails the build with its file, place and problem
//! (`student.json: items[4] (late) → show_if[0]: refers to item …`).
//!
//! What passes is written to `$OUT_DIR/<app>.content` with postcard, a
//! compact binary the app decodes at start without a JSON parser or a
//! validator (`src/shared/content.rs`), with the French texts only; each
//! other language goes to a pack of its own, `<app>-<lang>-<hash>.pack`,
//! in `<target>/<triple>/<profile>/packs/`, which `scripts/build` copies to
//! `dist/packs/` (`amarre_core::pack`).

use std::path::Path;
use std::process::ExitCode;

use amarre_core::shipped::{App, DataDir};

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // `<target>/<triple>/release/packs/`, beside the wasm: scripts/build
    // copies them to dist/packs/.
    let packs = Path::new(&out).join("../../../packs");
    let data = DataDir::new(root.join("data"));
    println!("cargo:rerun-if-changed={}", root.join("data").display());
    for file in data.files() {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut failed = false;
    // Every file whole, as the checker reads it (the apps may take parts).
    if let Err(errors) = data.content(App::Questionnaires) {
        failed = true;
        eprintln!("The data files have {} problem(s):", errors.len());
        for error in errors {
            eprintln!("  {error}");
        }
    }
    for app in App::ALL {
        match data.content(app) {
            Ok(content) => {
                let baked = content.bake(app.name()).expect("the content is plain data");
                let target = Path::new(&out).join(format!("{}.content", app.name()));
                std::fs::write(target, baked.content).expect("OUT_DIR is writable");
                std::fs::create_dir_all(&packs).expect("the target directory is writable");
                // An earlier build's packs of this app would be copied too.
                for old in std::fs::read_dir(&packs).expect("just made").flatten() {
                    if old
                        .file_name()
                        .to_string_lossy()
                        .starts_with(&format!("{}-", app.name()))
                    {
                        let _ = std::fs::remove_file(old.path());
                    }
                }
                // The same packs beside the content, for the browser tests,
                // which have no server to fetch them from.
                let all = postcard::to_allocvec(&baked.packs).expect("plain data");
                std::fs::write(Path::new(&out).join(format!("{}.packs", app.name())), all)
                    .expect("OUT_DIR is writable");
                for (name, bytes) in baked.packs {
                    let target = packs.join(&name);
                    println!("cargo:rerun-if-changed={}", target.display());
                    std::fs::write(target, bytes).expect("the target directory is writable");
                }
            }
            Err(errors) => {
                failed = true;
                eprintln!("The {} app's data files have {} problem(s):", app.name(), errors.len());
                for error in errors {
                    eprintln!("  {error}");
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
