//! The pure core of Amarre: the validated model of every data file the
//! apps read, and the rules that work on it.
//!
//! A crate of its own so that the compiler keeps it pure: it depends on
//! serde, serde_json and chrono, never on Leptos, web-sys or wasm-bindgen.
//! Everything is plain data in, plain data out, tested natively with
//! `cargo test`. The apps (the `amarre` crate) turn what these types say
//! into words in the chosen language; the build script uses [`shipped`]
//! to validate the data files and bake them into each app.
//!
//! Each hand-written file (shipped data, a coordinator's directory) is read
//! in two steps, after ripgrep's habit: a JSON tree of the file as it is
//! ([`json_value`], parsed by serde_json and walked by [`json`], which
//! lists every problem with its place), then a constructor that validates
//! it into types that cannot be wrong. The files the app writes itself
//! (answers, class sessions, the stored directory) are serde structs that
//! mirror the file, validated in a second step the same way.

// No unsafe code anywhere: nothing here needs it.
#![forbid(unsafe_code)]

pub mod answers;
pub mod catalog;
pub mod class_ideas;
pub mod class_session;
pub mod climate;
pub mod code;
pub mod code_batch;
pub mod date;
pub mod directory;
pub mod encoding;
pub mod error;
pub mod factors;
pub mod helpline;
pub mod history;
pub mod json;
pub mod json_value;
pub mod language;
pub mod link;
pub mod order;
pub mod orientation;
pub mod pack;
pub mod places;
pub mod qr;
pub mod questionnaire;
pub mod scoring;
pub mod service_type;
pub mod shipped;
pub mod territory;
pub mod text;

pub use error::{DataError, DataErrorKind};
