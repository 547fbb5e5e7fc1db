//! « Lire à voix haute »: a button that has the device read a question or
//! a paragraph of the results out loud, with the browser's own speech
//! synthesis (`speechSynthesis`), in a voice of the page's language.
//!
//! It reads what the page shows next to it, so the text is the one on the
//! screen: the person's language, easy-read when that is on. Nothing is
//! sent anywhere: the voices are the device's. Reading stops when the
//! person moves on (the button leaves the page) or presses it again
//! (`aria-pressed` says whether it is reading). A device with no voice for
//! the language, or a browser with no speech synthesis, gets a sentence
//! saying so instead of silence.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::shared::locale::{tr, use_locale};

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let synthesis = web_sys::window()?.speech_synthesis().ok()?;
    (!synthesis.is_undefined() && !synthesis.is_null()).then_some(synthesis)
}

/// A voice of the device for the language `code` (`fr` matches `fr-BE`).
fn voice_for(synthesis: &SpeechSynthesis, code: &str) -> Option<SpeechSynthesisVoice> {
    synthesis
        .get_voices()
        .iter()
        .map(JsCast::unchecked_into::<SpeechSynthesisVoice>)
        .find(|voice| voice.lang().split(['-', '_']).next() == Some(code))
}

/// What `element` shows but the button's own `label`: a line break
/// becomes a full stop, so each choice is a sentence of its own.
fn shown_text(element: &HtmlElement, label: &str) -> String {
    element.inner_text().replacen(label, "", 1).trim().replace('\n', ". ")
}

/// A « Lire à voix haute » button reading the element it stands in (its
/// parent), its own label left out.
///
/// Its state lives in the page (`aria-pressed`, the message's text), set
/// when it is pressed: each reactive closure would be a type of its own
/// for Leptos to render, and this button is on every question.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let locale = use_locale();
    // Voices load when first asked for: ask now, so they are there on a click.
    if let Some(synthesis) = synthesis() {
        let _ = synthesis.get_voices();
    }
    // Moving on (the question or the results leave the page) stops it.
    on_cleanup(|| {
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
    });
    let read = move |ev: web_sys::MouseEvent| {
        let Some(button) = ev.current_target().map(JsCast::unchecked_into::<HtmlElement>) else {
            return;
        };
        let pressed = |on: bool| {
            let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        };
        let message = button.next_element_sibling();
        let say = |key: &'static str| {
            if let Some(message) = &message {
                message.set_text_content(Some(&locale.t(key)));
            }
        };
        let Some(synthesis) = synthesis() else {
            return say("shell.no_speech");
        };
        synthesis.cancel();
        if button.get_attribute("aria-pressed").as_deref() == Some("true") {
            return pressed(false);
        }
        let code = locale.current().code.as_str();
        let Some(voice) = voice_for(&synthesis, code) else {
            return say("shell.no_voice");
        };
        // A message said earlier is not read.
        if let Some(message) = &message {
            message.set_text_content(None);
        }
        let text = button
            .parent_element()
            .map(|parent| shown_text(parent.unchecked_ref(), &button.inner_text()))
            .unwrap_or_default();
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            return say("shell.no_speech");
        };
        utterance.set_lang(code);
        utterance.set_voice(Some(&voice));
        let after = button.clone();
        let done = Closure::<dyn FnMut()>::new(move || {
            let _ = after.set_attribute("aria-pressed", "false");
        })
        .into_js_value();
        utterance.set_onend(Some(done.unchecked_ref()));
        utterance.set_onerror(Some(done.unchecked_ref()));
        pressed(true);
        synthesis.speak(&utterance);
    };
    view! {
        <button type="button" class="read-aloud" data-testid="read-aloud" aria-pressed="false" on:click=read>
            {tr("shell.read_aloud")}
        </button>
        <p class="read-aloud read-aloud__problem" role="status" data-testid="read-aloud-problem"></p>
    }
}
