//! `amarre-check FILE…`: checks directory files before they are published,
//! with the very messages the app shows a coordinator who loads them.
//! Prints `FILE: ok (N active services; C communes, P postal codes)` or one
//! line per problem (at most 200, then how many more); exits
//! with 1 if any file has a problem, 2 when no file is given.
//!
//! Native only (`cargo run --bin amarre-check -- FILE…`): it reads files
//! from disk, which a browser never does.

use std::process::ExitCode;

use amarre_core::directory;
use amarre_core::shipped::{Content, Orientation};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: amarre-check FILE…  (directory files in the format of docs/directory.md)");
        return ExitCode::from(2);
    }
    let orientation = Content::load().and_then(|content| Orientation::load(&content));
    let orientation = match orientation {
        Ok(orientation) => orientation,
        Err(errors) => {
            for error in errors {
                eprintln!("amarre's own data: {error}");
            }
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for path in &files {
        let name = std::path::Path::new(path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        let problems = check(path, &name, &orientation);
        match problems {
            Ok(summary) => println!("{name}: ok ({summary})"),
            Err(lines) => {
                failed = true;
                for line in lines {
                    println!("{line}");
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

/// What the file at `path` holds (services, and the places the services
/// page will offer, sorted as it sorts them), or every problem.
fn check(path: &str, name: &str, orientation: &Orientation) -> Result<String, Vec<String>> {
    let size = std::fs::metadata(path)
        .map_err(|e| vec![format!("{name}: cannot be opened: {e}")])?
        .len();
    directory::check_size(name, size).map_err(|e| vec![e.to_string()])?;
    let bytes = std::fs::read(path).map_err(|e| vec![format!("{name}: cannot be read: {e}")])?;
    let text = String::from_utf8(bytes).map_err(|_| vec![format!("{name}: cannot be read: it is not UTF-8 text")])?;
    directory::parse(name, &text, &orientation.types)
        .map(|d| {
            format!(
                "{} active services; {} communes, {} postal codes",
                d.services.len(),
                d.communes().len(),
                d.postal_codes().len()
            )
        })
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}
