//! The content each app ships, baked in at build time.
//!
//! `build.rs` reads every data file, validates and cross-checks it with the
//! core ([`amarre_core::shipped`]) and writes each app's [`Content`] as a
//! compact binary (postcard) that is compiled into that app's wasm. A broken
//! data file fails `cargo build` with its file, place and problem, so the
//! browser carries neither the JSON files nor their validators: it only
//! decodes what was already checked, once, at start.
//!
//! Decoding can only fail if the build itself is broken (a bug); the shell
//! then shows its calm error page rather than panicking.

use std::sync::OnceLock;

pub use amarre_core::shipped::{Content, Orientation};

/// One app's baked content, as the build script wrote it.
#[derive(Clone, Copy)]
pub struct Baked(&'static [u8]);

/// The young people's app's content (`/`, `/eleve`).
pub const QUESTIONNAIRES: Baked = Baked(include_bytes!(concat!(env!("OUT_DIR"), "/young.content")));
/// The family app's content (`/famille`).
pub const FAMILY: Baked = Baked(include_bytes!(concat!(env!("OUT_DIR"), "/family.content")));
/// The class survey's content (`/classe/`).
pub const CLASS: Baked = Baked(include_bytes!(concat!(env!("OUT_DIR"), "/class.content")));
/// The services app's content (`/services/`, `/confidentialite/`).
pub const SERVICES: Baked = Baked(include_bytes!(concat!(env!("OUT_DIR"), "/services.content")));

/// The history's content (`/historique/`).
pub const HISTORY: Baked = Baked(include_bytes!(concat!(env!("OUT_DIR"), "/history.content")));

/// Why the baked content could not be used (a broken build).
#[derive(Debug, Clone)]
pub struct Unreadable(pub String);

/// The content `baked` holds, decoded on first use and kept for the page's
/// life (a page runs one app only, so one cell serves whichever it is).
pub fn shipped(baked: Baked) -> Result<&'static Content, &'static Unreadable> {
    static CONTENT: OnceLock<Result<Content, Unreadable>> = OnceLock::new();
    CONTENT
        .get_or_init(|| postcard::from_bytes(baked.0).map_err(|e| Unreadable(e.to_string())))
        .as_ref()
}

/// The service types and orientation rules of `content` (the apps that
/// suggest services always ship them; the build checks it).
pub fn orientation(content: &'static Content) -> Option<&'static Orientation> {
    content.orientation.as_ref()
}
