//! Fetches the app's language packs ([`amarre_core::pack`]) after its first
//! view: every pack, for everyone, whatever language the person reads, so
//! no request says which one they chose. The service worker keeps them for
//! offline visits like every other file. Until the pack of the language in
//! use is there (or if it cannot be had), its texts are shown in French.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::Response;

use crate::shared::locale::Locale;
use amarre_core::pack::{self, Pack};

/// Starts fetching every pack of the app; each is used as soon as it is
/// there.
pub fn fetch_all(locale: Locale) {
    let Some(window) = crate::shared::browser::window() else {
        return;
    };
    // All requests start now, together; each is read when it answers.
    let requests: Vec<(usize, JsFuture)> = locale
        .content()
        .packs
        .iter()
        .enumerate()
        .filter(|(_, name)| !name.is_empty())
        .map(|(position, name)| {
            (
                position,
                JsFuture::from(window.fetch_with_str(&format!("/packs/{name}"))),
            )
        })
        .collect();
    for (position, request) in requests {
        spawn_local(async move {
            if let Some(pack) = read(request).await {
                if pack::install(position, pack) {
                    locale.texts_arrived(position);
                }
            }
        });
    }
}

/// The pack a request answers with, if it answers with one.
async fn read(request: JsFuture) -> Option<Pack> {
    let response: Response = request.await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    postcard::from_bytes(&Uint8Array::new(&buffer).to_vec()).ok()
}
