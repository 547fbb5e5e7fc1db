//! Directories a coordinator published with the app: their HSDS files
//! placed in `annuaire/` beside the built app, and `annuaire/index.json`,
//! the checked form the apps read at start, the same file for everyone
//! (`docs/deploy.md`).
//!
//! The index is written by the checker (`amarre-check --publish`) or by
//! the coordinators' page from the files it read whole: the apps then
//! carry only the small reader of the stored form
//! ([`super::stored`]), not the HSDS one (about 20 KiB of each first
//! load). It is the stored form with one more field, `sources`: the HSDS
//! files it was made from, which the coordinators' page reads again to
//! show each file's problems with their place and whether the index still
//! says what they say.
//!
//! A published file with a problem is never in an index; an index that
//! cannot be read is left out whole (the apps keep their own content). A
//! service id found in two files is a problem of the second.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{stored, Directory};
use crate::error::{DataError, DataErrorKind};
use crate::json;

/// The index's address, from the site's root.
pub const INDEX: &str = "/annuaire/index.json";

/// The folder of the published files, from the site's root.
pub const FOLDER: &str = "/annuaire/";

/// The index's name in messages.
pub const INDEX_FILE: &str = "annuaire/index.json";

/// The most files an index may name.
pub const MAX_FILES: usize = 50;

/// What one listed file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReading {
    /// Its name, as the index lists it.
    pub name: String,
    /// Its number of active services, or every problem it has.
    pub outcome: Result<usize, Vec<DataError>>,
}

/// The published directories, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    /// Every usable file's services together, in the index's order.
    pub directory: Directory,
    /// Each listed file and what it gave.
    pub files: Vec<FileReading>,
    /// Problems of the index itself.
    pub index_problems: Vec<DataError>,
}

impl Published {
    /// Whether a coordinator has anything to fix.
    pub fn has_problems(&self) -> bool {
        !self.index_problems.is_empty() || self.files.iter().any(|f| f.outcome.is_err())
    }
}

/// The HSDS files the index at `text` was made from: plain names ending
/// in `.json`, each once, at most [`MAX_FILES`].
pub fn sources(text: &str) -> Result<Vec<String>, Vec<DataError>> {
    let value = json::parse(INDEX_FILE, text)?;
    let mut errors = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let entries = match value.get("sources") {
        Some(list) => json::array(list, INDEX_FILE, "sources", &mut errors),
        None => {
            errors.push(DataError::new(
                INDEX_FILE,
                "sources",
                DataErrorKind::MissingField {
                    field: "sources".to_string(),
                },
            ));
            &[]
        }
    };
    if entries.len() > MAX_FILES {
        errors.push(DataError::new(
            INDEX_FILE,
            "sources",
            DataErrorKind::NotAllowed {
                value: format!("{} files", entries.len()),
                allowed: "at most 50 files",
            },
        ));
        return Err(errors);
    }
    for (n, entry) in entries.iter().enumerate() {
        let place = format!("sources[{n}]");
        let Some(name) = entry.as_str() else {
            errors.push(DataError::new(
                INDEX_FILE,
                place,
                DataErrorKind::WrongType {
                    expected: "a file name",
                },
            ));
            continue;
        };
        if !is_plain_name(name) {
            errors.push(DataError::new(
                INDEX_FILE,
                place,
                DataErrorKind::NotAllowed {
                    value: name.to_string(),
                    allowed: "a file name of the annuaire/ folder ending in .json (letters, digits, - _ .)",
                },
            ));
        } else if names.iter().any(|n| n == name) {
            errors.push(DataError::new(
                INDEX_FILE,
                place,
                DataErrorKind::Duplicate { id: name.to_string() },
            ));
        } else {
            names.push(name.to_string());
        }
    }
    if errors.is_empty() {
        Ok(names)
    } else {
        Err(errors)
    }
}

/// The index to publish for `published`, whose files all read whole;
/// `None` if one of them has a problem (nothing half-read is published).
pub fn index_text(published: &Published) -> Option<String> {
    if published.has_problems() {
        return None;
    }
    #[derive(Serialize)]
    struct Sources<'a> {
        sources: Vec<&'a str>,
    }
    let sources = Sources {
        sources: published.files.iter().map(|f| f.name.as_str()).collect(),
    };
    // The stored form, with `sources` put in front of its fields.
    let directory = stored::to_text(&published.directory);
    let sources = serde_json::to_string(&sources).ok()?;
    Some(format!(
        "{},{}",
        sources.strip_suffix('}')?,
        directory.strip_prefix('{')?
    ))
}

/// A name the apps may fetch from [`FOLDER`]: no path, no query.
fn is_plain_name(name: &str) -> bool {
    name.len() <= 100
        && name.ends_with(".json")
        && name != "index.json"
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Puts the files read together: each file's services if it has no
/// problem, in the index's order.
pub fn combine(files: Vec<(String, Result<Directory, Vec<DataError>>)>) -> Published {
    let mut published = Published::default();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut names = Vec::new();
    for (name, read) in files {
        let outcome = read.and_then(|directory| {
            let twice: Vec<DataError> = directory
                .services
                .iter()
                .filter_map(|s| {
                    seen.get(&s.id).map(|first| {
                        DataError::new(
                            &name,
                            format!("service '{}'", s.id),
                            DataErrorKind::NotAllowed {
                                value: format!("an id already used in {first}"),
                                allowed: "ids that no other published file uses",
                            },
                        )
                    })
                })
                .collect();
            if !twice.is_empty() {
                return Err(twice);
            }
            for s in &directory.services {
                seen.insert(s.id.clone(), name.clone());
            }
            names.push(directory.name);
            let count = directory.services.len();
            published.directory.services.extend(directory.services);
            Ok(count)
        });
        published.files.push(FileReading { name, outcome });
    }
    published.directory.name = names
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    published
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_names_plain_json_files_once() {
        let names = |list: &str| sources(&format!(r#"{{"sources": {list}, "services": []}}"#));
        assert_eq!(
            names(r#"["liege.json", "huy-2.json"]"#),
            Ok(vec!["liege.json".into(), "huy-2.json".into()])
        );
        assert_eq!(names("[]"), Ok(vec![]));
        for bad in [
            r#"["../secret.json"]"#,
            r#"["a/b.json"]"#,
            r#"["https://x.invalid/a.json"]"#,
            r#"["liste.csv"]"#,
            r#"["a.json?x=1"]"#,
            r#"["index.json"]"#,
            r#"["a.json", "a.json"]"#,
            r#"[1]"#,
            r#"{}"#,
        ] {
            assert!(names(bad).is_err(), "{bad} must be refused");
        }
        assert!(sources("[").is_err());
        assert!(sources(r#"{"services": []}"#).is_err());
        let many = format!(
            "[{}]",
            (0..51).map(|n| format!("\"f{n}.json\"")).collect::<Vec<_>>().join(",")
        );
        assert!(names(&many).is_err());
    }

    #[test]
    fn a_broken_file_is_left_out_and_the_others_are_used() {
        let broken = DataError::new("b.json", "", DataErrorKind::Empty);
        let published = combine(vec![
            ("a.json".into(), Ok(Directory::default())),
            ("b.json".into(), Err(vec![broken.clone()])),
        ]);
        assert_eq!(published.files[0].outcome, Ok(0));
        assert_eq!(published.files[1].outcome, Err(vec![broken]));
        assert!(published.has_problems());
        assert_eq!(index_text(&published), None, "nothing half-read is published");
    }

    #[test]
    fn an_index_reads_back_as_the_stored_form_with_its_sources() {
        let published = combine(vec![("a.json".into(), Ok(Directory::default()))]);
        let text = index_text(&published).expect("a sound file gives an index");
        assert!(text.starts_with(r#"{"sources":["a.json"],"format":"#), "{text}");
        assert_eq!(sources(&text), Ok(vec!["a.json".to_string()]));
    }
}
