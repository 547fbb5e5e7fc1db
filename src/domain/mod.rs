//! The pure core of Amarre: the validated model of every data file the app
//! reads, and the rules that work on it.
//!
//! Nothing here knows about Leptos, the DOM or storage (a check in
//! `tests/domain_is_pure.rs` keeps it so): everything is plain data in, plain
//! data out, tested natively with `cargo test`. The UI (`crate::app` and its
//! pages) turns what these types say into words in the chosen language.
//!
//! Each data file is read in two steps, after ripgrep's habit: a generic
//! JSON tree of the file as it is (`json_value`, walked by `json`), then a
//! constructor that validates it into types that cannot be wrong, or
//! returns every [`DataError`] it found.

pub mod answers;
pub mod class_ideas;
pub mod class_session;
pub mod climate;
pub mod code;
pub mod date;
pub mod directory;
pub mod error;
pub mod factors;
pub mod helpline;
pub mod json;
pub mod json_value;
pub mod language;
pub mod link;
pub mod order;
pub mod orientation;
pub mod qr;
pub mod questionnaire;
pub mod scoring;
pub mod service_type;
pub mod stored_directory;
pub mod territory;
pub mod text;

pub use error::{DataError, DataErrorKind};
