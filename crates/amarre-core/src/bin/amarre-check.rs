//! `amarre-check FILE…`: checks directory files before they are published,
//! with the very messages the app shows a coordinator who loads them.
//! Prints `FILE: ok (N active services; C communes, P postal codes, A
//! areas; F standard HSDS fields not used by Amarre)` or one line per
//! problem (at most 200, then how many more); a service that is valid HSDS
//! but lacks what Amarre needs (a service type, a territory) gets one line
//! saying all of it. Exits with 1 if any file has a problem, 2 when no
//! file is given.
//!
//! `amarre-check --publish FOLDER FILE…` also publishes them when every
//! one is sound: copies them into FOLDER (the site's `annuaire/`) and
//! writes `FOLDER/index.json`, the checked form every app reads at start
//! (`docs/deploy.md`); with any problem, nothing is written.
//!
//! Native only (`cargo run --bin amarre-check -- FILE…`): it reads files
//! from disk, which a browser never does. What a file holds is printed with
//! its control and direction-changing characters escaped (`\u{1b}`), so a
//! file cannot drive the terminal; a reader that stops early
//! (`amarre-check … | head`) ends the run quietly.

use std::io::Write;
use std::process::ExitCode;

use amarre_core::directory;
use amarre_core::directory::published;
use amarre_core::encoding;
use amarre_core::shipped::{Content, Orientation};

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let folder = if files.first().map(String::as_str) == Some("--publish") && files.len() >= 2 {
        files.remove(0);
        Some(std::path::PathBuf::from(files.remove(0)))
    } else {
        None
    };
    if files.is_empty() {
        eprintln!("usage: amarre-check [--publish FOLDER] FILE…  (directory files in the format of docs/directory.md)");
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
    let mut out = std::io::stdout().lock();
    let mut read = Vec::new();
    for path in &files {
        let name = std::path::Path::new(path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        let lines = match check(path, &name, &orientation) {
            Ok((summary, directory)) => {
                read.push((name.clone(), Ok(directory)));
                vec![format!("{name}: ok ({summary})")]
            }
            Err(lines) => {
                failed = true;
                lines
            }
        };
        // A reader that stopped (`| head`) wants no more: end quietly.
        if lines.iter().any(|line| writeln!(out, "{}", escaped(line)).is_err()) {
            return ExitCode::FAILURE;
        }
    }
    if let (Some(folder), false) = (folder, failed) {
        if let Err(line) = publish(&folder, &files, read) {
            let _ = writeln!(out, "{}", escaped(&line));
            failed = true;
        } else {
            let _ = writeln!(out, "{}: written", folder.join("index.json").display());
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Copies `files` into `folder` and writes its `index.json`.
fn publish(
    folder: &std::path::Path,
    files: &[String],
    read: Vec<(String, Result<directory::Directory, Vec<amarre_core::DataError>>)>,
) -> Result<(), String> {
    let published = published::combine(read);
    for file in &published.files {
        if let Err(problems) = &file.outcome {
            return Err(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
        }
    }
    let index = published::index_text(&published).ok_or("the files have problems: nothing written")?;
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: cannot be made: {e}", folder.display()))?;
    for (path, file) in files.iter().zip(&published.files) {
        let target = folder.join(&file.name);
        if std::fs::canonicalize(path).ok() != std::fs::canonicalize(&target).ok() {
            std::fs::copy(path, &target).map_err(|e| format!("{}: cannot be written: {e}", target.display()))?;
        }
    }
    let target = folder.join("index.json");
    std::fs::write(&target, index).map_err(|e| format!("{}: cannot be written: {e}", target.display()))
}

/// What the file at `path` holds (services, and the places the services
/// page will offer, sorted as it sorts them), or every problem.
fn check(path: &str, name: &str, orientation: &Orientation) -> Result<(String, directory::Directory), Vec<String>> {
    let size = std::fs::metadata(path)
        .map_err(|e| vec![format!("{name}: cannot be opened: {e}")])?
        .len();
    directory::check_size(name, size).map_err(|e| vec![e.to_string()])?;
    let bytes = std::fs::read(path).map_err(|e| vec![format!("{name}: cannot be read: {e}")])?;
    let text = encoding::text_of(name, &bytes).map_err(|e| vec![e.to_string()])?;
    directory::read(name, &text, &orientation.types)
        .map(|reading| {
            let d = &reading.directory;
            let summary = format!(
                "{}; {}, {}, {}; {} not used by Amarre",
                counted(d.services.len(), "active service"),
                counted(d.communes().len(), "commune"),
                counted(d.postal_codes().len(), "postal code"),
                counted(d.areas().len(), "area"),
                counted(reading.ignored_fields, "standard HSDS field"),
            );
            (summary, reading.directory)
        })
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// `1 commune`, `2 communes`.
fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `line` with what could drive a terminal or reverse the text around it
/// (control characters, direction marks and overrides) written as `\u{…}`.
fn escaped(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_control() || directory::hidden_character(c.encode_utf8(&mut [0; 4])).is_some() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}
