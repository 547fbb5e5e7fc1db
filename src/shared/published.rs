//! Fetches the directories a coordinator published with the app
//! ([`amarre_core::directory::published`]): the index, then each file it
//! lists, read with the same checks as a file loaded by hand. Every app
//! that shows services does it at start, the same requests for everyone;
//! the service worker keeps the last copies for offline visits.
//!
//! No index (a site without published directories) is not a problem; an
//! index or a file that cannot be read is, for the coordinator's page.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use amarre_core::directory::published::{self, Published};
use amarre_core::directory::{self, Directory};
use amarre_core::service_type::ServiceTypes;
use amarre_core::{DataError, DataErrorKind};

/// What fetching one file gave.
enum Fetched {
    /// Its bytes.
    Bytes(Vec<u8>),
    /// The server has no such file.
    Missing,
    /// The network or the server failed.
    Failed,
}

/// Fetches and reads every published directory; `None` when the site
/// publishes none.
pub async fn fetch(types: &ServiceTypes) -> Option<Published> {
    let index = match get(published::INDEX).await {
        Fetched::Bytes(bytes) => bytes,
        Fetched::Missing | Fetched::Failed => return None,
    };
    let names = match amarre_core::encoding::text_of("annuaire/index.json", &index)
        .map_err(|e| vec![e])
        .and_then(|text| published::read_index(&text))
    {
        Ok(names) => names,
        Err(problems) => {
            return Some(Published {
                index_problems: problems,
                ..Published::default()
            })
        }
    };
    // Every request starts now, together.
    let requests: Vec<_> = names
        .iter()
        .map(|name| get_started(&format!("{}{name}", published::FOLDER)))
        .collect();
    let mut files = Vec::new();
    for (name, request) in names.into_iter().zip(requests) {
        let read = match finish(request).await {
            Fetched::Bytes(bytes) => read_file(&name, &bytes, types),
            Fetched::Missing => Err(vec![DataError::new(&name, "", DataErrorKind::MissingFile)]),
            Fetched::Failed => Err(vec![DataError::new(&name, "", DataErrorKind::Unreachable)]),
        };
        files.push((name, read));
    }
    Some(published::combine(files))
}

/// A published file's directory, or its problems.
fn read_file(name: &str, bytes: &[u8], types: &ServiceTypes) -> Result<Directory, Vec<DataError>> {
    directory::check_size(name, bytes.len() as u64).map_err(|e| vec![e])?;
    let text = amarre_core::encoding::text_of(name, bytes).map_err(|e| vec![e])?;
    directory::parse(name, &text, types)
}

/// Starts fetching `path` from this site.
fn get_started(path: &str) -> Option<JsFuture> {
    Some(JsFuture::from(web_sys::window()?.fetch_with_str(path)))
}

/// Fetches `path` from this site.
async fn get(path: &str) -> Fetched {
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
        404 | 410 => return Fetched::Missing,
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
