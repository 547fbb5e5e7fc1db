//! Files on the person's device: saving one made in memory (an export, a
//! CSV), and reading the text of one they picked. Nothing is uploaded.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file named `name`, made in memory: nothing is sent.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = leptos::prelude::document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The text of `file`, decided from its bytes as the checker decides
/// ([`amarre_core::encoding`]: UTF-8 or UTF-16 read, Latin-1 refused with
/// its line), or `None` if the browser could not read the file at all.
pub async fn read_text(file: &web_sys::File) -> Option<Result<String, amarre_core::DataError>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some(amarre_core::encoding::text_of(&file.name(), &bytes))
}
