//! Fetches the directories a coordinator published with the app
//! ([`amarre_core::directory::published`]): `annuaire/index.json`, their
//! checked form, read with the same checks as the directory kept in the
//! tab (the stored form's reader: the HSDS one stays in the coordinators'
//! app). Every app that shows services does it at start, the same request
//! for everyone; the service worker keeps the last copy for offline visits.
//!
//! No index (a site without published directories) is not a problem; an
//! index that cannot be read is, for the coordinators' app.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use amarre_core::directory::published::{INDEX, INDEX_FILE};
use amarre_core::directory::{stored, Directory};
use amarre_core::service_type::ServiceTypes;
use amarre_core::DataError;

/// What fetching one file gave.
pub enum Fetched {
    /// Its bytes.
    Bytes(Vec<u8>),
    /// The server has no such file.
    Missing,
    /// The network or the server failed.
    Failed,
}

/// The published directory, or why it cannot be used; `None` when the site
/// publishes none (or cannot be reached). With `FULL`, every field of each
/// service; without, what a suggestion's contact shows.
pub async fn fetch<const FULL: bool>(types: &ServiceTypes) -> Option<Result<Directory, Vec<DataError>>> {
    let Fetched::Bytes(bytes) = get(INDEX).await else {
        return None;
    };
    Some(read::<FULL>(&bytes, types))
}

/// The index's directory, from its bytes.
pub fn read<const FULL: bool>(bytes: &[u8], types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    amarre_core::directory::check_size(INDEX_FILE, bytes.len() as u64).map_err(|e| vec![e])?;
    let text = amarre_core::encoding::text_of(INDEX_FILE, bytes).map_err(|e| vec![e])?;
    if FULL {
        stored::from_text(INDEX_FILE, &text, types)
    } else {
        stored::contacts_from_text(INDEX_FILE, &text, types)
    }
}

/// Starts fetching `path` from this site.
fn get_started(path: &str) -> Option<JsFuture> {
    Some(JsFuture::from(web_sys::window()?.fetch_with_str(path)))
}

/// Fetches `path` from this site (also the services app's list of places).
pub async fn get(path: &str) -> Fetched {
    finish(get_started(path)).await
}

/// The answer to a started request.
async fn finish(request: Option<JsFuture>) -> Fetched {
    let Some(request) = request else {
        return Fetched::Failed;
    };
    let Some(response) = request.await.ok().and_then(|r| r.dyn_into::<Response>().ok()) else {
        return Fetched::Failed;
    };
    match response.status() {
        200 => {}
        // 204: offline with no copy kept (the service worker's answer).
        204 | 404 | 410 => return Fetched::Missing,
        _ => return Fetched::Failed,
    }
    let Ok(promise) = response.array_buffer() else {
        return Fetched::Failed;
    };
    match JsFuture::from(promise).await {
        Ok(buffer) => Fetched::Bytes(Uint8Array::new(&buffer).to_vec()),
        Err(_) => Fetched::Failed,
    }
}
