//! Handing a result to the history in another tab, in memory only: when
//! the history is locked, the questionnaires app (which carries no
//! cryptography) opens the history in a new tab and, once that tab says it
//! is ready, posts it the result (`postMessage`, this site's origin only).
//! Nothing goes through storage or the address, so nothing readable is
//! left behind; the history asks for the passphrase and seals it.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::MessageEvent;

use amarre_core::history::Entry;

use crate::shared::address;

/// What the history tab says when it is ready to receive.
const READY: &str = "amarre:history-ready";

/// Whether `event` comes from this site and from `from`.
fn from_here(event: &MessageEvent, origin: &str, from: &JsValue) -> bool {
    event.origin() == origin && event.source().is_some_and(|source| js_sys::Object::is(&source, from))
}

/// The browser would not open the history's tab (a popup blocker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Blocked;

/// Opens the history in a new tab and hands it `entry` when it is ready.
pub fn send(entry: &Entry) -> Result<(), Blocked> {
    let window = web_sys::window().ok_or(Blocked)?;
    let origin = window.location().origin().map_err(|_| Blocked)?;
    let tab = window
        .open_with_url_and_target(&format!("{}/", address::HISTORY), "_blank")
        .ok()
        .flatten()
        .ok_or(Blocked)?;
    let text = JsValue::from(entry.to_text());
    let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if from_here(&event, &origin, &tab) && event.data().as_string().as_deref() == Some(READY) {
            let _ = tab.post_message(&text, &origin);
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    Ok(())
}

/// In a tab the questionnaires opened: says it is ready, and calls
/// `received` with the result's text the opener posts back.
pub fn receive(received: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let Ok(origin) = window.location().origin() else { return };
    let opener = window.opener().unwrap_or(JsValue::NULL);
    if opener.is_null() || opener.is_undefined() {
        return;
    }
    let from = opener.clone();
    let origin_of = origin.clone();
    let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if from_here(&event, &origin_of, &from) {
            if let Some(text) = event.data().as_string() {
                received(text);
            }
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
    let _ = opener
        .unchecked_into::<web_sys::Window>()
        .post_message(&READY.into(), &origin);
}
