//! Amarre's apps: a self-assessment against school dropout that runs
//! entirely in the browser. Nothing a person answers ever leaves their
//! device.
//!
//! Each app is a page of its own with its own wasm (its entry point only
//! mounts it), so none downloads the others; links between them are
//! ordinary page loads. What they share lives in one place:
//!
//! - [`shared`]: the frame every app configures (skip link, header with the
//!   quick exit and language picker, the help area, footer), links and
//!   navigation, the baked content, the reading language, storage, and the
//!   components more than one app shows (a question, the safety net, service
//!   cards and suggestions);
//! - [`questionnaires`]: the app at `/`: home, the young person's and the
//!   family questionnaires, their results (`src/main.rs`);
//! - [`class`]: the class climate survey at `/classe/`
//!   (`src/bin/amarre-classe.rs`);
//! - [`services`]: support services at `/services/` and the privacy page at
//!   `/confidentialite/` (`src/bin/amarre-services.rs`);
//! - [`history`]: the results a person kept, at `/historique/`
//!   (`src/bin/amarre-historique.rs`);
//! - [`coordination`]: for coordinators, at `/coordination/`: the
//!   directories published with the app, and trying a file out
//!   (`src/bin/amarre-coordination.rs`).
//!
//! No app imports another app's module (`tests/app_boundaries.rs`). The
//! rules and models are in the `amarre-core` crate, which has no Leptos.

// No unsafe code anywhere: nothing here needs it, and the browser is the
// sandbox we rely on.
#![forbid(unsafe_code)]

pub mod class;
pub mod coordination;
pub mod history;
#[cfg(not(target_family = "wasm"))]
pub mod prerender;
pub mod questionnaires;
pub mod services;
pub mod shared;

/// The wasm heap: talc instead of the default dlmalloc (smaller, faster;
/// README "Size").
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
