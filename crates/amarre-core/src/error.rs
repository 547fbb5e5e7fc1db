//! Errors found while reading a data file, with enough context for a person
//! to find and fix the problem: which file, where in it, and what is wrong.
//!
//! Every loader in the domain returns `Vec<DataError>` rather than stopping
//! at the first problem, so a coordinator fixing a file sees all of them at
//! once. `Display` gives one line a person can act on:
//! `helplines.json: lines[2] (fr-3114) → number: is empty`.

use std::fmt;

/// One problem in one data file, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file's name as a person knows it (`helplines.json`).
    pub file: String,
    /// Where in the file: a path such as `lines[2] (fr-3114) → number`.
    /// Empty when the problem is the whole file.
    pub place: String,
    /// What is wrong there.
    pub kind: DataErrorKind,
}

/// What is wrong at a place in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataErrorKind {
    /// The file is not valid JSON, or does not have the expected shape.
    Syntax(String),
    /// A text field that must say something is empty or only spaces.
    Empty,
    /// A text lacks one of the app's languages.
    MissingTranslation { language: String },
    /// A text is given in a language the app does not declare.
    UnknownLanguage { language: String },
    /// A link whose scheme is not one of `https:`, `tel:` or `mailto:`.
    ForbiddenLink { link: String },
    /// A link that has an allowed scheme but cannot be used as written.
    MalformedLink { link: String, why: &'static str },
    /// A date that is not a real calendar date in `YYYY-MM-DD` form.
    BadDate { value: String },
    /// An identifier used twice where each must be unique.
    Duplicate { id: String },
    /// A value outside the set the field accepts.
    NotAllowed { value: String, allowed: &'static str },
    /// A field the format does not have (often a typo).
    UnknownField { field: String, allowed: String },
    /// A field the format requires is not there.
    MissingField { field: String },
    /// A value of the wrong kind (text where a number is expected…).
    WrongType { expected: &'static str },
    /// A reference to an id that does not exist (an item in a condition, a
    /// scale, a sub-factor…).
    UnknownReference { what: &'static str, id: String },
    /// Conditions that depend on each other in a circle.
    Cycle { path: Vec<String> },
    /// A condition that looks at an item asked later: it could never be
    /// known when the item is shown.
    ForwardReference { id: String },
    /// A list of the wrong length.
    WrongLength {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    /// A placeholder such as `{count}` that the reference text has and this
    /// translation lacks, or the other way round.
    PlaceholderMismatch { expected: Vec<String>, found: Vec<String> },
    /// A text with what looks like an HTML tag (`<b>`, `<img …>`): the app
    /// would show it as plain text, so it is refused where it is written.
    ContainsHtml { text: String },
    /// A file larger than the app accepts.
    TooBig { bytes: u64, max: u64 },
    /// A file that is not UTF-8 text (Latin-1, as spreadsheets often save),
    /// from this line on.
    NotUtf8 { line: usize },
    /// A text with an invisible character or one that changes the writing
    /// direction (U+202E…), which could hide or reverse what is shown.
    HiddenCharacter { code: u32 },
    /// A phone number that cannot be dialled as written (letters, quotes…).
    NotAPhoneNumber { number: String },
    /// A record that is valid HSDS but lacks what Amarre needs to show it
    /// (a service type, a territory): each need in words, said once.
    NeededByAmarre { needs: Vec<&'static str> },
    /// More problems than a person can read: the list stops here.
    TooManyProblems { more: usize },
    /// A file that a list names and the server does not have.
    MissingFile,
    /// A file the server could not give (network or server failure).
    Unreachable,
}

/// The most problems listed for one file; past it, one line says how many
/// more there are (a file with 50,000 wrong keys is not 50,000 lines).
pub const MAX_PROBLEMS: usize = 200;

/// Keeps the first [`MAX_PROBLEMS`] problems of `file` and adds one line
/// saying how many more there were.
pub fn cap_problems(file: &str, mut errors: Vec<DataError>) -> Vec<DataError> {
    if errors.len() > MAX_PROBLEMS {
        let more = errors.len() - MAX_PROBLEMS;
        errors.truncate(MAX_PROBLEMS);
        errors.push(DataError::new(file, "", DataErrorKind::TooManyProblems { more }));
    }
    errors
}

impl DataError {
    /// A problem at `place` in `file`.
    pub fn new(file: impl Into<String>, place: impl Into<String>, kind: DataErrorKind) -> Self {
        DataError {
            file: file.into(),
            place: place.into(),
            kind,
        }
    }
}

/// Reports each id of `ids` already seen earlier in the list, at the place
/// `place` gives for its position (`types[3]`, or one place for all).
pub fn report_duplicates<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    file: &str,
    place: impl Fn(usize) -> String,
    errors: &mut Vec<DataError>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for (n, id) in ids.into_iter().enumerate() {
        if seen.contains(&id) {
            errors.push(DataError::new(
                file,
                place(n),
                DataErrorKind::Duplicate { id: id.to_string() },
            ));
        }
        seen.push(id);
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}: {}", self.file, self.kind)
        } else {
            write!(f, "{}: {}: {}", self.file, self.place, self.kind)
        }
    }
}

/// `10.0 MB`, with one decimal and no float formatting.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for DataErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataErrorKind::Syntax(why) => write!(f, "cannot be read: {why}"),
            DataErrorKind::Empty => write!(f, "is empty"),
            DataErrorKind::MissingTranslation { language } => {
                write!(f, "has no text in language '{language}'")
            }
            DataErrorKind::UnknownLanguage { language } => {
                write!(f, "has a text in '{language}', which is not a declared language")
            }
            DataErrorKind::ForbiddenLink { link } => write!(
                f,
                "link '{link}' is not allowed: only https:, tel: and mailto: links are"
            ),
            DataErrorKind::MalformedLink { link, why } => write!(f, "link '{link}' {why}"),
            DataErrorKind::BadDate { value } => {
                write!(f, "'{value}' is not a date written YYYY-MM-DD")
            }
            DataErrorKind::Duplicate { id } => write!(f, "id '{id}' is used more than once"),
            DataErrorKind::NotAllowed { value, allowed } => {
                write!(f, "'{value}' is not allowed here (expected {allowed})")
            }
            DataErrorKind::UnknownField { field, allowed } => {
                write!(
                    f,
                    "has a field '{field}' that does not belong here (expected {allowed})"
                )
            }
            DataErrorKind::MissingField { .. } => write!(f, "is missing"),
            DataErrorKind::WrongType { expected } => write!(f, "should be {expected}"),
            DataErrorKind::UnknownReference { what, id } => write!(f, "refers to {what} '{id}', which does not exist"),
            DataErrorKind::Cycle { path } => write!(f, "conditions form a cycle: {}", path.join(" → ")),
            DataErrorKind::ForwardReference { id } => write!(
                f,
                "depends on item '{id}', which comes later: a condition may only look at earlier items"
            ),
            DataErrorKind::WrongLength { what, expected, found } => {
                write!(f, "has {found} {what}, expected {expected}")
            }
            DataErrorKind::ContainsHtml { text } => write!(
                f,
                "contains HTML ('{text}'): write plain text, the app never reads HTML"
            ),
            DataErrorKind::NotAPhoneNumber { number } => write!(
                f,
                "'{number}' cannot be dialled: Amarre needs a number written with digits, spaces and + . - / ( ) only (no quotes, no letters)"
            ),
            DataErrorKind::NeededByAmarre { needs } => write!(f, "{}", needs.join("; ")),
            DataErrorKind::TooManyProblems { more } => write!(
                f,
                "and {more} more problems, not listed: fix the ones above first, then check the file again"
            ),
            DataErrorKind::NotUtf8 { line } => write!(f, "is not UTF-8 (from line {line}): save it again as UTF-8"),
            DataErrorKind::MissingFile => write!(f, "is listed in annuaire/index.json but is not in annuaire/"),
            DataErrorKind::Unreachable => write!(f, "could not be fetched from the server"),
            DataErrorKind::HiddenCharacter { code } => {
                write!(f, "has an invisible or direction character (U+{code:04X})")
            }
            DataErrorKind::TooBig { bytes, max } => write!(
                f,
                "the file is {}, more than the {} a directory may be",
                megabytes(*bytes),
                megabytes(*max)
            ),
            DataErrorKind::PlaceholderMismatch { expected, found } => write!(
                f,
                "placeholders differ from the reference text: expected {{{}}}, found {{{}}}",
                expected.join("}, {"),
                found.join("}, {")
            ),
        }
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_place_and_problem() {
        let e = DataError::new("helplines.json", "lines[2] (fr-3114) → number", DataErrorKind::Empty);
        assert_eq!(e.to_string(), "helplines.json: lines[2] (fr-3114) → number: is empty");
    }

    #[test]
    fn display_without_place_speaks_of_the_file() {
        let e = DataError::new("en.json", "", DataErrorKind::Syntax("expected value at line 1".into()));
        assert_eq!(e.to_string(), "en.json: cannot be read: expected value at line 1");
    }
}
