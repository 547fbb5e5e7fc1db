//! Amarre: a self-assessment app against school dropout that runs entirely
//! in the browser. Nothing a person answers ever leaves their device.
//!
//! The crate is a library so that tests can reach everything; `main.rs` only
//! installs the panic hook and mounts [`app::App`], and
//! `bin/amarre-classe.rs` does the same for [`class::ClassApp`].
//!
//! - [`domain`]: the pure core (no Leptos, no browser): validated models of
//!   the data files and the rules on them.
//! - [`i18n`]: the UI's words per language, pure and validated.
//! - [`content`]: the shipped data files, embedded and validated once.
//! - [`storage`]: the only module that touches browser storage.
//! - [`locale`]: the chosen language, as reactive state.
//! - [`route`], [`navigation`]: the pages and their addresses; moving between
//!   them with the browser's history.
//! - [`flow`]: a questionnaire being answered, saved as it goes.
//! - [`app`], [`pages`], [`components`]: the UI.
//! - [`class`]: the class climate survey, an app of its own at `/classe`.
//! - [`calm_failure`]: the panic hook's calm page, the last resort for a bug.

// No unsafe code anywhere: nothing here needs it, and the browser is the
// sandbox we rely on.
#![forbid(unsafe_code)]

pub mod app;
pub mod calm_failure;
pub mod class;
pub mod components;
pub mod content;
pub mod domain;
pub mod flow;
pub mod i18n;
pub mod locale;
pub mod navigation;
pub mod pages;
pub mod route;
pub mod services;
pub mod storage;

/// The wasm heap: talc instead of the default dlmalloc (smaller, faster;
/// README "Size").
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
